package org.convlens.lesson;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.Kernel;
import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Node;
import org.convlens.lesson.YamlTree.Scalar;
import org.convlens.lesson.YamlTree.Sequence;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a step's {@code show}: which trace step the stepper opens at ({@code 3}, {@code end}, the
 * step filling a cell), which cells of the input, kernel, output and feature map are marked, and
 * which panels are pointed at or hidden. Every cell, step and panel is checked against the step's
 * scenario, each problem reported at its line.
 */
final class HighlightReader {
    static final Set<String> SHOW_KEYS = Set.of("step", "cells", "panel", "hide");
    static final Set<String> CELL_KEYS = Set.of("input", "kernel", "output", "feature_map");

    private final Report r;

    HighlightReader(Report r) {
        this.r = r;
    }

    /**
     * The highlight a step's {@code show} asks for, checked against the step's scenario: a photo or
     * fit panel only when the step has that panel; null after reporting.
     */
    Highlight read(Node n, Scenario sc, boolean hasPhoto, boolean hasFit) {
        Mapping m = Keys.map(n, r);
        if (m == null || !Keys.check(m, SHOW_KEYS, "error.key.show", r)) {
            return null;
        }
        boolean ok = true;
        long step = Highlight.DEFAULT;
        if (m.value("step") != null) {
            Long s = stepIndex(m.value("step"), sc);
            if (s == null) {
                ok = false;
            } else {
                step = s;
            }
        }
        List<List<Highlight.Cell>> cells = new ArrayList<>(List.of(List.of(), List.of(), List.of(), List.of()));
        if (m.value("cells") != null) {
            Mapping cm = Keys.map(m.value("cells"), r);
            if (cm == null || !Keys.check(cm, CELL_KEYS, "error.key.cells", r)) {
                ok = false;
            } else {
                List<String> names = List.of("input", "kernel", "output", "feature_map");
                for (int i = 0; i < names.size(); i++) {
                    Node cn = cm.value(names.get(i));
                    if (cn != null) {
                        List<Highlight.Cell> list = cells(names.get(i), cn, sc);
                        if (list == null) {
                            ok = false;
                        } else {
                            cells.set(i, list);
                        }
                    }
                }
            }
        }
        Set<Highlight.Panel> panels = panels(m.value("panel"), hasPhoto, hasFit);
        Set<Highlight.Panel> hidden = panels(m.value("hide"), hasPhoto, hasFit);
        if (panels == null || hidden == null) {
            ok = false;
        }
        return ok ? new Highlight(step, cells.get(0), cells.get(1), cells.get(2), cells.get(3), panels, hidden) : null;
    }

    /** One panel name or a list of them; an empty set for none; null after reporting. */
    private Set<Highlight.Panel> panels(Node pn, boolean hasPhoto, boolean hasFit) {
        Set<Highlight.Panel> panels = EnumSet.noneOf(Highlight.Panel.class);
        if (pn == null) {
            return panels;
        }
        boolean ok = true;
        List<Node> items = pn instanceof Sequence q ? q.items() : List.of(pn);
        for (Node item : items) {
            String id = Keys.name(item, r);
            Highlight.Panel p = id == null ? null : Highlight.Panel.fromId(id);
            if (id != null && p == null) {
                r.error(item.line(), "error.show.panel", id, String.join(", ",
                        java.util.Arrays.stream(Highlight.Panel.values()).map(Highlight.Panel::id).toList()));
            } else if (p == Highlight.Panel.PHOTO && !hasPhoto) {
                r.error(item.line(), "error.show.noPhoto");
                p = null;
            } else if (p == Highlight.Panel.FIT && !hasFit) {
                r.error(item.line(), "error.show.noFit");
                p = null;
            }
            if (p == null) {
                ok = false;
            } else {
                panels.add(p);
            }
        }
        return ok ? panels : null;
    }

