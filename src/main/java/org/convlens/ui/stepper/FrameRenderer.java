package org.convlens.ui.stepper;

import org.convlens.engine.Activation;
import org.convlens.engine.AxisMap;
import org.convlens.engine.CellKind;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.ConvStep;
import org.convlens.engine.Kernel;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.PoolStep;
import org.convlens.engine.Tensor;
import org.convlens.ui.UiText;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.NumberText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Frame}: a pure function of the computation, the position (step, term, pace)
 * and what the user points at, as conv_arithmetic draws frame {@code offsets[step]} from a
 * finished computation. Playing, stepping, scrubbing and jumping all come through here, so a
 * step looks the same however it was reached. Pictures that depend only on the computation are
 * memoised in it.
 */
public final class FrameRenderer {
    static final int DECIMALS = 3;
    private static final String TIMES = " \u00d7 ";

    private FrameRenderer() {
    }

    /**
     * The frame at a position.
     *
     * @param c the computation
     * @param step step index (clamped to the steps there are)
     * @param term term index for term-by-term pace (clamped to 0..terms)
     * @param termPace term by term (else whole steps)
     * @param pinnedSlice the kernel slice the user chose to see, or -1 to follow the current term
     * @param link the cell the user points at, or null
     * @param locale language of labels
     */
    public static Frame render(Computation c, int step, int term, boolean termPace, int pinnedSlice, Link link,
                               Locale locale) {
        ConvPlan plan = c.plan();
        int total = c.totalSteps();
        step = Math.max(0, Math.min(step, total - 1));
        int terms = c.termsIn(step);
        term = termPace ? Math.max(0, Math.min(term, terms)) : terms;
        boolean pooling = step >= c.convSteps();
        ConvStep cs = pooling ? null : c.convStep(step);
        PoolStep ps = pooling ? c.poolStep(step - c.convSteps()) : null;
        int co = pooling ? ps.channel() : cs.outChannel();
        int slice;
        if (pinnedSlice >= 0 && pinnedSlice < plan.inPerGroup()) {
            slice = pinnedSlice;
        } else if (!pooling && termPace) {
            slice = cs.terms().get(Math.min(term, terms - 1)).slice();
        } else {
            slice = 0;
        }
        int ci = plan.inputChannel(co, slice);

        GridPicture inBase = inputBase(c, ci);
        int[] inFlags = inBase.flags();
        GridPicture kBase = kernelBase(c, co, slice);
        int[] kFlags = new int[kBase.rows() * kBase.cols()];
        GridPicture fmBase = featureMapBase(c, co);
        int[] fmFlags = fmBase.flags();
        GridPicture poolBase = plan.hasPool() ? pooledBase(c, co) : null;
        GridPicture preBase = plan.spec().activation().type() == Activation.Type.NONE ? null
                : preActivationBase(c, co);
        int[] preFlags = preBase == null ? null : new int[preBase.rows() * preBase.cols()];
        int[] poolFlags = poolBase == null ? null : new int[poolBase.rows() * poolBase.cols()];
        int plane = plan.outHeight() * plan.outWidth();

        if (!pooling) {
            int cols = inBase.cols();
            List<ConvStep.Term> ts = cs.terms();
            for (int t = 0; t < ts.size(); t++) {
                ConvStep.Term tm = ts.get(t);
                if (tm.slice() != slice) {
                    continue;
                }
                int f = termFlags(termPace, t, term);
                inFlags[tm.vy() * cols + tm.vx()] |= f;
                if (termPace) {
                    kFlags[tm.ky() * kBase.cols() + tm.kx()] |= f & ~CellFlags.IN_WINDOW;
                }
            }
            int first = co * plane;
            for (int k = 0; k < plane; k++) {
                int g = first + k;
                if (g > step) {
                    fmFlags[k] |= CellFlags.PENDING;
                } else if (g == step) {
                    fmFlags[k] |= CellFlags.CURRENT | (term < terms ? CellFlags.PENDING : 0);
                }
                if (preFlags != null) {
                    preFlags[k] = fmFlags[k] & (CellFlags.PENDING | CellFlags.CURRENT);
                }
            }
            if (poolFlags != null) {
                Arrays.fill(poolFlags, CellFlags.PENDING);
            }
        } else {
            List<PoolStep.Cell> cells = ps.cells();
            for (int t = 0; t < cells.size(); t++) {
                PoolStep.Cell cell = cells.get(t);
                if (cell.padding()) {
                    continue;
                }
                int f = termFlags(termPace, t, term);
                if (t == ps.chosen() && term >= terms) {
                    f |= CellFlags.CHOSEN;
                }
                fmFlags[cell.y() * fmBase.cols() + cell.x()] |= f;
            }
            int j = step - c.convSteps();
            int pplane = poolBase.rows() * poolBase.cols();
            int first = co * pplane;
            for (int k = 0; k < pplane; k++) {
                int g = first + k;
                if (g > j) {
                    poolFlags[k] |= CellFlags.PENDING;
                } else if (g == j) {
                    poolFlags[k] |= CellFlags.CURRENT | (term < terms ? CellFlags.PENDING : 0);
                }
            }
        }

        if (link != null) {
            applyLink(c, link, co, slice, inBase, inFlags, kBase, kFlags, fmBase, fmFlags, poolBase, poolFlags);
        }

        GridPicture kernel = kBase.withFlags(kFlags);
        GridPicture entered = null;
        if (rotated(plan)) {
            int[] eFlags = new int[kFlags.length];
            int kh = kBase.rows();
            int kw = kBase.cols();
            for (int i = 0; i < kFlags.length; i++) {
                eFlags[(kh - 1 - i / kw) * kw + (kw - 1 - i % kw)] = kFlags[i];
            }
            entered = enteredKernelBase(c, co, slice).withFlags(eFlags);
        }
        List<List<Token>> arithmetic = pooling ? poolArithmetic(plan, ps, termPace, term, locale)
                : convArithmetic(plan, cs, termPace, term, locale);
        String running = termPace ? running(plan, cs, ps, term, terms, locale) : null;
        return new Frame(step, total, term, terms, termPace, pooling, co, slice, ci, inBase.withFlags(inFlags), kernel,
                entered, fmBase.withFlags(fmFlags), poolBase == null ? null : poolBase.withFlags(poolFlags),
                arithmetic, running, cs, ps, Covers.NONE, preBase == null ? null : preBase.withFlags(preFlags));
    }

