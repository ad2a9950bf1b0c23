package org.convlens.network.grad;

import com.fasterxml.jackson.databind.JsonNode;
import org.convlens.engine.Activation;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every layer backward against torch.autograd: conv (every parameter, transposed too) with its
 * activation and pooling, linear, softmax cross-entropy. Fixtures: tools/fixtures/make_gradient_fixtures.py.
 */
class AutogradFixturesTest {
    private static final JsonNode DOC = GradFixtures.load("gradients.json");

    @Test
    void fixturesCoverEveryParameter() {
        List<String> names = new ArrayList<>();
        DOC.get("conv").forEach(c -> names.add(c.get("name").asText()));
        assertTrue(names.size() > 200, "cases: " + names.size());
        for (String must : List.of("stride", "padding_quad", "padding_same", "padding_full", "pad_reflect",
                "pad_replicate", "pad_circular", "dilation", "groups", "depthwise", "flip", "bias", "act_relu",
                "act_leaky_relu", "act_sigmoid", "act_tanh", "pool_max_ties", "pool_max_ceil", "pool_avg_include_pad",
                "pool_avg_exclude_pad", "transposed_output_padding", "transposed_groups", "everything")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(must)), "no case named " + must + "*");
        }
    }

    @TestFactory
    Stream<DynamicTest> convLayerGradientsMatchAutograd() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : DOC.get("conv")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                Problem p = SpecReader.read(c.get("spec"));
                ConvPlan plan = ConvPlan.of(p.spec(), p.input());
                Tensor gradOut = GradFixtures.tensor(c.get("grad_output"));
                for (int threads : new int[] {1, 2}) {
                    ConvLayerBackward.Gradients g = backward(plan, p.input(), gradOut, threads);
                    GradFixtures.assertClose("grad_input", c.get("grad_input"), g.input());
                    GradFixtures.assertClose("grad_weight", c.get("grad_weight"), g.kernel());
                    GradFixtures.assertClose("grad_bias", GradFixtures.flat(c.get("grad_bias")), g.bias());
                }
            }));
        }
        return tests.stream();
    }

    /** The forward pass keeping z (before the activation) and a (after), then the backward pass. */
    static ConvLayerBackward.Gradients backward(ConvPlan plan, Tensor input, Tensor gradOut, int threads) {
        ConvSpec linearOnly = plan.spec().toBuilder().activation(Activation.NONE).pool(null).build();
        Tensor pre = ConvEngine.run(ConvPlan.of(linearOnly, input), input, threads).featureMap();
        Tensor post = ConvEngine.run(plan, input, threads).featureMap();
        return ConvLayerBackward.backward(plan, input, pre, post, gradOut, true, threads);
    }

    @TestFactory
    Stream<DynamicTest> linearGradientsMatchAutograd() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : DOC.get("linear")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                float[] x = GradFixtures.flat(c.get("input"));
                float[] w = GradFixtures.flat(c.get("weight"));
                float[] b = GradFixtures.flat(c.get("bias"));
                float[] g = GradFixtures.flat(c.get("grad_output"));
                int out = b.length;
                int in = x.length;
                Activation act = activation(c.get("activation"));
                float[] z = new float[out];
                float[] a = new float[out];
                for (int o = 0; o < out; o++) {
                    float s = b[o];
                    for (int i = 0; i < in; i++) {
                        s += w[o * in + i] * x[i];
                    }
                    z[o] = s;
                    a[o] = act.apply(s);
                }
                float[] gz = new float[out];
                ActivationBackward.backward(act, z, a, g, gz, out);
                float[] gx = new float[in];
                LinearBackward.inputGradient(w, out, in, gz, gx);
                float[] gw = new float[out * in];
                float[] gb = new float[out];
                LinearBackward.accumulate(x, out, in, gz, gw, gb);
                GradFixtures.assertClose("grad_input", GradFixtures.flat(c.get("grad_input")), gx);
                GradFixtures.assertClose("grad_weight", GradFixtures.flat(c.get("grad_weight")), gw);
                GradFixtures.assertClose("grad_bias", GradFixtures.flat(c.get("grad_bias")), gb);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> crossEntropyMatchesAutograd() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : DOC.get("cross_entropy")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                float[] z = GradFixtures.flat(c.get("logits"));
                float[] grad = new float[z.length];
                float loss = Losses.crossEntropy(z, c.get("class").asInt(), grad, 1f);
                assertTrue(GradFixtures.close(loss, c.get("loss").doubleValue()),
                        "loss " + loss + " vs " + c.get("loss"));
                GradFixtures.assertClose("grad", GradFixtures.flat(c.get("grad")), grad);
                assertEquals(loss, Losses.crossEntropy(z, c.get("class").asInt(), null, 1f));
            }));
        }
        return tests.stream();
    }

    private static Activation activation(JsonNode a) {
        if (a.isObject()) {
            return Activation.leakyRelu(a.get("slope").floatValue());
        }
        return Activation.of(Activation.Type.fromId(a.asText()));
    }
}
