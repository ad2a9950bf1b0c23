package org.convlens.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Node;
import org.convlens.lesson.YamlTree.Scalar;
import org.convlens.lesson.YamlTree.Sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Grids of a lesson file into the nested JSON lists the spec reader takes, keeping the line of
 * every row (under its JSON path, e.g. {@code $.input[1][2]}) so an engine complaint about a
 * row points at that row.
 *
 * <p>A grid is written as one of:
 * <ul>
 *   <li>a literal block ({@code |}) of rows, numbers separated by spaces; for several channels
 *       (or a kernel's input slices) the grids follow each other separated by a blank line;</li>
 *   <li>a list of such blocks: for an input one per channel, for a kernel one per output channel
 *       (each holding its input slices);</li>
 *   <li>the JSON form, nested lists of numbers, as in a {@code compute} spec;</li>
 *   <li>{@code {shape: [C, H, W], fill: random | count | NUMBER, seed: N, range: [LOW, HIGH]}} for
 *       grids too big to type: {@code random} draws whole numbers from LOW..HIGH (default -4..4)
 *       with a seeded generator, {@code count} numbers the cells 1, 2, 3... row by row; in a
 *       lesson loaded as another variant ({@code fresh: true}) the generator's seed is mixed with
 *       the variant, so every random grid gets fresh numbers.</li>
 * </ul>
 * Numbers may be written as fractions, {@code 1/9}.
 */
final class Grids {
    static final int MAX_VALUES = 1 << 20;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Set<String> GENERATED_KEYS = Set.of("shape", "fill", "seed", "range");

    private Grids() {
    }

    /** A row of a block, with its line. */
    private record Row(int line, List<JsonNode> values) {
    }

    /** One 2-D grid of a block. */
    private record Plane(int line, List<Row> rows) {
        int width() {
            return rows.get(0).values().size();
        }
    }

    /** An input: H x W or C x H x W. Returns null after reporting a problem. */
    static JsonNode tensor(Node n, String path, Map<String, Integer> lines, Report r) {
        if (n instanceof Scalar s && s.kind() == YamlTree.ScalarKind.TEXT) {
            List<Plane> planes = planes(s, r, "error.grid.channel");
            if (planes == null) {
                return null;
            }
            return planes.size() == 1 ? plane(planes.get(0), path, lines) : stack(planes, path, lines);
        }
        if (n instanceof Sequence q && !q.items().isEmpty() && q.items().get(0) instanceof Scalar first
                && first.kind() == YamlTree.ScalarKind.TEXT) {
            List<Plane> planes = new ArrayList<>();
            for (Node item : q.items()) {
                List<Plane> p = blockItem(item, r);
                if (p == null) {
                    return null;
                }
                if (p.size() != 1) {
                    r.error(p.get(1).line(), "error.grid.oneChannelPerItem");
                    return null;
                }
                planes.add(p.get(0));
            }
            if (!sameSize(planes, r, "error.grid.channelSize")) {
                return null;
            }
            return stack(planes, path, lines);
        }
        return other(n, path, lines, r);
    }

    /** A kernel: kh x kw, or out x in x kh x kw. Returns null after reporting a problem. */
    static JsonNode kernel(Node n, String path, Map<String, Integer> lines, Report r) {
        if (n instanceof Scalar s && s.kind() == YamlTree.ScalarKind.TEXT) {
            List<Plane> planes = planes(s, r, "error.grid.slice");
            if (planes == null) {
                return null;
            }
            if (planes.size() == 1) {
                return plane(planes.get(0), path, lines);
            }
            ArrayNode outer = F.arrayNode();
            lines.put(path, s.line());
            outer.add(stack(planes, path + "[0]", lines));
            return outer;
        }
        if (n instanceof Sequence q && !q.items().isEmpty() && q.items().get(0) instanceof Scalar first
                && first.kind() == YamlTree.ScalarKind.TEXT) {
            List<List<Plane>> outs = new ArrayList<>();
            List<Plane> all = new ArrayList<>();
            for (Node item : q.items()) {
                List<Plane> p = blockItem(item, r);
                if (p == null) {
                    return null;
                }
                if (!outs.isEmpty() && p.size() != outs.get(0).size()) {
                    r.error(p.get(0).line(), "error.grid.slices", outs.size() + 1, p.size(), outs.get(0).size());
                    return null;
                }
                outs.add(p);
                all.addAll(p);
            }
            if (!sameSize(all, r, "error.grid.sliceSize")) {
                return null;
            }
            ArrayNode outer = F.arrayNode();
            lines.put(path, q.line());
            for (int o = 0; o < outs.size(); o++) {
                outer.add(stack(outs.get(o), path + "[" + o + "]", lines));
            }
            return outer;
        }
        return other(n, path, lines, r);
    }

    private static List<Plane> blockItem(Node item, Report r) {
        if (!(item instanceof Scalar s) || s.kind() != YamlTree.ScalarKind.TEXT) {
            r.error(item.line(), "error.grid.mixedList", YamlTree.describe(item));
            return null;
        }
        return planes(s, r, "error.grid.slice");
    }

    /** Nested lists (the JSON form) or a generated grid. */
    private static JsonNode other(Node n, String path, Map<String, Integer> lines, Report r) {
        if (n instanceof Mapping m) {
            return generated(m, path, lines, r);
        }
        if (n instanceof Sequence) {
            return JsonTree.of(n, path, lines, r);
        }
        r.error(n.line(), "error.grid.type", YamlTree.describe(n));
        return null;
    }

    /** The grids of a block: rows of numbers, a blank line between grids. */
    private static List<Plane> planes(Scalar s, Report r, String partKey) {
        if (s.style() == '>') {
            r.error(s.line(), "error.grid.folded");
            return null;
        }
        String[] text = s.text().replace("\r", "").split("\n", -1);
        List<Plane> planes = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int first = s.contentLine();
        boolean ok = true;
        for (int i = 0; i < text.length; i++) {
            int line = s.style() == '|' ? first + i : s.line();
            String t = text[i].strip();
            if (t.isEmpty()) {
                if (!rows.isEmpty()) {
                    planes.add(new Plane(rows.get(0).line(), rows));
                    rows = new ArrayList<>();
                }
                continue;
            }
            List<JsonNode> values = new ArrayList<>();
            for (String tok : t.split("[\\s,]+")) {
                if (tok.isEmpty()) {
                    continue;
                }
                JsonNode v = number(tok);
                if (v == null) {
                    r.error(line, "error.grid.number", tok);
                    ok = false;
                } else {
                    values.add(v);
                }
            }
            rows.add(new Row(line, values));
        }
        if (!rows.isEmpty()) {
            planes.add(new Plane(rows.get(0).line(), rows));
        }
        if (!ok) {
            return null;
        }
        if (planes.isEmpty()) {
            r.error(s.line(), "error.grid.empty");
            return null;
        }
        for (Plane p : planes) {
            int w = p.width();
            for (int y = 1; y < p.rows().size(); y++) {
                int n = p.rows().get(y).values().size();
                if (n != w) {
                    r.error(p.rows().get(y).line(), "error.grid.ragged", y + 1, n, w);
                    return null;
                }
            }
        }
        return sameSize(planes, r, partKey + "Size") ? planes : null;
    }

    private static boolean sameSize(List<Plane> planes, Report r, String key) {
        Plane p0 = planes.get(0);
        for (int i = 1; i < planes.size(); i++) {
            Plane p = planes.get(i);
            if (p.rows().size() != p0.rows().size() || p.width() != p0.width()) {
                r.error(p.line(), key, i + 1, p.rows().size() + " x " + p.width(),
                        p0.rows().size() + " x " + p0.width());
                return false;
            }
        }
        return true;
    }

    /** A number token: decimal, exponent, or a fraction {@code a/b}; null if not a number. */
    static JsonNode number(String tok) {
        int slash = tok.indexOf('/');
        if (slash > 0) {
            String a = tok.substring(0, slash);
            String b = tok.substring(slash + 1);
            if (!NUMBER.matcher(a).matches() || !NUMBER.matcher(b).matches()) {
                return null;
            }
            double d = Double.parseDouble(b);
            if (d == 0) {
                return null;
            }
            return F.numberNode(Double.parseDouble(a) / d);
        }
        if (!NUMBER.matcher(tok).matches()) {
            return null;
        }
        if (tok.matches("[-+]?\\d{1,9}")) {
            return F.numberNode(Integer.parseInt(tok));
        }
        double v = Double.parseDouble(tok);
        return Double.isFinite(v) ? F.numberNode(v) : null;
    }

    private static ArrayNode plane(Plane p, String path, Map<String, Integer> lines) {
        ArrayNode a = F.arrayNode();
        lines.put(path, p.line());
        for (int y = 0; y < p.rows().size(); y++) {
            Row row = p.rows().get(y);
            String rp = path + "[" + y + "]";
            lines.put(rp, row.line());
            ArrayNode ra = a.addArray();
            for (int x = 0; x < row.values().size(); x++) {
                ra.add(row.values().get(x));
                lines.put(rp + "[" + x + "]", row.line());
            }
        }
        return a;
    }

    private static ArrayNode stack(List<Plane> planes, String path, Map<String, Integer> lines) {
        ArrayNode a = F.arrayNode();
        lines.putIfAbsent(path, planes.get(0).line());
        for (int c = 0; c < planes.size(); c++) {
            a.add(plane(planes.get(c), path + "[" + c + "]", lines));
        }
        return a;
    }

    /** {@code {shape: [...], fill: ..., seed: N, range: [lo, hi]}}. */
    private static JsonNode generated(Mapping m, String path, Map<String, Integer> lines, Report r) {
        if (!Keys.check(m, GENERATED_KEYS, "error.key.grid", r)) {
            return null;
        }
        Node shapeNode = m.value("shape");
        Node fillNode = m.value("fill");
        if (shapeNode == null || fillNode == null) {
            r.error(m.line(), "error.grid.generatedNeeds");
            return null;
        }
        int[] shape = Keys.wholeList(shapeNode, 1, 1 << 16, r);
        if (shape == null) {
            return null;
        }
        if (shape.length < 2 || shape.length > 4) {
            r.error(shapeNode.line(), "error.grid.shapeLength", shape.length);
            return null;
        }
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count > MAX_VALUES) {
            r.error(shapeNode.line(), "error.grid.tooLarge", count, MAX_VALUES);
            return null;
        }
        int low = -4;
        int high = 4;
        Node rangeNode = m.value("range");
        if (rangeNode != null) {
            int[] range = Keys.wholeList(rangeNode, -1_000_000, 1_000_000, r);
            if (range == null) {
                return null;
            }
            if (range.length != 2 || range[0] > range[1]) {
                r.error(rangeNode.line(), "error.grid.range");
                return null;
            }
            low = range[0];
            high = range[1];
        }
        long seed = 1;
        Node seedNode = m.value("seed");
        if (seedNode != null) {
            Long s = Keys.whole(seedNode, r);
            if (s == null) {
                return null;
            }
            seed = s;
        }
        String fill = fillNode instanceof Scalar s ? s.text() : "";
        JsonNode constant = null;
        if (!fill.equals("random") && !fill.equals("count")) {
            constant = fillNode instanceof Scalar s && (s.isNumber() || s.kind() == YamlTree.ScalarKind.TEXT)
                    ? number(s.text()) : null;
            if (constant == null) {
                r.error(fillNode.line(), "error.grid.fill", YamlTree.describe(fillNode));
                return null;
            }
        }
        Random rnd = new Random(r.variant() == 0 ? seed : seed ^ (r.variant() * 0x9E3779B97F4A7C15L));
        int[] counter = {0};
        final int lo = low;
        final int span = high - low + 1;
        final JsonNode c = constant;
        java.util.function.Supplier<JsonNode> next = () -> {
            if (fill.equals("random")) {
                return F.numberNode(lo + rnd.nextInt(span));
            }
            if (fill.equals("count")) {
                return F.numberNode(++counter[0]);
            }
            return c;
        };
        lines.put(path, m.line());
        return nested(shape, 0, next);
    }

    private static ArrayNode nested(int[] shape, int dim, java.util.function.Supplier<JsonNode> next) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < shape[dim]; i++) {
            if (dim == shape.length - 1) {
                a.add(next.get());
            } else {
                a.add(nested(shape, dim + 1, next));
            }
        }
        return a;
    }
}
