package org.convlens.lesson;

import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Node;
import org.convlens.lesson.YamlTree.Scalar;
import org.convlens.lesson.YamlTree.Sequence;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Small checks on YAML nodes shared by the readers: known keys (with a suggestion for a typo), whole numbers. */
final class Keys {
    private Keys() {
    }

    /**
     * Reports every key of {@code m} not in {@code allowed}, suggesting the nearest allowed one.
     *
     * @param where a bundle key naming the place, e.g. {@code error.key.step}
     * @return true if all keys are known
     */
    static boolean check(Mapping m, Collection<String> allowed, String where, Report r) {
        boolean ok = true;
        for (YamlTree.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                ok = false;
                String near = nearest(e.key(), allowed);
                String list = String.join(", ", new TreeSet<>(allowed));
                if (near != null) {
                    r.error(e.line(), "error.key.unknownNear", e.key(), Text.get(r.locale(), where), near, list);
                } else {
                    r.error(e.line(), "error.key.unknown", e.key(), Text.get(r.locale(), where), list);
                }
            }
        }
        return ok;
    }

    /** The allowed key within edit distance 2 (or sharing a long prefix), or null. */
    static String nearest(String key, Collection<String> allowed) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), a);
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return bestD <= Math.max(2, key.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A whole number, or null after reporting. */
    static Long whole(Node n, Report r) {
        if (n instanceof Scalar s && s.kind() == YamlTree.ScalarKind.INT) {
            try {
                return Long.parseLong(s.text().replace("_", ""));
            } catch (NumberFormatException e) {
                // falls through to the report
            }
        }
        r.error(n.line(), "error.value.whole", YamlTree.describe(n));
        return null;
    }

    /** A whole number in [min, max], or null after reporting. */
    static Integer whole(Node n, long min, long max, Report r) {
        Long v = whole(n, r);
        if (v == null) {
            return null;
        }
        if (v < min || v > max) {
            r.error(n.line(), "error.value.range", v, min, max);
            return null;
        }
        return v.intValue();
    }

    /** A number, or null after reporting. */
    static Double number(Node n, Report r) {
        if (n instanceof Scalar s && s.isNumber()) {
            try {
                return Double.parseDouble(s.text().replace("_", ""));
            } catch (NumberFormatException e) {
                // falls through to the report
            }
        }
        r.error(n.line(), "error.value.number", YamlTree.describe(n));
        return null;
    }

    /** A list of whole numbers in [min, max] (or one number), or null after reporting. */
    static int[] wholeList(Node n, long min, long max, Report r) {
        List<Node> items = n instanceof Sequence q ? q.items() : List.of(n);
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            Integer v = whole(items.get(i), min, max, r);
            if (v == null) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * A cell written {@code [y, x]} (channel 0) or {@code [c, y, x]}, as {@code [c, y, x]}; null
     * after reporting. The range is the caller's to check.
     */
    static int[] cell(Node n, Report r) {
        int[] v = wholeList(n, Integer.MIN_VALUE / 2, Integer.MAX_VALUE / 2, r);
        if (v == null) {
            return null;
        }
        if (v.length != 2 && v.length != 3) {
            r.error(n.line(), "error.show.cellLength", v.length);
            return null;
        }
        return v.length == 2 ? new int[] {0, v[0], v[1]} : v;
    }

    /** A cell as written, for messages: {@code [1, 2]}. */
    static String cellText(int[] cyx, Node n) {
        boolean two = n instanceof Sequence q && q.items().size() == 2;
        int[] shown = two ? new int[] {cyx[1], cyx[2]} : cyx;
        return "[" + String.join(", ", java.util.Arrays.stream(shown).mapToObj(Integer::toString).toList()) + "]";
    }

    /** A true/false value, or null after reporting. */
    static Boolean bool(Node n, Report r) {
        if (n instanceof Scalar s && s.kind() == YamlTree.ScalarKind.BOOLEAN) {
            String t = s.text().toLowerCase(java.util.Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
        }
        r.error(n.line(), "error.value.boolean", YamlTree.describe(n));
        return null;
    }

    /** A name (plain text), or null after reporting. */
    static String name(Node n, Report r) {
        if (n instanceof Scalar s && s.kind() == YamlTree.ScalarKind.TEXT && !s.text().isBlank()) {
            return s.text().strip();
        }
        r.error(n.line(), "error.value.name", YamlTree.describe(n));
        return null;
    }

    /** The node as a map, or null after reporting. */
    static Mapping map(Node n, Report r) {
        if (n instanceof Mapping m) {
            return m;
        }
        r.error(n.line(), "error.value.map", YamlTree.describe(n));
        return null;
    }
}
