package org.convlens.network;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tracer on seeded random stacks: looking back and looking forward agree (a cell is read by
 * another exactly when it feeds it), and the rectangle looking back is the plan's receptive field.
 * PyTorch's autograd checks it on fixed networks in {@link NetworkFixturesTest}.
 */
class FieldTracerTest {
    @Test
    void readsAndReachesAreTheSameRelationOnRandomStacks() {
        Random r = new Random(31);
        int checked = 0;
        for (NetworkPlan plan : randomPlans(r, 40)) {
            FieldTracer t = new FieldTracer(plan);
            int last = plan.maps().size() - 1;
            for (int probe = 0; probe < 4; probe++) {
                int m = 1 + r.nextInt(last);
                Shape s = plan.maps().get(m).shape();
                int c = r.nextInt(s.channels());
                int y = r.nextInt(s.height());
                int x = r.nextInt(s.width());
                List<Region> reads = t.reads(m, c, y, x);
                int from = r.nextInt(m);
                Shape fs = plan.maps().get(from).shape();
                for (int q = 0; q < 12; q++) {
                    int cc = r.nextInt(fs.channels());
                    int yy = r.nextInt(fs.height());
                    int xx = r.nextInt(fs.width());
                    boolean read = reads.get(from).contains(cc, yy, xx);
                    boolean feeds = t.reaches(from, cc, yy, xx).get(m - from).contains(c, y, x);
                    assertEquals(read, feeds, "map " + m + " cell " + c + "," + y + "," + x + " and map " + from
                            + " cell " + cc + "," + yy + "," + xx + " in " + plan.network());
                    checked++;
                }
                ReceptiveField f = plan.maps().get(m).field();
                if (f != null) {
                    assertEquals(f.rows().first(y), reads.get(0).rows().lo());
                    assertEquals(f.rows().last(y), reads.get(0).rows().hi());
                    assertEquals(f.cols().first(x), reads.get(0).cols().lo());
                    assertEquals(f.cols().last(x), reads.get(0).cols().hi());
                }
            }
        }
        assertTrue(checked > 1000, "pairs checked: " + checked);
    }

