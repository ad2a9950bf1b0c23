package org.convlens.spec;

import org.convlens.engine.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad spec is one plain line in the user's language: nothing of the JSON parser's own text
 * (its option and class names, "REDACTED" sources, "code 43") leaks, in English or in Chinese.
 */
class JsonMessagesTest {
    /** Words of the parser's own messages, none of which may reach the user. */
    private static final List<String> LEAKS = List.of("JsonReadFeature", "StreamReadFeature", "StreamReadConstraints",
            "REDACTED", "Source:", "`", "(code", "Unexpected character", "Unrecognized", "token", "was expecting",
            "exceeds the maximum", "Jackson", "end-of-input", "CTRL-CHAR");
    private static final String K = ", \"kernel\": [[1]]}";

    private static SpecException refused(String json) {
        return assertThrows(SpecException.class, () -> SpecReader.read(json));
    }

    private static void plain(SpecException e) {
        for (Locale l : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            String m = e.message(l);
            for (String leak : LEAKS) {
                assertFalse(m.contains(leak), l + ": " + m);
            }
            assertTrue(m.length() < 300, m);
            assertFalse(m.contains("\n"), m);
        }
        assertTrue(e.message(Locale.SIMPLIFIED_CHINESE).codePoints().anyMatch(c -> c >= 0x4E00 && c < 0xA000),
                e.message(Locale.SIMPLIFIED_CHINESE));
    }

