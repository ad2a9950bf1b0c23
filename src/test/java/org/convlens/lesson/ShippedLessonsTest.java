package org.convlens.lesson;

import org.convlens.cli.Cli;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shipped lesson passes {@code lessons check}, in all three languages, with questions in each. */
class ShippedLessonsTest {
    /** The command line in English (the assertions read its text). */
    private static String[] run(String... args) {
        args = Stream.concat(Stream.of("--lang", "en"), Arrays.stream(args))
                .toArray(String[]::new);
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
    void lessonsCheckPassesOnTheShippedLessonsWithNoWarnings() {
        String[] r = run("lessons", "check");
        assertEquals("0", r[0], r[1] + r[2]);
        String[] lines = r[1].strip().split("\n");
        assertEquals(1, lines.length, "only the summary, no problem or warning: " + r[1]);
        assertTrue(lines[0].matches("(\\d+) lesson files: \\1 good, 0 bad, 0 warnings .*"), lines[0]);
    }

    @Test
    void lessonsCheckOnTheRepositoryFolderAgrees() {
        String[] r = run("lessons", "check", "lessons");
        assertEquals("0", r[0], r[1] + r[2]);
    }

    @Test
    void lessonsCheckReportsABadFolderWithStatusTwo() {
        String[] r = run("lessons", "check", "src/test/resources/org/convlens/lesson/bad");
        assertEquals("2", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("src/test/resources/org/convlens/lesson/bad/ragged.yaml:10: step 1: row 3 has 5 values, row 1 has 6"),
                r[1]);
        assertTrue(r[1].contains("1 lesson files: 0 good, 1 bad"), r[1]);
    }

    @Test
    void theCourseCoversItsLessonsInOrderEachWithQuestionsInThreeLanguages() {
        LessonLibrary.Loaded l = LessonLibrary.shipped(Locale.ROOT);
        List<String> ids = l.lessons().stream().map(Lesson::id).toList();
        assertEquals(List.of("01-kernel", "02-edges", "03-filters", "04-correlation", "05-conv-vs-dense",
                "06-output-size", "07-kernel-sizes", "08-padding-modes", "09-activation", "10-dilation", "11-pooling",
                "12-channels", "13-groups", "14-training", "15-transposed", "16-kernel-learns", "17-receptive-field",
                "18-bottleneck", "19-classifier", "20-training-classifier", "21-review"), ids);
        for (Lesson lesson : l.lessons()) {
            assertTrue(lesson.questionCount() >= 3, lesson.id() + " has " + lesson.questionCount() + " questions");
            for (Step s : lesson.steps()) {
                assertNotNull(s.text().en(), lesson.id() + " step " + s.number());
                assertNotNull(s.text().zh(), lesson.id() + " step " + s.number());
                assertNotNull(s.text().zhHant(), lesson.id() + " step " + s.number());
            }
        }
    }

    @Test
    void everyRenamedLessonExistsUnderItsNewId() {
        List<String> ids = LessonLibrary.shipped(Locale.ROOT).lessons().stream().map(Lesson::id).toList();
        for (var e : LessonLibrary.RENAMED.entrySet()) {
            assertTrue(ids.contains(e.getValue()), e.toString());
            assertFalse(ids.contains(e.getKey()), e.toString());
        }
    }

    @Test
    void theSimplifiedTextSaysElementForACellAndKeepsChineseOutOfFormulas() throws java.io.IOException {
        for (Path f : LessonLibraryFiles.shipped()) {
            String text = java.nio.file.Files.readString(f);
            for (String bad : List.of("单元", "抽头", "逐深度", "單元")) {
                assertFalse(text.contains(bad), f + " still says " + bad);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$[^$\n]*\\$").matcher(text);
            while (m.find()) {
                assertFalse(m.group().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        f + ": Chinese inside a formula: " + m.group());
            }
            for (String line : text.split("\n")) {
                boolean chinese = line.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                String prose = line.replaceAll("`[^`]*`", "").replaceAll("^\\s*(zh|zh-Hant|en):\\s*'(.*)'$", "$2");
                assertFalse(chinese && prose.contains("\""), f + ": straight quotes in Chinese text: " + line);
            }
        }
    }

    @Test
    void theReviewGetsFreshNumbersEachTimeAndTheEngineAnswersThemAll() {
        Lesson review = LessonLibrary.shipped(Locale.ROOT).lessons().stream().filter(l -> l.id().equals("21-review"))
                .findFirst().orElseThrow();
        assertTrue(review.fresh());
        assertEquals(15, review.questionCount());
        java.util.Set<String> firstAnswers = new java.util.HashSet<>();
        for (long v = 1; v <= 40; v++) {
            Lesson again = LessonLibrary.variant(review, v, Locale.ROOT);
            assertEquals(v, again.variant(), "variant " + v + " loads");
            assertEquals(review.steps().size(), again.steps().size());
            Question q = again.steps().get(0).question();
            firstAnswers.add(q.expected(Locale.ROOT));
            for (Step s : again.steps()) {
                Question x = s.question();
                assertTrue(x.check(x.expected(Locale.ROOT).replace(" x ", "x")).correct()
                        || x instanceof Question.Choice, "variant " + v + " step " + s.number());
            }
        }
        assertTrue(firstAnswers.size() > 5, "fresh numbers give other answers: " + firstAnswers);
        Lesson kernel = LessonLibrary.shipped(Locale.ROOT).lessons().get(0);
        assertSame(kernel, LessonLibrary.variant(kernel, 7, Locale.ROOT), "a lesson that is not fresh stays as it is");
    }

    @Test
    void everyBuildTaskIsSolvedByItsSolutionAndNotByItsStart() {
        int tasks = 0;
        for (Lesson l : LessonLibrary.shipped(Locale.ROOT).lessons()) {
            for (Step s : l.steps()) {
                if (s.question() instanceof Question.Build b) {
                    tasks++;
                    assertTrue(b.check(b.solution().toString()).correct(), l.id() + " step " + s.number());
                    assertFalse(b.check(s.scenario().problem()).correct(), l.id() + " step " + s.number());
                }
            }
        }
        assertEquals(3, tasks, "edges, output size, pooling");
    }

    @Test
    void theFolderOnDiskHoldsTheSameLessonsAsTheClasspath() {
        assertEquals(LessonLibrary.shipped(Locale.ROOT).lessons().stream().map(Lesson::id).toList(),
                LessonLibrary.load(Path.of("lessons"), Locale.ROOT).lessons().stream().map(Lesson::id).toList());
    }
}
