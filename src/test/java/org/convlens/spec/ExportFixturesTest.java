package org.convlens.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convlens.network.Forward;
import org.convlens.network.Network;
import org.convlens.network.NetworkPlan;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The PyTorch export against PyTorch (tools/fixtures/make_export_fixtures.py): the exported
 * nn.Sequential with its safetensors weights gives ConvLens's output; ConvLens reads the weights
 * back, and weights PyTorch wrote for that nn.Sequential, and gives PyTorch's output. The export
 * today is byte for byte the one the fixtures were made from.
 */
class ExportFixturesTest {
    private static final Path DIR = Path.of("src/test/resources/fixtures/export");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> exportedNetworksGivePyTorchsOutputs() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(DIR.resolve("export_cases.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        int exported = 0;
        for (JsonNode c : doc.get("cases")) {
            String name = c.get("name").asText();
            if (c.has("refused")) {
                assertTrue(c.get("refused").asText().contains("$.layers["), c.toString());
                continue;
            }
            exported++;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path dir = DIR.resolve(name);
                NetworkProblem p = NetworkReader.read(dir.resolve(NetworkFiles.NETWORK));
                Path again = tmp.resolve(name);
                NetworkFiles.save(again, p);
                for (String f : List.of(NetworkFiles.NETWORK, NetworkFiles.WEIGHTS, NetworkFiles.SCRIPT)) {
                    assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(again.resolve(f)),
                            f + " is not what the fixtures were made from: rerun make_export_fixtures.py");
                }
                Network mine = NetworkFiles.withWeights(p.network(), dir.resolve(NetworkFiles.WEIGHTS));
                assertClose("own weights", c.get("torch_output"), output(mine, p));
                Network theirs = NetworkFiles.withWeights(p.network(), dir.resolve("torch_weights.safetensors"));
                assertClose("PyTorch's weights", c.get("torch_output_own_weights"), output(theirs, p));
            }));
        }
        assertTrue(exported >= 14, "exported cases: " + exported);
        return tests.stream();
    }

    private static float[] output(Network net, NetworkProblem p) {
        return Forward.run(NetworkPlan.of(net), p.input(), 1).output().data();
    }

    private static void assertClose(String what, JsonNode want, float[] got) {
        assertEquals(want.size(), got.length, what);
        for (int i = 0; i < got.length; i++) {
            double a = want.get(i).asDouble();
            if (Math.abs(a - got[i]) > 1e-4 * Math.max(1, Math.abs(a))) {
                fail(what + " [" + i + "]: PyTorch " + a + ", ConvLens " + got[i]);
            }
        }
    }
}