    /** Each row: the spec text (~ stands for a double quote, # for the rest of a good spec), then what the line says. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{~input~: [[+1]]#                      | a number cannot start with +",
        "{~input~: [[01]]#                      | cannot start with 0 followed",
        "{~input~: [[.5]]#                      | not written as JSON writes numbers",
        "{~input~: [[5.]]#                      | not written as JSON writes numbers",
        "{~input~: [[1e]]#                      | not written as JSON writes numbers",
        "{~input~: [[-x]]#                      | not written as JSON writes numbers",
        "{'input': [[1]]#                       | expected a field name in double quotes, found '''",
        "{input: [[1]]#                         | expected a field name in double quotes, found 'i'",
        "{~input~: [[1,]]#                      | expected a value (a number, a list, text in quotes, true, false or null), found ']'",
        "{~input~: [[1] [2]]#                   | expected a comma or ] after a list item, found '['",
        "{~input~ [[1]]#                        | expected a colon after the field name, found '['",
        "{~input~: [[True]]#                    | True is not a word JSON knows",
        "{~input~: [[1]]}} x                    | more text after the end",
        "{~input~: [[1]] /* c */#               | comments are not allowed",
        "{~input~: [[1]]                        | the text ends before the JSON does",
        "{~input~: ~abc                         | the text ends inside quotes",
        "{~input~: ~a\\qb~#                     | \\q is not an escape JSON knows",
        "{~input~: [[1]], ~input~: [[2]]#       | the field ~input~ is given twice",
        "{~input~: [[1]] @#                     | expected a comma or } after a field, found '@'",
        "{~input~: [[1}#                        | found '}' where ']' should close the open list or object",
    })
    void syntaxErrorsAreSaidPlainly(String spec, String says) {
        String json = spec.replace('~', '"').replace("#", K);
        SpecException e = refused(json);
        assertEquals("$", e.field());
        assertTrue(e.message(Locale.ROOT).contains(says.replace('~', '"')), json + " -> " + e.message(Locale.ROOT));
        assertTrue(e.message(Locale.ROOT).startsWith("not valid JSON at line 1, column "), e.message(Locale.ROOT));
        plain(e);
    }

    @Test
    void aControlCharacterIsNamedByItsCode() {
        SpecException e = refused("{\"input\": \"a\u0001b\"" + K);
        assertTrue(e.message(Locale.ROOT).contains("U+0001"), e.message(Locale.ROOT));
        plain(e);
        SpecException bom = refused("{\"input\": [[1]]\uFEFF" + K);
        assertTrue(bom.message(Locale.ROOT).contains("found U+FEFF"), bom.message(Locale.ROOT));
        plain(bom);
    }

    @Test
    void aThousandDigitNumberIsALongNumberNotDeepNesting() {
        SpecException e = refused("{\"input\": [[" + "9".repeat(1001) + "]]" + K);
        assertTrue(e.message(Locale.ROOT).contains("a number of 1001 digits is too long (at most 1000)"), e.message(Locale.ROOT));
        assertTrue(e.message(Locale.ROOT).contains("line 1"), e.message(Locale.ROOT));
        plain(e);
        // 1000 digits parse, and the value is refused without echoing all of it
        SpecException big = refused("{\"input\": [[" + "9".repeat(1000) + "]]" + K);
        assertEquals("$.input[0][0]", big.field());
        assertTrue(big.message(Locale.ROOT).length() < 120, big.message(Locale.ROOT));
    }

    @Test
    void a25MegabyteStringIsALongTextNotDeepNesting() {
        SpecException e = refused("{\"input\": \"" + "x".repeat(25_000_000) + "\"" + K);
        assertTrue(e.message(Locale.ROOT).contains("is too long for a spec (at most 100000)"), e.message(Locale.ROOT));
        plain(e);
    }

    @Test
    void deepNestingSaysSo() {
        SpecException e = refused("{\"input\": " + "[".repeat(2000) + "]".repeat(2000) + K);
        assertTrue(e.message(Locale.ROOT).contains("nested too deeply (more than 64 levels)"), e.message(Locale.ROOT));
        plain(e);
    }

    @Test
    void aLongUnknownNameIsQuotedShort() {
        SpecException e = refused("{\"input\": [[1]], \"kernel\": [[1]], \"" + "a".repeat(900) + "\": 1}");
        assertTrue(e.message(Locale.ROOT).length() < 250, e.message(Locale.ROOT));
        SpecException t = refused("{\"input\": \"" + "b".repeat(5000) + "\"" + K);
        assertTrue(t.message(Locale.ROOT).length() < 120, t.message(Locale.ROOT));
        assertTrue(t.message(Locale.SIMPLIFIED_CHINESE).contains("文本"), t.message(Locale.SIMPLIFIED_CHINESE));
    }

    private static final String SPEC = "{\"input\": [[1, 2], [3, 4]], \"kernel\": [[1]], \"bias\": 0.5}";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-16LE,true", "UTF-16BE,true", "UTF-16LE,false", "UTF-16BE,false", "UTF-32BE,true", "UTF-32LE,false",
        "UTF-8,true"})
    void unicodeSpecsAreRead(String charset, boolean bom, @TempDir Path tmp) throws IOException {
        byte[] text = ((bom ? "\uFEFF" : "") + SPEC).getBytes(Charset.forName(charset));
        Path f = Files.write(tmp.resolve("spec.json"), text);
        Problem p = SpecReader.read(f);
        assertArrayEquals(new float[] {1, 2, 3, 4}, p.input().data());
        assertArrayEquals(new float[] {0.5f}, p.spec().bias());
    }

    @Test
    void binaryAndOtherEncodingsAreSaidForWhatTheyAre(@TempDir Path tmp) throws IOException {
        Path png = Files.write(tmp.resolve("x.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertEquals("error.file.notText", assertThrows(SpecException.class, () -> SpecReader.read(png)).key());
        Path latin = Files.write(tmp.resolve("l.json"), ("{\"input\": [[1]],\n \"kernel\": [[1]],\n \"activation\": \"r\u00e9lu\"}")
                .getBytes(StandardCharsets.ISO_8859_1));
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(latin));
        assertEquals("error.file.notUtf8", e.key());
        assertEquals("not UTF-8 text: byte 0xE9 at line 3 is not UTF-8; save the file as UTF-8", e.message(Locale.ROOT));
    }
}
