package org.convlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code network} as a user runs it. Messages are asserted in English: the default locale is set
 * to English for each test (the command line speaks the system's language) and put back after.
 */
class NetworkCommandTest {
    @TempDir
    Path dir;

    private Locale saved;

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    private Path file(String json) throws Exception {
        Path p = dir.resolve("net.json");
        Files.writeString(p, json.replace('\'', '"'));
        return p;
    }

    @Test
    void jsonHasTheIssuesKeysForLenet5() throws Exception {
        CliTest.Run r = CliTest.run("network", "examples/lenet5.json", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.out().strip().split("\n").length);
        JsonNode o = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("layers", "shape", "output"), keys);
        JsonNode first = o.get("layers").get(0);
        List<String> layerKeys = new ArrayList<>();
        first.fieldNames().forEachRemaining(layerKeys::add);
        assertEquals(List.of("type", "shape", "params", "macs", "rf"), layerKeys);
        assertEquals("conv", first.get("type").asText());
        assertEquals("[6,14,14]", first.get("shape").toString());
        assertEquals(156, first.get("params").asInt());
        assertEquals(117600, first.get("macs").asInt());
        assertEquals("{\"size\":[6,6],\"jump\":[2,2],\"start\":[-2,-2]}", first.get("rf").toString());
        JsonNode flatten = o.get("layers").get(3);
        assertEquals("[400]", flatten.get("shape").toString());
        assertTrue(flatten.get("rf").isNull());
        assertEquals("[10]", o.get("shape").toString());
        assertEquals(10, o.get("output").size());
        int params = 0;
        for (JsonNode l : o.get("layers")) {
            params += l.get("params").asInt();
        }
        assertEquals(61706, params);
    }

    @Test
    void lossAddsTheGradientsOfEveryConvAndLinearLayer() throws Exception {
        CliTest.Run r = CliTest.run("network", "examples/lenet5.json", "--json", "--loss", "cross_entropy:3");
        assertEquals(0, r.status(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("layers", "shape", "output", "loss", "grad_input"), keys);
        assertEquals("[1,28,28]", "[" + o.get("grad_input").size() + "," + o.get("grad_input").get(0).size() + ","
                + o.get("grad_input").get(0).get(0).size() + "]");
        JsonNode conv = o.get("layers").get(0);
        assertEquals(6, conv.get("grad_weight").size());
        assertEquals(5, conv.get("grad_weight").get(0).get(0).get(0).size());
        assertEquals(6, conv.get("grad_bias").size());
        JsonNode lin = o.get("layers").get(4);
        assertEquals(120, lin.get("grad_weight").size());
        assertEquals(400, lin.get("grad_weight").get(0).size());
        assertFalse(o.get("layers").get(3).has("grad_weight"));
        // The loss is log-sum-exp of the output minus output[3].
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode v : o.get("output")) {
            max = Math.max(max, v.asDouble());
        }
        double sum = 0;
        for (JsonNode v : o.get("output")) {
            sum += Math.exp(v.asDouble() - max);
        }
        assertEquals(max + Math.log(sum) - o.get("output").get(3).asDouble(), o.get("loss").asDouble(), 1e-5);
        CliTest.Run text = CliTest.run("network", "examples/two-3x3.json", "--loss", "sum");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Loss (sum): "), text.out());
    }

    @Test
    void badLossesGetOneLine() {
        for (String[] bad : new String[][] {{"examples/lenet5.json", "mean"}, {"examples/lenet5.json", "cross_entropy:"},
            {"examples/lenet5.json", "cross_entropy:10"}, {"examples/two-3x3.json", "cross_entropy:0"}}) {
            CliTest.Run r = CliTest.run("network", bad[0], "--loss", bad[1]);
            assertEquals(2, r.status(), bad[1]);
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().contains("--loss"), r.err());
        }
    }

    @Test
    void exportWritesTheThreeFilesAndWeightsReadBack() throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("network", "examples/lenet5.json", "--json", "--export", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("network.json")));
        assertTrue(Files.readString(out.resolve("model.py")).contains("nn.Conv2d(1, 6, (5, 5)"));
        CliTest.Run again = CliTest.run("network", out.resolve("network.json").toString(), "--json", "--weights",
                out.resolve("weights.safetensors").toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(new ObjectMapper().readTree(r.out()).get("output"), new ObjectMapper().readTree(again.out()).get("output"));
        // Weights for another network: the tensor is named, with both shapes.
        CliTest.Run wrong = CliTest.run("network", "examples/two-3x3.json", "--weights",
                out.resolve("weights.safetensors").toString());
        assertEquals(2, wrong.status());
        assertEquals(1, wrong.err().strip().split("\n").length, wrong.err());
        assertTrue(wrong.err().contains("weights.safetensors: 0.weight: the weights file gives shape [6, 1, 5, 5]"), wrong.err());
        Path bad = dir.resolve("bad.safetensors");
        Files.write(bad, new byte[] {1, 2, 3});
        CliTest.Run notSafetensors = CliTest.run("network", "examples/lenet5.json", "--weights", bad.toString());
        assertEquals(2, notSafetensors.status());
        assertEquals(1, notSafetensors.err().strip().split("\n").length, notSafetensors.err());
        assertTrue(notSafetensors.err().startsWith(bad + ": $: not a safetensors file"), notSafetensors.err());
        CliTest.Run missing = CliTest.run("network", "examples/lenet5.json", "--weights", dir.resolve("none").toString());
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().strip().split("\n").length, missing.err());
    }

    @Test
    void textIsASummaryTableWithTotalsAndFields() {
        CliTest.Run r = CliTest.run("network", "examples/two-3x3.json");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[1].startsWith("Layer (type)") && lines[1].contains("Field size"), lines[1]);
        assertTrue(r.out().contains("1 conv         1 x 9 x 9"), r.out());
        assertTrue(r.out().contains("5 x 5        1 x 1   -2, -2"), r.out());
        assertTrue(r.out().contains("Total params: 20"), r.out());
        assertTrue(r.out().contains("Total mult-adds: 1,458"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void cellListsTheRectangleInEveryEarlierLayer() throws Exception {
        CliTest.Run r = CliTest.run("network", "examples/dilated-stack.json", "--cell", "3,0,5,5", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode reads = new ObjectMapper().readTree(r.out()).get("cell").get("reads");
        assertEquals(4, reads.size());
        JsonNode input = reads.get(3);
        assertEquals("input", input.get("stage").asText());
        // Dilations 1, 2, 4, 8 with "same" padding: a 31 x 31 field around (5, 5).
        assertEquals(-10, input.get("rows").get("from").asInt());
        assertEquals(20, input.get("rows").get("to").asInt());
        assertEquals("[0,19]", input.get("rows").get("inside").toString());
        JsonNode layer2 = reads.get(0);
        assertEquals(2, layer2.get("layer").asInt());
        assertEquals("[5,13]", layer2.get("rows").get("read").toString());
        CliTest.Run text = CliTest.run("network", "examples/dilated-stack.json", "--cell", "3,0,5,5");
        assertTrue(text.out().contains("Cell (channel 0, row 5, column 5) of layer 3 (conv) reads:"), text.out());
        assertTrue(text.out().contains("rows -3..13 (inside the map 0..13: 2 read), 12 skipped"), text.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lenet5.json", "two-3x3.json", "one-5x5.json", "bottleneck.json", "dilated-stack.json"})
    void everyExampleRuns(String name) {
        CliTest.Run r = CliTest.run("network", "examples/" + name);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Total params:"));
    }

    @Test
    void badNetworksGetOneLineWithTheJsonPath() throws Exception {
        Path p = file("{'input': [[1,2,3],[4,5,6],[7,8,9]], 'layers': [{'kernel': [[1]]}, {'type': 'dense'}]}");
        CliTest.Run r = CliTest.run("network", p.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals(p + ": $.layers[1].type: unknown name \"dense\"; choose one of: conv, activation, pool, flatten,"
                + " linear", r.err().strip());
        Path q = file("{'input': [[1,2,3],[4,5,6],[7,8,9]], 'layers': [{'kernel': [[[[1]]],[[[1]]]]}, {'kernel': [[1]]}]}");
        CliTest.Run c = CliTest.run("network", q.toString());
        assertEquals(2, c.status());
        assertTrue(c.err().startsWith(q + ": $.layers[1].kernel: the kernel reads 1 input channels"), c.err());
        assertEquals(1, c.err().strip().split("\n").length);
        CliTest.Run missing = CliTest.run("network", dir.resolve("none.json").toString());
        assertEquals(2, missing.status());
        assertEquals(dir.resolve("none.json") + ": cannot read: no such file or folder", missing.err().strip());
    }

    @Test
    void badCellsAndOptionsAreRefused() {
        CliTest.Run format = CliTest.run("network", "examples/two-3x3.json", "--cell", "1,0,0");
        assertEquals(2, format.status());
        assertTrue(format.err().contains("--cell takes L,C,Y,X"), format.err());
        CliTest.Run layer = CliTest.run("network", "examples/two-3x3.json", "--cell", "2,0,0,0");
        assertEquals(2, layer.status());
        assertTrue(layer.err().contains("there is no layer 2: the network has layers 0 to 1"), layer.err());
        CliTest.Run outside = CliTest.run("network", "examples/two-3x3.json", "--cell", "1,0,9,0");
        assertEquals(2, outside.status());
        assertTrue(outside.err().contains("the cell (0, 9, 0) is outside layer 1's output, 1 x 9 x 9"), outside.err());
        CliTest.Run chinese = CliTest.runAsIs("--lang", "zh-CN", "network", "examples/two-3x3.json", "--cell", "2,0,0,0");
        assertTrue(chinese.err().contains("没有第 2 层"), "in the run's language, whatever the machine's: " + chinese.err());
        assertEquals(2, CliTest.run("network", "examples/two-3x3.json", "--bogus").status());
        assertEquals(2, CliTest.run("network").status());
        assertEquals(2, CliTest.run("network", "examples/two-3x3.json", "examples/one-5x5.json").status());
    }

    @Test
    void benchTimesTheNetworkCases() throws Exception {
        CliTest.Run r = CliTest.run("bench", "--json", "--case", "field10x256", "--runs", "1");
        assertEquals(0, r.status(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("field10x256_click", o.get("case").asText());
        assertEquals(1, o.get("threads").asInt());
        assertTrue(o.get("median_ms").asDouble() > 0);
    }

    @Test
    void helpDescribesTheCommand() {
        CliTest.Run r = CliTest.run("network", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("Usage: convlens network"), r.out());
        assertTrue(r.out().contains("NET.json") && r.out().contains("--cell=L,C,Y,X") && r.out().contains("--max-work"), r.out());
        assertTrue(CliTest.run("--help").out().contains("network  Run a network and print its summary"),
                CliTest.run("--help").out());
        CliTest.Run zh = CliTest.runAsIs("--lang", "zh", "network", "examples/two-3x3.json");
        assertEquals(0, zh.status(), zh.err());
        assertTrue(zh.out().contains("层（类型）") && zh.out().contains("参数总数"), zh.out());
    }
}