    /** True when the kernel slides rotated 180 degrees from how it was entered (flip, or transposed, not both). */
    public static boolean rotated(ConvPlan plan) {
        return plan.spec().flip() != plan.spec().transposed();
    }

    private static int termFlags(boolean termPace, int t, int term) {
        if (!termPace) {
            return CellFlags.IN_WINDOW;
        }
        if (t < term) {
            return CellFlags.IN_WINDOW | CellFlags.READ;
        }
        return t == term ? CellFlags.IN_WINDOW | CellFlags.CURRENT : CellFlags.IN_WINDOW;
    }

    // Linking

    private static void applyLink(Computation c, Link link, int co, int slice, GridPicture inBase, int[] inFlags,
                                  GridPicture kBase, int[] kFlags, GridPicture fmBase, int[] fmFlags,
                                  GridPicture poolBase, int[] poolFlags) {
        ConvPlan plan = c.plan();
        int r = link.row();
        int col = link.col();
        switch (link.grid()) {
            case INPUT: {
                if (r >= inBase.rows() || col >= inBase.cols()) {
                    return;
                }
                inFlags[r * inBase.cols() + col] |= CellFlags.SELECTED;
                AxisMap rows = plan.rows();
                AxisMap cols = plan.cols();
                if (plan.kind(r, col) != CellKind.INPUT && rows.source(r) >= 0 && cols.source(col) >= 0) {
                    int sy = rows.virtualIndexOf(rows.source(r));
                    int sx = cols.virtualIndexOf(cols.source(col));
                    if (sy >= 0 && sx >= 0) {
                        inFlags[sy * inBase.cols() + sx] |= CellFlags.SOURCE;
                    }
                }
                Feeds f = feeds(c, co, slice, r, col);
                f.outputs.stream().forEach(i -> fmFlags[i] |= CellFlags.LINKED);
                f.weights.stream().forEach(i -> kFlags[i] |= CellFlags.LINKED);
                return;
            }
            case KERNEL: {
                if (r >= kBase.rows() || col >= kBase.cols()) {
                    return;
                }
                kFlags[r * kBase.cols() + col] |= CellFlags.SELECTED;
                met(c, co, slice, r, col).stream().forEach(i -> inFlags[i] |= CellFlags.LINKED);
                return;
            }
            case OUTPUT: {
                if (r >= fmBase.rows() || col >= fmBase.cols()) {
                    return;
                }
                fmFlags[r * fmBase.cols() + col] |= CellFlags.SELECTED;
                for (ConvStep.Term t : c.trace().convStepAt(co, r, col).terms()) {
                    if (t.slice() == slice) {
                        inFlags[t.vy() * inBase.cols() + t.vx()] |= CellFlags.LINKED;
                    }
                }
                if (poolBase != null) {
                    for (int py = 0; py < poolBase.rows(); py++) {
                        for (int px = 0; px < poolBase.cols(); px++) {
                            for (PoolStep.Cell cell : c.trace().poolStepAt(co, py, px).cells()) {
                                if (cell.y() == r && cell.x() == col) {
                                    poolFlags[py * poolBase.cols() + px] |= CellFlags.LINKED;
                                }
                            }
                        }
                    }
                }
                return;
            }
            case POOLED: {
                if (poolBase == null || r >= poolBase.rows() || col >= poolBase.cols()) {
                    return;
                }
                poolFlags[r * poolBase.cols() + col] |= CellFlags.SELECTED;
                for (PoolStep.Cell cell : c.trace().poolStepAt(co, r, col).cells()) {
                    if (!cell.padding()) {
                        fmFlags[cell.y() * fmBase.cols() + cell.x()] |= CellFlags.LINKED;
                    }
                }
                return;
            }
            default:
                throw new AssertionError(link);
        }
    }

