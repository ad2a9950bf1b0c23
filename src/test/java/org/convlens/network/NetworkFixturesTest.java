package org.convlens.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convlens.engine.Tensor;
import org.convlens.spec.NetworkProblem;
import org.convlens.spec.NetworkReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whole networks against PyTorch (tools/fixtures/make_network_fixtures.py): every map of the
 * forward pass, the parameters and multiply-adds of every layer, the receptive field of every map,
 * and for chosen cells the exact cells they read (autograd on the network's structural twin, and
 * on the network itself) and feed, in every map.
 */
class NetworkFixturesTest {
    private static final JsonNode CASES = load();

    private static JsonNode load() {
        try (InputStream in = NetworkFixturesTest.class.getResourceAsStream("/fixtures/network/network_cases.json")) {
            if (in == null) {
                fail("fixture network_cases.json is missing: run tools/fixtures/make_network_fixtures.py");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NetworkProblem problem(JsonNode c) {
        try {
            return c.has("network_file") ? NetworkReader.read(Path.of(c.get("network_file").asText()))
                    : NetworkReader.read(c.get("network"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fixturesCoverWhatTheIssueAsks() {
        List<String> names = new ArrayList<>();
        CASES.get("cases").forEach(c -> names.add(c.get("name").asText()));
        for (String must : List.of("lenet5", "vgg_3x3", "bottleneck", "dilated_stack", "stride", "padding_zeros",
                "padding_reflect", "padding_replicate", "padding_circular", "ceil_pooling", "groups",
                "linear_activations", "transposed", "two_3x3", "one_5x5")) {
            assertTrue(names.contains(must), "no case " + must);
        }
    }

    @TestFactory
    Stream<DynamicTest> shapesParametersAndFieldsMatch() {
        return cases("plan", (c, p) -> {
            NetworkPlan plan = NetworkPlan.of(p.network());
            JsonNode layers = c.get("layers");
            assertEquals(layers.size(), plan.layers().size());
            for (int i = 0; i < layers.size(); i++) {
                assertEquals(layers.get(i).get("params").asLong(), plan.layer(i).params(), "params of layer " + i);
                assertEquals(layers.get(i).get("macs").asLong(), plan.layer(i).macs(), "macs of layer " + i);
            }
            JsonNode maps = c.get("maps");
            assertEquals(maps.size() + 1, plan.maps().size(), "maps");
            for (int m = 1; m < plan.maps().size(); m++) {
                JsonNode want = maps.get(m - 1);
                MapInfo got = plan.maps().get(m);
                assertEquals(want.get("stage").asText(), got.made().id(), "stage of map " + m);
                assertArrayEquals(ints(want.get("shape")), got.shape().dims(), "shape of map " + m);
                JsonNode f = want.get("field");
                if (f.isNull()) {
                    assertNull(got.field(), "field of map " + m);
                } else {
                    assertNotNull(got.field(), "field of map " + m);
                    assertEquals(new ReceptiveField.Axis(f.get("size").get(0).asLong(), f.get("jump").get(0).asLong(),
                            f.get("start").get(0).asLong()), got.field().rows(), "rows' field of map " + m);
                    assertEquals(new ReceptiveField.Axis(f.get("size").get(1).asLong(), f.get("jump").get(1).asLong(),
                            f.get("start").get(1).asLong()), got.field().cols(), "columns' field of map " + m);
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyMapMatchesPyTorch() {
        return cases("forward", (c, p) -> {
            NetworkPlan plan = NetworkPlan.of(p.network());
            for (int threads : new int[] {1, 2}) {
                NetworkMaps maps = Forward.run(plan, p.input(), threads);
                for (int m = 1; m < plan.maps().size(); m++) {
                    assertMap("map " + m + ", " + threads + " threads", c.get("maps").get(m - 1).get("values"),
                            maps.map(m));
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> cellsReadWhatAutogradSays() {
        return cases("reads", (c, p) -> {
            NetworkPlan plan = NetworkPlan.of(p.network());
            FieldTracer tracer = new FieldTracer(plan);
            boolean copies = c.get("copies").asBoolean();
            for (JsonNode r : c.get("reads")) {
                int m = r.get("map").asInt();
                int[] cell = cell(r.get("cell"));
                List<Region> regions = tracer.reads(m, cell[0], cell[1], cell[2]);
                assertEquals(m + 1, regions.size());
                String at = "cell " + r.get("cell") + " of map " + m;
                for (int mm = 0; mm <= m; mm++) {
                    Region g = regions.get(mm);
                    assertEquals(mm, g.map());
                    JsonNode exact = r.get("exact").get(mm);
                    assertEquals(set(exact.get(0)), set(g.channels()), at + ": channels read in map " + mm);
                    assertEquals(set(exact.get(1)), set(g.rows().cells()), at + ": rows read in map " + mm);
                    assertEquals(set(exact.get(2)), set(g.cols().cells()), at + ": columns read in map " + mm);
                    JsonNode real = r.get("real").get(mm);
                    assertTrue(set(g.channels()).containsAll(set(real.get(0)))
                            && set(g.rows().cells()).containsAll(set(real.get(1)))
                            && set(g.cols().cells()).containsAll(set(real.get(2))), at + ": real gradient in map " + mm);
                    if (!copies && g.cellCount() > 0) {
                        insideAndTouching(at + ", map " + mm + " rows", g.rows());
                        insideAndTouching(at + ", map " + mm + " columns", g.cols());
                    }
                }
                ReceptiveField f = plan.maps().get(m).field();
                if (f != null) {
                    AxisReach rows = regions.get(0).rows();
                    AxisReach cols = regions.get(0).cols();
                    assertEquals(f.rows().first(cell[1]), rows.lo(), at + ": field's first row");
                    assertEquals(f.rows().last(cell[1]), rows.hi(), at + ": field's last row");
                    assertEquals(f.cols().first(cell[2]), cols.lo(), at + ": field's first column");
                    assertEquals(f.cols().last(cell[2]), cols.hi(), at + ": field's last column");
                    assertEquals(f.rows().size(), rows.size());
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> cellsFeedWhatAOneHotChanges() {
        return cases("reaches", (c, p) -> {
            FieldTracer tracer = new FieldTracer(NetworkPlan.of(p.network()));
            for (JsonNode r : c.get("reaches")) {
                int m = r.get("map").asInt();
                int[] cell = cell(r.get("cell"));
                List<Region> regions = tracer.reaches(m, cell[0], cell[1], cell[2]);
                assertEquals(r.get("exact").size(), regions.size());
                for (int i = 0; i < regions.size(); i++) {
                    Region g = regions.get(i);
                    JsonNode exact = r.get("exact").get(i);
                    String at = "cell " + r.get("cell") + " of map " + m + " in map " + g.map();
                    assertEquals(m + i, g.map());
                    assertEquals(set(exact.get(0)), set(g.channels()), at + ": channels");
                    assertEquals(set(exact.get(1)), set(g.rows().cells()), at + ": rows");
                    assertEquals(set(exact.get(2)), set(g.cols().cells()), at + ": columns");
                }
            }
        });
    }

    /** Cells read lie inside the (unclipped) rectangle and reach each of its edges that lies inside the map. */
    private static void insideAndTouching(String what, AxisReach a) {
        assertTrue(a.first() >= a.lo() && a.last() <= a.hi(), what + ": " + a.first() + ".." + a.last()
                + " outside " + a.lo() + ".." + a.hi());
        if (a.lo() >= 0) {
            assertEquals(a.lo(), a.first(), what + ": first");
        }
        if (a.hi() < a.length()) {
            assertEquals(a.hi(), a.last(), what + ": last");
        }
    }

    private interface Check {
        void run(JsonNode c, NetworkProblem p) throws Exception;
    }

    private static Stream<DynamicTest> cases(String what, Check check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : CASES.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check.run(c, problem(c))));
        }
        return tests.stream();
    }

    private static void assertMap(String what, JsonNode expected, Tensor t) {
        List<Double> want = new ArrayList<>();
        flatten(expected, want);
        assertEquals(want.size(), t.data().length, what + ": size");
        for (int i = 0; i < want.size(); i++) {
            double e = want.get(i);
            float a = t.data()[i];
            assertTrue(Math.abs(a - e) <= 1e-4 * Math.max(1.0, Math.abs(e)), what + " value " + i + ": expected " + e
                    + ", got " + a);
        }
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (n.isArray()) {
            n.forEach(x -> flatten(x, out));
        } else {
            out.add(n.doubleValue());
        }
    }

    private static TreeSet<Integer> set(JsonNode list) {
        TreeSet<Integer> s = new TreeSet<>();
        list.forEach(n -> s.add(n.asInt()));
        return s;
    }

    private static TreeSet<Integer> set(boolean[] mask) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                s.add(i);
            }
        }
        return s;
    }

    private static int[] cell(JsonNode n) {
        return n.size() == 1 ? new int[] {n.get(0).asInt(), 0, 0} : ints(n);
    }

    private static int[] ints(JsonNode a) {
        int[] r = new int[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).intValue();
        }
        return r;
    }
}
