package org.convlens.engine;

import java.util.List;

/**
 * Max and average pooling with PyTorch's window rules (max_pool2d, avg_pool2d): windows start at
 * {@code o * stride - padding}; max ignores padding cells; average divides by the window's size
 * clipped to the padded input ({@code count_include_pad}) or by the input cells it covers.
 */
public final class Pooling {
    /**
     * 2 x 2 pooling with the vector path and the loop not compiled yet starts its warm-up for
     * maps this large (pooled cells): 512 x 512 pooled, the same bits on the plain path meanwhile.
     */
    private static final long VECTOR_WARM_UP_OUTPUTS = 1L << 18;

    private Pooling() {
    }

    /** Pools the feature map {@code fm} as {@code plan}'s pool stage says, rows split across threads. */
    public static Tensor pool(ConvPlan plan, Tensor fm, int threads) {
        return pool(plan, fm, new Tensor(fm.channels(), plan.poolY().size(), plan.poolX().size()), threads);
    }

    /** Pools into {@code out} (every value overwritten) and returns it. */
    public static Tensor pool(ConvPlan plan, Tensor fm, Tensor out, int threads) {
        return pool(plan.spec().pool(), fm, out, threads);
    }

    /**
     * Pools {@code fm} with {@code p} on its own (a network's pool layer), rows split across
     * threads, into {@code out}: every value overwritten, {@code out} returned. {@code out} must
     * have {@code fm}'s channels and the pooled height and width
     * ({@link AxisArithmetic#pool AxisArithmetic.pool(...).size()} per axis).
     */
    public static Tensor pool(PoolSpec p, Tensor fm, Tensor out, int threads) {
        boolean pairs = p.kernelWidth() == 2 && p.strideX() == 2;
        return pool(p, fm, out, threads, pairs && VectorPath.poolingReady((long) out.height() * out.width()
                * out.channels() >= VECTOR_WARM_UP_OUTPUTS));
    }

    /**
     * True while the vector path for 2 x 2 pooling is being compiled, on a thread of its own
     * (the plain path runs meanwhile, with the same bits): {@code bench} waits for the end.
     */
    public static boolean vectorPathWarmingUp() {
        return VectorPath.poolingWarmingUp();
    }

    /**
     * As {@link #pool(PoolSpec, Tensor, Tensor, int)}, on the vector path (where the module is,
     * compiled or not: tests take both paths) or not.
     */
    static Tensor pool(PoolSpec p, Tensor fm, Tensor out, int threads, boolean vector) {
        if (out.channels() != fm.channels()) {
            throw new IllegalArgumentException("pooling " + fm + " into " + out);
        }
        int ph = out.height();
        int pw = out.width();
        long work = (long) fm.channels() * ph * pw * p.kernelHeight() * p.kernelWidth();
        Parallel.forRange(ph, threads, work, (from, to) -> {
            float[] column = new float[fm.width()];
            for (int c = 0; c < fm.channels(); c++) {
                for (int oy = from; oy < to; oy++) {
                    poolRow(p, fm, c, oy, out, column, vector);
                }
            }
        });
        return out;
    }

    /**
     * One pooled row, separably: first the window's rows are reduced into {@code column}
     * (max or sum per feature-map column, a loop C2 vectorises), then each output reduces its
     * columns of that. On 4096x4096 max 2x2 this ran 5x faster than a loop per output cell.
     * Window positions are in 64 bits (a window and its padding may pass 2^31); the cells read
     * are always inside the map.
     */
    private static void poolRow(PoolSpec p, Tensor fm, int c, int oy, Tensor out, float[] column, boolean vector) {
        int h = fm.height();
        int w = fm.width();
        float[] a = fm.data();
        float[] o = out.data();
        int plane = c * h * w;
        long y0 = (long) oy * p.strideY() - p.padY();
        int ow = out.width();
        int ob = (c * out.height() + oy) * ow;
        boolean max = p.type() == PoolSpec.Type.MAX;
        long yEndPad = Math.min(y0 + p.kernelHeight(), (long) h + p.padY());
        int ya = (int) Math.max(y0, 0);
        int yb = (int) Math.min(y0 + p.kernelHeight(), h);
        int sx = p.strideX();
        int kw = p.kernelWidth();
        // Outputs whose window lies wholly inside the row: no clipping, and for average pooling
        // one divisor for all of them. 2x2 stride 2 on 4096x4096, one thread: max 15.5 -> 8-10 ms,
        // average 15.6 -> 11.2 ms.
        int first = (int) Math.min(ow, ((long) p.padX() + sx - 1) / sx);
        int last = (int) Math.max(first, Math.min(ow, Math.floorDiv((long) w + p.padX() - kw, sx) + 1));
        int base = (int) ((long) first * sx - p.padX());
        // Windows two rows high and two columns wide that do not overlap: each one's two columns
        // are reduced where it is pooled (no pass through column), column only for the clipped
        // ends. 2x2 stride 2 on 4096x4096, one thread, CPU (bench, loaded machine): average
        // 13.8 -> 7.0 ms, with the vector path 4.1 ms; max with the vector path 27 to 42 -> 8 ms.
        boolean pairs = kw == 2 && sx >= 2 && first < last && yb - ya == 2;
        if (pairs) {
            if (first > 0) {
                reduceRows(a, plane, w, ya, yb, column, 0, Math.min(w, base + kw), max);
            }
            if (last < ow) {
                reduceRows(a, plane, w, ya, yb, column, (int) Math.max(0, (long) last * sx - p.padX()), w, max);
            }
        } else {
            reduceRows(a, plane, w, ya, yb, column, 0, w, max);
        }
        for (int ox = 0; ox < first; ox++) {
            o[ob + ox] = clipped(p, column, ox, w, max, y0, yEndPad, ya, yb);
        }
        if (max && pairs) {
            maxPairRow(a, plane + ya * w + base, w, o, ob, first, last, sx, vector);
        } else if (max) {
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
        } else if (first < last) {
            long d = divisor(p, y0, yEndPad, ya, yb, base, base, base + kw, w);
            if (pairs) {
                pairRow(a, plane + ya * w + base, w, o, ob, first, last, sx, d, vector);
            } else {
                averageRow(column, o, ob, first, last, base, sx, kw, d);
            }
        }
        for (int ox = last; ox < ow; ox++) {
            o[ob + ox] = clipped(p, column, ox, w, max, y0, yEndPad, ya, yb);
        }
    }

