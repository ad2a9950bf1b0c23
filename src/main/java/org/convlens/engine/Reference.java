package org.convlens.engine;

import java.util.List;

/**
 * The plain loops, kept as ground truth (BoofCV's ConvolveImageStandard): one output cell at a
 * time, every term in order, no tricks. The step trace records exactly these loops; the fast
 * path is tested against them on seeded random data.
 *
 * <p><b>The one order.</b> Each cell is {@code sum = 0; for each term in order (input slice,
 * kernel row, kernel column): sum = fma(value, weight, sum)}, then {@code sum + bias}, then the
 * activation. Every term is a fused multiply-add ({@link Math#fma}: one rounding per term, the
 * instruction every x86 since 2013 and every 64-bit ARM has). Every path that fills a feature
 * map ({@link FastConvolution}, the vector path, this loop, the step trace) adds in this order,
 * so the grid, the tooltip and the arithmetic line show the same bits. Terms that read a zero
 * row (zero padding, inserted zeros) may be skipped: with finite weights {@code fma(0, w, s)}
 * is {@code s}.
 */
public final class Reference {
    private Reference() {
    }

    /**
     * The multiply-sum of one output cell, without bias or activation.
     *
     * @param terms if not null, receives each term with its running sum
     */
    public static float convSum(ConvPlan plan, Tensor input, int co, int oy, int ox, List<ConvStep.Term> terms) {
        Kernel k = plan.directKernel();
        int kh = k.height();
        int kw = k.width();
        AxisMap rows = plan.rows();
        AxisMap cols = plan.cols();
        float sum = 0f;
        for (int s = 0; s < plan.inPerGroup(); s++) {
            int ci = plan.inputChannel(co, s);
            for (int ky = 0; ky < kh; ky++) {
                int vy = oy * plan.strideY() + ky * plan.dilationY();
                for (int kx = 0; kx < kw; kx++) {
                    int vx = ox * plan.strideX() + kx * plan.dilationX();
                    float v = plan.valueAt(input, ci, vy, vx);
                    float wgt = k.get(co, s, ky, kx);
                    float p = v * wgt;
                    sum = Math.fma(v, wgt, sum);
                    if (terms != null) {
                        terms.add(new ConvStep.Term(ci, s, ky, kx, vy, vx, rows.coordinate(vy), cols.coordinate(vx),
                                plan.kind(vy, vx), rows.source(vy), cols.source(vx), v, wgt, p, sum));
                    }
                }
            }
        }
        return sum;
    }

    /** One cell of the activated feature map. */
    public static float convCell(ConvPlan plan, Tensor input, int co, int oy, int ox) {
        float pre = convSum(plan, input, co, oy, ox, null) + plan.bias()[co];
        return plan.spec().activation().apply(pre);
    }

    /** The whole activated feature map, {@code Cout x OH x OW}, cell by cell. */
    public static Tensor convolve(ConvPlan plan, Tensor input) {
        Tensor out = new Tensor(plan.outChannels(), plan.outHeight(), plan.outWidth());
        for (int co = 0; co < plan.outChannels(); co++) {
            for (int oy = 0; oy < plan.outHeight(); oy++) {
                for (int ox = 0; ox < plan.outWidth(); ox++) {
                    out.set(co, oy, ox, convCell(plan, input, co, oy, ox));
                }
            }
        }
        return out;
    }

    /**
     * Feature-map rows {@code [from, to)} of every output channel into {@code out}, cell by cell:
     * the engine's path when the fast ones would need far more memory than the cells they read
     * (a widely dilated kernel over a huge padded grid). Nothing is allocated.
     */
    static void convolveRows(ConvPlan plan, Tensor input, Tensor out, int from, int to, Runnable rowDone) {
        for (int oy = from; oy < to; oy++) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new Parallel.CancelledException();
            }
            for (int co = 0; co < plan.outChannels(); co++) {
                for (int ox = 0; ox < plan.outWidth(); ox++) {
                    out.set(co, oy, ox, convCell(plan, input, co, oy, ox));
                }
            }
            if (rowDone != null) {
                rowDone.run();
            }
        }
    }

    /** The whole pipeline, cell by cell: the final output (pooled when the spec pools). */
    public static Tensor run(ConvPlan plan, Tensor input) {
        Tensor fm = convolve(plan, input);
        return plan.hasPool() ? Pooling.pool(plan, fm, 1) : fm;
    }
}
