package org.convlens.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case PyTorch computed (conv2d after F.pad, conv_transpose2d, max_pool2d, avg_pool2d,
 * activations): the fast engine on both thread counts, the reference loop, and the spec reader,
 * all against PyTorch's numbers. Fixtures: tools/fixtures/make_engine_fixtures.py.
 */
class PyTorchFixturesTest {
    private static final JsonNode CONV = Fixtures.load("conv_cases.json");
    private static final JsonNode SHAPES = Fixtures.load("shape_cases.json");

    @Test
    void fixturesCoverTheWholeParameterSpace() {
        List<String> names = new ArrayList<>();
        CONV.get("cases").forEach(c -> names.add(c.get("name").asText()));
        assertTrue(names.size() > 300, "cases: " + names.size());
        for (String must : List.of("textbook_vertical_edge", "textbook_1to9_2x2", "pad_reflect", "pad_circular",
                "pad_replicate", "transposed", "pool_max", "pool_avg", "dilation", "stride", "padding_same",
                "padding_full", "act_", "flip", "bias", "kernel_1x5", "kernel_3x5")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(must)), "no case named " + must + "*");
        }
    }

    @TestFactory
    Stream<DynamicTest> engineMatchesPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : CONV.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                Problem p = SpecReader.read(c.get("spec"));
                ConvPlan plan = ConvPlan.of(p.spec(), p.input());
                assertArrayEquals(ints(c.get("shape")), plan.outputShape(), "shape");
                for (int threads : new int[] {1, 2}) {
                    ConvEngine.Result r = ConvEngine.run(plan, p.input(), threads);
                    Fixtures.assertTensor("feature map, " + threads + " threads", c.get("feature_map"), r.featureMap());
                    Fixtures.assertTensor("output, " + threads + " threads", c.get("output"), r.output());
                }
                Fixtures.assertTensor("reference loop", c.get("output"), Reference.run(plan, p.input()));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shapesMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : SHAPES.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                ObjectNode spec = ((ObjectNode) c.get("spec")).deepCopy();
                int[] in = ints(spec.remove("input_shape"));
                int[] k = ints(spec.remove("kernel_shape"));
                spec.set("input", zeros(in));
                spec.set("kernel", zeros(k));
                Problem p = SpecReader.read(spec);
                ConvPlan plan = ConvPlan.of(p.spec(), p.input());
                assertArrayEquals(ints(c.get("feature_map_shape")),
                        new int[] {plan.outChannels(), plan.outHeight(), plan.outWidth()}, "feature map shape");
                assertArrayEquals(ints(c.get("shape")), plan.outputShape(), "output shape");
            }));
        }
        return tests.stream();
    }

    static int[] ints(JsonNode a) {
        int[] r = new int[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).intValue();
        }
        return r;
    }

    private static ArrayNode zeros(int[] shape) {
        return zeros(shape, 0);
    }

    private static ArrayNode zeros(int[] shape, int d) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < shape[d]; i++) {
            if (d == shape.length - 1) {
                a.add(0);
            } else {
                a.add(zeros(shape, d + 1));
            }
        }
        return a;
    }
}
