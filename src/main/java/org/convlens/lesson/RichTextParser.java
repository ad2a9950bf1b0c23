package org.convlens.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads narration text into {@link RichText}. The rules, as the README documents them:
 * <ul>
 *   <li>a blank line separates paragraphs; lines of a paragraph are joined with a space (with
 *       none between two Chinese characters);</li>
 *   <li>a line starting with {@code - } (or {@code * }) is a bullet, {@code 1. } a numbered item;
 *       an indented line after an item continues it;</li>
 *   <li>{@code **strong**}, {@code *emphasis*} (a star followed by a space is just a star, as in
 *       {@code 2 * 3}), {@code `code`} and {@code $math$} (shown as typed, stars and all);</li>
 *   <li>a backslash makes the next character plain: {@code \*}, {@code \$}, {@code \`}, {@code \\}.</li>
 * </ul>
 * A marker that is opened and never closed is reported at its line.
 */
final class RichTextParser {
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");

    /** Receives a problem at a line. */
    interface Sink {
        void error(int line, String key, Object... args);
    }

    private RichTextParser() {
    }

    /** An item being collected: its text and the line each joined source line starts at. */
    private static final class Item {
        final StringBuilder text = new StringBuilder();
        final List<int[]> lineStarts = new ArrayList<>();

        void add(String part, int line) {
            if (text.length() > 0) {
                char last = text.charAt(text.length() - 1);
                if (!(isCjk(last) && !part.isEmpty() && isCjk(part.charAt(0)))) {
                    text.append(' ');
                }
            }
            lineStarts.add(new int[] {text.length(), line});
            text.append(part);
        }

        int lineAt(int offset) {
            int line = lineStarts.get(0)[1];
            for (int[] s : lineStarts) {
                if (s[0] <= offset) {
                    line = s[1];
                }
            }
            return line;
        }
    }

    static boolean isCjk(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A;
    }

    /**
     * @param text the narration
     * @param firstLine the file line of the text's first line
     * @param sink where problems go
     */
    static RichText parse(String text, int firstLine, Sink sink) {
        String[] lines = text.replace("\r", "").split("\n", -1);
        List<RichText.Block> blocks = new ArrayList<>();
        RichText.BlockKind kind = null;
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].stripTrailing();
            int line = firstLine + i;
            if (raw.isBlank()) {
                flush(blocks, kind, items, sink);
                kind = null;
                items = new ArrayList<>();
                continue;
            }
            Matcher b = BULLET.matcher(raw);
            Matcher n = NUMBERED.matcher(raw);
            RichText.BlockKind lineKind = b.matches() ? RichText.BlockKind.BULLETS
                    : n.matches() ? RichText.BlockKind.NUMBERED : RichText.BlockKind.PARAGRAPH;
            if (lineKind == RichText.BlockKind.PARAGRAPH) {
                boolean continuesItem = kind != null && kind != RichText.BlockKind.PARAGRAPH
                        && Character.isWhitespace(raw.charAt(0));
                if (kind == RichText.BlockKind.PARAGRAPH || continuesItem) {
                    items.get(items.size() - 1).add(raw.strip(), line);
                } else {
                    flush(blocks, kind, items, sink);
                    kind = RichText.BlockKind.PARAGRAPH;
                    items = new ArrayList<>();
                    Item it = new Item();
                    it.add(raw.strip(), line);
                    items.add(it);
                }
            } else {
                if (kind != lineKind) {
                    flush(blocks, kind, items, sink);
                    kind = lineKind;
                    items = new ArrayList<>();
                }
                Item it = new Item();
                it.add((lineKind == RichText.BlockKind.BULLETS ? b : n).group(1).strip(), line);
                items.add(it);
            }
        }
        flush(blocks, kind, items, sink);
        return new RichText(blocks);
    }

    private static void flush(List<RichText.Block> blocks, RichText.BlockKind kind, List<Item> items, Sink sink) {
        if (kind == null || items.isEmpty()) {
            return;
        }
        List<List<RichText.Span>> spans = new ArrayList<>();
        for (Item it : items) {
            spans.add(inline(it, sink));
        }
        blocks.add(new RichText.Block(kind, spans));
    }

    private static List<RichText.Span> inline(Item item, Sink sink) {
        String s = item.text.toString();
        List<RichText.Span> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                plain.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            RichText.Style style = null;
            String close = null;
            int open = 0;
            if (c == '`') {
                style = RichText.Style.CODE;
                close = "`";
                open = 1;
            } else if (c == '$') {
                style = RichText.Style.MATH;
                close = "$";
                open = 1;
            } else if (s.startsWith("**", i) && startsWord(s, i)) {
                style = RichText.Style.STRONG;
                close = "**";
                open = 2;
            } else if (c == '*' && startsWord(s, i) && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
                style = RichText.Style.EMPHASIS;
                close = "*";
                open = 1;
            }
            if (style == null) {
                plain.append(c);
                i++;
                continue;
            }
            int end = findClose(s, i + open, close, style);
            if (end < 0) {
                sink.error(item.lineAt(i), "error.text.unclosed", s.substring(i, i + open));
                plain.append(s, i, i + open);
                i += open;
                continue;
            }
            String inner = unescape(s.substring(i + open, end), style);
            if (inner.isBlank()) {
                sink.error(item.lineAt(i), "error.text.emptyMarker", s.substring(i, i + open));
            }
            if (plain.length() > 0) {
                out.add(new RichText.Span(RichText.Style.PLAIN, plain.toString()));
                plain.setLength(0);
            }
            out.add(new RichText.Span(style, inner));
            i = end + close.length();
        }
        if (plain.length() > 0) {
            out.add(new RichText.Span(RichText.Style.PLAIN, plain.toString()));
        }
        return out;
    }

    /**
     * A star opens emphasis only at the start of a word: {@code 3*12*9} stays as typed. Chinese
     * has no spaces between words, so only a Latin letter or digit before the star counts.
     */
    private static boolean startsWord(String s, int i) {
        if (i == 0) {
            return true;
        }
        char c = s.charAt(i - 1);
        return !(c < 128 && Character.isLetterOrDigit(c));
    }

    /** The index of the closing marker, skipping escaped characters; -1 if none. */
    private static int findClose(String s, int from, String close, RichText.Style style) {
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\' && style != RichText.Style.CODE) {
                j++;
                continue;
            }
            if (s.startsWith(close, j)) {
                if (style == RichText.Style.EMPHASIS || style == RichText.Style.STRONG) {
                    if (Character.isWhitespace(s.charAt(j - 1))) {
                        continue;
                    }
                    if (style == RichText.Style.EMPHASIS && s.startsWith("**", j)) {
                        j++;
                        continue;
                    }
                }
                return j;
            }
        }
        return -1;
    }

    private static String unescape(String s, RichText.Style style) {
        if (style == RichText.Style.CODE || s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