    /**
     * Reduces rows {@code [ya, yb)} of a plane into {@code column[from, to)}: the max, or the sum
     * from the top row down (a loop C2 vectorises).
     */
    private static void reduceRows(float[] a, int plane, int w, int ya, int yb, float[] column, int from, int to,
                                   boolean max) {
        System.arraycopy(a, plane + ya * w + from, column, from, to - from);
        for (int y = ya + 1; y < yb; y++) {
            int r = plane + y * w;
            if (max) {
                for (int x = from; x < to; x++) {
                    column[x] = Math.max(column[x], a[r + x]);
                }
            } else {
                for (int x = from; x < to; x++) {
                    column[x] += a[r + x];
                }
            }
        }
    }

    /**
     * Two-row, two-column average windows {@code sx} apart, the first at {@code at}: each
     * {@code ((top[x] + bottom[x]) + (top[x + 1] + bottom[x + 1]))}, the column sums then the
     * row's, and the division as {@link #averageRow}.
     */
    private static void pairRow(float[] a, int at, int w, float[] o, int ob, int first, int last, int sx, long d,
                                boolean vector) {
        float fd = d;
        float inv = 1f / d;
        int b = at + w;
        int start = vector && sx == 2 ? VectorPath.averagePairs(a, at, w, o, ob, first, last, d) : first;
        if (Long.bitCount(d) == 1) {
            for (int ox = start, x = (start - first) * sx; ox < last; ox++, x += sx) {
                o[ob + ox] = pairSum(a, at + x, b + x) * inv;
            }
        } else {
            for (int ox = start, x = (start - first) * sx; ox < last; ox++, x += sx) {
                o[ob + ox] = pairSum(a, at + x, b + x) / fd;
            }
        }
    }

    /**
     * Two-row, two-column max windows {@code sx} apart, the first at {@code at}: each the larger
     * of its two column maxima ({@link Math#max}'s value, as {@link #reduceRows}: a NaN wins).
     */
    private static void maxPairRow(float[] a, int at, int w, float[] o, int ob, int first, int last, int sx,
                                   boolean vector) {
        int b = at + w;
        int start = vector && sx == 2 ? VectorPath.maxPairs(a, at, w, o, ob, first, last) : first;
        for (int ox = start, x = (start - first) * sx; ox < last; ox++, x += sx) {
            o[ob + ox] = pairMax(a, at + x, b + x);
        }
    }

    /**
     * The sum of the two-row, two-column window whose top-left cell is {@code top} and whose
     * bottom-left is {@code bottom}, in the one order every path keeps: each column from the top,
     * then the columns from the left.
     */
    static float pairSum(float[] a, int top, int bottom) {
        return (a[top] + a[bottom]) + (a[top + 1] + a[bottom + 1]);
    }

    /** The maximum of the same window ({@link Math#max}'s value: a NaN wins, +0 over -0). */
    static float pairMax(float[] a, int top, int bottom) {
        return Math.max(Math.max(a[top], a[bottom]), Math.max(a[top + 1], a[bottom + 1]));
    }

