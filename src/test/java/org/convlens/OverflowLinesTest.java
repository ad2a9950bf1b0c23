package org.convlens;

import org.convlens.cli.Cli;
import org.convlens.lesson.LessonFolder;
import org.convlens.lesson.LessonLoader;
import org.convlens.lesson.LessonProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code same} padding whose total overflows an int (dilation 2^20, a 1 x 2049 kernel) was a
 * ten-line stack trace from compute, shape and the lesson loader (issue 14). Each now says one line.
 */
class OverflowLinesTest {
    private static final String KERNEL = "0 ".repeat(2048) + "1";

    @Test
    void computeAndShapeSayOneLine(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("overflow.json"), "{\"input\": [[1, 2, 3, 4, 5]], \"kernel\": [["
                + KERNEL.trim().replace(" ", ", ") + "]], \"dilation\": [1, 1048576], \"padding\": \"same\"}");
        for (String command : List.of("compute", "shape")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Cli.run(new String[] {command, spec.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, status, command + ": " + e);
            assertEquals(1, e.strip().lines().count(), command + ": " + e);
            assertTrue(e.startsWith(spec + ": $.dilation: "), command + ": " + e);
            assertFalse(e.contains("Exception"), e);
        }
    }

    @Test
    void theLessonLoaderSaysOneLineForTheStep() {
        String lesson = """
                title: {en: T, zh: 标题}
                level: beginner
                summary: {en: S, zh: 摘要}
                steps:
                  - text: {en: Hello, zh: 你好}
                    state:
                      input: |
                        1 2 3 4 5
                      kernel: |
                        %s
                      dilation: [1, 1048576]
                      padding: same
                """.formatted(KERNEL);
        LessonLoader.Result r = new LessonLoader(Locale.ROOT).load("t.yaml", "t", lesson.getBytes(StandardCharsets.UTF_8),
                LessonFolder.NONE);
        List<String> errors = r.problems().stream().filter(p -> !p.warning()).map(LessonProblem::toString).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("t.yaml:11: step 1: dilation: the kernel reaches over 2147483649 columns"),
                errors.get(0));
    }
}
