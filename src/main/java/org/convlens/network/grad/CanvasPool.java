package org.convlens.network.grad;

import org.convlens.engine.ReluMaxRows;
import org.convlens.engine.Tensor;

/**
 * ReLU and 2 x 2 max pooling (see {@link PoolBackward#tiledMax2x2}) of one image's output read
 * straight off a {@link BatchCanvas} output, and their backward pass written straight into the
 * gradient canvas: the same values as copying the image's feature map out, applying the ReLU,
 * pooling with {@link PoolBackward#maxWithIndices}, then {@link PoolBackward#scatterMax},
 * {@link ActivationBackward} and {@link BatchCanvas#gradientCanvas}, in one pass each way
 * instead of six (a training profile spent more in those passes than in the forward convolution).
 *
 * <p>Neither keeps which cell of a window was its maximum: the backward pass finds it again, as
 * the first cell equal to the pooled value ({@link ReluMaxRows}, whose row kernels both use). One
 * per conv layer and shard: it keeps the forward pass's row maxima (each window's value at its
 * first column, the canvas's layout) for the backward pass, and the row of gradients it spreads
 * them over. Not thread-safe.
 */
public final class CanvasPool {
    private final int channels;
    private final int oh;
    private final int ph;
    private final int pw;
    private final int pitch;
    /** True when the pitch is even: every window starts at an even offset, one call covers a whole canvas row. */
    private final boolean whole;
    /** Columns of a row's maxima: the whole canvas row's windows, or each image's side by side. */
    private final int span;
    /** Per channel and pooled row, {@link ReluMaxRows#pool}'s output: each window's value at its first column. */
    private final float[] rowMax;
    /** One pooled row's gradients, at each window's first column; every other column stays 0. */
    private final float[] grad;

    /**
     * @param channels the layer's output channels
     * @param oh its output height
     * @param ow its output width
     * @param pitch columns from one image's output to the next on the canvas
     * @param batch the most images a call carries
     */
    public CanvasPool(int channels, int oh, int ow, int pitch, int batch) {
        this.channels = channels;
        this.oh = oh;
        this.ph = oh / 2;
        this.pw = ow / 2;
        this.pitch = pitch;
        this.whole = pitch % 2 == 0;
        this.span = whole ? (batch - 1) * pitch + 2 * pw : batch * 2 * pw;
        this.rowMax = new float[Math.multiplyExact(channels * ph, span)];
        this.grad = new float[span];
    }

    /** Columns one row kernel call covers: every image's windows and the gaps between (even pitch), else one image's. */
    private int used(int n) {
        return whole ? (n - 1) * pitch + 2 * pw : 2 * pw;
    }

    /**
     * True when {@link #scatter} writes whole canvas rows (an even pitch): every image's windows
     * and the gaps between them, else only each image's windows.
     */
    public boolean writesGaps() {
        return whole;
    }

    /**
     * ReLU then 2 x 2 max pooling of the {@code C x OH x OW} output whose rows start at column
     * {@code col} of {@code canvasOut}, into {@code pooled} ({@code C x OH/2 x OW/2}). The ReLU is
     * {@link org.convlens.engine.Activation#RELU}'s {@code Math.max(v, 0f)}, and the maximum of a
     * window is its first maximum's value ({@code +0} never meets {@code -0} after a ReLU); a
     * window holding a NaN gives a NaN, as in PyTorch.
     */
    public static void reluMaxPool(Tensor canvasOut, int col, int oh, int ow, Tensor pooled) {
        new CanvasPool(pooled.channels(), oh, ow, 0, 1).pool(canvasOut, col, new Tensor[] {pooled}, 1);
    }

