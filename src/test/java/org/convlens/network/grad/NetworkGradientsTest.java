package org.convlens.network.grad;

import com.fasterxml.jackson.databind.JsonNode;
import org.convlens.network.Forward;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.spec.NetworkProblem;
import org.convlens.spec.NetworkReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A whole network's backward pass against torch.autograd: the loss (sum or cross-entropy), the
 * input's gradient and every conv and linear layer's weight and bias gradients. Fixtures:
 * the "network" cases of tools/fixtures/make_gradient_fixtures.py.
 */
class NetworkGradientsTest {
    private static final JsonNode DOC = GradFixtures.load("gradients.json");

    @Test
    void fixturesHaveBothLossesAndEveryLayerType() {
        List<String> names = new ArrayList<>();
        DOC.get("network").forEach(c -> names.add(c.get("name").asText()));
        for (String must : List.of("lenet5_sum", "lenet5_cross_entropy", "linear_activations_cross_entropy",
                "transposed_sum", "groups_sum", "padding_reflect_sum", "ceil_pooling_sum")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(must)), "no case named " + must + "*: " + names);
        }
    }

    @TestFactory
    Stream<DynamicTest> networkGradientsMatchAutograd() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : DOC.get("network")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                NetworkProblem p = NetworkReader.read(c.get("network"));
                NetworkPlan plan = NetworkPlan.of(p.network());
                String loss = c.get("loss").asText();
                NetworkBackward.Loss l = loss.equals("sum") ? new NetworkBackward.Sum()
                        : new NetworkBackward.CrossEntropy(Integer.parseInt(loss.substring(loss.indexOf(':') + 1)));
                for (int threads : new int[] {1, 2}) {
                    NetworkMaps maps = Forward.run(plan, p.input(), threads);
                    NetworkBackward.Result r = NetworkBackward.run(maps, l, threads);
                    if (!GradFixtures.close(r.loss(), c.get("value").floatValue())) {
                        fail("loss " + r.loss() + ", autograd " + c.get("value"));
                    }
                    GradFixtures.assertClose("grad_input", c.get("grad_input"), r.input());
                    for (int i = 0; i < plan.layers().size(); i++) {
                        JsonNode want = c.get("layers").get(i);
                        if (!want.has("grad_weight")) {
                            assertNull(r.layers()[i], "layer " + i);
                            continue;
                        }
                        GradFixtures.assertClose("layer " + i + " grad_weight", GradFixtures.flat(want.get("grad_weight")),
                                r.layers()[i].weight());
                        GradFixtures.assertClose("layer " + i + " grad_bias", GradFixtures.flat(want.get("grad_bias")),
                                r.layers()[i].bias());
                    }
                }
            }));
        }
        return tests.stream();
    }
}
