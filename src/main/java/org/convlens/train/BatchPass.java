package org.convlens.train;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.RowDots;
import org.convlens.engine.Pooling;
import org.convlens.engine.Tensor;
import org.convlens.network.ActivationLayer;
import org.convlens.network.ConvLayer;
import org.convlens.network.FlattenLayer;
import org.convlens.network.LayerPlan;
import org.convlens.network.LinearLayer;
import org.convlens.network.MapInfo;
import org.convlens.network.NetworkPlan;
import org.convlens.network.PoolLayer;
import org.convlens.network.Shape;
import org.convlens.network.grad.ActivationBackward;
import org.convlens.network.grad.BatchCanvas;
import org.convlens.network.grad.CanvasPool;
import org.convlens.network.grad.ConvLayerBackward;
import org.convlens.network.grad.LinearBackward;
import org.convlens.network.grad.Losses;
import org.convlens.network.grad.NetworkBackward;
import org.convlens.network.grad.PoolBackward;

import java.util.Arrays;

/**
 * The forward and backward pass of a few images (one shard of a mini-batch) through a network,
 * with softmax cross-entropy on the final vector. Each ordinary conv layer runs its shard on one
 * {@link BatchCanvas} (one engine call for the forward convolution, one for the input gradient,
 * one per input channel for the kernel gradient); a transposed conv layer runs image by image
 * through {@link ConvEngine} and {@link ConvLayerBackward}; the other layers image by image
 * through their own backward. A conv layer with ReLU and 2 x 2 max pooling pools straight off its
 * output canvas and scatters its gradient straight into its gradient canvas ({@link CanvasPool}). The buffers are kept from one call to the next; the plan (the
 * weights) may change between calls, its shapes may not. One thread at a time.
 */
final class BatchPass {
    private final NetworkPlan shapes;
    private final int capacity;
    private final Tensor[][] maps;
    private final Tensor[][] grads;
    /** Per conv layer that pools: dL/d(feature map) per image. */
    private final Tensor[][] fmGrads;
    /** Per layer whose activation needs the values before it: those values per image. */
    private final Tensor[][] pre;
    /** Per layer that pools 2 x 2 (see {@link PoolBackward#tiledMax2x2}): each image's window choices. */
    private final byte[][][] poolWhich;
    private final Tensor[] inCanvas;
    private final Tensor[] outCanvas;
    private final Tensor[] gradCanvas;
    /** Per conv layer: the input gradient's transposed convolution output, kept for the next call. */
    private final Tensor[] inGradGrid;
    private final BatchCanvas[] canvases;
    /** Per conv layer: true where ReLU and 2 x 2 max pooling run on the canvas ({@link CanvasPool}). */
    private final boolean[] canvasPool;
    /** Per such layer: its pool (its row maxima kept from the forward pass for the backward), made on first use. */
    private final CanvasPool[] pools;
    private float[][] linRows;
    /** The gradients of the last call, per layer (null for layers without parameters), summed over its images. */
    final float[][] weightGrad;
    final float[][] biasGrad;
    /** The last call's summed loss, correct predictions and images. */
    double lossSum;
    int correct;
    int images;
    /** The last call's predicted class per image. */
    final int[] predicted;

