package org.convlens.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Loads the PyTorch fixtures (tools/fixtures/make_engine_fixtures.py) and compares tensors to them. */
public final class Fixtures {
    private Fixtures() {
    }

    public static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/engine/" + name)) {
            if (in == null) {
                fail("fixture " + name + " is missing: run tools/fixtures/make_engine_fixtures.py");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** float32 agreement: PyTorch summed in float64 and rounded once; we sum in float32. */
    public static boolean close(float actual, double expected) {
        return Math.abs(actual - expected) <= 1e-4 * Math.max(1.0, Math.abs(expected));
    }

    /** Asserts {@code t} equals the C x H x W nested array {@code expected} within float32 tolerance. */
    public static void assertTensor(String what, JsonNode expected, Tensor t) {
        assertEquals(expected.size(), t.channels(), what + ": channels");
        assertEquals(expected.get(0).size(), t.height(), what + ": height");
        assertEquals(expected.get(0).get(0).size(), t.width(), what + ": width");
        for (int c = 0; c < t.channels(); c++) {
            for (int y = 0; y < t.height(); y++) {
                for (int x = 0; x < t.width(); x++) {
                    double e = expected.get(c).get(y).get(x).doubleValue();
                    float a = t.get(c, y, x);
                    int cc = c;
                    int yy = y;
                    int xx = x;
                    assertTrue(close(a, e), () -> what + " at [" + cc + "][" + yy + "][" + xx + "]: expected " + e + ", got " + a);
                }
            }
        }
    }
}