    private record Feeds(BitSet outputs, BitSet weights) {
    }

    /** The outputs of channel {@code co} that read virtual cell (vy, vx) through slice {@code slice}, and the weights it meets. */
    private static Feeds feeds(Computation c, int co, int slice, int vy, int vx) {
        return c.memo(List.of("feeds", co, slice, vy, vx), () -> {
            ConvPlan plan = c.plan();
            BitSet out = new BitSet();
            BitSet w = new BitSet();
            int kw = plan.directKernel().width();
            for (int oy = 0; oy < plan.outHeight(); oy++) {
                for (int ox = 0; ox < plan.outWidth(); ox++) {
                    for (ConvStep.Term t : c.trace().convStepAt(co, oy, ox).terms()) {
                        if (t.slice() == slice && t.vy() == vy && t.vx() == vx) {
                            out.set(oy * plan.outWidth() + ox);
                            w.set(t.ky() * kw + t.kx());
                        }
                    }
                }
            }
            return new Feeds(out, w);
        });
    }

    /** Every virtual input cell weight (ky, kx) of slice {@code slice} meets over the steps of channel {@code co}. */
    private static BitSet met(Computation c, int co, int slice, int ky, int kx) {
        return c.memo(List.of("met", co, slice, ky, kx), () -> {
            ConvPlan plan = c.plan();
            BitSet in = new BitSet();
            int cols = plan.cols().length();
            for (int oy = 0; oy < plan.outHeight(); oy++) {
                for (int ox = 0; ox < plan.outWidth(); ox++) {
                    for (ConvStep.Term t : c.trace().convStepAt(co, oy, ox).terms()) {
                        if (t.slice() == slice && t.ky() == ky && t.kx() == kx) {
                            in.set(t.vy() * cols + t.vx());
                        }
                    }
                }
            }
            return in;
        });
    }

    // Base pictures (memoised per computation)

