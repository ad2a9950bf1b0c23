package org.convlens.network;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.Parallel;
import org.convlens.engine.Pooling;
import org.convlens.engine.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The forward pass: each layer through the single-layer engine ({@link ConvEngine#run}, its fast
 * paths) or its own loop, every intermediate map kept ({@link NetworkMaps}). Build one per plan and
 * run it on many inputs: the linear layers' weights are laid out once, and a previous result's
 * tensors can be written over.
 */
public final class Forward {
    private final NetworkPlan plan;
    /** Per layer: a linear layer's weights as one row per input ({@code [in][out]}), else null. */
    private final float[][][] linearByInput;

    public Forward(NetworkPlan plan) {
        this.plan = plan;
        this.linearByInput = new float[plan.layers().size()][][];
        for (LayerPlan l : plan.layers()) {
            if (l.layer() instanceof LinearLayer lin) {
                int in = lin.inFeatures();
                int out = lin.outFeatures();
                float[][] t = new float[in][out];
                for (int o = 0; o < out; o++) {
                    for (int i = 0; i < in; i++) {
                        t[i][o] = lin.weight()[o * in + i];
                    }
                }
                linearByInput[l.index()] = t;
            }
        }
    }

    public NetworkPlan plan() {
        return plan;
    }

    /** Runs {@code plan} on {@code input} with up to {@code threads} threads. */
    public static NetworkMaps run(NetworkPlan plan, Tensor input, int threads) {
        return new Forward(plan).run(input, null, threads);
    }

    /**
     * Runs on {@code input}, writing into {@code reuse}'s tensors where they fit (a live view that
     * runs the same network again need not allocate); null for new ones. A thread that is
     * interrupted stops between rows or layers with {@link Parallel.CancelledException}.
     *
     * @throws IllegalArgumentException if the input's shape is not the plan's
     */
    public NetworkMaps run(Tensor input, NetworkMaps reuse, int threads) {
        Shape s = plan.input();
        if (input.channels() != s.channels() || input.height() != s.height() || input.width() != s.width()) {
            throw new IllegalArgumentException("input " + input + " does not match the network's " + s);
        }
        int n = plan.maps().size();
        Tensor[] maps = new Tensor[n];
        Tensor[] old = reuse != null && reuse.plan() == plan ? reuse.array() : new Tensor[n];
        ConvEngine.Result[] conv = new ConvEngine.Result[plan.layers().size()];
        maps[0] = input;
        for (LayerPlan l : plan.layers()) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new Parallel.CancelledException();
            }
            Tensor in = maps[l.firstMap() - 1];
            Layer layer = l.layer();
            if (layer instanceof ConvLayer) {
                ConvEngine.Result prev = reuse != null && reuse.plan() == plan ? reuse.convResult(l.index()) : null;
                ConvEngine.Result r = ConvEngine.run(l.conv(), in, prev, threads);
                conv[l.index()] = r;
                maps[l.firstMap()] = r.featureMap();
                if (r.pooled() != null) {
                    maps[l.lastMap()] = r.pooled();
                }
            } else if (layer instanceof ActivationLayer a) {
                Tensor out = fits(old[l.lastMap()], l.out());
                System.arraycopy(in.data(), 0, out.data(), 0, in.data().length);
                a.activation().applyInPlace(out.data(), 0, out.data().length);
                maps[l.lastMap()] = out;
            } else if (layer instanceof PoolLayer p) {
                maps[l.lastMap()] = Pooling.pool(p.pool(), in, fits(old[l.lastMap()], l.out()), threads);
            } else if (layer instanceof FlattenLayer) {
                maps[l.lastMap()] = in.height() == 1 && in.width() == 1 ? in
                        : new Tensor(in.channels() * in.height() * in.width(), 1, 1, in.data());
            } else if (layer instanceof LinearLayer lin) {
                Tensor out = fits(old[l.lastMap()], l.out());
                linear(lin, linearByInput[l.index()], in.data(), out.data());
                maps[l.lastMap()] = out;
            }
        }
        return new NetworkMaps(plan, maps, conv);
    }

    /**
     * The outputs of many inputs (copies), the inputs shared out across threads, each run on one
     * thread: small maps gain more from this than from splitting each layer's rows.
     */
    public List<Tensor> outputs(List<Tensor> inputs, int threads) {
        Tensor[] out = new Tensor[inputs.size()];
        long work = plan.macs() * inputs.size();
        Parallel.forRange(inputs.size(), threads, work, (from, to) -> {
            NetworkMaps reuse = null;
            for (int i = from; i < to; i++) {
                reuse = run(inputs.get(i), reuse, 1);
                out[i] = reuse.output().copy();
            }
        });
        return new ArrayList<>(Arrays.asList(out));
    }

    /**
     * {@code y = act(W x + b)}: each output adds its inputs' products in order from 0 with
     * {@link Math#fma}, then the bias (the order a convolution's cells use), five inputs a pass
     * over all outputs, each input's weights one row ({@code byInput[i][o]}), so the loop reads
     * six arrays at the same index, which C2 vectorises. (One input a pass over one flat
     * transposed array ran LeNet-5's linear layers at about 2 G multiply-adds/s: 120 outputs
     * make a short pass, and the pass's set-up and tail cost more than its work.)
     */
    static void linear(LinearLayer lin, float[][] byInput, float[] x, float[] y) {
        int out = lin.outFeatures();
        int in = lin.inFeatures();
        java.util.Arrays.fill(y, 0, out, 0f);
        int i = 0;
        for (; i + 5 <= in; i += 5) {
            float x0 = x[i];
            float x1 = x[i + 1];
            float x2 = x[i + 2];
            float x3 = x[i + 3];
            float x4 = x[i + 4];
            float[] r0 = byInput[i];
            float[] r1 = byInput[i + 1];
            float[] r2 = byInput[i + 2];
            float[] r3 = byInput[i + 3];
            float[] r4 = byInput[i + 4];
            for (int o = 0; o < out; o++) {
                float s = Math.fma(x0, r0[o], y[o]);
                s = Math.fma(x1, r1[o], s);
                s = Math.fma(x2, r2[o], s);
                s = Math.fma(x3, r3[o], s);
                y[o] = Math.fma(x4, r4[o], s);
            }
        }
        for (; i < in; i++) {
            float xi = x[i];
            float[] r = byInput[i];
            for (int o = 0; o < out; o++) {
                y[o] = Math.fma(xi, r[o], y[o]);
            }
        }
        float[] b = lin.bias();
        for (int o = 0; o < out; o++) {
            y[o] += b[o];
        }
        lin.activation().applyInPlace(y, 0, out);
    }

    private static Tensor fits(Tensor t, Shape s) {
        return t != null && t.channels() == s.channels() && t.height() == s.height() && t.width() == s.width() ? t
                : new Tensor(s.channels(), s.height(), s.width());
    }
}
