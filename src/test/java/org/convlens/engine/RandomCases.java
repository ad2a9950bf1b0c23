package org.convlens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random valid problems over every setting, for comparing engine paths with each other. */
public final class RandomCases {
    public record Case(String name, Tensor input, ConvPlan plan) {
    }

    private RandomCases() {
    }

    /** {@code count} valid cases; {@code maxSize} bounds the input's height and width. */
    public static List<Case> generate(long seed, int count, int maxSize) {
        Random r = new Random(seed);
        List<Case> out = new ArrayList<>();
        int tries = 0;
        while (out.size() < count && tries++ < count * 50) {
            int groups = 1 + r.nextInt(3);
            int cin = groups * (1 + r.nextInt(2));
            int cout = groups * (1 + r.nextInt(2));
            int h = 1 + r.nextInt(maxSize);
            int w = 1 + r.nextInt(maxSize);
            int kh = 1 + r.nextInt(Math.min(7, h + 2));
            int kw = 1 + r.nextInt(Math.min(7, w + 2));
            boolean transposed = r.nextInt(5) == 0;
            Kernel k = transposed ? random(r, cin, cout / groups, kh, kw) : random(r, cout, cin / groups, kh, kw);
            try {
                ConvSpec.Builder b = ConvSpec.builder(k)
                        .stride(1 + r.nextInt(3), 1 + r.nextInt(3))
                        .dilation(1 + r.nextInt(2), 1 + r.nextInt(2))
                        .groups(groups)
                        .flip(r.nextBoolean())
                        .transposed(transposed);
                if (r.nextBoolean()) {
                    float[] bias = new float[cout];
                    for (int i = 0; i < cout; i++) {
                        bias[i] = (float) r.nextGaussian();
                    }
                    b.bias(bias);
                }
                if (transposed) {
                    b.padding(Padding.of(r.nextInt(kh), r.nextInt(kw)));
                } else {
                    switch (r.nextInt(5)) {
                        case 0 -> b.padding(Padding.SAME);
                        case 1 -> b.padding(Padding.FULL);
                        case 2 -> b.padding(Padding.VALID);
                        default -> b.padding(Padding.of(r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)));
                    }
                    b.paddingMode(PaddingMode.values()[r.nextInt(4)]);
                }
                Activation.Type at = Activation.Type.values()[r.nextInt(5)];
                b.activation(at == Activation.Type.LEAKY_RELU ? Activation.leakyRelu(0.2f) : Activation.of(at));
                if (r.nextInt(3) == 0) {
                    int ps = 1 + r.nextInt(3);
                    b.pool(new PoolSpec(r.nextBoolean() ? PoolSpec.Type.MAX : PoolSpec.Type.AVG, ps, ps,
                            1 + r.nextInt(3), 1 + r.nextInt(3), r.nextInt(ps / 2 + 1), 0, r.nextBoolean(), r.nextBoolean()));
                }
                Tensor input = randomTensor(r, cin, h, w);
                ConvPlan plan = ConvPlan.of(b.build(), input);
                out.add(new Case("case" + out.size() + " " + cin + "x" + h + "x" + w + " k" + kh + "x" + kw
                        + (transposed ? " transposed" : ""), input, plan));
            } catch (SpecException e) {
                // an impossible combination: draw again
            }
        }
        return out;
    }

    static Kernel random(Random r, int d0, int d1, int kh, int kw) {
        float[] w = new float[d0 * d1 * kh * kw];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        return new Kernel(d0, d1, kh, kw, w);
    }

    static Tensor randomTensor(Random r, int c, int h, int w) {
        float[] d = new float[c * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return new Tensor(c, h, w, d);
    }
}