    /** The virtual grid of input channel {@code ci}: padding ring, inserted zeros, rows no window reads. */
    static GridPicture inputBase(Computation c, int ci) {
        return c.memo(List.of("input", ci), () -> {
            ConvPlan plan = c.plan();
            Tensor in = c.input();
            AxisMap rows = plan.rows();
            AxisMap cols = plan.cols();
            int h = rows.length();
            int w = cols.length();
            GridPicture.Builder b = GridPicture.builder(h, w);
            BitSet unY = bits(plan.convY().uncovered());
            BitSet unX = bits(plan.convX().uncovered());
            boolean ring = false;
            for (int vy = 0; vy < h; vy++) {
                for (int vx = 0; vx < w; vx++) {
                    int i = vy * w + vx;
                    float v = plan.valueAt(in, ci, vy, vx);
                    b.value(i, v, NumberText.cell(v));
                    CellKind k = plan.kind(vy, vx);
                    b.kind(i, k == CellKind.PADDING ? GridPicture.PADDING
                            : k == CellKind.INSERTED ? GridPicture.INSERTED : GridPicture.INPUT);
                    ring |= k == CellKind.PADDING;
                    if (k == CellKind.INPUT && (unY.get(rows.source(vy)) || unX.get(cols.source(vx)))) {
                        b.flag(i, CellFlags.UNCOVERED);
                    }
                }
            }
            b.headers(headers(rows, plan.spec().transposed()), headers(cols, plan.spec().transposed()));
            if (ring) {
                int r0 = Math.max(0, rows.before());
                int r1 = Math.min(h, rows.before() + rows.coreLength());
                int c0 = Math.max(0, cols.before());
                int c1 = Math.min(w, cols.before() + cols.coreLength());
                b.inner(r0, r1, c0, c1);
            }
            return b.build();
        });
    }

    private static String[] headers(AxisMap m, boolean transposed) {
        String[] s = new String[m.length()];
        for (int v = 0; v < s.length; v++) {
            if (transposed) {
                s[v] = m.kind(v) == CellKind.INPUT ? Integer.toString(m.source(v)) : "";
            } else {
                s[v] = NumberText.format(m.coordinate(v), 0);
            }
        }
        return s;
    }

    private static BitSet bits(int[] idx) {
        BitSet b = new BitSet();
        for (int i : idx) {
            b.set(i);
        }
        return b;
    }

    /** Slice (co, slice) of the kernel as it slides. */
    static GridPicture kernelBase(Computation c, int co, int slice) {
        return c.memo(List.of("kernel", co, slice), () -> {
            Kernel k = c.plan().directKernel();
            float[] v = new float[k.height() * k.width()];
            for (int ky = 0; ky < k.height(); ky++) {
                for (int kx = 0; kx < k.width(); kx++) {
                    v[ky * k.width() + kx] = k.get(co, slice, ky, kx);
                }
            }
            return GridPicture.of(k.height(), k.width(), v);
        });
    }