    BatchPass(NetworkPlan plan, int capacity) {
        this.shapes = plan;
        this.capacity = capacity;
        int nMaps = plan.maps().size();
        int nLayers = plan.layers().size();
        maps = new Tensor[nMaps][capacity];
        grads = new Tensor[nMaps][capacity];
        fmGrads = new Tensor[nLayers][];
        pre = new Tensor[nLayers][];
        poolWhich = new byte[nLayers][][];
        inCanvas = new Tensor[nLayers];
        outCanvas = new Tensor[nLayers];
        gradCanvas = new Tensor[nLayers];
        inGradGrid = new Tensor[nLayers];
        canvases = new BatchCanvas[nLayers];
        canvasPool = new boolean[nLayers];
        pools = new CanvasPool[nLayers];
        weightGrad = new float[nLayers][];
        biasGrad = new float[nLayers][];
        predicted = new int[capacity];
        for (int b = 0; b < capacity; b++) {
            maps[0][b] = tensor(plan.input());
            grads[0][b] = tensor(plan.input());
        }
        for (LayerPlan l : plan.layers()) {
            int i = l.index();
            for (int m = l.firstMap(); m <= l.lastMap(); m++) {
                MapInfo info = plan.maps().get(m);
                for (int b = 0; b < capacity; b++) {
                    if (l.layer() instanceof FlattenLayer) {
                        // A flatten's vector is its input's values: no copy either way.
                        maps[m][b] = new Tensor(info.shape().channels(), 1, 1, maps[m - 1][b].data());
                        grads[m][b] = new Tensor(info.shape().channels(), 1, 1, grads[m - 1][b].data());
                    } else {
                        maps[m][b] = tensor(info.shape());
                        grads[m][b] = tensor(info.shape());
                    }
                }
            }
            PoolSpec pool = l.layer() instanceof ConvLayer c ? c.spec().pool()
                    : l.layer() instanceof PoolLayer p ? p.pool() : null;
            Shape pooledFrom = plan.maps().get(l.lastMap() - 1).shape();
            if (pool != null && PoolBackward.tiledMax2x2(pool, pooledFrom.height(), pooledFrom.width())) {
                canvasPool[i] = l.layer() instanceof ConvLayer c && !c.spec().transposed()
                        && c.spec().activation().type() == Activation.Type.RELU;
                if (!canvasPool[i]) {
                    poolWhich[i] = new byte[capacity][(int) l.out().size()];
                }
            }
            if (l.layer() instanceof ConvLayer c) {
                weightGrad[i] = new float[c.spec().kernel().size()];
                biasGrad[i] = new float[l.conv().outChannels()];
                if (NetworkBackward.needsPre(c.spec().activation())) {
                    pre[i] = tensors(capacity, plan.maps().get(l.firstMap()).shape());
                }
            } else if (l.layer() instanceof LinearLayer lin) {
                weightGrad[i] = new float[lin.weight().length];
                biasGrad[i] = new float[lin.outFeatures()];
                if (NetworkBackward.needsPre(lin.activation())) {
                    pre[i] = tensors(capacity, l.out());
                }
            }
        }
    }

    /** Bytes this pass holds for a plan and a capacity, from the plan alone (canvases counted twice over as a margin). */
    static long bytes(NetworkPlan plan, int capacity) {
        long maps = 0;
        for (MapInfo m : plan.maps()) {
            maps += m.shape().size();
        }
        long canvas = 0;
        for (LayerPlan l : plan.layers()) {
            if (l.conv() != null) {
                Shape fm = plan.maps().get(l.firstMap()).shape();
                canvas += 2L * (l.in().size() + fm.size()) * 2;
                // A pooling layer's row maxima, at most one float per feature-map cell and a row.
                canvas += fm.size() + fm.width();
            }
        }
        return 4L * capacity * (3 * maps + canvas) + 8L * plan.parameters();
    }

    /**
     * A training step's pass over images {@code order[from, from + n)} of {@code data}: forward,
     * loss, backward; the loss of each image scaled by {@code scale} (1 / batch size, a batch's
     * mean).
     */
    void train(NetworkPlan plan, Dataset data, int[] order, int from, int n, float scale) {
        score(plan, data, order, from, n, scale);
        backward(plan, n);
    }

    /** A test pass over images {@code order[from, from + n)} of {@code data}: forward and loss. */
    void test(NetworkPlan plan, Dataset data, int[] order, int from, int n) {
        score(plan, data, order, from, n, 1f);
    }

