package org.convlens.network.grad;

import org.convlens.engine.AxisMap;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.Tensor;

import java.util.List;

/**
 * A batch of small maps laid side by side as one wide map, so that one engine call does the
 * whole batch with long rows (the fast path vectorises along rows; a 14-wide map gives it little
 * to work with). For an ordinary (not transposed) convolution layer:
 *
 * <ul>
 *   <li>forward: each image's padded grid ({@code Hv x Wv}, padding filled by its mode) is placed
 *       at column {@code b * pitch} ({@code pitch} = Wv rounded up to the stride), gaps zero, and
 *       the layer's convolution runs over it unpadded; image b's output starts at column
 *       {@code b * pitch / stride};</li>
 *   <li>input gradient: the output gradients side by side the same way, one transposed
 *       convolution with the same kernel; each image's stretch is the gradient of its padded
 *       grid, folded back onto the input ({@link BackwardStep});</li>
 *   <li>kernel gradient: the padded input canvas correlated with the output-gradient canvas as
 *       the kernel (stride = the layer's dilation, dilation = the layer's stride), one engine call
 *       per input channel; windows that would mix two images meet only the zero gaps, so the
 *       correlation sums every image's kernel gradient at once.</li>
 * </ul>
 * The same identities as {@link ConvBackward}, through the same engine; this only changes how
 * many maps one call carries. Not thread-safe; one per worker.
 */
public final class BatchCanvas {
    private final ConvPlan plan;
    private final int batch;
    private final int hv;
    private final int wv;
    private final int pitch;
    private final int outPitch;
    private final int width;
    private final ConvPlan forwardPlan;
    private final ConvSpec inputGradSpec;
    /** The input gradient's transposed convolution on the last gradient canvas, or null before one. */
    private ConvPlan inputGradPlan;
    /** Rows the input gradient's transposed convolution crops from the padded grid's top and bottom. */
    private final int rowCrop;
    /** The kernel-gradient convolutions of the last call, per group, kept while their kernel arrays are the same. */
    private final ConvPlan[] kernelPlans;
    private final float[][] groupKernels;
    private float[] channelData;

    /**
     * @param plan one image's plan: an ordinary convolution (its activation and pooling are left
     *     to the caller; the canvas gives the convolution plus bias)
     * @param batch images per canvas
     */
    public BatchCanvas(ConvPlan plan, int batch) {
        this(plan, batch, null);
    }

    /**
     * A canvas for {@code plan}'s weights that keeps this one's buffers and kernel-gradient
     * plans where the two plans differ only in their weights and bias (a training step's next
     * batch; else it is a new canvas): those plans read their kernel, the gradient canvas, in
     * place, so its values are checked (finite) when the plan is first made, not every batch (4 %
     * of a training epoch). Their kernels hold computed gradients, never user input; a gradient
     * that overflows shows in the loss or the weights, which the trainer checks. This canvas is
     * not to be used afterwards. Given this canvas's own plan (not flipped), it returns itself,
     * its input gradient's plan made again.
     */
    public BatchCanvas withWeightsOf(ConvPlan plan) {
        if (plan == this.plan && !plan.spec().flip()) {
            // The same plan, whose kernel and bias are read in place (a training run's one plan):
            // the forward plan reads them in place too; the input gradient's plan keeps its kernel
            // turned into a direct one, a copy, made again from the weights as they are now.
            if (inputGradPlan != null) {
                inputGradPlan = inputGradPlan.withWeights(inputGradSpec);
            }
            return this;
        }
        return new BatchCanvas(plan, batch, sameShape(this.plan, plan) ? this : null);
    }

