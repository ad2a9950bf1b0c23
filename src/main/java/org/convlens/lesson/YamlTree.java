package org.convlens.lesson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

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
 * anchors and aliases, several documents, duplicate keys.
 */
final class YamlTree {
    /** Files above this size are refused before parsing. */
    static final int MAX_CHARS = 1 << 20;

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
        if (text.length() > MAX_CHARS) {
            throw new YamlException(1, "error.file.tooLarge", MAX_CHARS / 1024);
        }
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
            case TEXT -> s.text().contains("\n") ? "a block of text" : "text \"" + s.text() + "\"";
            case INT, FLOAT -> "number " + s.text();
            case BOOLEAN -> s.text();
            case NULL -> "nothing";
        };
    }
}
