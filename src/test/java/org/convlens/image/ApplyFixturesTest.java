package org.convlens.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convlens.cli.Cli;
import org.convlens.engine.Tensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line's {@code .npy} equals PyTorch's output on crops of the sample photos, in every
 * format the app reads. Fixtures from tools/fixtures/make_photo_fixtures.py (PIL decoding, ToTensor
 * scaling, torch.nn.functional).
 */
class ApplyFixturesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/photos");

    static JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("manifest.json").toFile());
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> a = new ArrayList<>();
        for (JsonNode c : manifest().get("cases")) {
            List<String> args = new ArrayList<>();
            c.get("args").forEach(n -> args.add(n.asText()));
            a.add(Arguments.of(c.get("name").asText(), c.get("image").asText(), args, c.get("npy").asText()));
        }
        return a.stream();
    }

    /** Runs the command line in-process, in English; returns {exit status, stdout, stderr}. */
    static Object[] cli(String... args) {
        args = Stream.concat(Stream.of("--lang", "en"), Arrays.stream(args))
                .toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void npyMatchesPyTorch(String name, String image, List<String> settings, String npy, @TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("out.png");
        Path raw = tmp.resolve("out.npy");
        List<String> args = new ArrayList<>(List.of("apply"));
        args.addAll(settings);
        args.addAll(List.of(DIR.resolve(image).toString(), png.toString(), "--raw", raw.toString()));
        Object[] r = cli(args.toArray(new String[0]));
        assertEquals(0, r[0], "stderr: " + r[2]);
        Tensor want = Npy.read(DIR.resolve(npy));
        Tensor got = Npy.read(raw);
        assertArrayEquals(want.shape(), got.shape(), name);
        float worst = 0;
        int at = -1;
        for (int i = 0; i < want.data().length; i++) {
            float d = Math.abs(want.data()[i] - got.data()[i]) / Math.max(1f, Math.abs(want.data()[i]));
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        assertTrue(worst <= 2e-6f, name + ": largest difference " + worst + " at flat index " + at);
        assertTrue(png.toFile().length() > 0);
    }
}
