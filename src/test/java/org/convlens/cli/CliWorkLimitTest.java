package org.convlens.cli;

import org.convlens.engine.WorkLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.convlens.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's work limit on the command line: refused in one line before anything runs, raised by --max-work. */
class CliWorkLimitTest {
    @TempDir
    Path dir;

    private static final CliContext EN = new CliContext(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()), Locale.ENGLISH, false);

    private static void assertOneLine(CliTest.Run r, String start, String... contains) {
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertFalse(r.err().strip().contains("\n"), r.err());
        assertTrue(r.err().startsWith(start), r.err());
        for (String c : contains) {
            assertTrue(r.err().contains(c), r.err());
        }
    }

    /** An n x n input of small whole numbers and a k x k kernel of rank above one, as a spec file. */
    private Path spec(String name, int n, int k) throws Exception {
        StringBuilder b = new StringBuilder("{\"input\": [");
        for (int y = 0; y < n; y++) {
            b.append(y == 0 ? "[" : ", [");
            for (int x = 0; x < n; x++) {
                b.append(x == 0 ? "" : ",").append((x + y) % 5);
            }
            b.append(']');
        }
        b.append("], \"kernel\": [");
        for (int y = 0; y < k; y++) {
            b.append(y == 0 ? "[" : ", [");
            for (int x = 0; x < k; x++) {
                b.append(x == 0 ? "" : ",").append((x * y + x) % 3);
            }
            b.append(']');
        }
        return Files.writeString(dir.resolve(name), b.append("]}").toString());
    }

    @Test
    void maxWorkRaisesTheStandardLimitThatManyTimes() {
        for (String sub : new String[] {"compute", "apply"}) {
            CommandLine.ParseResult r = Cli.commandLine(EN).parseArgs(sub, "--max-work", "4", "x");
            Object cmd = r.subcommand().commandSpec().userObject();
            WorkOption w = cmd instanceof ComputeCommand c ? c.work : ((ApplyCommand) cmd).work;
            assertEquals(WorkLimit.standard().times(4), w.limit(), sub);
        }
        assertEquals(WorkLimit.standard(), new WorkOption().limit());
    }

    @Test
    void aSpecOverTheLimitIsOneLineSayingByHowMuchAndWhatAllowsIt() throws Exception {
        Path s = spec("s.json", 60, 9);
        assertEquals(0, run("compute", s.toString()).status());
        // a limit lowered a million times: this 60 x 60 convolution is then too much
        CliTest.Run r = run("compute", "--max-work", "0.000001", s.toString());
        assertOneLine(r, s + ": $: this needs about ", "allowed; --max-work ");
        Matcher m = Pattern.compile("--max-work ([0-9.]+) allows it").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertEquals(0, run("compute", "--max-work", m.group(1), s.toString()).status(), "the factor the line names is enough");
    }

    /**
     * A kernel of ones is rank one: the estimate a caller can ask for assumes the separable path,
     * the engine's exact run takes the fast one with more working rows. A limit between the two
     * passes the command line's check and is refused by the engine's own: its line names a
     * factor too, and that factor is enough.
     */
    @Test
    void theFactorNamedIsEnoughWhicheverCheckRefuses() throws Exception {
        StringBuilder ones = new StringBuilder("{\"input\": [");
        for (int y = 0; y < 60; y++) {
            ones.append(y == 0 ? "[" : ", [").append("1,".repeat(59)).append("2]");
        }
        ones.append("], \"kernel\": [").append("[1,1,1,1,1,1,1,1,1], ".repeat(8)).append("[1,1,1,1,1,1,1,1,1]]}");
        Path s = Files.writeString(dir.resolve("ones.json"), ones.toString());
        String factor = String.valueOf(35_000.0 / WorkLimit.standard().memoryBytes());
        CliTest.Run r = run("compute", "--max-work", factor, "--threads", "2", s.toString());
        assertOneLine(r, s + ": $: this needs about ", " allows it");
        Matcher m = Pattern.compile("--max-work ([0-9.]+) allows it").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertEquals(0, run("compute", "--max-work", m.group(1), "--threads", "2", s.toString()).status());
    }

    /**
     * 2601 steps (under the 100000-step cap) of a 100 x 100 kernel: 10000 terms a step, about
     * 3.6 GB of text. It wrote for minutes (issue 14: 3.8 GB in 20 s); now it is refused at once.
     */
    @Test
    void aTraceIsLimitedInBytesAsWellAsSteps() throws Exception {
        Path s = spec("wide.json", 150, 100);
        CliTest.Run r = run("compute", "--trace", s.toString());
        assertOneLine(r, s + ": $: the trace would be about ", " GB of text");
        assertTrue(r.err().matches("(?s).*; --max-work \\d+ allows it\\s*"), r.err());
        CliTest.Run few = run("compute", "--steps", "0:2", s.toString());
        assertEquals(0, few.status(), few.err());
        assertTrue(few.out().contains("\"step\":1"), "two steps of 10000 terms are fine");
    }

    @Test
    void aPhotoOverTheLimitIsOneLineNamingIt() {
        Path photo = ApplyOutputsTest.PHOTOS.resolve("astronaut_face.png");
        assertOneLine(run("apply", "--kernel", "box_blur", "--max-work", "1e-9", photo.toString(), dir.resolve("o.png").toString()),
                photo + ": settings: this needs about ", "--max-work ");
        assertFalse(Files.exists(dir.resolve("o.png")));
    }

    @Test
    void maxWorkTakesANumberAboveZero() {
        for (String bad : new String[] {"0", "-2", "x", "NaN", "Infinity"}) {
            assertOneLine(run("compute", "--max-work", bad, "s.json"), "convlens: --max-work takes a number above 0");
        }
    }
}
