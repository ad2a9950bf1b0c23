package org.convlens.network.grad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convlens.engine.Kernel;
import org.convlens.engine.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Loads the autograd fixtures (tools/fixtures/make_gradient_fixtures.py) and compares within float32 tolerance. */
final class GradFixtures {
    private GradFixtures() {
    }

    static JsonNode load(String name) {
        try (InputStream in = GradFixtures.class.getResourceAsStream("/fixtures/grad/" + name)) {
            if (in == null) {
                fail("fixture " + name + " is missing: run tools/fixtures/make_gradient_fixtures.py");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Autograd summed in float64 and rounded once; we sum in float32. */
    static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= 1e-4 * Math.max(1.0, Math.abs(expected));
    }

    static float[] flat(JsonNode n) {
        java.util.List<Float> out = new java.util.ArrayList<>();
        flatten(n, out);
        float[] f = new float[out.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = out.get(i);
        }
        return f;
    }

    private static void flatten(JsonNode n, java.util.List<Float> out) {
        if (n.isArray()) {
            n.forEach(c -> flatten(c, out));
        } else {
            out.add(n.floatValue());
        }
    }

    static Tensor tensor(JsonNode chw) {
        return new Tensor(chw.size(), chw.get(0).size(), chw.get(0).get(0).size(), flat(chw));
    }

    static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (!close(actual[i], expected[i])) {
                fail(what + " at flat index " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    static void assertClose(String what, JsonNode expected, Tensor actual) {
        assertArrayEquals(new int[] {expected.size(), expected.get(0).size(), expected.get(0).get(0).size()},
                actual.shape(), what + ": shape");
        assertClose(what, flat(expected), actual.data());
    }

    static void assertClose(String what, JsonNode expected, Kernel actual) {
        assertArrayEquals(new int[] {expected.size(), expected.get(0).size(), expected.get(0).get(0).size(),
                expected.get(0).get(0).get(0).size()}, actual.shape(), what + ": shape");
        assertClose(what, flat(expected), actual.data());
    }
}
