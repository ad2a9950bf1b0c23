package org.convlens.network;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Padding;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;
import org.convlens.engine.WorkEstimate;
import org.convlens.engine.WorkLimit;
import org.convlens.engine.WorkLimitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shapes, parameters, multiply-adds and fields of checked networks, against numbers worked out by
 * hand from the formulas (LeNet-5's 61,706 parameters are torchsummary's figure too).
 * Messages are asserted in English; the default locale is English during each test, since on
 * main a bundle lookup for English still falls back to the machine's language first.
 */
class NetworkPlanTest {
    private Locale saved;

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void lenet5ShapesParametersAndMultiplyAdds() {
        NetworkPlan p = NetworkPlan.of(Nets.lenet5(new Random(1)));
        List<String> shapes = p.layers().stream().map(l -> l.out().toString()).toList();
        assertEquals(List.of("6 x 14 x 14", "16 x 10 x 10", "16 x 5 x 5", "400", "120", "84", "10"), shapes);
        assertEquals(List.of(156L, 2416L, 0L, 0L, 48120L, 10164L, 850L),
                p.layers().stream().map(LayerPlan::params).toList());
        assertEquals(61706L, p.parameters());
        // conv: Cout x Hout x Wout x Cin/groups x kh x kw; linear: in x out.
        assertEquals(List.of(6L * 28 * 28 * 25, 16L * 10 * 10 * 150, 0L, 0L, 400L * 120, 120L * 84, 84L * 10),
                p.layers().stream().map(LayerPlan::macs).toList());
        // The first layer keeps its 6 x 28 x 28 feature map and the pooled 6 x 14 x 14.
        assertEquals(4L * (6 * 28 * 28 + 6 * 14 * 14), p.layer(0).activationBytes());
        assertEquals(4L * 400, p.layer(3).activationBytes());
        assertArrayEquals(new int[] {10}, p.output().dims());
        // Maps: input, conv, pool, conv, pool, flatten, 3 x linear.
        assertEquals(9, p.maps().size());
        assertEquals(List.of(StageKind.INPUT, StageKind.CONV, StageKind.POOL, StageKind.CONV, StageKind.POOL,
                StageKind.FLATTEN, StageKind.LINEAR, StageKind.LINEAR, StageKind.LINEAR),
                p.maps().stream().map(MapInfo::made).toList());
        assertEquals(2, p.layer(0).lastMap());
        assertEquals(1, p.layer(0).firstMap());
        assertEquals(4, p.outputMap(2));
    }

    @Test
    void lenet5ReceptiveFields() {
        NetworkPlan p = NetworkPlan.of(Nets.lenet5(new Random(1)));
        // conv 5x5 pad 2: size 5, start -2; pool 2: size 6, jump 2; conv 5x5: size 6 + 4*2 = 14,
        // start -2; pool 2: size 14 + 2 = 16, jump 4.
        assertEquals(new ReceptiveField.Axis(5, 1, -2), p.maps().get(1).field().rows());
        assertEquals(new ReceptiveField.Axis(6, 2, -2), p.layer(0).field().rows());
        assertEquals(new ReceptiveField.Axis(14, 2, -2), p.layer(1).field().cols());
        assertEquals(new ReceptiveField.Axis(16, 4, -2), p.layer(2).field().rows());
        assertNull(p.layer(3).field());
        assertNull(p.layer(6).field());
    }

    @Test
    void twoThreeByThreeSeeWhatOneFiveByFiveSees() {
        Random r = new Random(2);
        ConvSpec three = ConvSpec.builder(Nets.kernel(r, 1, 1, 3, 3)).padding(Padding.of(1)).build();
        NetworkPlan two = NetworkPlan.of(new Network(Shape.of(1, 8, 8), List.of(new ConvLayer(three),
                new ActivationLayer(Activation.RELU), new ConvLayer(three))));
        NetworkPlan one = NetworkPlan.of(new Network(Shape.of(1, 8, 8), List.of(new ConvLayer(
                ConvSpec.builder(Nets.kernel(r, 1, 1, 5, 5)).padding(Padding.of(2)).build()))));
        assertEquals(one.layer(0).field(), two.layer(2).field());
        assertEquals(new ReceptiveField.Axis(5, 1, -2), two.layer(2).field().rows());
        assertEquals(18, two.parameters() - 2);
        assertEquals(25, one.parameters() - 1);
    }

