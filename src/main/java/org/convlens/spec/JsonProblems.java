package org.convlens.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import org.convlens.engine.Messages;
import org.convlens.engine.SpecException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON parser's complaints in the user's words and language: each becomes
 * {@code not valid JSON at line L, column C: <what is wrong>}, the part after the colon one of our
 * own phrases. Nothing of the parser's text (its option names, class names, "REDACTED" sources)
 * reaches the user; a complaint not recognised here still gets its line, column and the
 * character found there.
 */
final class JsonProblems {
    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.{1,2})' \\(code (\\d+)");
    private static final Pattern CTRL = Pattern.compile("CTRL-CHAR, code (\\d+)");
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.{1,2})'");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': (?:expected '(.)')?");
    private static final Pattern LIMIT = Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    private JsonProblems() {
    }

    /**
     * The spec exception for a parser complaint.
     *
     * @param where where the parser was when it complained (its own location may be missing)
     */
    static SpecException of(JsonProcessingException e, JsonLocation where) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : where;
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return new SpecException("$", "error.json.syntax", line, column, limit(m));
        }
        if (m.startsWith("Non-standard token") && (m.contains("NaN") || m.contains("Infinity"))) {
            return new SpecException("$", "error.json.nonFinite", line, column);
        }
        return new SpecException("$", "error.json.syntax", line, column, detail(e, m));
    }

    private static Messages.Phrase limit(String m) {
        Matcher n = LIMIT.matcher(m);
        boolean found = n.find();
        String size = found ? n.group(1) : "?";
        String max = found ? n.group(2) : "?";
        if (m.startsWith("Number")) {
            return Messages.phrase("json.numberTooLong", size, max);
        }
        if (m.startsWith("String") || m.startsWith("Name")) {
            return Messages.phrase("json.textTooLong", size, max);
        }
        if (m.contains("nesting depth")) {
            return Messages.phrase("json.tooDeep", max);
        }
        return Messages.phrase("json.tooLarge");
    }

    private static Messages.Phrase detail(JsonProcessingException e, String m) {
        if (m.contains("Trailing token") || m.contains("FAIL_ON_TRAILING_TOKENS")) {
            return Messages.phrase("json.trailing");
        }
        if (m.contains("ALLOW_COMMENTS")) {
            return Messages.phrase("json.comments");
        }
        if (e instanceof JsonEOFException || m.startsWith("Unexpected end-of-input")) {
            return Messages.phrase(m.contains("closing quote") ? "json.endInText" : "json.end");
        }
        if (m.contains("ALLOW_LEADING_PLUS_SIGN") || m.contains("plus sign")) {
            return Messages.phrase("json.plus");
        }
        if (m.contains("Leading zeroes") || m.contains("ALLOW_NUMERIC_LEADING_ZEROS")) {
            return Messages.phrase("json.leadingZero");
        }
        if (m.contains("in numeric value") || m.contains("ALLOW_LEADING_DECIMAL_POINT")
                || m.contains("ALLOW_TRAILING_DECIMAL_POINT")) {
            return Messages.phrase("json.numberForm");
        }
        Matcher x = CLOSE.matcher(m);
        if (x.find()) {
            return x.group(2) == null ? Messages.phrase("json.trailing")
                    : Messages.phrase("json.closeMismatch", "'" + x.group(1) + "'", "'" + x.group(2) + "'");
        }
        x = ESCAPE.matcher(m);
        if (x.find()) {
            return Messages.phrase("json.escape", x.group(1));
        }
        x = CTRL.matcher(m);
        if (x.find()) {
            String code = String.format("U+%04X", Integer.parseInt(x.group(1)));
            return Messages.phrase(m.contains("string value") ? "json.controlInText" : "json.controlChar", code);
        }
        x = DUPLICATE.matcher(m);
        if (x.find()) {
            return Messages.phrase("json.duplicate", shorten(x.group(1)));
        }
        x = TOKEN.matcher(m);
        if (x.find()) {
            return Messages.phrase("json.word", shorten(x.group(1)));
        }
        x = UNEXPECTED.matcher(m);
        if (x.find()) {
            String found = shown(Integer.parseInt(x.group(2)));
            if (x.group(1).equals(".")) {
                return Messages.phrase("json.numberForm");
            }
            if (m.contains("double-quote to start field name")) {
                return Messages.phrase("json.expectedName", found);
            }
            if (m.contains("separate Array entries")) {
                return Messages.phrase("json.expectedListComma", found);
            }
            if (m.contains("separate Object entries")) {
                return Messages.phrase("json.expectedFieldComma", found);
            }
            if (m.contains("colon to separate")) {
                return Messages.phrase("json.expectedColon", found);
            }
            if (m.contains("expected a valid value")) {
                return Messages.phrase("json.expectedValue", found);
            }
            return Messages.phrase("json.unexpected", found);
        }
        return Messages.phrase("json.other");
    }

    /** A character as the user can see it: 'x', or U+FEFF for one that prints as nothing. */
    private static String shown(int code) {
        if (Character.isISOControl(code) || Character.isWhitespace(code) || Character.getType(code) == Character.FORMAT
                || !Character.isDefined(code)) {
            return String.format("U+%04X", code);
        }
        return "'" + new String(Character.toChars(code)) + "'";
    }

    /** Text quoted back to the user, cut to 40 characters. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
