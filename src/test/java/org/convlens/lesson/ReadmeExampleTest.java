package org.convlens.lesson;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's full example of the lesson format is a lesson that loads with no problem. */
class ReadmeExampleTest {
    @Test
    void theReadmeExampleLessonLoadsCleanly() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### The lesson format");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        int end = readme.indexOf("\n```", start);
        assertTrue(section > 0 && start > section && end > start, "the README has the example");
        String yaml = readme.substring(start, end + 1);
        LessonLoader.Result r = new LessonLoader(Locale.ROOT).load("stride.yaml", "stride",
                yaml.getBytes(StandardCharsets.UTF_8), LessonFolder.NONE);
        assertEquals(List.of(), r.problems());
        assertEquals(5, r.lesson().steps().size());
        assertEquals(4, r.lesson().questionCount());
        Question.Value v = (Question.Value) r.lesson().steps().get(1).question();
        assertEquals(22f, v.expected());
    }

    @Test
    void theReadmeTableCountsTheShippedLessons() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Lesson l : LessonLibrary.shipped(Locale.ROOT).lessons()) {
            String row = "(`lessons/" + l.id() + ".yaml`) | " + l.level().id() + " | " + l.steps().size() + " | "
                    + l.questionCount() + " |";
            assertTrue(readme.contains(row), "README row for " + l.id() + ": " + row);
        }
    }
}