    /** {@code 3}, {@code end}, {@code [y, x]} / {@code [c, y, x]} (the step filling that cell) or {@code {pool: [y, x]}}. */
    private Long stepIndex(Node n, Scenario sc) {
        ConvPlan plan = sc.plan();
        long conv = (long) plan.outChannels() * plan.outHeight() * plan.outWidth();
        long total = sc.traceSteps();
        if (n instanceof Scalar s && s.kind() == YamlTree.ScalarKind.TEXT && s.text().strip().equals("end")) {
            return Highlight.END;
        }
        if (n instanceof Scalar s && s.kind() == YamlTree.ScalarKind.INT) {
            Long v = Keys.whole(n, r);
            if (v == null) {
                return null;
            }
            if (v < 0 || v >= total) {
                r.error(n.line(), "error.show.stepRange", v, total, total - 1);
                return null;
            }
            return v;
        }
        if (n instanceof Sequence) {
            int[] c = cell(n, plan.outChannels(), plan.outHeight(), plan.outWidth(), "error.show.featureCell");
            return c == null ? null : ((long) c[0] * plan.outHeight() + c[1]) * plan.outWidth() + c[2];
        }
        if (n instanceof Mapping m && m.entries().size() == 1 && m.value("pool") != null) {
            if (!plan.hasPool()) {
                r.error(n.line(), "error.show.noPool");
                return null;
            }
            int ph = plan.poolY().size();
            int pw = plan.poolX().size();
            int[] c = cell(m.value("pool"), plan.outChannels(), ph, pw, "error.show.poolCell");
            return c == null ? null : conv + ((long) c[0] * ph + c[1]) * pw + c[2];
        }
        r.error(n.line(), "error.show.step", YamlTree.describe(n));
        return null;
    }

    /**
     * A cell {@code [y, x]} or {@code [c, y, x]} within c x h x w, as {@code [c, y, x]}; null after reporting.
     */
    private int[] cell(Node n, int c, int h, int w, String rangeKey) {
        return cell(n, c, 0, h, 0, w, rangeKey);
    }

    private int[] cell(Node n, int c, int y0, int h, int x0, int w, String rangeKey) {
        int[] cyx = Keys.cell(n, r);
        if (cyx == null) {
            return null;
        }
        if (cyx[0] < 0 || cyx[0] >= c || cyx[1] < y0 || cyx[1] >= y0 + h || cyx[2] < x0 || cyx[2] >= x0 + w) {
            r.error(n.line(), rangeKey, Keys.cellText(cyx, n), c, h, w, y0, y0 + h - 1, x0, x0 + w - 1, c - 1);
            return null;
        }
        return cyx;
    }

    /** A list of cells, or one cell, of the named grid. */
    private List<Highlight.Cell> cells(String grid, Node n, Scenario sc) {
        List<Node> items;
        if (n instanceof Sequence q && !q.items().isEmpty() && q.items().get(0) instanceof Sequence) {
            items = q.items();
        } else {
            items = List.of(n);
        }
        ConvPlan plan = sc.plan();
        List<Highlight.Cell> out = new ArrayList<>();
        for (Node item : items) {
            Highlight.Cell c = switch (grid) {
                case "input" -> {
                    int[] v = cell(item, plan.inChannels(), -plan.rows().before(), plan.rows().length(),
                            -plan.cols().before(), plan.cols().length(), "error.show.inputCell");
                    yield v == null ? null : new Highlight.Cell(v[0], 0, v[1], v[2]);
                }
                case "kernel" -> kernelCell(item, sc.problem().spec().kernel());
                case "output" -> {
                    int[] s = sc.plan().outputShape();
                    int[] v = cell(item, s[0], s[1], s[2], "error.show.outputCell");
                    yield v == null ? null : new Highlight.Cell(v[0], 0, v[1], v[2]);
                }
                default -> {
                    if (!plan.hasPool()) {
                        r.error(item.line(), "error.show.featureMapNoPool");
                        yield null;
                    }
                    int[] v = cell(item, plan.outChannels(), plan.outHeight(), plan.outWidth(),
                            "error.show.featureCell");
                    yield v == null ? null : new Highlight.Cell(v[0], 0, v[1], v[2]);
                }
            };
            if (c == null) {
                return null;
            }
            out.add(c);
        }
        return out;
    }

    private Highlight.Cell kernelCell(Node n, Kernel k) {
        int[] v = Keys.wholeList(n, Integer.MIN_VALUE / 2, Integer.MAX_VALUE / 2, r);
        if (v == null) {
            return null;
        }
        if (v.length != 2 && v.length != 4) {
            r.error(n.line(), "error.show.kernelCellLength", v.length);
            return null;
        }
        int[] c = v.length == 2 ? new int[] {0, 0, v[0], v[1]} : v;
        if (c[0] < 0 || c[0] >= k.dim0() || c[1] < 0 || c[1] >= k.dim1() || c[2] < 0 || c[2] >= k.height()
                || c[3] < 0 || c[3] >= k.width()) {
            r.error(n.line(), "error.show.kernelCell", java.util.Arrays.toString(v),
                    k.dim0() + " x " + k.dim1() + " x " + k.height() + " x " + k.width());
            return null;
        }
        return new Highlight.Cell(c[0], c[1], c[2], c[3]);
    }
}
