package org.convlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convlens.train.DataSplit;
import org.convlens.train.Dataset;
import org.convlens.train.IdxFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code convlens train} on a small IDX dataset (a slice of the shipped subset): seconds. */
class TrainCommandTest {
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

    /** The first images of the shipped subset as an IDX folder. */
    private Path idx(int train, int test) throws Exception {
        DataSplit f = IdxFiles.fashion();
        Path d = dir.resolve("idx");
        Files.createDirectories(d);
        write(d, "train", f.train(), train);
        write(d, "t10k", f.test(), test);
        return d;
    }

    private static void write(Path d, String set, Dataset data, int n) throws Exception {
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(images);
        o.writeInt(0x803);
        o.writeInt(n);
        o.writeInt(data.height());
        o.writeInt(data.width());
        for (int i = 0; i < n; i++) {
            o.write(data.samples(i));
        }
        Files.write(d.resolve(set + "-images-idx3-ubyte"), images.toByteArray());
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream l = new DataOutputStream(labels);
        l.writeInt(0x801);
        l.writeInt(n);
        for (int i = 0; i < n; i++) {
            l.write(data.label(i));
        }
        Files.write(d.resolve(set + "-labels-idx1-ubyte"), labels.toByteArray());
    }

    @Test
    void oneJsonLinePerEpochTheWeightsWrittenAndTheSameSeedTheSameRun() throws Exception {
        Path data = idx(320, 80);
        Path out = dir.resolve("out");
        String[] args = {"train", "--data", data.toString(), "--epochs", "2", "--batch", "16", "--seed", "3", "--json",
            "--out", out.toString()};
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        ObjectMapper m = new ObjectMapper();
        List<String> keys = new ArrayList<>();
        JsonNode first = m.readTree(lines[0]);
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("epoch", "loss", "train_accuracy", "test_accuracy", "seconds"), keys);
        assertEquals(2, m.readTree(lines[1]).get("epoch").asInt());
        assertTrue(m.readTree(lines[1]).get("loss").asDouble() < first.get("loss").asDouble(), r.out());
        for (String f : List.of("network.json", "weights.safetensors", "model.py")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        // The written network runs, and its weights file gives it the same output.
        CliTest.Run net = CliTest.run("network", out.resolve("network.json").toString(), "--json");
        assertEquals(0, net.status(), net.err());
        CliTest.Run withWeights = CliTest.run("network", out.resolve("network.json").toString(), "--json", "--weights",
                out.resolve("weights.safetensors").toString());
        assertEquals(m.readTree(net.out()).get("output"), m.readTree(withWeights.out()).get("output"));
        // Same seed: the same numbers (seconds aside), also on one thread.
        CliTest.Run again = CliTest.run("train", "--data", data.toString(), "--epochs", "2", "--batch", "16", "--seed", "3",
                "--json", "--threads", "1");
        String[] lines2 = again.out().strip().split("\n");
        for (int i = 0; i < 2; i++) {
            JsonNode a = m.readTree(lines[i]);
            JsonNode b = m.readTree(lines2[i]);
            assertEquals(a.get("loss"), b.get("loss"));
            assertEquals(a.get("test_accuracy"), b.get("test_accuracy"));
        }
        // Text: one line per epoch, then where the network went.
        CliTest.Run text = CliTest.run("train", "--data", data.toString(), "--epochs", "1", "--batch", "32",
                "--optimizer", "sgd", "--momentum", "0.5", "--weight-decay", "0.0001", "--out", out.toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().startsWith("epoch 1/1: loss "), text.out());
        assertTrue(text.out().contains("trained network written to " + out), text.out());
    }

    @Test
    void imagesKeepsTheFirstNTrainingImagesAndEveryTestImage() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Path data = idx(320, 80);
        CliTest.Run few = CliTest.run("train", "--data", data.toString(), "--images", "16", "--epochs", "3", "--batch", "8",
                "--json");
        assertEquals(0, few.status(), few.err());
        // The same run as on a set holding only those 16 training images (and the same 80 test images).
        Path only = idx(16, 80);
        CliTest.Run same = CliTest.run("train", "--data", only.toString(), "--epochs", "3", "--batch", "8", "--json");
        String[] a = few.out().strip().split("\n");
        String[] b = same.out().strip().split("\n");
        assertEquals(3, a.length, few.out());
        for (int i = 0; i < 3; i++) {
            for (String k : List.of("loss", "train_accuracy", "test_accuracy")) {
                assertEquals(m.readTree(b[i]).get(k), m.readTree(a[i]).get(k), k + " of epoch " + (i + 1));
            }
        }
        CliTest.Run all = CliTest.run("train", "--data", idx(320, 80).toString(), "--epochs", "1", "--batch", "8", "--json");
        assertTrue(!m.readTree(all.out()).get("loss").equals(m.readTree(a[0]).get("loss")), "320 images are another run");
    }

    @Test
    void badInputIsOneLineAndStatusTwo() throws Exception {
        Path data = idx(40, 10);
        Path wrongNet = dir.resolve("net.json");
        Files.writeString(wrongNet, "{\"input\": [[0, 1], [1, 0]], \"layers\": [{\"type\": \"flatten\"},"
                + " {\"type\": \"linear\", \"weight\": [[1, 2, 3, 4]]}]}");
        String d = data.toString();
        String[][] bad = {
            {"train", "--data", d, "--optimizer", "rmsprop"},
            {"train", "--data", d, "--lr", "-1"},
            {"train", "--data", d, "--lr", "nan"},
            {"train", "--data", d, "--epochs", "x"},
            {"train", "--data", d, "--epochs", "0"},
            {"train", "--data", d, "--images", "0"},
            {"train", "--data", d, "--images", "many"},
            {"train", "--data", d, "--momentum", "1"},
            {"train", "--data", d, "--seed", "1.5"},
            {"train", "--data", dir.resolve("none").toString()},
            {"train", "--data", d, wrongNet.toString()},
            {"train", "--data", d, dir.resolve("missing.json").toString()},
            {"train", "--data", d, wrongNet.toString(), wrongNet.toString()},
            {"train", "--data", d, "--weights", wrongNet.toString()},
            {"train", "--data", d, "--bogus"},
        };
        for (String[] args : bad) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().split("\n").length, String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out(), String.join(" ", args));
        }
        CliTest.Run shape = CliTest.run("train", "--data", d, wrongNet.toString());
        assertTrue(shape.err().startsWith(wrongNet + ": $: the network reads 1 x 2 x 2, but the images are 1 x 28 x 28"),
                shape.err());
    }

    @Test
    void aLearningRateFarTooLargeSaysSoAndWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("train", "--data", idx(64, 16).toString(), "--epochs", "3", "--optimizer", "sgd",
                "--lr", "1e30", "--out", out.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("too large"), r.err());
        assertTrue(!Files.exists(out));
    }

    @Test
    void helpIsInChineseToo() {
        CliTest.Run r = CliTest.runAsIs("--lang", "zh-CN", "train", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("用带标签的图像训练网络"), r.out());
        assertTrue(CliTest.run("--help").out().contains("train "), CliTest.run("--help").out());
    }
}
