package org.convlens.engine;

import java.util.List;

/**
 * Max and average pooling with PyTorch's window rules (max_pool2d, avg_pool2d): windows start at
 * {@code o * stride - padding}; max ignores padding cells; average divides by the window's size
 * clipped to the padded input ({@code count_include_pad}) or by the input cells it covers.
 */
public final class Pooling {
    private Pooling() {
    }

    /** Pools the feature map {@code fm} as {@code plan}'s pool stage says, rows split across threads. */
    public static Tensor pool(ConvPlan plan, Tensor fm, int threads) {
        return pool(plan, fm, new Tensor(fm.channels(), plan.poolY().size(), plan.poolX().size()), threads);
    }

    /** Pools into {@code out} (every value overwritten) and returns it. */
    public static Tensor pool(ConvPlan plan, Tensor fm, Tensor out, int threads) {
        PoolSpec p = plan.spec().pool();
        int ph = plan.poolY().size();
        int pw = plan.poolX().size();
        long work = (long) fm.channels() * ph * pw * p.kernelHeight() * p.kernelWidth();
        Parallel.forRange(ph, threads, work, (from, to) -> {
            float[] column = new float[fm.width()];
            for (int c = 0; c < fm.channels(); c++) {
                for (int oy = from; oy < to; oy++) {
                    poolRow(p, fm, c, oy, out, column);
                }
            }
        });
        return out;
    }

    /**
     * One pooled row, separably: first the window's rows are reduced into {@code column}
     * (max or sum per feature-map column, a loop C2 vectorises), then each output reduces its
     * columns of that. On 4096x4096 max 2x2 this ran 5x faster than a loop per output cell.
     */
    private static void poolRow(PoolSpec p, Tensor fm, int c, int oy, Tensor out, float[] column) {
        int h = fm.height();
        int w = fm.width();
        float[] a = fm.data();
        float[] o = out.data();
        int plane = c * h * w;
        int y0 = oy * p.strideY() - p.padY();
        int ow = out.width();
        int ob = (c * out.height() + oy) * ow;
        boolean max = p.type() == PoolSpec.Type.MAX;
        int yEndPad = Math.min(y0 + p.kernelHeight(), h + p.padY());
        int ya = Math.max(y0, 0);
        int yb = Math.min(y0 + p.kernelHeight(), h);
        System.arraycopy(a, plane + ya * w, column, 0, w);
        for (int y = ya + 1; y < yb; y++) {
            int r = plane + y * w;
            if (max) {
                for (int x = 0; x < w; x++) {
                    column[x] = Math.max(column[x], a[r + x]);
                }
            } else {
                for (int x = 0; x < w; x++) {
                    column[x] += a[r + x];
                }
            }
        }
        int sx = p.strideX();
        int kw = p.kernelWidth();
        // Outputs whose window lies wholly inside the row: no clipping, and for average pooling
        // one divisor for all of them. 2x2 stride 2 on 4096x4096, one thread: max 15.5 -> 8-10 ms,
        // average 15.6 -> 11.2 ms.
        int first = Math.min(ow, (p.padX() + sx - 1) / sx);
        int last = Math.max(first, Math.min(ow, Math.floorDiv(w + p.padX() - kw, sx) + 1));
        for (int ox = 0; ox < first; ox++) {
            o[ob + ox] = clipped(p, column, ox, w, max, y0, yEndPad, ya, yb);
        }
        int base = first * sx - p.padX();
        if (max) {
            if (kw == 2) {
                for (int ox = first, x = base; ox < last; ox++, x += sx) {
                    o[ob + ox] = Math.max(column[x], column[x + 1]);
                }
            } else {
                for (int ox = first, x = base; ox < last; ox++, x += sx) {
                    float v = column[x];
                    for (int j = 1; j < kw; j++) {
                        v = Math.max(v, column[x + j]);
                    }
                    o[ob + ox] = v;
                }
            }
        } else {
            int d = divisor(p, y0, yEndPad, ya, yb, base, base, base + kw, w);
            float inv = 1f / d;
            boolean exact = Integer.bitCount(d) == 1;
            for (int ox = first, x = base; ox < last; ox++, x += sx) {
                float v = column[x];
                for (int j = 1; j < kw; j++) {
                    v += column[x + j];
                }
                // Divide (as PyTorch does) unless multiplying by the reciprocal is exact (powers of two).
                o[ob + ox] = exact ? v * inv : v / d;
            }
        }
        for (int ox = last; ox < ow; ox++) {
            o[ob + ox] = clipped(p, column, ox, w, max, y0, yEndPad, ya, yb);
        }
    }

    /** One output whose window is clipped by the row's ends (padding, or ceil mode past the end). */
    private static float clipped(PoolSpec p, float[] column, int ox, int w, boolean max, int y0, int yEndPad,
                                 int ya, int yb) {
        int x0 = ox * p.strideX() - p.padX();
        int xa = Math.max(x0, 0);
        int xb = Math.min(x0 + p.kernelWidth(), w);
        float v = column[xa];
        if (max) {
            for (int x = xa + 1; x < xb; x++) {
                v = Math.max(v, column[x]);
            }
            return v;
        }
        for (int x = xa + 1; x < xb; x++) {
            v += column[x];
        }
        return v / divisor(p, y0, yEndPad, ya, yb, x0, xa, xb, w);
    }

    private static int divisor(PoolSpec p, int y0, int yEndPad, int ya, int yb, int x0, int xa, int xb, int w) {
        if (!p.countIncludePad()) {
            return (yb - ya) * (xb - xa);
        }
        int xEndPad = Math.min(x0 + p.kernelWidth(), w + p.padX());
        return (yEndPad - y0) * (xEndPad - x0);
    }

    /**
     * One pooled cell with its window recorded, for the step trace.
     *
     * @param fm the activated feature map, or null to compute its cells from {@code input}
     */
    static PoolStep step(ConvPlan plan, Tensor input, Tensor fm, int index, int c, int oy, int ox, List<PoolStep.Cell> cells) {
        PoolSpec p = plan.spec().pool();
        int h = plan.outHeight();
        int w = plan.outWidth();
        int y0 = oy * p.strideY() - p.padY();
        int x0 = ox * p.strideX() - p.padX();
        boolean max = p.type() == PoolSpec.Type.MAX;
        float m = Float.NEGATIVE_INFINITY;
        int chosen = -1;
        float sum = 0f;
        for (int y = y0; y < y0 + p.kernelHeight(); y++) {
            for (int x = x0; x < x0 + p.kernelWidth(); x++) {
                boolean pad = y < 0 || y >= h || x < 0 || x >= w;
                float v = pad ? Float.NaN : (fm != null ? fm.get(c, y, x) : Reference.convCell(plan, input, c, y, x));
                if (!pad) {
                    if (max && (v > m || Float.isNaN(v) || chosen < 0)) {
                        m = v;
                        chosen = cells.size();
                    }
                    sum += v;
                }
                cells.add(new PoolStep.Cell(y, x, pad, v));
            }
        }
        if (max) {
            return new PoolStep(index, c, oy, ox, List.copyOf(cells), chosen, Float.NaN, 0, m);
        }
        int yEndPad = Math.min(y0 + p.kernelHeight(), h + p.padY());
        int d = divisor(p, y0, yEndPad, Math.max(y0, 0), Math.min(y0 + p.kernelHeight(), h),
                x0, Math.max(x0, 0), Math.min(x0 + p.kernelWidth(), w), w);
        return new PoolStep(index, c, oy, ox, List.copyOf(cells), -1, sum, d, sum / d);
    }
}