    /**
     * {@link #reluMaxPool(Tensor, int, int, int, Tensor)} for images {@code 0..n-1}, image b's rows
     * starting at column {@code col + b * pitch}, into {@code pooled[b]}: row pair by row pair
     * across every image, one {@link ReluMaxRows#pool} call for the whole canvas row where the
     * pitch is even, else one per image. The row maxima are kept for {@link #scatter}.
     */
    public void pool(Tensor canvasOut, int col, Tensor[] pooled, int n) {
        int cw = canvasOut.width();
        float[] a = canvasOut.data();
        int used = used(n);
        for (int c = 0; c < channels; c++) {
            for (int py = 0; py < ph; py++) {
                int ob = (c * ph + py) * pw;
                int r0 = (c * oh + 2 * py) * cw + col;
                int r1 = r0 + cw;
                int t = (c * ph + py) * span;
                if (whole) {
                    ReluMaxRows.pool(a, r0, r1, used, rowMax, t);
                }
                for (int b = 0; b < n; b++) {
                    int base = t + (whole ? b * pitch : b * 2 * pw);
                    if (!whole) {
                        ReluMaxRows.pool(a, r0 + b * pitch, r1 + b * pitch, used, rowMax, base);
                    }
                    float[] o = pooled[b].data();
                    for (int px = 0; px < pw; px++) {
                        o[ob + px] = rowMax[base + 2 * px];
                    }
                }
            }
        }
    }

    /**
     * The backward pass of {@link #reluMaxPool}: each window's gradient {@code gradPooled} to its
     * first cell (in row-major order) equal to the pooled value, if that value is above 0 (the
     * ReLU let it through), the window's other cells 0, on the gradient canvas (rows start at
     * column {@code col}); and each channel's gradients, window by window, added to {@code bias}.
     */
    public static void scatterReluMax(Tensor canvasOut, Tensor gradPooled, Tensor pooled, Tensor gradCanvas, int col,
                                      int oh, float[] bias) {
        CanvasPool p = new CanvasPool(pooled.channels(), oh, 2 * pooled.width(), 0, 1);
        Tensor again = new Tensor(pooled.channels(), pooled.height(), pooled.width());
        p.pool(canvasOut, col, new Tensor[] {again}, 1);
        p.scatter(canvasOut, new Tensor[] {gradPooled}, new Tensor[] {pooled}, gradCanvas, col, bias, 1);
    }

    /**
     * The backward pass of the last {@link #pool} call (the same canvas and images): each window's
     * gradient (0 where its pooled value is not above 0) is placed at its first column, then
     * {@link ReluMaxRows#scatter} runs over the whole canvas row (even pitch) or image by image.
     * Each image's channel sums are kept apart and added to {@code bias} image by image, so the
     * bias gradient is the one image-by-image calls give, bit for bit.
     */
    public void scatter(Tensor canvasOut, Tensor[] gradPooled, Tensor[] pooled, Tensor gradCanvas, int col,
                        float[] bias, int n) {
        int cw = canvasOut.width();
        int gw = gradCanvas.width();
        float[] a = canvasOut.data();
        float[] gc = gradCanvas.data();
        float[] sums = new float[n * channels];
        int used = used(n);
        for (int c = 0; c < channels; c++) {
            for (int py = 0; py < ph; py++) {
                int ob = (c * ph + py) * pw;
                int r0 = (c * oh + 2 * py) * cw + col;
                int q0 = (c * oh + 2 * py) * gw + col;
                int t = (c * ph + py) * span;
                for (int b = 0; b < n; b++) {
                    float[] gp = gradPooled[b].data();
                    float[] p = pooled[b].data();
                    int base = whole ? b * pitch : 0;
                    float s = sums[b * channels + c];
                    for (int px = 0; px < pw; px++) {
                        int mb = Float.floatToRawIntBits(p[ob + px]);
                        float gm = Float.intBitsToFloat(Float.floatToRawIntBits(gp[ob + px]) & (-mb >> 31));
                        grad[base + 2 * px] = gm;
                        s += gm;
                    }
                    sums[b * channels + c] = s;
                    if (!whole) {
                        ReluMaxRows.scatter(a, r0 + b * pitch, r0 + cw + b * pitch, rowMax, t + b * 2 * pw, grad,
                                used, gc, q0 + b * pitch, q0 + gw + b * pitch);
                    }
                }
                if (whole) {
                    ReluMaxRows.scatter(a, r0, r0 + cw, rowMax, t, grad, used, gc, q0, q0 + gw);
                }
            }
        }
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < channels; c++) {
                bias[c] += sums[b * channels + c];
            }
        }
    }
}