    private BatchCanvas(ConvPlan plan, int batch, BatchCanvas kept) {
        if (plan.spec().transposed()) {
            throw new IllegalArgumentException("a transposed layer is not laid out on a canvas");
        }
        this.plan = plan;
        this.batch = batch;
        this.hv = plan.rows().length();
        this.wv = plan.cols().length();
        int sx = plan.strideX();
        this.pitch = (wv + sx - 1) / sx * sx;
        this.outPitch = pitch / sx;
        // A few zero columns after the last image, so that the whole gradient canvas can be the
        // kernel of the kernel gradient: its output is then exactly kh x kw.
        int spare = Math.max(0, plan.dilationX() * (plan.spec().kernel().width() - 1) + 1 - sx);
        this.width = batch * pitch + spare;
        ConvSpec f = plan.spec();
        ConvSpec canvasSpec = f.toBuilder().padding(Padding.VALID).paddingMode(PaddingMode.ZEROS)
                .activation(org.convlens.engine.Activation.NONE).pool(null).build();
        this.forwardPlan = kept != null ? kept.forwardPlan.withWeights(canvasSpec)
                : ConvPlan.of(canvasSpec, plan.inChannels(), hv, width);
        int restY = hv - ((plan.outHeight() - 1) * f.strideY() + f.dilationY() * (f.kernel().height() - 1) + 1);
        // Zero padding rows, as many above as below, get no gradient anyone reads: the transposed
        // convolution leaves them out (its padding crops them), a few percent of its work.
        int[] pad = plan.padding();
        this.rowCrop = f.paddingMode() == PaddingMode.ZEROS && pad[0] == pad[1] ? pad[0] : 0;
        this.inputGradSpec = ConvSpec.builder(f.kernel()).flip(f.flip()).groups(f.groups()).transposed(true)
                .stride(f.strideY(), f.strideX()).dilation(f.dilationY(), f.dilationX()).padding(Padding.of(rowCrop, 0))
                .outputPadding(restY, 0).build();
        this.inputGradPlan = kept != null && kept.inputGradPlan != null ? kept.inputGradPlan.withWeights(inputGradSpec)
                : null;
        this.kernelPlans = kept != null ? kept.kernelPlans : new ConvPlan[plan.groups()];
        this.groupKernels = kept != null ? kept.groupKernels : new float[plan.groups()][];
        this.channelData = kept != null ? kept.channelData : null;
    }

    /** True when two plans lay out the same canvases: the same input and settings, the weights and bias aside. */
    private static boolean sameShape(ConvPlan a, ConvPlan b) {
        return a.inChannels() == b.inChannels() && a.inHeight() == b.inHeight() && a.inWidth() == b.inWidth()
                && a.spec().sameLayout(b.spec()) && !b.spec().transposed();
    }

    public ConvPlan plan() {
        return plan;
    }

    public int batch() {
        return batch;
    }

    /** Columns from one image's output to the next on an output or gradient canvas. */
    public int outputPitch() {
        return outPitch;
    }

    /**
     * A gradient canvas, {@code Cout x OH x (batch * outputPitch())}, zero except the top-left
     * {@code rows x cols} cells of each of images {@code 0..images-1}, left as they are for the
     * caller to overwrite (a pooling's backward pass writes every cell its windows cover): only
     * the cells around them are zeroed. With {@code gapsWritten} the caller writes the gaps
     * between those images too (in those rows, one run from the first image's first column to the
     * last image's last), and only the cells past the run are zeroed.
     */
    public Tensor gradientCanvasAround(Tensor reuse, int images, int rows, int cols, boolean gapsWritten) {
        Tensor t = fits(reuse, plan.outChannels(), plan.outHeight(), batch * outPitch);
        if (t == reuse) {
            float[] d = t.data();
            int w = t.width();
            int run = images == 0 ? 0 : (images - 1) * outPitch + cols;
            for (int c = 0; c < t.channels(); c++) {
                for (int y = 0; y < t.height(); y++) {
                    int row = (c * t.height() + y) * w;
                    if (y >= rows) {
                        java.util.Arrays.fill(d, row, row + w, 0f);
                        continue;
                    }
                    if (gapsWritten) {
                        java.util.Arrays.fill(d, row + run, row + w, 0f);
                        continue;
                    }
                    for (int b = 0; b < images; b++) {
                        // A gap of a few columns: stores, not a call per gap.
                        for (int x = row + b * outPitch + cols, end = row + (b + 1) * outPitch; x < end; x++) {
                            d[x] = 0f;
                        }
                    }
                    java.util.Arrays.fill(d, row + images * outPitch, row + w, 0f);
                }
            }
        }
        return t;
    }

    /** The convolution the forward pass runs on the canvas (no padding, no activation, no pooling). */
    public ConvPlan forwardPlan() {
        return forwardPlan;
    }

