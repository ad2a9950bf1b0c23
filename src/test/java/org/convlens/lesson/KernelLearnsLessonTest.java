package org.convlens.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson 16 (how a kernel learns) computes the backward pass of one convolution in the stepper:
 * each step's output, as the engine computes it when the lesson loads, must be what PyTorch's
 * autograd gives (fixtures/lessons/kernel-learns.json, from tools/fixtures/check_kernel_learns.py).
 */
class KernelLearnsLessonTest {
    private static JsonNode fixture() throws IOException {
        try (InputStream in = KernelLearnsLessonTest.class.getResourceAsStream("/fixtures/lessons/kernel-learns.json")) {
            assertNotNull(in, "fixture missing");
            return new ObjectMapper().readTree(in);
        }
    }

    private static void same(String what, JsonNode want, Tensor got) {
        assertEquals(want.size(), got.height(), what);
        for (int y = 0; y < got.height(); y++) {
            assertEquals(want.get(y).size(), got.width(), what);
            for (int x = 0; x < got.width(); x++) {
                assertEquals(want.get(y).get(x).asDouble(), got.get(0, y, x), 1e-5, what + " at " + y + ", " + x);
            }
        }
    }

    @Test
    void everyStepOfTheBackwardPassIsWhatAutogradGives() throws IOException {
        JsonNode f = fixture();
        Lesson l = LessonLibrary.shipped(Locale.ROOT).lessons().stream()
                .filter(x -> x.id().equals("16-kernel-learns")).findFirst().orElseThrow();
        assertEquals(6, l.steps().size());
        same("forward output Y", f.get("output"), l.steps().get(0).scenario().result().output());
        same("output gradient y - t", f.get("output_grad"), l.steps().get(1).scenario().result().output());
        same("kernel gradient: X cross-correlated with G", f.get("kernel_grad"),
                l.steps().get(2).scenario().result().output());
        assertTrue(l.steps().get(3).scenario().problem().spec().transposed());
        same("input gradient: G transposed-convolved with W", f.get("input_grad"),
                l.steps().get(3).scenario().result().output());
        same("one step of gradient descent", f.get("updated_kernel"), l.steps().get(4).scenario().result().output());
        // The last step runs the updated kernel: its kernel is the one the update gave.
        float[] k = l.steps().get(5).scenario().problem().spec().kernel().data();
        JsonNode w = f.get("updated_kernel");
        assertEquals(w.get(1).get(1).asDouble(), k[3], 1e-6);
    }
}