    /*
     * The two entries share this and differ in no branch inside it: a branch taken one way for a
     * whole epoch and the other way in its test pass made C2 compile the loop below again after
     * every test pass (a deoptimisation each time, JFR), on the cores the training needs. So the
     * loss's gradient is worked out in a test pass too (and never read).
     */
    private void score(NetworkPlan plan, Dataset data, int[] order, int from, int n, float scale) {
        if (n > capacity) {
            throw new IllegalArgumentException(n + " images for a pass of " + capacity);
        }
        images = n;
        for (int b = 0; b < n; b++) {
            data.read(order[from + b], maps[0][b].data(), 0);
        }
        forward(plan, n);
        int last = plan.maps().size() - 1;
        lossSum = 0;
        correct = 0;
        for (int b = 0; b < n; b++) {
            float[] out = maps[last][b].data();
            int label = data.label(order[from + b]);
            lossSum += Losses.crossEntropy(out, label, grads[last][b].data(), scale);
            int best = 0;
            for (int k = 1; k < out.length; k++) {
                if (out[k] > out[best]) {
                    best = k;
                }
            }
            predicted[b] = best;
            if (best == label) {
                correct++;
            }
        }
    }

    private void forward(NetworkPlan plan, int n) {
        for (LayerPlan l : plan.layers()) {
            int i = l.index();
            Tensor[] in = maps[l.firstMap() - 1];
            if (l.layer() instanceof ConvLayer c) {
                ConvPlan conv = l.conv();
                Activation act = c.spec().activation();
                Tensor[] fm = maps[l.firstMap()];
                if (!c.spec().transposed()) {
                    BatchCanvas canvas = canvases[i] == null ? new BatchCanvas(conv, capacity)
                            : canvases[i].withWeightsOf(conv);
                    canvases[i] = canvas;
                    inCanvas[i] = canvas.inputCanvas(Arrays.asList(in).subList(0, n), inCanvas[i]);
                    outCanvas[i] = canvas.forward(inCanvas[i], outCanvas[i]);
                    if (canvasPool[i]) {
                        int oh = conv.outHeight();
                        int ow = conv.outWidth();
                        if (pools[i] == null) {
                            pools[i] = new CanvasPool(conv.outChannels(), oh, ow, canvas.outputPitch(), capacity);
                        }
                        pools[i].pool(outCanvas[i], 0, maps[l.lastMap()], n);
                        continue;
                    }
                    for (int b = 0; b < n; b++) {
                        canvas.outputOf(outCanvas[i], b, fm[b]);
                    }
                } else {
                    ConvPlan noAct = ConvPlan.of(c.spec().toBuilder().activation(Activation.NONE).pool(null).build(),
                            conv.inChannels(), conv.inHeight(), conv.inWidth());
                    for (int b = 0; b < n; b++) {
                        Tensor r = ConvEngine.run(noAct, in[b], 1).featureMap();
                        System.arraycopy(r.data(), 0, fm[b].data(), 0, r.data().length);
                    }
                }
                for (int b = 0; b < n; b++) {
                    float[] d = fm[b].data();
                    if (pre[i] != null) {
                        System.arraycopy(d, 0, pre[i][b].data(), 0, d.length);
                    }
                    act.applyInPlace(d, 0, d.length);
                    if (conv.hasPool()) {
                        pool(i, c.spec().pool(), fm[b], maps[l.lastMap()][b], b);
                    }
                }
            } else if (l.layer() instanceof ActivationLayer a) {
                Tensor[] out = maps[l.lastMap()];
                for (int b = 0; b < n; b++) {
                    float[] d = out[b].data();
                    System.arraycopy(in[b].data(), 0, d, 0, d.length);
                    a.activation().applyInPlace(d, 0, d.length);
                }
            } else if (l.layer() instanceof PoolLayer p) {
                Tensor[] out = maps[l.lastMap()];
                for (int b = 0; b < n; b++) {
                    pool(i, p.pool(), in[b], out[b], b);
                }
            } else if (l.layer() instanceof LinearLayer lin) {
                Tensor[] out = maps[l.lastMap()];
                for (int b = 0; b < n; b++) {
                    float[] y = out[b].data();
                    linear(lin, in[b].data(), y);
                    if (pre[i] != null) {
                        System.arraycopy(y, 0, pre[i][b].data(), 0, y.length);
                    }
                    lin.activation().applyInPlace(y, 0, y.length);
                }
            }
            // flatten: its maps are its input's values already
        }
    }

