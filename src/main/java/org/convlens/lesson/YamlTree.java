package org.convlens.lesson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as plain data with the line of every node: maps, lists and scalars, nothing
 * else. Built by walking the token stream of Jackson's YAML parser (which never constructs
 * objects), and refusing what plain data does not need: tags ({@code !foo}, {@code !!python/...}),
 * anchors and aliases, directives ({@code %TAG}, {@code %YAML}), several documents, duplicate
 * keys, nesting deeper than {@link #MAX_DEPTH}.
 *
 * <p>Jackson's token stream does not carry every anchor (one on a scalar, {@code level: &a x},
 * is dropped) nor the directives, so a first pass reads SnakeYAML's own events (the parser
 * under Jackson's) and refuses those; the second builds the tree.
 */
final class YamlTree {
    /** Files above this many bytes are refused before decoding. */
    static final int MAX_BYTES = 1 << 20;
    /** Maps and lists nested deeper than this are refused (a lesson needs about 8). */
    static final int MAX_DEPTH = 64;

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTree() {
    }

    /** A node with its place in the file (1-based line and column). */
    sealed interface Node permits Scalar, Sequence, Mapping {
        int line();

        int column();
    }

    /** What a scalar was read as. */
    enum ScalarKind {
        TEXT, INT, FLOAT, BOOLEAN, NULL
    }

    /**
     * A scalar.
     *
     * @param text the value as text (a number as written)
     * @param kind what YAML reads it as
     * @param style how it was written: {@code '|'} literal block, {@code '>'} folded block,
     *              {@code '"'} or {@code '\''} quoted, {@code ' '} plain
     */
    record Scalar(String text, ScalarKind kind, char style, int line, int column) implements Node {
        /** The line of the first content line: the line after a block indicator, else this node's line. */
        int contentLine() {
            return style == '|' || style == '>' ? line + 1 : line;
        }

        boolean isNumber() {
            return kind == ScalarKind.INT || kind == ScalarKind.FLOAT;
        }
    }

    /** A sequence. */
    record Sequence(List<Node> items, int line, int column) implements Node {
    }

    /** A mapping entry: its key's place and its value. */
    record Entry(String key, int line, int column, Node value) {
    }

    /** A mapping, in file order. */
    record Mapping(Map<String, Entry> entries, int line, int column) implements Node {
        Entry get(String key) {
            return entries.get(key);
        }

        Node value(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }
    }

    /** A problem that stops reading the file, at a line. */
    static final class YamlException extends Exception {
        private final int line;
        private final String key;
        private final transient Object[] args;

        YamlException(int line, String key, Object... args) {
            super(key);
            this.line = line;
            this.key = key;
            this.args = args;
        }

        int line() {
            return line;
        }

        String key() {
            return key;
        }

        Object[] args() {
            return args;
        }
    }