    @Test
    void strideAndDilationMultiplyTheField() {
        Random r = new Random(3);
        NetworkPlan p = NetworkPlan.of(new Network(Shape.of(1, 64, 64), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 1, 1, 3, 3)).stride(2).padding(Padding.of(1)).build()),
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 1, 1, 3, 3)).dilation(2).padding(Padding.of(2)).build()),
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 1, 1, 3, 3)).dilation(4).build()))));
        assertEquals(new ReceptiveField.Axis(3, 2, -1), p.layer(0).field().rows());
        assertEquals(new ReceptiveField.Axis(3 + 2 * 2 * 2, 2, -1 - 2 * 2), p.layer(1).field().rows());
        assertEquals(new ReceptiveField.Axis(11 + 4 * 2 * 2, 2, -5), p.layer(2).field().rows());
    }

    @Test
    void transposedLayerEndsTheField() {
        Random r = new Random(4);
        NetworkPlan p = NetworkPlan.of(new Network(Shape.of(2, 5, 5), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 2, 3, 3, 3)).stride(2).transposed(true).build()),
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 1, 3, 3, 3)).build()))));
        assertEquals(Shape.of(3, 11, 11), p.layer(0).out());
        assertNull(p.layer(0).field());
        assertNull(p.layer(1).field());
        assertEquals(2L * 3 * 9 + 3, p.layer(0).params());
    }

    @Test
    void groupsCountTheirWeights() {
        Random r = new Random(5);
        NetworkPlan p = NetworkPlan.of(new Network(Shape.of(4, 6, 6), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 8, 2, 3, 3)).groups(2).build()))));
        assertEquals(8L * 2 * 9 + 8, p.parameters());
        assertEquals(8L * 4 * 4 * 2 * 9, p.macs());
    }

    @Test
    void channelsMustChain() {
        Random r = new Random(6);
        Network n = new Network(Shape.of(3, 8, 8), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 4, 3, 3, 3)).build()),
                new ActivationLayer(Activation.RELU),
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 2, 3, 3, 3)).build())));
        SpecException e = assertThrows(SpecException.class, () -> NetworkPlan.of(n));
        assertEquals("$.layers[2].kernel", e.field());
        assertEquals("error.conv.channels", e.key());
        assertEquals("the kernel reads 3 input channels (3 per group x 1 groups), but the layer receives 4 channels"
                + " (4 x 6 x 6)", e.message(Locale.ENGLISH));
    }

    @Test
    void engineErrorsGetTheLayersPath() {
        Random r = new Random(7);
        Network tooBig = new Network(Shape.of(1, 8, 8), List.of(new PoolLayer(PoolSpec.of(PoolSpec.Type.MAX, 2)),
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 1, 1, 5, 5)).build())));
        SpecException e = assertThrows(SpecException.class, () -> NetworkPlan.of(tooBig));
        assertEquals("$.layers[1].kernel", e.field());
        assertEquals("error.kernel.tooLarge", e.key());
        Network groups = new Network(Shape.of(3, 8, 8), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 2, 1, 1, 1)).groups(2).build())));
        assertEquals("$.layers[0].groups", assertThrows(SpecException.class, () -> NetworkPlan.of(groups)).field());
        Network pool = new Network(Shape.of(1, 3, 3), List.of(new PoolLayer(PoolSpec.of(PoolSpec.Type.AVG, 4))));
        SpecException pe = assertThrows(SpecException.class, () -> NetworkPlan.of(pool));
        assertEquals("$.layers[0].pool.size", pe.field());
        assertEquals("error.pool.empty", pe.key());
    }

    @Test
    void layersThatNeedAMapOrAVector() {
        Random r = new Random(8);
        Network convAfterFlatten = new Network(Shape.of(1, 4, 4), List.of(new FlattenLayer(),
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 1, 1, 1, 1)).build())));
        assertEquals("error.conv.needsMap", assertThrows(SpecException.class, () -> NetworkPlan.of(convAfterFlatten)).key());
        Network poolAfterFlatten = new Network(Shape.of(1, 4, 4), List.of(new FlattenLayer(),
                new PoolLayer(PoolSpec.of(PoolSpec.Type.MAX, 1))));
        assertEquals("$.layers[1]", assertThrows(SpecException.class, () -> NetworkPlan.of(poolAfterFlatten)).field());
        Network linearOnMap = new Network(Shape.of(1, 4, 4), List.of(Nets.linear(r, 2, 16, Activation.NONE)));
        SpecException e = assertThrows(SpecException.class, () -> NetworkPlan.of(linearOnMap));
        assertEquals("$.layers[0]", e.field());
        assertEquals("a linear layer reads a vector, but it receives a 1 x 4 x 4 map: put a flatten layer before it",
                e.message(Locale.ENGLISH));
        Network wrongInputs = new Network(Shape.of(1, 4, 4), List.of(new FlattenLayer(),
                Nets.linear(r, 2, 15, Activation.NONE)));
        SpecException w = assertThrows(SpecException.class, () -> NetworkPlan.of(wrongInputs));
        assertEquals("$.layers[1].weight", w.field());
        assertEquals("the weight is 2 x 15 (out x in): 15 inputs, but the layer receives 16 values",
                w.message(Locale.ENGLISH));
    }

    @Test
    void aNetworkTooBigIsRefusedBeforeAnythingIsAllocated() {
        Random r = new Random(9);
        NetworkPlan p = NetworkPlan.of(new Network(Shape.of(1, 1000, 1000), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 64, 1, 3, 3)).padding(Padding.SAME).build()),
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 64, 64, 3, 3)).padding(Padding.SAME).build()))));
        // Maps: 4 MB input + 256 MB + 256 MB, parameters 38,656 x 4 bytes.
        long maps = 4L * 1_000_000 * 129;
        assertEquals(maps + 4L * (64 * 9 + 64 + 64 * 64 * 9 + 64), p.memoryBytes());
        WorkEstimate e = p.estimate(2);
        assertTrue(e.memoryBytes() > p.memoryBytes(), "the conv layers' working buffers are counted too");
        assertEquals(64L * 1_000_000 * 9 + 64L * 1_000_000 * 576, e.multiplyAdds());
        assertEquals(256_000_000L, e.largestBytes());
        WorkLimitException m = assertThrows(WorkLimitException.class,
                () -> p.check(new WorkLimit(300_000_000L, Double.POSITIVE_INFINITY, Long.MAX_VALUE), 2));
        assertEquals(WorkLimitException.Kind.MEMORY, m.kind());
        assertEquals("$", m.field());
        assertTrue(m.message(Locale.ENGLISH).contains("the output of layer 0, 64 x 1000 x 1000, alone takes 256 MB"),
                m.message(Locale.ENGLISH));
        WorkLimitException w = assertThrows(WorkLimitException.class,
                () -> p.check(new WorkLimit(Long.MAX_VALUE, 0.1, Long.MAX_VALUE), 2));
        assertEquals(WorkLimitException.Kind.TIME, w.kind());
        assertTrue(w.message(Locale.ENGLISH).startsWith("this needs about 3.7e10 multiply-adds"), w.message(Locale.ENGLISH));
        p.check(WorkLimit.unlimited(), 2);
    }

    @Test
    void noLayersIsTheInputItself() {
        NetworkPlan p = NetworkPlan.of(new Network(Shape.of(2, 3, 4), List.of()));
        assertEquals(Shape.of(2, 3, 4), p.output());
        assertEquals(0, p.parameters());
        assertEquals(1, p.maps().size());
    }
}