    private void pool(int layer, PoolSpec p, Tensor in, Tensor out, int b) {
        if (poolWhich[layer] != null) {
            PoolBackward.maxWithIndices(in, out, poolWhich[layer][b]);
        } else {
            Pooling.pool(p, in, out, 1);
        }
    }

    private void poolBackward(int layer, PoolSpec p, Tensor in, Tensor pooled, Tensor gradOut, Tensor gradIn, int b) {
        if (poolWhich[layer] != null) {
            PoolBackward.scatterMax(gradOut, poolWhich[layer][b], gradIn);
        } else {
            PoolBackward.backward(p, in, pooled, gradOut, gradIn);
        }
    }

    /** {@code W x + b}: the rows' products ({@link RowDots}), then the bias. */
    private static void linear(LinearLayer lin, float[] x, float[] y) {
        RowDots.of(lin.weight(), y.length, x, lin.inFeatures(), y);
        float[] bias = lin.bias();
        for (int o = 0; o < y.length; o++) {
            y[o] += bias[o];
        }
    }

    private void backward(NetworkPlan plan, int n) {
        for (float[] g : weightGrad) {
            if (g != null) {
                Arrays.fill(g, 0f);
            }
        }
        for (float[] g : biasGrad) {
            if (g != null) {
                Arrays.fill(g, 0f);
            }
        }
        for (int li = plan.layers().size() - 1; li >= 0; li--) {
            LayerPlan l = plan.layer(li);
            int i = l.index();
            boolean wantInput = needsInputGradient(plan, li);
            Tensor[] in = maps[l.firstMap() - 1];
            Tensor[] gIn = grads[l.firstMap() - 1];
            Tensor[] gOut = grads[l.lastMap()];
            if (l.layer() instanceof ConvLayer c) {
                convBackward(l, c, n, in, gIn, gOut, wantInput);
            } else if (l.layer() instanceof ActivationLayer a) {
                if (wantInput) {
                    Tensor[] out = maps[l.lastMap()];
                    for (int b = 0; b < n; b++) {
                        ActivationBackward.backward(a.activation(), in[b].data(), out[b].data(), gOut[b].data(),
                                gIn[b].data(), gIn[b].data().length);
                    }
                }
            } else if (l.layer() instanceof PoolLayer p) {
                if (wantInput) {
                    for (int b = 0; b < n; b++) {
                        poolBackward(i, p.pool(), in[b], maps[l.lastMap()][b], gOut[b], gIn[b], b);
                    }
                }
            } else if (l.layer() instanceof LinearLayer lin) {
                Tensor[] out = maps[l.lastMap()];
                float[][] xs = new float[n][];
                float[][] gs = new float[n][];
                float[][] gis = new float[n][];
                for (int b = 0; b < n; b++) {
                    float[] gz = gOut[b].data();
                    ActivationBackward.backward(lin.activation(), pre[i] == null ? null : pre[i][b].data(),
                            out[b].data(), gz, gz, gz.length);
                    xs[b] = in[b].data();
                    gs[b] = gz;
                    gis[b] = gIn[b].data();
                }
                float[][] rows = linearRows(lin);
                LinearBackward.accumulateBatch(xs, gs, n, lin.outFeatures(), lin.inFeatures(), weightGrad[i], biasGrad[i],
                        rows[0]);
                if (wantInput) {
                    LinearBackward.inputGradientBatch(lin.weight(), lin.outFeatures(), lin.inFeatures(), gs, gis, n, rows);
                }
            }
            // flatten: its gradient is its input's already
        }
    }

