package org.convlens.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.convlens.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Pipes, devices, huge files and inputs too big for the memory: one line each, never a hang. */
class SpecialFilesTest {
    private static final Path PHOTO = ApplyOutputsTest.PHOTOS.resolve("astronaut_face.png");
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static Path fifo;

    @BeforeAll
    static void makeAPipe() throws Exception {
        fifo = dir.resolve("pipe.json");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "no mkfifo here");
    }

    private static void assertOneLine(CliTest.Run r, String start) {
        assertEquals(2, r.status(), r.err());
        assertFalse(r.err().strip().contains("\n"), r.err());
        assertTrue(r.err().startsWith(start), r.err());
    }

    private static CliTest.Run quickly(String... args) {
        return assertTimeoutPreemptively(QUICKLY, () -> run(args), "a pipe or a device must not block");
    }

    @Test
    void aNamedPipeIsRefusedNotWaitedOn() {
        String isPipe = ": cannot read: is a named pipe (FIFO), not a file";
        assertOneLine(quickly("compute", fifo.toString()), fifo + isPipe);
        assertOneLine(quickly("shape", fifo.toString()), fifo + isPipe);
        String out = dir.resolve("o.png").toString();
        assertOneLine(quickly("apply", "--kernel", "box_blur", fifo.toString(), out), fifo + isPipe);
        assertOneLine(quickly("apply", "--spec", fifo.toString(), PHOTO.toString(), out), fifo + isPipe);
        assertOneLine(quickly("apply", "--kernel", fifo.toString(), PHOTO.toString(), out), fifo + isPipe);
        assertOneLine(quickly("lessons", "check", fifo.toString()), fifo + isPipe);
        assertOneLine(quickly("network", fifo.toString()), fifo + isPipe);
        assertOneLine(quickly("train", fifo.toString()), fifo + isPipe);
    }

    @Test
    void aDeviceIsRefusedNotReadToTheEnd() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        String isDevice = ": cannot read: is a device, not a file";
        assertOneLine(quickly("compute", zero.toString()), zero + isDevice);
        assertOneLine(quickly("apply", "--kernel", "box_blur", zero.toString(), dir.resolve("o.png").toString()), zero + isDevice);
        assertOneLine(quickly("apply", "--kernel", "/dev/zero", PHOTO.toString(), dir.resolve("o.png").toString()),
                zero + isDevice);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithBothSizes() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength((64L << 20) + (1 << 20)); // sparse: no disk used
        }
        assertOneLine(quickly("compute", big.toString()), big + ": cannot read: is 65.0 MB; files over 64.0 MB are not read");
        Files.delete(big);
    }

    @Test
    void standardInputIsReadUpToTheLimit() {
        InputStream before = System.in;
        try {
            System.setIn(new InputStream() {
                @Override
                public int read() {
                    return ' ';
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    Arrays.fill(b, off, off + len, (byte) ' ');
                    return len;
                }
            });
            assertOneLine(quickly("compute", "-"), "-: cannot read: is over 64.0 MB, the most that is read");
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void aWriteErrorSaysItsReasonOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "in the way");
        Path out = file.resolve("o.png");
        CliTest.Run r = run("apply", "--kernel", "box_blur", PHOTO.toString(), out.toString());
        assertOneLine(r, out + ": cannot write: a part of the path is a file, not a folder");
        assertEquals(r.err().indexOf("cannot write"), r.err().lastIndexOf("cannot write"), r.err());
    }

    /**
     * The command line in its own JVM with a 64 MB heap, in English: inputs too big for that
     * memory are small enough to test here.
     */
    private static CliTest.Run smallJvm(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Cli.class.getName(), "--lang", "en"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command line ended");
        return new CliTest.Run(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    /**
     * A transposed convolution at stride 60 makes the 64 x 48 photo a 3 x 2823 x 3783 result
     * (128 MB, over the 64 MB heap) and a 1 x 1 photo a 3 x 3 one. Whether the memory runs out or
     * the engine refuses the estimate first, the big photo gets one line naming it, status 2, and
     * the small one is still written (issue 14: out of memory exited 1 and stopped the folder).
     */
    @Test
    void aPhotoTooBigForTheMemoryIsNamedAndTheFolderGoesOn() throws Exception {
        Path in = Files.createDirectories(dir.resolve("photos"));
        Files.copy(PHOTO, in.resolve("a_big.png"));
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png",
                in.resolve("b_small.png").toFile());
        Path out = dir.resolve("results");
        CliTest.Run r = smallJvm("apply", "--kernel", "box_blur", "--transposed", "--stride", "60", in.toString(), out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(in.resolve("a_big.png") + ": "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(Files.exists(out.resolve("b_small.png")), r.err());
        assertTrue(r.out().contains("1 of 2 photos written"), r.out());
    }

    /** A 2 x 2 input at transposed stride 6000: a 144 MB output in a 64 MB heap. */
    @Test
    void aSpecTooBigForTheMemoryIsNamedWithStatusTwo() throws Exception {
        Path spec = Files.writeString(dir.resolve("huge.json"),
                "{\"input\": [[1, 2], [3, 4]], \"kernel\": [[1]], \"transposed\": true, \"stride\": 6000}");
        assertOneLine(smallJvm("compute", spec.toString()), spec + ": $: ");
    }
}