    /**
     * The images' padded grids side by side: {@code Cin x Hv x (batch * pitch + a few)}; images
     * past {@code images.size()} (a short last batch) are zero, and so are the few columns after
     * the last image.
     *
     * @param reuse a previous canvas to overwrite, or null
     */
    public Tensor inputCanvas(List<Tensor> images, Tensor reuse) {
        int c = plan.inChannels();
        Tensor t = fits(reuse, c, hv, width);
        float[] d = t.data();
        AxisMap rows = plan.rows();
        AxisMap cols = plan.cols();
        int h = plan.inHeight();
        int w = plan.inWidth();
        int left = cols.before();
        int n = images.size();
        // Row by row, every value written once: the padding rows, the gaps and the images past
        // the last are zeroed here, not the whole canvas first.
        for (int ch = 0; ch < c; ch++) {
            for (int vy = 0; vy < hv; vy++) {
                int row = (ch * hv + vy) * width;
                int sy = rows.source(vy);
                if (sy < 0) {
                    java.util.Arrays.fill(d, row, row + width, 0f);
                    continue;
                }
                for (int b = 0; b < n; b++) {
                    float[] in = images.get(b).data();
                    int to = row + b * pitch;
                    int from = (ch * h + sy) * w;
                    for (int vx = 0; vx < left; vx++) {
                        int sx = cols.source(vx);
                        d[to + vx] = sx < 0 ? 0f : in[from + sx];
                    }
                    System.arraycopy(in, from, d, to + left, w);
                    for (int vx = left + w; vx < wv; vx++) {
                        int sx = cols.source(vx);
                        d[to + vx] = sx < 0 ? 0f : in[from + sx];
                    }
                    for (int x = to + wv; x < to + pitch; x++) {
                        d[x] = 0f;
                    }
                }
                java.util.Arrays.fill(d, row + n * pitch, row + width, 0f);
            }
        }
        return t;
    }

    /** Runs the forward convolution (plus bias) on a canvas from {@link #inputCanvas}. */
    public Tensor forward(Tensor inputCanvas, Tensor reuse) {
        ConvEngine.Result r = ConvEngine.run(forwardPlan, inputCanvas,
                reuse == null ? null : new ConvEngine.Result(forwardPlan, reuse, null), 1);
        return r.featureMap();
    }

    /** Image {@code b}'s {@code Cout x OH x OW} output, copied from the canvas output into {@code into}. */
    public void outputOf(Tensor canvasOut, int b, Tensor into) {
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        int cw = canvasOut.width();
        for (int c = 0; c < plan.outChannels(); c++) {
            for (int y = 0; y < oh; y++) {
                System.arraycopy(canvasOut.data(), (c * oh + y) * cw + b * outPitch, into.data(), (c * oh + y) * ow, ow);
            }
        }
    }

    /** The output gradients side by side as the forward output lies: {@code Cout x OH x (batch * pitch / stride)}. */
    public Tensor gradientCanvas(List<Tensor> gradOut, Tensor reuse) {
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        int width = batch * outPitch;
        Tensor t = fits(reuse, plan.outChannels(), oh, width);
        java.util.Arrays.fill(t.data(), 0f);
        for (int b = 0; b < gradOut.size(); b++) {
            float[] g = gradOut.get(b).data();
            for (int c = 0; c < plan.outChannels(); c++) {
                for (int y = 0; y < oh; y++) {
                    System.arraycopy(g, (c * oh + y) * ow, t.data(), (c * oh + y) * width + b * outPitch, ow);
                }
            }
        }
        return t;
    }

    /**
     * The input gradients of every image: one transposed convolution of the gradient canvas, each
     * image's stretch of it folded onto its input ({@code into.get(b)}, overwritten).
     */
    public void inputGradients(Tensor gradCanvas, List<Tensor> into) {
        inputGradients(gradCanvas, into, null);
    }

    /**
     * As {@link #inputGradients(Tensor, List)}, the transposed convolution's output written into
     * {@code reuse} where its shape fits (else a new tensor); returns that output, for the next call.
     */
    public Tensor inputGradients(Tensor gradCanvas, List<Tensor> into, Tensor reuse) {
        ConvPlan p = inputGradPlan;
        if (p == null || p.inChannels() != gradCanvas.channels() || p.inHeight() != gradCanvas.height()
                || p.inWidth() != gradCanvas.width()) {
            p = ConvPlan.of(inputGradSpec, gradCanvas);
            inputGradPlan = p;
        }
        Tensor grid = ConvEngine.run(p, gradCanvas, reuse == null ? null : new ConvEngine.Result(p, reuse, null), 1)
                .featureMap();
        AxisMap rows = plan.rows();
        AxisMap cols = plan.cols();
        int c = plan.inChannels();
        int h = plan.inHeight();
        int w = plan.inWidth();
        int gw = grid.width();
        int gh = grid.height();
        float[] gd = grid.data();
        if (plan.spec().paddingMode() == PaddingMode.ZEROS) {
            // Each input cell is one cell of the padded grid: its gradient is that cell's, added to
            // 0 as the general fold below adds it (so -0 becomes +0 there and here alike).
            int left = cols.before();
            int top = rows.before();
            for (int b = 0; b < into.size(); b++) {
                float[] out = into.get(b).data();
                // Columns past the grid's end (after the last window of a stride) get no gradient.
                int n = Math.max(0, Math.min(w, gw - b * pitch - left));
                for (int ch = 0; ch < c; ch++) {
                    for (int y = 0; y < h; y++) {
                        int to = (ch * h + y) * w;
                        copyPlusZero(gd, (ch * gh + top - rowCrop + y) * gw + b * pitch + left, out, to, n);
                        java.util.Arrays.fill(out, to + n, to + w, 0f);
                    }
                }
            }
            return grid;
        }
        for (int b = 0; b < into.size(); b++) {
            float[] out = into.get(b).data();
            java.util.Arrays.fill(out, 0f);
            int x0 = b * pitch;
            int xEnd = Math.min(wv, gw - x0);
            for (int ch = 0; ch < c; ch++) {
                for (int vy = 0; vy < hv; vy++) {
                    int sy = rows.source(vy);
                    if (sy < 0) {
                        continue;
                    }
                    int from = (ch * hv + vy) * gw + x0;
                    int to = (ch * h + sy) * w;
                    for (int vx = 0; vx < xEnd; vx++) {
                        int sx = cols.source(vx);
                        if (sx >= 0) {
                            out[to + sx] += gd[from + vx];
                        }
                    }
                }
            }
        }
        return grid;
    }

