package org.convlens.ui.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.ui.stepper.Computation;
import org.convlens.ui.stepper.Frame;
import org.convlens.ui.stepper.FrameRenderer;
import org.convlens.ui.stepper.WorkedExample;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Computation example() {
        return Computation.of(WorkedExample.problem());
    }

    @Test
    void csvHasOneFilePerGridWithExactValues() throws IOException {
        Map<String, String> csv = Exports.csv(example());
        assertEquals(List.of("input.csv", "kernel.csv", "output.csv"), List.copyOf(csv.keySet()));
        assertEquals("3,0,1,2,7,4", csv.get("input.csv").lines().findFirst().orElseThrow());
        assertEquals("-5,-4,0,8", csv.get("output.csv").lines().findFirst().orElseThrow());
        List<Path> files = Exports.writeCsv(example(), dir.resolve("grids.csv"));
        assertEquals(3, files.size());
        assertEquals(6, Files.readAllLines(dir.resolve("grids_input.csv")).size());
    }

    @Test
    void csvOfManyChannelsNamesEachSlice() throws IOException {
        Computation c = Computation.of(SpecReader.read(Path.of("examples/everything.json")));
        Map<String, String> csv = Exports.csv(c);
        assertTrue(csv.containsKey("input_c1.csv"));
        assertTrue(csv.containsKey("kernel_1_1.csv"));
        assertTrue(csv.containsKey("pooled_c1.csv"));
        assertEquals("0.5,0,0.5", csv.get("kernel_1_1.csv").lines().findFirst().orElseThrow());
    }

    @Test
    void jsonHoldsTheScenarioAndTheResults() throws IOException {
        Computation c = Computation.of(SpecReader.read(Path.of("examples/everything.json")));
        JsonNode n = JSON.readTree(Exports.json(c));
        Problem back = SpecReader.read(n.get("scenario"));
        assertEquals(c.input(), back.input());
        assertEquals(2, n.get("feature_map").size());
        assertEquals(c.featureMap().get(1, 2, 3), n.get("feature_map").get(1).get(2).get(3).floatValue());
        assertEquals(c.pooled().height(), n.get("pooled_shape").get(1).asInt());
    }

    @Test
    void latexIsAnAlignEnvironmentWithEveryTermAndTheResult() {
        Computation c = example();
        Frame f = FrameRenderer.render(c, 0, 0, false, -1, null, Locale.ENGLISH);
        String tex = Exports.latex(c, f);
        assertTrue(tex.contains("\\begin{align}") && tex.contains("\\end{align}"), tex);
        assertTrue(tex.contains("3 \\cdot 1 + 0 \\cdot 0 + 1 \\cdot (-1)"), tex);
        assertTrue(tex.contains("y_{0,0,0} &= -5"), tex);
        assertEquals(tex.chars().filter(ch -> ch == '{').count(), tex.chars().filter(ch -> ch == '}').count());
    }

    @Test
    void latexOfAPoolingStepShowsTheMax() throws IOException {
        Computation c = Computation.of(SpecReader.read(Path.of("examples/everything.json")));
        Frame f = FrameRenderer.render(c, c.convSteps(), 0, false, -1, null, Locale.ENGLISH);
        String tex = Exports.latex(c, f);
        assertTrue(tex.contains("\\max("), tex);
    }

    /** Runs the exported code with PyTorch (when /usr/bin/python3 has torch) and compares with the engine. */
    @ParameterizedTest
    @ValueSource(strings = {"examples/vertical-edge.json", "examples/everything.json", "examples/one-to-nine.json",
        "transposed", "flip-avg"})
    void pytorchCodeReproducesTheEngine(String which) throws Exception {
        Assumptions.assumeTrue(torchAvailable(), "PyTorch is not installed for /usr/bin/python3");
        Problem p;
        if (which.equals("transposed")) {
            p = SpecReader.read("{\"input\": [[[1, 2, 0], [0, -1, 3]], [[2, 2, 1], [1, 0, 1]]],"
                    + " \"kernel\": [[[[1, 0], [2, -1]], [[0, 1], [1, 1]]], [[[1, 1], [0, 2]], [[-1, 0], [0, 1]]]],"
                    + " \"bias\": [0.5, -1], \"stride\": [2, 3], \"padding\": [1, 0], \"transposed\": true,"
                    + " \"output_padding\": [1, 2], \"dilation\": 1, \"activation\": \"tanh\"}");
        } else if (which.equals("flip-avg")) {
            p = SpecReader.read("{\"input\": [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [1, 0, 1, 0, 1], [2, 2, 2, 2, 2]],"
                    + " \"kernel\": [[1, 2], [3, 4]], \"flip\": true, \"padding\": [1, 0, 2, 1],"
                    + " \"padding_mode\": \"replicate\", \"stride\": [1, 2], \"activation\": \"sigmoid\","
                    + " \"pool\": {\"type\": \"avg\", \"size\": 2, \"ceil_mode\": true, \"padding\": 1,"
                    + " \"count_include_pad\": false}}");
        } else {
            p = SpecReader.read(Path.of(which));
        }
        Computation c = Computation.of(p);
        String code = Exports.pytorch(c) + "\nimport json\nprint('JSON', json.dumps({'y': y[0].tolist(), 'p': "
                + (c.pooled() != null ? "p[0].tolist()" : "None") + "}))\n";
        Path script = dir.resolve("layer.py");
        Files.writeString(script, code);
        Process proc = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("JSON ")).findFirst().orElseThrow();
        JsonNode n = JSON.readTree(line.substring(5));
        ConvEngine.Result r = ConvEngine.run(p.spec(), p.input());
        compare(r.featureMap(), n.get("y"));
        if (r.pooled() != null) {
            compare(r.pooled(), n.get("p"));
        }
    }

    private static void compare(Tensor t, JsonNode n) {
        assertEquals(t.channels(), n.size());
        for (int ch = 0; ch < t.channels(); ch++) {
            assertEquals(t.height(), n.get(ch).size());
            for (int y = 0; y < t.height(); y++) {
                assertEquals(t.width(), n.get(ch).get(y).size());
                for (int x = 0; x < t.width(); x++) {
                    assertEquals(n.get(ch).get(y).get(x).doubleValue(), t.get(ch, y, x), 1e-5, ch + "," + y + "," + x);
                }
            }
        }
    }

    private static boolean torchAvailable() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
