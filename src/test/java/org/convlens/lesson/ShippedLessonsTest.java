package org.convlens.lesson;

import org.convlens.cli.Cli;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shipped lesson passes {@code lessons check}, in both languages, with questions in each. */
class ShippedLessonsTest {
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
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
    void theCourseCoversFifteenLessonsInOrderEachWithQuestions() {
        LessonLibrary.Loaded l = LessonLibrary.shipped(Locale.ROOT);
        List<String> ids = l.lessons().stream().map(Lesson::id).toList();
        assertEquals(List.of("01-kernel", "02-edges", "03-correlation", "04-output-size", "05-kernel-sizes",
                "06-padding-modes", "07-dilation", "08-activation", "09-pooling", "10-channels", "11-groups",
                "12-conv-vs-dense", "13-filters", "14-training", "15-transposed"), ids);
        for (Lesson lesson : l.lessons()) {
            assertTrue(lesson.questionCount() >= 3, lesson.id() + " has " + lesson.questionCount() + " questions");
            for (Step s : lesson.steps()) {
                assertNotNull(s.text().en(), lesson.id() + " step " + s.number());
                assertNotNull(s.text().zh(), lesson.id() + " step " + s.number());
            }
        }
    }

    @Test
    void theFolderOnDiskHoldsTheSameLessonsAsTheClasspath() {
        assertEquals(LessonLibrary.shipped(Locale.ROOT).lessons().stream().map(Lesson::id).toList(),
                LessonLibrary.load(Path.of("lessons"), Locale.ROOT).lessons().stream().map(Lesson::id).toList());
    }
}
