package org.convlens.ui.network;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Padding;
import org.convlens.engine.PoolSpec;
import org.convlens.network.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The stacks the Network tab offers to start from, each the point of a lesson: two 3 x 3 layers
 * against one 5 x 5, LeNet-5, a VGG block, a 1 x 1 bottleneck against the plain 3 x 3 layer it
 * replaces, a dilated stack. Weights are drawn with He initialisation from fixed seeds, so a preset
 * looks the same every time. The text of preset {@code X} is the bundle key {@code network.preset.X}.
 */
public final class NetworkPresets {
    /**
     * A stack to start from.
     *
     * @param id its name ({@code lenet5})
     * @param input the input's shape
     * @param layers makes its layers afresh
     * @param compareWith the preset it is best compared with, or null
     */
    public record Preset(String id, Shape input, Supplier<List<LayerItem>> layers, String compareWith) {
    }

    private NetworkPresets() {
    }

    private static LayerItem conv(int out, int in, int k, int pad, int dilation, Activation a, long seed) {
        ConvSpec s = ConvSpec.builder(LayerItem.heKernel(out, in, k, k, seed)).padding(Padding.of(pad))
                .dilation(dilation).activation(a).build();
        return LayerItem.conv(s, in, seed);
    }

    /** Every preset, in the order the menu shows them. */
    public static List<Preset> all() {
        return List.of(
                new Preset("two3x3", Shape.of(1, 28, 28), () -> List.of(
                        conv(1, 1, 3, 1, 1, Activation.RELU, 11), conv(1, 1, 3, 1, 1, Activation.NONE, 12)), "one5x5"),
                new Preset("one5x5", Shape.of(1, 28, 28), () -> List.of(
                        conv(1, 1, 5, 2, 1, Activation.NONE, 21)), "two3x3"),
                new Preset("lenet5", Shape.of(1, 28, 28), NetworkPresets::lenet5, null),
                new Preset("vgg", Shape.of(3, 32, 32), () -> List.of(
                        conv(64, 3, 3, 1, 1, Activation.RELU, 41), conv(64, 64, 3, 1, 1, Activation.RELU, 42),
                        LayerItem.pool(PoolSpec.of(PoolSpec.Type.MAX, 2), 43)), null),
                new Preset("bottleneck", Shape.of(3, 32, 32), () -> List.of(
                        conv(64, 3, 3, 1, 1, Activation.RELU, 51), conv(16, 64, 1, 0, 1, Activation.RELU, 52),
                        conv(16, 16, 3, 1, 1, Activation.RELU, 53), conv(64, 16, 1, 0, 1, Activation.NONE, 54)),
                        "plain"),
                new Preset("plain", Shape.of(3, 32, 32), () -> List.of(
                        conv(64, 3, 3, 1, 1, Activation.RELU, 51), conv(64, 64, 3, 1, 1, Activation.NONE, 61)),
                        "bottleneck"),
                new Preset("dilated", Shape.of(1, 32, 32), () -> List.of(
                        conv(1, 1, 3, 1, 1, Activation.RELU, 71), conv(1, 1, 3, 2, 2, Activation.RELU, 72),
                        conv(1, 1, 3, 4, 4, Activation.NONE, 73)), null));
    }

    /** The preset named {@code id}. */
    public static Preset get(String id) {
        for (Preset p : all()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no network preset " + id);
    }

    /**
     * LeNet-5 as PyTorch tutorials write it for 28 x 28 digits: conv 6 5 x 5 (padding 2), ReLU,
     * average pool 2; conv 16 5 x 5, ReLU, average pool 2; flatten; linear 120, 84, 10.
     */
    private static List<LayerItem> lenet5() {
        List<LayerItem> l = new ArrayList<>();
        l.add(conv(6, 1, 5, 2, 1, Activation.RELU, 31));
        l.add(LayerItem.pool(PoolSpec.of(PoolSpec.Type.AVG, 2), 32));
        l.add(conv(16, 6, 5, 0, 1, Activation.RELU, 33));
        l.add(LayerItem.pool(PoolSpec.of(PoolSpec.Type.AVG, 2), 34));
        l.add(LayerItem.of(LayerItem.Kind.FLATTEN, 35));
        l.add(LayerItem.linear(120, Activation.Type.RELU, 36));
        l.add(LayerItem.linear(84, Activation.Type.RELU, 37));
        l.add(LayerItem.linear(10, Activation.Type.NONE, 38));
        return l;
    }
}
