package org.convlens.lesson;

import org.convlens.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.convlens.lesson.LessonLoaderTest.errors;
import static org.convlens.lesson.LessonLoaderTest.lesson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lesson file from someone else (issue 14): it is read only where it claims to be, only as
 * plain data of bounded size and bounded work, and whatever goes wrong in it stays its own
 * problem, one line at its place, while every other lesson loads. Messages are in English
 * ({@link Locale#ROOT}).
 */
class UntrustedLessonTest {
    /** Same padding whose total overflows an int: the engine threw NegativeArraySizeException. */
    static final String OVERFLOW = """
            title: {en: T, zh: T}
            level: beginner
            summary: {en: S, zh: S}
            steps:
              - text: {en: H, zh: H}
                state:
                  input: {shape: [1, 5, 5], fill: count}
                  kernel: {shape: [1, 2049], fill: 1}
                  padding: same
                  dilation: 1048576
            """;

    private static String[] cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // The command line speaks the machine's language; these tests read its English.
        Locale machine = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        int status;
        try {
            status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            Locale.setDefault(machine);
        }
        return new String[] {Integer.toString(status), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aLessonFileLinkedFromOutsideItsFolderIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0:TOP-SECRET:/root:/bin/bash\n");
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.createSymbolicLink(lessons.resolve("evil.yaml"), secret);
        Files.writeString(lessons.resolve("good.yaml"), lesson(""));
        LessonLibrary.Loaded l = LessonLibrary.load(lessons, Locale.ROOT);
        assertEquals(List.of("good"), l.lessons().stream().map(Lesson::id).toList());
        assertEquals(List.of(), l.problems().stream().filter(LessonProblem::warning).toList());
        assertEquals(1, l.problems().size(), l.problems().toString());
        String p = l.problems().get(0).toString();
        assertTrue(p.endsWith("evil.yaml:1: the file is a symbolic link that leads outside its folder: not read"), p);
        // Named directly, as `lessons check FILE` or `--lesson FILE` do: the same rule.
        LessonLoader.Result r = new LessonLoader(Locale.ROOT).load(lessons.resolve("evil.yaml"));
        assertNull(r.lesson());
        assertFalse(r.problems().toString().contains("TOP-SECRET"), r.problems().toString());
        String[] out = cli("lessons", "check", lessons.toString());
        assertEquals("2", out[0]);
        assertFalse((out[1] + out[2]).contains("TOP-SECRET"), out[1] + out[2]);
    }

    @Test
    void aLinkToALessonInsideTheFolderIsRead(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("drafts"));
        Files.writeString(sub.resolve("real.yml"), lesson(""));
        Files.createSymbolicLink(dir.resolve("linked.yaml"), sub.resolve("real.yml"));
        LessonLibrary.Loaded l = LessonLibrary.load(dir, Locale.ROOT);
        assertEquals(List.of("linked"), l.lessons().stream().map(Lesson::id).toList(), l.problems().toString());
    }

    @Test
    void aFifoNamedAsALessonIsRefusedWithoutWaiting(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor(), "mkfifo is part of coreutils");
        LessonLoader.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new LessonLoader(Locale.ROOT).load(fifo));
        assertEquals(List.of(fifo + ":1: not a regular file (a folder, a FIFO or a device): not read"),
                r.problems().stream().map(LessonProblem::toString).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scalar anchor    | level: &lv beginner                        | 2 | anchors (&lv) are not allowed
            anchor in a list | summary: {en: [&x a], zh: S}               | 3 | anchors (&x) are not allowed
            TAG directive    | %TAG ! tag:example.com,2000:app/           | 1 | directives (%TAG) are not allowed
            YAML directive   | %YAML 1.1                                  | 1 | directives (%YAML) are not allowed
            non-specific tag | level: ! beginner                          | 2 | tags (!) are not allowed
            """)
    void anchorsTagsAndDirectivesAreRefusedWherever(String what, String change, int line, String message) {
        String text;
        if (change.startsWith("%")) {
            text = change + "\n---\n" + lesson("");
            line = 1;
        } else if (change.startsWith("level")) {
            text = lesson("").replace("level: beginner", change);
        } else {
            text = lesson("").replace("summary: {en: S, zh: 摘要, zh-Hant: 摘要}", change);
        }
        List<String> e = errors(text);
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).startsWith("t.yaml:" + line + ": " + message), e.get(0));
    }

    @Test
    void nestingDeeperThanAnyLessonNeedsIsRefusedWithoutAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        List<String> e = errors(lesson("").replace("level: beginner", "level: " + deep));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).startsWith("t.yaml:2: maps and lists are nested more than 64 deep"), e.get(0));
    }

    @Test
    void theSizeLimitCountsBytesNotCharacters() {
        // 400,000 Chinese characters: under a million characters, but 1.2 MB in UTF-8.
        String big = lesson("").replace("summary: {en: S, zh: 摘要, zh-Hant: 摘要}", "summary: {en: S, zh: " + "卷".repeat(400_000) + "}");
        assertTrue(big.length() < YamlTree.MAX_BYTES && big.getBytes(StandardCharsets.UTF_8).length > YamlTree.MAX_BYTES);
        assertEquals(List.of("t.yaml:1: the file is larger than 1024 KB: a lesson is a small text file"), errors(big));
        // Just under the limit in bytes still loads.
        String fits = lesson("").replace("summary: {en: S, zh: 摘要, zh-Hant: 摘要}", "summary: {en: S, zh: " + "卷".repeat(340_000) + "}");
        assertTrue(LessonLoaderTest.load(fits).ok(), LessonLoaderTest.load(fits).problems().toString());
    }

    @Test
    void aFileTooLargeOnDiskIsNotReadWhole(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("huge.yaml");
        Files.write(f, new byte[3 << 20]);
        LessonLoader.Result r = new LessonLoader(Locale.ROOT).load(f);
        assertEquals(List.of(f + ":1: the file is larger than 1024 KB: a lesson is a small text file"),
                r.problems().stream().map(LessonProblem::toString).toList());
    }

    @Test
    void aLineBreakInAFileReferenceStaysInsideItsOneLineMessage() {
        List<String> e = errors(lesson("photo: \"samples/a\\nb.png\""));
        assertEquals(List.of("t.yaml:14: step 1: no bundled photo \"samples/a\\nb.png\""), e);
        List<String> type = errors(lesson("photo: \"x\\n\\rt:1: y.txt\""));
        assertEquals(1, type.size(), type.toString());
        assertFalse(type.get(0).contains("\n") || type.get(0).contains("\r"), type.get(0));
    }

    @Test
    void aValueQuotedInAMessageIsCutShort() {
        List<String> e = errors(lesson("").replace("level: beginner", "level: " + "x".repeat(5000)));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).length() < Report.MAX_QUOTED + 100, e.get(0));
    }

    @Test
    void anOverflowInTheEngineStaysThatFilesProblemAndTheOthersLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01-good.yaml"), lesson(""));
        Files.writeString(dir.resolve("02-overflow.yaml"), OVERFLOW);
        Files.writeString(dir.resolve("03-good.yaml"), lesson(""));
        LessonLibrary.Loaded l = LessonLibrary.load(dir, Locale.ROOT);
        assertEquals(List.of("01-good", "03-good"), l.lessons().stream().map(Lesson::id).toList());
        assertEquals(1, l.problems().stream().filter(p -> !p.warning()).count(), l.problems().toString());
        assertTrue(l.problems().stream().filter(p -> !p.warning()).allMatch(p -> p.file().endsWith("02-overflow.yaml")),
                l.problems().toString());
        String[] r = cli("lessons", "check", dir.toString());
        assertEquals("2", r[0], r[1] + r[2]);
        assertFalse((r[1] + r[2]).contains("\tat "), "no stack trace: " + r[1] + r[2]);
        assertTrue(r[1].contains("3 lesson files: 2 good, 1 bad"), r[1]);
    }

    @Test
    void anyExceptionWhileReadingAStepBecomesOneProblemAtThatStep() {
        // A folder that fails as nobody foresaw stands for any RuntimeException from below.
        LessonFolder failing = relative -> {
            throw new IllegalStateException("boom");
        };
        String text = lesson("") + """
                  - text: {en: two, zh: 二}
                    photo: mine.png
                """;
        LessonLoader.Result r = new LessonLoader(Locale.ROOT).load("t.yaml", "t",
                text.getBytes(StandardCharsets.UTF_8), failing);
        assertNull(r.lesson());
        assertEquals(List.of("t.yaml:14: step 2: this lesson cannot be checked (IllegalStateException: boom); the other "
                + "lessons are not affected. Please report the file as a ConvLens bug"),
                r.problems().stream().filter(p -> !p.warning()).map(LessonProblem::toString).toList());
    }

    @Test
    void theShippedLessonsLoadBesideABrokenUserLesson(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mine.yaml"), OVERFLOW);
        LessonLibrary.Loaded all = LessonLibrary.shipped(Locale.ROOT).plus(LessonLibrary.load(dir, Locale.ROOT));
        assertEquals(LessonLibrary.load(Path.of("lessons"), Locale.ROOT).lessons().size(), all.lessons().size());
        assertEquals(1, all.bad());
    }

    @Test
    void aSmallLessonAskingForHoursOfTrainingIsRefusedAtOnceAtItsLine() {
        String text = """
                title: {en: T, zh: T}
                level: beginner
                summary: {en: S, zh: S}
                steps:
                  - text: {en: H, zh: H}
                    state:
                      input: {shape: [1, 1000, 1000], fill: random}
                      kernel: {shape: [3, 3], fill: random}
                    fit: {iterations: 5000}
                """;
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length < 400);
        List<String> e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> errors(text));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).startsWith("t.yaml:9: step 1: checking this lesson would take more than 536870912 "
                + "multiply-adds"), e.get(0));
    }

    @Test
    void manyAffordableStepsAddUpAndTheOneThatGoesOverIsNamed() {
        StringBuilder sb = new StringBuilder("""
                title: {en: T, zh: T}
                level: beginner
                summary: {en: S, zh: S}
                steps:
                  - text: {en: H, zh: H}
                    state:
                      input: {shape: [1, 100, 100], fill: 1}
                      kernel: {shape: [11, 11], fill: 1}
                """);
        for (int i = 0; i < 40; i++) {
            sb.append("  - text: {en: H, zh: H}\n    state: {bias: ").append(i).append("}\n");
        }
        // Each step is 90 x 90 x 121 = 980,100 multiply-adds plus 10,000 + 8,100 reads and
        // writes, 998,200 in all: with a budget of 8 million the ninth step goes over.
        LessonLoader.Result r = new LessonLoader(Locale.ROOT, 8_000_000).load("t.yaml", "t",
                sb.toString().getBytes(StandardCharsets.UTF_8), LessonFolder.NONE);
        assertEquals(List.of("t.yaml:23: step 9: checking this lesson would take more than 8000000 multiply-adds "
                + "(here it reaches 8983800): use smaller grids, fewer training iterations or fewer steps"),
                r.problems().stream().filter(p -> !p.warning()).map(LessonProblem::toString).toList());
    }

    @Test
    void theShippedLessonsUseAFractionOfTheBudget() {
        LessonLoader loader = new LessonLoader(Locale.ROOT);
        long most = 0;
        for (Lesson l : LessonLibrary.load(Path.of("lessons"), Locale.ROOT).lessons()) {
            most = Math.max(most, loader.load(Path.of(l.source())).work());
        }
        assertTrue(most > 0 && most < WorkBudget.LESSON / 100, "the costliest shipped lesson takes " + most);
    }

    @Test
    void aLearningRateThatBlowsTheWeightsUpIsReportedAsDiverging() {
        String text = """
                title: {en: T, zh: T, zh-Hant: T}
                level: beginner
                summary: {en: S, zh: S, zh-Hant: S}
                steps:
                  - text: {en: H, zh: H, zh-Hant: H}
                    state:
                      input: {shape: [10, 10], fill: random, seed: 7}
                      kernel: {shape: [3, 3], fill: random, seed: 8}
                    fit: {seed: 42, iterations: 150, learning_rate: 0.5}
                """;
        // The weights pass what a float holds before the loss is infinite; the engine refuses them.
        assertEquals(List.of("t.yaml:9: step 1: training does not settle within 150 iterations at this learning rate "
                + "(the loss is not finite): use a smaller one or auto"), errors(text));
    }
}
