package org.convlens.ui.stepper;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.PoolStep;
import org.convlens.ui.grid.GridPicture;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the stepper keeps out of sight until someone lifts it: whole panels (a question's hidden
 * output, the quiz key's output and sum) and single cells (the output cell a question asks for).
 * Covers are part of every frame ({@link Frame#covers()}), so a step, a new language or theme, an
 * edit or a resize redraws them with everything else; nothing but the owner that set them takes
 * them away. Coordinates are the computation's own, each cell {@code [channel, y, x]}.
 *
 * @param panels the panels covered whole
 * @param featureMap feature-map cells shown as "?" (their arithmetic covered when a step reads or writes them)
 * @param pooled pooled cells shown as "?"
 */
public record Covers(Set<Panel> panels, Set<List<Integer>> featureMap, Set<List<Integer>> pooled) {
    /** Nothing covered. */
    public static final Covers NONE = new Covers(Set.of(), Set.of(), Set.of());
    /** What a hidden cell shows. */
    public static final String HIDDEN_TEXT = "?";

    /** The parts of the stepper a cover can sit over. */
    public enum Panel {
        /** The input grid with its title and channel choice. */
        INPUT,
        /** The kernel (and the kernel as entered). */
        KERNEL,
        /** The feature map with its title. */
        OUTPUT,
        /** The pooled map with its title. */
        POOLED,
        /** The step's arithmetic and running sum. */
        SUM,
        /** The output sizes, unread rows and parameter counts. */
        SHAPE,
        /** The step counter ("Step 3 of 16"). */
        STEP
    }

    public Covers {
        panels = panels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(panels));
        featureMap = Set.copyOf(featureMap);
        pooled = Set.copyOf(pooled);
    }

    /** Whole panels only. */
    public static Covers of(Set<Panel> panels) {
        return new Covers(panels, Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return panels.isEmpty() && featureMap.isEmpty() && pooled.isEmpty();
    }

    public boolean covers(Panel p) {
        return panels.contains(p);
    }

    /** Everything either covers. */
    public Covers union(Covers o) {
        if (o == null || o.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return o;
        }
        Set<Panel> p = EnumSet.noneOf(Panel.class);
        p.addAll(panels);
        p.addAll(o.panels);
        Set<List<Integer>> fm = new HashSet<>(featureMap);
        fm.addAll(o.featureMap);
        Set<List<Integer>> pl = new HashSet<>(pooled);
        pl.addAll(o.pooled);
        return new Covers(p, fm, pl);
    }

    /** True if feature-map cell (channel, y, x) is hidden. */
    public boolean hidesFeatureMap(int channel, int y, int x) {
        return featureMap.contains(List.of(channel, y, x));
    }

    public boolean hidesPooled(int channel, int y, int x) {
        return pooled.contains(List.of(channel, y, x));
    }

    /**
     * {@code f} with these covers: hidden cells of the channel it shows drawn as "?" with no
     * colour, and the arithmetic covered too while the step computes a hidden cell or reads one
     * (a pooling window over a hidden feature-map cell). The frame's {@link Frame#covers()} is
     * what is covered in it.
     */
    public Frame apply(Frame f, Computation c) {
        if (f == null || isEmpty()) {
            return f;
        }
        ConvPlan plan = c.plan();
        int co = f.outChannel();
        Set<Panel> now = EnumSet.noneOf(Panel.class);
        now.addAll(panels);
        if (f.convStep() != null && hidesFeatureMap(co, f.convStep().outY(), f.convStep().outX())) {
            now.add(Panel.SUM);
        }
        PoolStep ps = f.poolStep();
        if (ps != null) {
            if (hidesPooled(ps.channel(), ps.outY(), ps.outX())) {
                now.add(Panel.SUM);
            }
            for (PoolStep.Cell cell : ps.cells()) {
                if (!cell.padding() && hidesFeatureMap(ps.channel(), cell.y(), cell.x())) {
                    now.add(Panel.SUM);
                }
            }
        }
        GridPicture fm = hide(f.featureMap(), featureMap, co);
        GridPicture pool = f.pooled();
        if (pool != null) {
            Set<List<Integer>> hiddenPool = new HashSet<>(pooled);
            // a pooled value is worked out from the hidden cell: hidden with it
            for (List<Integer> cell : featureMap) {
                hiddenPool.addAll(poolsReading(c, cell));
            }
            pool = hide(pool, hiddenPool, co);
        }
        Covers applied = new Covers(now, featureMap, pooled);
        // the value before the activation tells the value after it: hidden with it
        GridPicture pre = hide(f.preActivation(), featureMap, co);
        return new Frame(f.step(), f.totalSteps(), f.term(), f.terms(), f.termPace(), f.pooling(), co, f.slice(),
                f.inChannel(), f.input(), f.kernel(), f.enteredKernel(), fm, pool, f.arithmetic(), f.runningSum(),
                f.convStep(), f.poolStep(), applied, pre);
    }

    /** The pooled cells whose window reads feature-map cell {@code [channel, y, x]}. */
    private static Set<List<Integer>> poolsReading(Computation c, List<Integer> cell) {
        ConvPlan plan = c.plan();
        Set<List<Integer>> out = new HashSet<>();
        if (!plan.hasPool() || cell.get(0) >= plan.outChannels()) {
            return out;
        }
        for (int py = 0; py < plan.poolY().size(); py++) {
            for (int px = 0; px < plan.poolX().size(); px++) {
                for (PoolStep.Cell pc : c.trace().poolStepAt(cell.get(0), py, px).cells()) {
                    if (!pc.padding() && pc.y() == cell.get(1) && pc.x() == cell.get(2)) {
                        out.add(List.of(cell.get(0), py, px));
                    }
                }
            }
        }
        return out;
    }

    /** {@code p} with the cells of {@code channel} in {@code cells} showing "?" and no colour. */
    static GridPicture hide(GridPicture p, Set<List<Integer>> cells, int channel) {
        if (p == null || cells.isEmpty()) {
            return p;
        }
        Set<Integer> hidden = new HashSet<>();
        for (List<Integer> cyx : cells) {
            int r = cyx.get(1);
            int col = cyx.get(2);
            if (cyx.get(0) == channel && r >= 0 && r < p.rows() && col >= 0 && col < p.cols()) {
                hidden.add(p.index(r, col));
            }
        }
        if (hidden.isEmpty()) {
            return p;
        }
        GridPicture.Builder b = GridPicture.builder(p.rows(), p.cols());
        for (int r = 0; r < p.rows(); r++) {
            for (int col = 0; col < p.cols(); col++) {
                int i = p.index(r, col);
                boolean h = hidden.contains(i);
                b.value(i, h ? Float.NaN : p.value(r, col), h ? HIDDEN_TEXT : p.text(r, col));
                b.kind(i, p.kind(r, col));
                b.flag(i, p.flags(r, col));
            }
        }
        if (p.hasHeaders()) {
            String[] rh = new String[p.rows()];
            String[] ch = new String[p.cols()];
            for (int r = 0; r < rh.length; r++) {
                rh[r] = p.rowHeader(r);
            }
            for (int col = 0; col < ch.length; col++) {
                ch[col] = p.colHeader(col);
            }
            b.headers(rh, ch);
        } else {
            b.noHeaders();
        }
        int[] in = p.inner();
        if (in != null) {
            b.inner(in[0], in[1], in[2], in[3]);
        }
        // the colours of the other cells stay as they were: the scale does not tell the hidden value
        return b.scale(p.scale()).build();
    }
}
