package org.convlens.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Node;
import org.convlens.lesson.YamlTree.Scalar;
import org.convlens.lesson.YamlTree.Sequence;

import java.math.BigDecimal;
import java.util.Map;

/** Plain YAML data into the JSON tree the spec reader takes, each node's line kept under its JSON path. */
final class JsonTree {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /** The JSON form of {@code n}; null after reporting a number that is not one. */
    static JsonNode of(Node n, String path, Map<String, Integer> lines, Report r) {
        lines.put(path, n.line());
        if (n instanceof Mapping m) {
            ObjectNode o = F.objectNode();
            for (YamlTree.Entry e : m.entries().values()) {
                String p = path + "." + e.key();
                JsonNode v = of(e.value(), p, lines, r);
                if (v == null) {
                    return null;
                }
                lines.put(p, e.line());
                o.set(e.key(), v);
            }
            return o;
        }
        if (n instanceof Sequence q) {
            ArrayNode a = F.arrayNode();
            for (int i = 0; i < q.items().size(); i++) {
                JsonNode v = of(q.items().get(i), path + "[" + i + "]", lines, r);
                if (v == null) {
                    return null;
                }
                a.add(v);
            }
            return a;
        }
        Scalar s = (Scalar) n;
        switch (s.kind()) {
            case INT:
                try {
                    return F.numberNode(Long.parseLong(s.text().replace("_", "")));
                } catch (NumberFormatException e) {
                    return decimal(s, r);
                }
            case FLOAT:
                return decimal(s, r);
            case BOOLEAN:
                return F.booleanNode(Boolean.parseBoolean(s.text()) || s.text().equalsIgnoreCase("yes")
                        || s.text().equalsIgnoreCase("on") || s.text().equalsIgnoreCase("y"));
            case NULL:
                return F.nullNode();
            default:
                return F.textNode(s.text());
        }
    }

    private static JsonNode decimal(Scalar s, Report r) {
        try {
            return F.numberNode(new BigDecimal(s.text().replace("_", "")));
        } catch (NumberFormatException e) {
            r.error(s.line(), "error.value.number", s.text());
            return null;
        }
    }
}
