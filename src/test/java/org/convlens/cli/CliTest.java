package org.convlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user runs it: output lines, exit status, one-line errors. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    /** The command line in English, as the assertions read it, whatever the machine's locale. */
    static Run run(String... args) {
        return runAsIs(Stream.concat(Stream.of("--lang", "en"), Arrays.stream(args)).toArray(String[]::new));
    }

    /** The command line with exactly these arguments (in the machine's language unless they say). */
    static Run runAsIs(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path spec(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    @Test
    void computePrintsOneJsonObjectPerSpecInOrder() throws Exception {
        Path a = spec("a.json", "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[1,2],[3,4]]}");
        Path b = spec("b.json", "{\"input\": [[1,2],[3,4]], \"kernel\": [[1]], \"bias\": 1, \"pool\": {\"type\": \"max\", \"size\": 2}}");
        Run r = run("compute", a.toString(), b.toString());
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("[[[37,47],[67,77]]]", first.get("output").toString());
        assertEquals("[1,2,2]", first.get("shape").toString());
        assertEquals("[[[5]]]", new ObjectMapper().readTree(lines[1]).get("output").toString());
        assertEquals("", r.err());
    }

    @Test
    void traceListsEveryProductAndTheRunningSum() throws Exception {
        Path a = spec("a.json", "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[1,2],[3,4]], \"padding\": [0,1,0,0], "
                + "\"activation\": \"relu\"}");
        Run r = run("compute", a.toString(), "--trace");
        assertEquals(0, r.status(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        JsonNode steps = o.get("steps");
        assertEquals(6, steps.size());
        JsonNode s0 = steps.get(0);
        assertEquals(4, s0.get("terms").size());
        assertEquals(37, s0.get("output").asInt());
        assertEquals(37, s0.get("terms").get(3).get("sum").asInt());
        assertEquals("[0,0,0]", s0.get("out").toString());
        JsonNode last = steps.get(5).get("terms");
        assertEquals("padding", last.get(2).get("cell").asText());
        // Step 5 fills output (2, 1): its window covers rows 2-3, columns 1-2; row 3 is the bottom padding.
        assertEquals("[0,3,1]", last.get(2).get("in").toString());
    }

    @Test
    void aTransposedTraceNamesTheInputCellOfEveryInputPosition() throws Exception {
        Path a = spec("t.json", "{\"input\": [[1,2],[3,4]], \"kernel\": [[1,2],[3,4]], \"stride\": 2, \"transposed\": true}");
        Run r = run("compute", a.toString(), "--trace");
        assertEquals(0, r.status(), r.err());
        for (JsonNode step : new ObjectMapper().readTree(r.out()).get("steps")) {
            for (JsonNode t : step.get("terms")) {
                if (t.get("cell").asText().equals("input")) {
                    assertTrue(t.has("from"), t.toString());
                }
            }
        }
    }

    @Test
    void aBadFileGivesExitTwoAndOneLineNamingFileAndField() throws Exception {
        Path bad = spec("bad.json", "{\"input\": [[1,2],[3,4]], \"kernel\": [[1]], \"stride\": 0}");
        Run r = run("compute", bad.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith(bad + ": $.stride: "), lines[0]);
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void everyKindOfBrokenFileGetsOneLine() throws Exception {
        Path notJson = spec("not.json", "input = [[1]]");
        Path binary = dir.resolve("photo.json");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 1, 2});
        Path empty = spec("empty.json", "");
        for (Path p : new Path[] {notJson, binary, empty, dir.resolve("missing.json")}) {
            Run r = run("compute", p.toString());
            assertEquals(2, r.status(), p + ": " + r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().startsWith(p.toString()), r.err());
        }
    }

    @Test
    void overflowingResultsAreRefusedNotPrintedAsInvalidJson() throws Exception {
        Path a = spec("big.json", "{\"input\": [[3e38, 3e38]], \"kernel\": [[10]]}");
        Run r = run("compute", a.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(a + ": $: ") && r.err().contains("output[0][0][0]"), r.err());
    }

    @Test
    void longTracesNeedARangeAndARangeSelectsSteps() throws Exception {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            row.append(i == 0 ? "" : ",").append(i % 7);
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            rows.append(i == 0 ? "" : ",").append('[').append(row).append(']');
        }
        Path a = spec("wide.json", "{\"input\": [" + rows + "], \"kernel\": [[1]]}");
        Run refused = run("compute", a.toString(), "--trace");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("--steps"), refused.err());
        Run some = run("compute", a.toString(), "--steps", "1000:1003");
        assertEquals(0, some.status(), some.err());
        JsonNode steps = new ObjectMapper().readTree(some.out()).get("steps");
        assertEquals(3, steps.size());
        assertEquals(1000, steps.get(0).get("step").asInt());
        assertEquals("[0,2,200]", steps.get(0).get("out").toString());
        assertEquals(2, run("compute", a.toString(), "--steps", "5:2").status());
        assertEquals(2, run("compute", a.toString(), "--threads").status());
    }

    @Test
    void aFolderAByteOrderMarkAndCommentsGetPlainAnswers() throws Exception {
        Run folder = run("compute", dir.toString());
        assertEquals(2, folder.status());
        assertTrue(folder.err().contains("folder"), folder.err());
        Path bom = spec("bom.json", "\uFEFF{\"input\": [[1]], \"kernel\": [[2]]}");
        assertEquals(0, run("compute", bom.toString()).status());
        Path comment = spec("comment.json", "{\"input\": [[1]], // the input\n \"kernel\": [[2]]}");
        Run c = run("compute", comment.toString());
        assertEquals(2, c.status());
        assertTrue(c.err().contains("comments are not allowed"), c.err());
        assertFalse(c.err().contains("ALLOW_"), c.err());
    }

    @Test
    void shapeShowsTheFormulaWithTheNumbersAndWhyRowsAreDropped() throws Exception {
        Path a = spec("a.json", "{\"input\": [[1,2,3,4,5,6],[1,2,3,4,5,6],[1,2,3,4,5,6],[1,2,3,4,5,6],[1,2,3,4,5,6],[1,2,3,4,5,6]],"
                + " \"kernel\": [[1,1,1],[1,1,1],[1,1,1]], \"stride\": 2}");
        Run r = run("shape", a.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("floor((6 + 0 + 0 - 1*(3 - 1) - 1) / 2) + 1 = 2"), r.out());
        assertTrue(r.out().contains("rows 5"), r.out());
        Run j = run("shape", a.toString(), "--json");
        JsonNode o = new ObjectMapper().readTree(j.out());
        assertEquals("[1,2,2]", o.get("shape").toString());
        assertEquals("[5]", o.get("conv").get("height").get("never_read").toString());
    }

    @Test
    void helpWorksOnEverySubcommandAndUnknownOnesAreRefused() {
        for (String sub : new String[] {"compute", "shape", "bench"}) {
            Run r = run(sub, "--help");
            assertEquals(0, r.status(), sub);
            assertTrue(r.out().startsWith("Usage: convlens " + sub), r.out());
        }
        assertEquals(0, run("--help").status());
        Run bad = run("convolve");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("convolve"));
        assertEquals(2, run("compute").status());
        assertEquals(2, run("compute", "--frobnicate", "x.json").status());
    }

    @Test
    void benchPrintsOneJsonLinePerCaseAndThreadCount() throws Exception {
        Run r = run("bench", "--json", "--case", "conv1024_k3_s2", "--runs", "1", "--threads", "2");
        assertEquals(0, r.status(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out().strip());
        assertEquals("conv1024_k3_s2", o.get("case").asText());
        assertEquals(2, o.get("threads").asInt());
        assertTrue(o.get("median_ms").asDouble() > 0);
        assertTrue(o.get("mpix_s").asDouble() > 0);
    }

    @Test
    void numbersAreTheShortestTextThatReadsBackTheSameFloat() throws Exception {
        // 1.1884683E13 as float32: JDK 17's Float.toString says 1.18846831E13, a digit too many.
        Path a = spec("big.json", "{\"input\": [[1.1884683E13, 0.5]], \"kernel\": [[1]]}");
        Run r = run("compute", a.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("{\"output\":[[[1.1884683E13,0.5]]],\"shape\":[1,1,2]}", r.out().strip());
        JsonNode back = new ObjectMapper().readTree(r.out()).get("output").get(0).get(0).get(0);
        assertEquals(1.1884683E13f, back.floatValue());
    }
}