    /** {@code to[t + j] = 0f + from[f + j]} for {@code j < n}. */
    private static void copyPlusZero(float[] from, int f, float[] to, int t, int n) {
        for (int j = 0; j < n; j++) {
            to[t + j] = 0f + from[f + j];
        }
    }

    /**
     * Adds the whole batch's kernel gradient (in the spec kernel's layout) to {@code into}, one
     * engine call per input channel.
     */
    public void addKernelGradient(Tensor inputCanvas, Tensor gradCanvas, float[] into) {
        ConvSpec f = plan.spec();
        Kernel k = f.kernel();
        int kh = k.height();
        int kw = k.width();
        int oh = plan.outHeight();
        int outPer = plan.outPerGroup();
        int inPer = plan.inPerGroup();
        int gw = gradCanvas.width();
        int cw = inputCanvas.width();
        int groupSize = outPer * oh * gw;
        for (int g = 0; g < plan.groups(); g++) {
            // The gradient canvas itself is the kernel (the input canvas's spare columns make
            // the output exactly kh x kw).
            float[] kd;
            if (plan.groups() == 1) {
                kd = gradCanvas.data();
            } else {
                if (groupKernels[g] == null || groupKernels[g].length != groupSize) {
                    groupKernels[g] = new float[groupSize];
                }
                kd = groupKernels[g];
                System.arraycopy(gradCanvas.data(), g * groupSize, kd, 0, groupSize);
            }
            // A reused canvas keeps its arrays: the plan (whose spec checks every kernel value)
            // is made once and reads the new values in place.
            ConvPlan p = kernelPlans[g];
            if (p == null || p.spec().kernel().data() != kd || p.inWidth() != cw) {
                ConvSpec spec = ConvSpec.builder(new Kernel(outPer, 1, oh, gw, kd))
                        .stride(f.dilationY(), f.dilationX()).dilation(f.strideY(), f.strideX()).build();
                p = ConvPlan.of(spec, 1, hv, cw);
                kernelPlans[g] = p;
            }
            for (int s = 0; s < inPer; s++) {
                int ci = g * inPer + s;
                Tensor channel = inputCanvas;
                if (inputCanvas.channels() > 1) {
                    // One channel's array for every channel of the call, overwritten each time.
                    if (channelData == null || channelData.length != hv * cw) {
                        channelData = new float[hv * cw];
                    }
                    System.arraycopy(inputCanvas.data(), ci * hv * cw, channelData, 0, hv * cw);
                    channel = new Tensor(1, hv, cw, channelData);
                }
                // Sums in another order than the trace's are fine here: the wide-kernel path.
                Tensor r = ConvEngine.run(p, channel, null, 1, null, ConvEngine.Accuracy.SEPARABLE_ALLOWED).featureMap();
                int rh = r.height();
                int rw = r.width();
                float[] rd = r.data();
                for (int j = 0; j < outPer; j++) {
                    int co = g * outPer + j;
                    for (int ky = 0; ky < kh; ky++) {
                        for (int kx = 0; kx < kw; kx++) {
                            int fy = f.flip() ? kh - 1 - ky : ky;
                            int fx = f.flip() ? kw - 1 - kx : kx;
                            into[((co * inPer + s) * kh + fy) * kw + fx] += rd[(j * rh + ky) * rw + kx];
                        }
                    }
                }
            }
        }
    }

    private static Tensor fits(Tensor t, int c, int h, int w) {
        return t != null && t.channels() == c && t.height() == h && t.width() == w ? t : new Tensor(c, h, w);
    }
}