    private void convBackward(LayerPlan l, ConvLayer c, int n, Tensor[] in, Tensor[] gIn, Tensor[] gOut,
                              boolean wantInput) {
        int i = l.index();
        ConvPlan conv = l.conv();
        Tensor[] fm = maps[l.firstMap()];
        Tensor[] gFm = grads[l.firstMap()];
        if (canvasPool[i]) {
            BatchCanvas canvas = canvases[i];
            Tensor pooled = maps[l.lastMap()][0];
            // The scatter below writes every cell of every pooling window (and, over whole rows,
            // the gaps between images).
            gradCanvas[i] = canvas.gradientCanvasAround(gradCanvas[i], n, 2 * pooled.height(), 2 * pooled.width(),
                    pools[i].writesGaps());
            pools[i].scatter(outCanvas[i], gOut, maps[l.lastMap()], gradCanvas[i], 0, biasGrad[i], n);
            kernelAndInputGradients(i, canvas, n, gIn, wantInput);
            return;
        }
        if (conv.hasPool()) {
            for (int b = 0; b < n; b++) {
                poolBackward(i, c.spec().pool(), fm[b], maps[l.lastMap()][b], gOut[b], gFm[b], b);
            }
        }
        for (int b = 0; b < n; b++) {
            float[] g = gFm[b].data();
            ActivationBackward.backward(c.spec().activation(), pre[i] == null ? null : pre[i][b].data(), fm[b].data(),
                    g, g, g.length);
        }
        if (c.spec().transposed()) {
            float[] k = weightGrad[i];
            // The activation's gradient is taken: run the convolution steps alone.
            ConvPlan steps = noActivation(conv);
            for (int b = 0; b < n; b++) {
                ConvLayerBackward.Gradients r = ConvLayerBackward.backward(steps, in[b], null, fm[b],
                        gFm[b], wantInput, 1);
                float[] rk = r.kernel().data();
                for (int j = 0; j < k.length; j++) {
                    k[j] += rk[j];
                }
                for (int j = 0; j < r.bias().length; j++) {
                    biasGrad[i][j] += r.bias()[j];
                }
                if (wantInput) {
                    System.arraycopy(r.input().data(), 0, gIn[b].data(), 0, r.input().data().length);
                }
            }
            return;
        }
        BatchCanvas canvas = canvases[i];
        gradCanvas[i] = canvas.gradientCanvas(Arrays.asList(gFm).subList(0, n), gradCanvas[i]);
        Tensor gc = gradCanvas[i];
        int plane = gc.planeSize();
        float[] gd = gc.data();
        for (int ch = 0; ch < gc.channels(); ch++) {
            float s = 0f;
            for (int j = ch * plane, end = j + plane; j < end; j++) {
                s += gd[j];
            }
            biasGrad[i][ch] += s;
        }
        kernelAndInputGradients(i, canvas, n, gIn, wantInput);
    }

    /** Scratch rows for a linear layer's backward pass: at least {@code out} arrays of {@code in} floats. */
    private float[][] linearRows(LinearLayer lin) {
        if (linRows == null || linRows.length < lin.outFeatures() || linRows[0].length < lin.inFeatures()) {
            linRows = new float[Math.max(1, lin.outFeatures())][lin.inFeatures()];
        }
        return linRows;
    }

    private void kernelAndInputGradients(int i, BatchCanvas canvas, int n, Tensor[] gIn, boolean wantInput) {
        Tensor gc = gradCanvas[i];
        canvas.addKernelGradient(inCanvas[i], gc, weightGrad[i]);
        if (wantInput) {
            inGradGrid[i] = canvas.inputGradients(gc, Arrays.asList(gIn).subList(0, n), inGradGrid[i]);
        }
    }

    private static ConvPlan noActivation(ConvPlan conv) {
        return ConvPlan.of(conv.spec().toBuilder().activation(Activation.NONE).pool(null).build(), conv.inChannels(),
                conv.inHeight(), conv.inWidth());
    }

    /** True when some layer before {@code li} has parameters: only then is its input's gradient needed. */
    private static boolean needsInputGradient(NetworkPlan plan, int li) {
        for (int j = 0; j < li; j++) {
            if (plan.layer(j).params() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The output of image {@code b} of the last call (its logits). */
    float[] output(int b) {
        return maps[maps.length - 1][b].data();
    }

    /** Map {@code m} of image {@code b} of the last call. */
    Tensor map(int m, int b) {
        return maps[m][b];
    }

    private static Tensor tensor(Shape s) {
        return new Tensor(s.channels(), s.height(), s.width());
    }

    private static Tensor[] tensors(int n, Shape s) {
        Tensor[] t = new Tensor[n];
        for (int b = 0; b < n; b++) {
            t[b] = tensor(s);
        }
        return t;
    }
}
