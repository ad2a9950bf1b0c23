package org.convlens.ui.photo;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.Parallel;
import org.convlens.engine.Tensor;
import org.convlens.image.ChannelPolicy;
import org.convlens.image.ColorScale;
import org.convlens.image.MapRenderer;
import org.convlens.image.MapStats;
import org.convlens.image.Scaling;

/**
 * The loops a live run goes through (the engine with "same" and "valid" padding, the strided
 * preview, the map's statistics, the renderer) run on a small made-up colour photo until the JIT
 * has compiled them, so the first edit on a photo does not pay for the compilation. The results
 * are thrown away; nothing is shown.
 */
final class PhotoWarmUp {
    private static final int SIDE = 192;
    private static final int ROUNDS = 12;

    private PhotoWarmUp() {
    }

    static void run() {
        try {
            // The path the edits will take: the vector one, once linked (a second at most).
            ConvEngine.awaitVectorPath(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Tensor in = new Tensor(3, SIDE, SIDE);
        float[] d = in.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (i * 7919 % 256) / 255f;
        }
        int[] out = new int[SIDE * SIDE];
        for (int round = 0; round < ROUNDS; round++) {
            for (int k : new int[] {3, 5}) {
                float[][] w = new float[k][k];
                for (int i = 0; i < k * k; i++) {
                    w[i / k][i % k] = (float) Math.sin(i + 1 + round);
                }
                int h = k / 2;
                for (Padding pad : new Padding[] {Padding.of(h, h, h, h), Padding.VALID}) {
                    for (int stride : new int[] {1, 2, 4, 8}) {
                        ConvSpec s = ChannelPolicy.forChannels(ConvSpec.builder(Kernel.of(w)).padding(pad)
                                .stride(stride, stride).build(), 3);
                        ConvEngine.Result r = ConvEngine.run(ConvPlan.of(s, in), in, Parallel.availableThreads());
                        MapStats stats = MapStats.of(r.featureMap());
                        ColorScale scale = ColorScale.of(round % 2 == 0 ? Scaling.RAW : Scaling.CLAMPED, stats);
                        MapRenderer.render(r.featureMap(), MapRenderer.RGB, scale,
                                new MapRenderer.Window(0, 0, 1.0 + stride / 3.0, 128, 128), out);
                        MapRenderer.render(r.featureMap(), 0, scale, new MapRenderer.Window(0, 0, 0.5, 128, 128), out);
                    }
                }
            }
        }
    }
}
