package org.convlens.network.grad;

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
 * the first cell equal to the pooled value, on the floats' bits as ints (after a ReLU every value
 * is {@code +0} or positive, and equal floats have equal bits), with masks instead of branches:
 * float comparisons and selects compile to branches, which mispredict on ReLU's many ties (the
 * search with indices ran at 10 ns a window). A window holding a NaN (whose loss is then NaN and
 * whose step the trainer never takes) sends its gradient to its last cell.
 */
public final class CanvasPool {
    private CanvasPool() {
    }

    /**
     * ReLU then 2 x 2 max pooling of the {@code C x OH x OW} output whose rows start at column
     * {@code col} of {@code canvasOut}, into {@code pooled} ({@code C x OH/2 x OW/2}). The ReLU is
     * {@link org.convlens.engine.Activation#RELU}'s {@code Math.max(v, 0f)}, and the maximum of a
     * window is its first maximum's value ({@code +0} never meets {@code -0} after a ReLU); a
     * window holding a NaN gives a NaN, as in PyTorch.
     */
    public static void reluMaxPool(Tensor canvasOut, int col, int oh, int ow, Tensor pooled) {
        reluMaxPool(canvasOut, col, 0, oh, ow, new Tensor[] {pooled}, 1);
    }

    /**
     * {@link #reluMaxPool(Tensor, int, int, int, Tensor)} for images {@code 0..n-1}, image b's rows
     * starting at column {@code col + b * pitch}, into {@code pooled[b]}: row pair by row pair
     * across every image (the canvas read in order, not one image's short stretches of many rows:
     * 0.46 against 0.33 ms for the first layer's 64 images).
     */
    public static void reluMaxPool(Tensor canvasOut, int col, int pitch, int oh, int ow, Tensor[] pooled, int n) {
        int cw = canvasOut.width();
        int ph = oh / 2;
        int pw = ow / 2;
        float[] a = canvasOut.data();
        for (int c = 0; c < pooled[0].channels(); c++) {
            for (int py = 0; py < ph; py++) {
                int ob = (c * ph + py) * pw;
                for (int b = 0; b < n; b++) {
                    int r0 = (c * oh + 2 * py) * cw + col + b * pitch;
                    int r1 = r0 + cw;
                    float[] o = pooled[b].data();
                    for (int px = 0; px < pw; px++) {
                        int x = 2 * px;
                        o[ob + px] = Math.max(Math.max(Math.max(a[r0 + x], 0f), Math.max(a[r0 + x + 1], 0f)),
                                Math.max(Math.max(a[r1 + x], 0f), Math.max(a[r1 + x + 1], 0f)));
                    }
                }
            }
        }
    }

    /** ReLU on the bits: a negative number (sign bit set) becomes {@code +0}, as {@code Math.max(v, 0f)} makes it. */
    private static int relu(float v) {
        int b = Float.floatToRawIntBits(v);
        return b & ~(b >> 31);
    }

    /** All ones if {@code a == b}, else 0 (both non-negative). */
    private static int same(int a, int b) {
        int x = a ^ b;
        return ((x - 1) & ~x) >> 31;
    }

    /**
     * The backward pass of {@link #reluMaxPool}: each window's gradient {@code gradPooled} to its
     * first cell (in row-major order) equal to the pooled value, if that value is above 0 (the
     * ReLU let it through), the window's other cells 0, on the gradient canvas (rows start at
     * column {@code col}); and each channel's gradients, window by window, added to {@code bias}.
     */
    public static void scatterReluMax(Tensor canvasOut, Tensor gradPooled, Tensor pooled, Tensor gradCanvas, int col,
                                      int oh, float[] bias) {
        scatterReluMax(canvasOut, new Tensor[] {gradPooled}, new Tensor[] {pooled}, gradCanvas, col, 0, oh, bias, 1);
    }

    /**
     * {@link #scatterReluMax(Tensor, Tensor, Tensor, Tensor, int, int, float[])} for images
     * {@code 0..n-1} (image b at column {@code col + b * pitch}), row pair by row pair across every
     * image; each image's channel sums are kept apart and added to {@code bias} image by image, so
     * the bias gradient is the one image-by-image calls give, bit for bit.
     */
    public static void scatterReluMax(Tensor canvasOut, Tensor[] gradPooled, Tensor[] pooled, Tensor gradCanvas,
                                      int col, int pitch, int oh, float[] bias, int n) {
        int cw = canvasOut.width();
        int gw = gradCanvas.width();
        int channels = pooled[0].channels();
        int ph = pooled[0].height();
        int pw = pooled[0].width();
        float[] a = canvasOut.data();
        float[] gc = gradCanvas.data();
        float[] sums = new float[n * channels];
        for (int c = 0; c < channels; c++) {
            for (int py = 0; py < ph; py++) {
                int ob = (c * ph + py) * pw;
                for (int b = 0; b < n; b++) {
                    int r0 = (c * oh + 2 * py) * cw + col + b * pitch;
                    int r1 = r0 + cw;
                    int q0 = (c * oh + 2 * py) * gw + col + b * pitch;
                    int q1 = q0 + gw;
                    float[] g = gradPooled[b].data();
                    float[] p = pooled[b].data();
                    float s = sums[b * channels + c];
                    for (int px = 0; px < pw; px++) {
                        int x = 2 * px;
                        int m = Float.floatToRawIntBits(p[ob + px]);
                        int gb = Float.floatToRawIntBits(g[ob + px]) & (-m >> 31);
                        int e0 = same(relu(a[r0 + x]), m);
                        int e1 = same(relu(a[r0 + x + 1]), m) & ~e0;
                        int e2 = same(relu(a[r1 + x]), m) & ~(e0 | e1);
                        int e3 = ~(e0 | e1 | e2);
                        gc[q0 + x] = Float.intBitsToFloat(gb & e0);
                        gc[q0 + x + 1] = Float.intBitsToFloat(gb & e1);
                        gc[q1 + x] = Float.intBitsToFloat(gb & e2);
                        gc[q1 + x + 1] = Float.intBitsToFloat(gb & e3);
                        s += Float.intBitsToFloat(gb);
                    }
                    sums[b * channels + c] = s;
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