    /**
     * The sums of a row's unclipped average windows, {@code column[x] + column[x + 1] + ...} from
     * the left, then divided by {@code d} (as PyTorch does), or multiplied by {@code 1 / d} when
     * that is a power of two (the same bits: both are the one rounding of the same quotient).
     * Window widths 2 and 3 have loops of their own, with no inner loop and no branch per cell.
     */
    private static void averageRow(float[] column, float[] o, int ob, int first, int last, int base, int sx, int kw,
                                   long d) {
        float fd = d;
        float inv = 1f / d;
        boolean exact = Long.bitCount(d) == 1;
        if (kw == 2 && exact) {
            for (int ox = first, x = base; ox < last; ox++, x += sx) {
                o[ob + ox] = (column[x] + column[x + 1]) * inv;
            }
        } else if (kw == 2) {
            for (int ox = first, x = base; ox < last; ox++, x += sx) {
                o[ob + ox] = (column[x] + column[x + 1]) / fd;
            }
        } else if (kw == 3 && exact) {
            for (int ox = first, x = base; ox < last; ox++, x += sx) {
                o[ob + ox] = (column[x] + column[x + 1] + column[x + 2]) * inv;
            }
        } else if (kw == 3) {
            for (int ox = first, x = base; ox < last; ox++, x += sx) {
                o[ob + ox] = (column[x] + column[x + 1] + column[x + 2]) / fd;
            }
        } else {
            for (int ox = first, x = base; ox < last; ox++, x += sx) {
                float v = column[x];
                for (int j = 1; j < kw; j++) {
                    v += column[x + j];
                }
                o[ob + ox] = exact ? v * inv : v / fd;
            }
        }
    }

    /** One output whose window is clipped by the row's ends (padding, or ceil mode past the end). */
    private static float clipped(PoolSpec p, float[] column, int ox, int w, boolean max, long y0, long yEndPad,
                                 int ya, int yb) {
        long x0 = (long) ox * p.strideX() - p.padX();
        int xa = (int) Math.max(x0, 0);
        int xb = (int) Math.min(x0 + p.kernelWidth(), w);
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

    /** What average-pooling window (oy, ox) over an h x w map divides by (the backward pass shares by it too). */
    public static long divisor(PoolSpec p, int h, int w, int oy, int ox) {
        long y0 = (long) oy * p.strideY() - p.padY();
        long x0 = (long) ox * p.strideX() - p.padX();
        long yEndPad = Math.min(y0 + p.kernelHeight(), (long) h + p.padY());
        return divisor(p, y0, yEndPad, (int) Math.max(y0, 0), (int) Math.min(y0 + p.kernelHeight(), h),
                x0, (int) Math.max(x0, 0), (int) Math.min(x0 + p.kernelWidth(), w), w);
    }

    /**
     * What an average divides by, in 64 bits as PyTorch's {@code int64_t} (a 46341 x 46341 window
     * holds more cells than an int): the window clipped to the padded map with
     * {@code count_include_pad}, else the map cells it covers.
     */
    private static long divisor(PoolSpec p, long y0, long yEndPad, int ya, int yb, long x0, int xa, int xb, int w) {
        if (!p.countIncludePad()) {
            return (long) (yb - ya) * (xb - xa);
        }
        long xEndPad = Math.min(x0 + p.kernelWidth(), (long) w + p.padX());
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
        long y0 = (long) oy * p.strideY() - p.padY();
        long x0 = (long) ox * p.strideX() - p.padX();
        boolean max = p.type() == PoolSpec.Type.MAX;
        float m = Float.NEGATIVE_INFINITY;
        int chosen = -1;
        int kh = p.kernelHeight();
        int kw = p.kernelWidth();
        float[] window = new float[kh * kw];
        for (long y = y0; y < y0 + kh; y++) {
            for (long x = x0; x < x0 + kw; x++) {
                boolean pad = y < 0 || y >= h || x < 0 || x >= w;
                float v = pad ? Float.NaN : (fm != null ? fm.get(c, (int) y, (int) x)
                        : Reference.convCell(plan, input, c, (int) y, (int) x));
                if (!pad) {
                    if (max && (v > m || Float.isNaN(v) || chosen < 0)) {
                        m = v;
                        chosen = cells.size();
                    }
                }
                window[cells.size()] = v;
                cells.add(new PoolStep.Cell((int) y, (int) x, pad, v));
            }
        }
        // The sum in poolRow's order, so the trace shows the pooled map's bits: each column of the
        // window summed top to bottom, then the columns left to right (padding left out).
        float sum = 0f;
        boolean firstColumn = true;
        for (long x = Math.max(x0, 0); x < Math.min(x0 + kw, w); x++) {
            float col = 0f;
            boolean firstRow = true;
            for (long y = Math.max(y0, 0); y < Math.min(y0 + kh, h); y++) {
                float v = window[(int) ((y - y0) * kw + (x - x0))];
                col = firstRow ? v : col + v;
                firstRow = false;
            }
            sum = firstColumn ? col : sum + col;
            firstColumn = false;
        }
        if (max) {
            return new PoolStep(index, c, oy, ox, List.copyOf(cells), chosen, Float.NaN, 0, m);
        }
        long yEndPad = Math.min(y0 + p.kernelHeight(), (long) h + p.padY());
        long d = divisor(p, y0, yEndPad, (int) Math.max(y0, 0), (int) Math.min(y0 + p.kernelHeight(), h),
                x0, (int) Math.max(x0, 0), (int) Math.min(x0 + p.kernelWidth(), w), w);
        // the divisor counts window cells, all of which are in the list: it fits an int
        return new PoolStep(index, c, oy, ox, List.copyOf(cells), -1, sum, Math.toIntExact(d), sum / d);
    }
}