    /** Parses one document; the root may be any node (the caller checks it is a map). */
    static Node parse(String text) throws YamlException {
        refuseExtras(text);
        String[] lines = text.split("\n", -1);
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new YamlException(1, "error.file.empty");
            }
            Node root = node(p, t, lines);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new YamlException(line(p), "error.yaml.documents");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
            int nl = msg.indexOf('\n');
            int line = l == null ? 1 : Math.max(1, l.getLineNr());
            String first = nl < 0 ? msg : msg.substring(0, nl);
            throw new YamlException(line, "error.yaml.syntax", first + Text.get(hint(msg)));
        } catch (IOException e) {
            throw new YamlException(1, "error.yaml.syntax", String.valueOf(e.getMessage()));
        }
    }

    /** A hint for the slips teachers make most, as a message key (empty when none fits). */
    private static String hint(String snakeMessage) {
        if (snakeMessage.contains("mapping values are not allowed")) {
            return "hint.yaml.colon";
        }
        if (snakeMessage.contains("flow mapping") || snakeMessage.contains("flow sequence")) {
            return "hint.yaml.flow";
        }
        if (snakeMessage.contains("'\\t'") || snakeMessage.toLowerCase(java.util.Locale.ROOT).contains("tab")) {
            return "hint.yaml.tab";
        }
        return "hint.yaml.none";
    }

    private static int line(YAMLParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    private static Node node(YAMLParser p, JsonToken t, String[] lines) throws IOException, YamlException {
        JsonLocation loc = p.currentTokenLocation();
        int line = Math.max(1, loc.getLineNr());
        int col = Math.max(1, loc.getColumnNr());
        refuseExtras(p, line);
        switch (t) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    int keyLine = Math.max(1, kl.getLineNr());
                    refuseExtras(p, keyLine);
                    String key = p.currentName();
                    if (entries.containsKey(key)) {
                        throw new YamlException(keyLine, "error.yaml.duplicateKey", key, entries.get(key).line());
                    }
                    Node value = node(p, p.nextToken(), lines);
                    entries.put(key, new Entry(key, keyLine, Math.max(1, kl.getColumnNr()), value));
                }
                return new Mapping(Collections.unmodifiableMap(entries), line, col);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(p, i, lines));
                }
                return new Sequence(List.copyOf(items), line, col);
            }
            case VALUE_STRING:
                return new Scalar(p.getText(), ScalarKind.TEXT, style(lines, line, col), line, col);
            case VALUE_NUMBER_INT:
                return new Scalar(p.getText(), ScalarKind.INT, ' ', line, col);
            case VALUE_NUMBER_FLOAT:
                return new Scalar(p.getText(), ScalarKind.FLOAT, ' ', line, col);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Scalar(p.getText(), ScalarKind.BOOLEAN, ' ', line, col);
            case VALUE_NULL:
                return new Scalar(p.getText(), ScalarKind.NULL, ' ', line, col);
            default:
                throw new YamlException(line, "error.yaml.unexpected", String.valueOf(t));
        }
    }

    /**
     * The first pass: SnakeYAML's events, for what Jackson's tokens do not show (anchors on
     * scalars, directives) and for nesting depth before the recursive second pass.
     */
    private static void refuseExtras(String text) throws YamlException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(options.getCodePointLimit(), MAX_BYTES + 1));
        int depth = 0;
        int documents = 0;
        try {
            ParserImpl p = new ParserImpl(new StreamReader(text), options);
            Event e;
            while ((e = p.getEvent()) != null) {
                int line = e.getStartMark() == null ? 1 : e.getStartMark().getLine() + 1;
                if (e instanceof DocumentStartEvent d) {
                    if (++documents > 1) {
                        throw new YamlException(line, "error.yaml.documents");
                    }
                    if (d.getVersion() != null || (d.getTags() != null && !d.getTags().isEmpty())) {
                        throw new YamlException(directiveLine(text), "error.yaml.directive",
                                d.getVersion() != null ? "%YAML" : "%TAG");
                    }
                }
                if (e instanceof AliasEvent a) {
                    throw new YamlException(line, "error.yaml.alias", a.getAnchor());
                }
                if (e instanceof NodeEvent n && n.getAnchor() != null) {
                    throw new YamlException(line, "error.yaml.anchor", n.getAnchor());
                }
                String tag = e instanceof ScalarEvent sc ? sc.getTag()
                        : e instanceof CollectionStartEvent c ? c.getTag() : null;
                if (tag != null) {
                    throw new YamlException(line, "error.yaml.tag", tag);
                }
                if (e instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                    throw new YamlException(line, "error.yaml.deep", MAX_DEPTH);
                }
                if (e instanceof CollectionEndEvent) {
                    depth--;
                }
                if (e.is(Event.ID.StreamEnd)) {
                    return;
                }
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getContext());
            String first = problem.strip().lines().findFirst().orElse("");
            throw new YamlException(m == null ? 1 : m.getLine() + 1, "error.yaml.syntax", first + Text.get(hint(problem)));
        } catch (ReaderException e) {
            throw new YamlException(lineAt(text, e.getPosition()), "error.yaml.character",
                    String.format(java.util.Locale.ROOT, "U+%04X", e.getCodePoint()));
        } catch (YAMLException e) {
            throw new YamlException(1, "error.yaml.syntax", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** The line of the first directive ({@code %} at the start of a line). */
    private static int directiveLine(String text) {
        int line = 1;
        for (String l : text.split("\n", -1)) {
            if (l.startsWith("%")) {
                return line;
            }
            line++;
        }
        return 1;
    }

    /** The 1-based line of a character index. */
    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    private static void refuseExtras(YAMLParser p, int line) throws IOException, YamlException {
        if (p.isCurrentAlias()) {
            throw new YamlException(line, "error.yaml.alias", p.getText());
        }
        if (p.getObjectId() != null) {
            throw new YamlException(line, "error.yaml.anchor", String.valueOf(p.getObjectId()));
        }
        if (p.getTypeId() != null) {
            throw new YamlException(line, "error.yaml.tag", String.valueOf(p.getTypeId()));
        }
    }

    /** How a string scalar was written, read off the source at its location. */
    private static char style(String[] lines, int line, int col) {
        if (line - 1 >= lines.length) {
            return ' ';
        }
        String l = lines[line - 1];
        if (col - 1 >= l.length()) {
            return ' ';
        }
        char c = l.charAt(col - 1);
        return c == '|' || c == '>' || c == '"' || c == '\'' ? c : ' ';
    }

    /** How much of a text {@link #describe} quotes. */
    static final int QUOTED = 40;

    /** A short description of a node for messages: "a list", "text \"x\"", "number 3". */
    static String describe(Node n) {
        if (n instanceof Mapping) {
            return "a map";
        }
        if (n instanceof Sequence) {
            return "a list";
        }
        Scalar s = (Scalar) n;
        return switch (s.kind()) {
            case TEXT -> s.text().contains("\n") ? "a block of text"
                    : "text \"" + Text.printable(s.text(), QUOTED) + "\"";
            case INT, FLOAT -> "number " + Text.printable(s.text(), QUOTED);
            case BOOLEAN -> s.text();
            case NULL -> "nothing";
        };
    }
}
