package org.convlens.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convlens.engine.WorkLimit;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SGD (momentum, weight decay) and Adam steps against torch.optim (tools/fixtures/make_gradient_fixtures.py). */
class OptimizerTest {
    @Test
    void stepsMatchTorchOptim() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/grad/gradients.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        int cases = 0;
        for (JsonNode c : doc.get("optimizer")) {
            TrainSettings s = new TrainSettings(1, 1, c.get("lr").floatValue(),
                    TrainSettings.OptimizerKind.fromId(c.get("optimizer").asText()), c.get("momentum").floatValue(),
                    c.get("weight_decay").floatValue(), 1, 1, WorkLimit.unlimited());
            float[] w = floats(c.get("start"));
            Optimizer o = new Optimizer(s, new int[] {w.length});
            for (int step = 0; step < 3; step++) {
                o.step(new float[][] {w}, new float[][] {floats(c.get("grads").get(step))}, s.learningRate());
                float[] want = floats(c.get("after").get(step));
                for (int i = 0; i < w.length; i++) {
                    float a = want[i];
                    float b = w[i];
                    String what = c.get("name").asText() + " step " + (step + 1) + " [" + i + "]";
                    assertTrue(Math.abs(a - b) <= 2e-6f * Math.max(1f, Math.abs(a)), () -> what + ": " + a + " vs " + b);
                }
            }
            cases++;
        }
        assertEquals(5, cases);
    }

    private static float[] floats(JsonNode n) {
        float[] f = new float[n.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = n.get(i).floatValue();
        }
        return f;
    }
}