    @Test
    void dilationLeavesGapsThatTheRegionShows() {
        Random r = new Random(32);
        NetworkPlan plan = NetworkPlan.of(new Network(Shape.of(1, 20, 20), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 1, 1, 3, 3)).dilation(4).build()))));
        Region in = new FieldTracer(plan).reads(1, 0, 5, 6).get(0);
        assertEquals(5, in.rows().lo());
        assertEquals(13, in.rows().hi());
        assertEquals(9, in.rows().size());
        assertEquals(3, in.rows().count());
        assertEquals(6, in.rows().gaps());
        assertTrue(in.contains(0, 9, 10) && !in.contains(0, 8, 10));
        assertEquals(9, in.cellCount());
    }

    @Test
    void paddingShowsAsARectanglePastTheEdge() {
        Random r = new Random(33);
        NetworkPlan plan = NetworkPlan.of(new Network(Shape.of(2, 6, 6), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 3, 2, 3, 3)).padding(Padding.of(1)).build()),
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 3, 3, 3, 3)).padding(Padding.of(1)).build()))));
        Region in = new FieldTracer(plan).reads(2, 1, 0, 5).get(0);
        assertEquals(-2, in.rows().lo());
        assertEquals(0, in.rows().clippedLo());
        assertEquals(2, in.rows().clippedHi());
        assertEquals(7, in.cols().hi());
        assertEquals(5, in.cols().clippedHi());
        assertEquals(2, in.channelCount());
    }

    @Test
    void circularPaddingReadsTheFarSide() {
        Random r = new Random(34);
        NetworkPlan plan = NetworkPlan.of(new Network(Shape.of(1, 5, 8), List.of(
                new ConvLayer(ConvSpec.builder(Nets.kernel(r, 1, 1, 1, 3)).padding(Padding.of(0, 1))
                        .paddingMode(PaddingMode.CIRCULAR).build()))));
        AxisReach cols = new FieldTracer(plan).reads(1, 0, 2, 0).get(0).cols();
        assertEquals(-1, cols.lo());
        assertTrue(cols.cell(0) && cols.cell(1) && cols.cell(7));
        assertEquals(3, cols.count());
    }

    @Test
    void anInputCellReachesTheWholeVectorAfterALinearLayer() {
        NetworkPlan plan = NetworkPlan.of(Nets.lenet5(new Random(35)));
        List<Region> reach = new FieldTracer(plan).reaches(0, 0, 0, 0);
        assertEquals(plan.maps().size(), reach.size());
        // Input (0, 0) feeds feature-map cells (0..2, 0..2) of all six channels, then pooled (0..1, 0..1).
        assertEquals(3, reach.get(1).rows().count());
        assertEquals(6, reach.get(1).channelCount());
        assertEquals(2, reach.get(2).rows().count());
        Region last = reach.get(reach.size() - 1);
        assertEquals(10, last.channelCount());
        Region out = new FieldTracer(plan).reads(plan.maps().size() - 1, 3, 0, 0).get(0);
        assertEquals(28 * 28, out.cellCount());
    }

    @Test
    void aCellOutsideTheMapIsRefused() {
        FieldTracer t = new FieldTracer(NetworkPlan.of(Nets.lenet5(new Random(36))));
        assertThrows(IndexOutOfBoundsException.class, () -> t.reads(1, 6, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> t.reaches(0, 0, 28, 0));
        assertFalse(t.reads(1, 5, 27, 27).isEmpty());
    }

    /** Random stacks of every layer type, setting and padding mode that the plan accepts. */
    static List<NetworkPlan> randomPlans(Random r, int count) {
        List<NetworkPlan> out = new ArrayList<>();
        while (out.size() < count) {
            int c = 1 + r.nextInt(3);
            int h = 6 + r.nextInt(12);
            int w = 6 + r.nextInt(12);
            List<Layer> layers = new ArrayList<>();
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                switch (r.nextInt(6)) {
                    case 0 -> layers.add(new ActivationLayer(Activation.RELU));
                    case 1 -> {
                        int k = 1 + r.nextInt(3);
                        layers.add(new PoolLayer(new PoolSpec(r.nextBoolean() ? PoolSpec.Type.MAX : PoolSpec.Type.AVG,
                                k, k, 1 + r.nextInt(2), 1 + r.nextInt(2), r.nextInt(k / 2 + 1), 0, r.nextBoolean(), true)));
                    }
                    default -> layers.add(null);
                }
            }
            if (r.nextInt(4) == 0) {
                layers.add(new FlattenLayer());
            }
            // Conv layers (null slots) get their channels once the shapes before them are known.
            List<Layer> built = new ArrayList<>();
            int channels = c;
            try {
                for (Layer l : layers) {
                    if (l == null) {
                        int g = channels % 2 == 0 && r.nextBoolean() ? 2 : 1;
                        int out2 = g * (1 + r.nextInt(2));
                        boolean t = r.nextInt(5) == 0;
                        int kh = 1 + r.nextInt(3);
                        int kw = 1 + r.nextInt(3);
                        ConvSpec.Builder b = ConvSpec.builder(t ? Nets.kernel(r, channels, out2 / g, kh, kw)
                                : Nets.kernel(r, out2, channels / g, kh, kw)).groups(g).stride(1 + r.nextInt(2),
                                1 + r.nextInt(3)).dilation(1 + r.nextInt(2), 1 + r.nextInt(2)).transposed(t);
                        if (t) {
                            b.padding(Padding.of(r.nextInt(kh), r.nextInt(kw)));
                        } else {
                            b.padding(Padding.of(r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)))
                                    .paddingMode(PaddingMode.values()[r.nextInt(4)]);
                            if (r.nextInt(4) == 0) {
                                b.pool(PoolSpec.of(PoolSpec.Type.MAX, 2));
                            }
                        }
                        l = new ConvLayer(b.build());
                        channels = out2;
                    }
                    built.add(l);
                }
                if (built.get(built.size() - 1) instanceof FlattenLayer) {
                    NetworkPlan partial = NetworkPlan.of(new Network(Shape.of(c, h, w), built));
                    built.add(Nets.linear(r, 3, partial.output().channels(), Activation.NONE));
                }
                out.add(NetworkPlan.of(new Network(Shape.of(c, h, w), built)));
            } catch (SpecException e) {
                // an impossible draw (a map shrunk to nothing, padding wider than reflect allows): draw again
            }
        }
        return out;
    }
}
