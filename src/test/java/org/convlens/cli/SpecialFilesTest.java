package org.convlens.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
                    java.util.Arrays.fill(b, off, off + len, (byte) ' ');
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
     * "same" padding for a 1 x 1025 kernel at column dilation 2^20 asks for 2^30 padding columns:
     * over 4 GB for the column map, more than the test JVM's 3 GB (issue 14). Until the engine
     * estimates the work before allocating, that is an out-of-memory error; either way it is one
     * line naming the file, status 2, and the next photo of a folder is still tried.
     */
    private static final String ONES = "1 ".repeat(1024) + "1";

    @Test
    void aPhotoTooBigForTheMemoryIsNamedAndTheFolderGoesOn() throws IOException {
        Path in = Files.createDirectories(dir.resolve("photos"));
        Files.copy(PHOTO, in.resolve("a.png"));
        Files.copy(ApplyOutputsTest.PHOTOS.resolve("rocket.jpg"), in.resolve("b.jpg"));
        CliTest.Run r = run("apply", "--kernel", ONES, "--padding", "same", "--dilation", "1,1048576", in.toString(),
                dir.resolve("results").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(in.resolve("a.png") + ": "), r.err());
        assertTrue(r.err().contains(in.resolve("b.jpg") + ": "), "the second photo was tried too: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(r.out().contains("0 of 2 photos written"), r.out());
    }

    @Test
    void aSpecTooBigForTheMemoryIsNamedWithStatusTwo() throws IOException {
        Path spec = Files.writeString(dir.resolve("huge.json"), "{\"input\": [[1, 2, 3, 4, 5]], \"kernel\": [["
                + ONES.replace(" ", ", ") + "]], \"padding\": \"same\", \"dilation\": [1, 1048576]}");
        assertOneLine(run("compute", spec.toString()), spec + ": $");
        assertOneLine(run("shape", spec.toString()), spec + ": $");
    }
}