    /** The same slice as the user entered it (before the 180-degree rotation). */
    static GridPicture enteredKernelBase(Computation c, int co, int slice) {
        return c.memo(List.of("entered", co, slice), () -> {
            Kernel k = c.plan().directKernel();
            int kh = k.height();
            int kw = k.width();
            float[] v = new float[kh * kw];
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    v[ky * kw + kx] = k.get(co, slice, kh - 1 - ky, kw - 1 - kx);
                }
            }
            return GridPicture.of(kh, kw, v);
        });
    }

    /** Channel {@code co} of the feature map, every value; cells pooling never reads marked. */
    static GridPicture featureMapBase(Computation c, int co) {
        return c.memo(List.of("fm", co), () -> {
            ConvPlan plan = c.plan();
            Tensor fm = c.featureMap();
            int h = fm.height();
            int w = fm.width();
            GridPicture.Builder b = GridPicture.builder(h, w);
            BitSet unY = plan.hasPool() ? bits(plan.poolY().uncovered()) : new BitSet();
            BitSet unX = plan.hasPool() ? bits(plan.poolX().uncovered()) : new BitSet();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = fm.get(co, y, x);
                    b.value(y * w + x, v, NumberText.cell(v));
                    if (unY.get(y) || unX.get(x)) {
                        b.flag(y * w + x, CellFlags.UNCOVERED);
                    }
                }
            }
            return b.build();
        });
    }

    /** Channel {@code co} of the feature map before the activation: sum + bias, from a run without it. */
    static GridPicture preActivationBase(Computation c, int co) {
        Tensor pre = c.memo("preActivation", () -> {
            ConvSpec s = c.plan().spec().toBuilder().activation(Activation.NONE).pool(null).build();
            return ConvEngine.run(ConvPlan.of(s, c.input()), c.input(), 1).featureMap();
        });
        return c.memo(List.of("pre", co), () -> {
            float[] v = new float[pre.planeSize()];
            System.arraycopy(pre.data(), co * pre.planeSize(), v, 0, v.length);
            return GridPicture.of(pre.height(), pre.width(), v);
        });
    }

    static GridPicture pooledBase(Computation c, int co) {
        return c.memo(List.of("pooled", co), () -> {
            Tensor p = c.pooled();
            float[] v = new float[p.planeSize()];
            System.arraycopy(p.data(), co * p.planeSize(), v, 0, v.length);
            return GridPicture.of(p.height(), p.width(), v);
        });
    }

    // Arithmetic

    private static Token.State state(boolean termPace, int t, int term) {
        if (!termPace) {
            return Token.State.NORMAL;
        }
        return t < term ? Token.State.READ : t == term ? Token.State.CURRENT : Token.State.FUTURE;
    }

    private static String num(float v) {
        return NumberText.format(v, DECIMALS);
    }

    private static String numTerm(float v) {
        return NumberText.term(v, DECIMALS);
    }

    static List<List<Token>> convArithmetic(ConvPlan plan, ConvStep cs, boolean termPace, int term, Locale locale) {
        List<List<Token>> lines = new ArrayList<>();
        List<ConvStep.Term> ts = cs.terms();
        int groupsShown = plan.inPerGroup();
        int perSlice = ts.size() / groupsShown;
        boolean done = !termPace || term >= ts.size();
        List<String> partials = new ArrayList<>();
        float before = 0f;
        for (int s = 0; s < groupsShown; s++) {
            List<Token> line = new ArrayList<>();
            int firstTerm = s * perSlice;
            int lastTerm = firstTerm + perSlice - 1;
            if (groupsShown > 1) {
                line.add(Token.label(UiText.get(locale, "arith.channel", ts.get(firstTerm).inChannel())));
            }
            for (int t = firstTerm; t <= lastTerm; t++) {
                ConvStep.Term tm = ts.get(t);
                if (t > firstTerm) {
                    line.add(Token.op("+"));
                }
                line.add(new Token(Token.Role.TERM, numTerm(tm.value()) + TIMES + numTerm(tm.weight()),
                        state(termPace, t, term), t));
            }
            float partial = ts.get(lastTerm).runningSum() - before;
            before = ts.get(lastTerm).runningSum();
            boolean sliceDone = !termPace || term > lastTerm;
            line.add(Token.op("="));
            line.add(new Token(Token.Role.VALUE, sliceDone ? num(partial) : "?",
                    sliceDone ? Token.State.NORMAL : Token.State.FUTURE, -1));
            partials.add(num(partial));
            lines.add(line);
        }
        Token.State tail = done ? Token.State.NORMAL : Token.State.FUTURE;
        if (groupsShown > 1) {
            List<Token> line = new ArrayList<>();
            line.add(Token.label(UiText.get(locale, "arith.sumChannels")));
            for (int s = 0; s < partials.size(); s++) {
                if (s > 0) {
                    line.add(Token.op("+"));
                }
                line.add(new Token(Token.Role.VALUE, done ? wrapNeg(partials.get(s)) : "?", tail, -1));
            }
            line.add(Token.op("="));
            line.add(new Token(Token.Role.VALUE, done ? num(cs.sum()) : "?", tail, -1));
            lines.add(line);
        }
        List<Token> bias = new ArrayList<>();
        bias.add(Token.label(UiText.get(locale, "arith.bias")));
        bias.add(new Token(Token.Role.VALUE, done ? num(cs.sum()) : "?", tail, -1));
        bias.add(Token.op("+"));
        bias.add(new Token(Token.Role.VALUE, numTerm(cs.bias()), Token.State.NORMAL, -1));
        bias.add(Token.op("="));
        bias.add(new Token(Token.Role.VALUE, done ? num(cs.preActivation()) : "?", tail, -1));
        lines.add(bias);
        Activation a = plan.spec().activation();
        if (a.type() != Activation.Type.NONE) {
            List<Token> act = new ArrayList<>();
            act.add(Token.label(UiText.get(locale, "arith.activation")));
            act.add(new Token(Token.Role.VALUE, activationCall(a, done ? num(cs.preActivation()) : "?"), tail, -1));
            act.add(Token.op("="));
            act.add(new Token(Token.Role.VALUE, done ? num(cs.output()) : "?", tail, -1));
            lines.add(act);
        }
        List<Token> out = new ArrayList<>();
        out.add(Token.label(UiText.get(locale, "arith.output", cs.outChannel(), cs.outY(), cs.outX())));
        out.add(new Token(Token.Role.RESULT, done ? num(cs.output()) : "?", tail, -1));
        lines.add(out);
        return lines;
    }

    private static String wrapNeg(String s) {
        return s.startsWith(String.valueOf(NumberText.MINUS)) ? "(" + s + ")" : s;
    }

    /** The activation as a call: {@code relu(x)}, {@code leaky_relu(x, 0.1)}. */
    public static String activationCall(Activation a, String x) {
        switch (a.type()) {
            case LEAKY_RELU:
                return "leaky_relu(" + x + ", " + num(a.slope()) + ")";
            case NONE:
                return x;
            default:
                return a.type().id() + "(" + x + ")";
        }
    }

    static List<List<Token>> poolArithmetic(ConvPlan plan, PoolStep ps, boolean termPace, int term, Locale locale) {
        List<List<Token>> lines = new ArrayList<>();
        boolean max = plan.spec().pool().type() == PoolSpec.Type.MAX;
        boolean done = !termPace || term >= ps.cells().size();
        Token.State tail = done ? Token.State.NORMAL : Token.State.FUTURE;
        List<Token> line = new ArrayList<>();
        line.add(Token.op(max ? "max(" : "("));
        List<PoolStep.Cell> cells = ps.cells();
        for (int t = 0; t < cells.size(); t++) {
            PoolStep.Cell cell = cells.get(t);
            if (t > 0) {
                line.add(Token.op(max ? "," : "+"));
            }
            String text = cell.padding() ? (max ? NumberText.MINUS + "\u221e" : "0") : numTerm(cell.value());
            Token.State st = state(termPace, t, term);
            if (max && done && t == ps.chosen()) {
                st = Token.State.CHOSEN;
            }
            line.add(new Token(Token.Role.TERM, text, st, t));
        }
        line.add(Token.op(")"));
        if (!max) {
            line.add(Token.op("/"));
            line.add(new Token(Token.Role.VALUE, Integer.toString(ps.divisor()), Token.State.NORMAL, -1));
        }
        line.add(Token.op("="));
        line.add(new Token(Token.Role.VALUE, done ? num(ps.output()) : "?", tail, -1));
        lines.add(line);
        List<Token> out = new ArrayList<>();
        out.add(Token.label(UiText.get(locale, "arith.pooled", ps.channel(), ps.outY(), ps.outX())));
        out.add(new Token(Token.Role.RESULT, done ? num(ps.output()) : "?", tail, -1));
        lines.add(out);
        return lines;
    }

    private static String running(ConvPlan plan, ConvStep cs, PoolStep ps, int term, int terms, Locale locale) {
        if (cs != null) {
            if (term >= terms) {
                return UiText.get(locale, "arith.running.done", num(cs.sum()));
            }
            ConvStep.Term t = cs.terms().get(term);
            return UiText.get(locale, "arith.running", numTerm(t.value()), numTerm(t.weight()), num(t.product()),
                    num(t.runningSum()), term + 1, terms);
        }
        boolean max = plan.spec().pool().type() == PoolSpec.Type.MAX;
        float acc = max ? Float.NEGATIVE_INFINITY : 0f;
        int upto = Math.min(term, terms - 1);
        for (int t = 0; t <= upto; t++) {
            PoolStep.Cell cell = ps.cells().get(t);
            if (!cell.padding()) {
                acc = max ? Math.max(acc, cell.value()) : acc + cell.value();
            }
        }
        String key = max ? "arith.running.max" : "arith.running.sum";
        return UiText.get(locale, key, num(acc), Math.min(term + 1, terms), terms);
    }
}
