package org.convlens.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonSessionTest {
    private static Lesson twoQuestions() {
        String text = LessonLoaderTest.lesson("""
                question: {type: value, cell: [0, 1], ask: {en: q, zh: q}, explain: {en: e, zh: e}}
                """) + """
                  - text: {en: two, zh: 二}
                  - text: {en: three, zh: 三}
                    question: {type: shape, ask: {en: q, zh: q}, explain: {en: e, zh: e}}
                """;
        LessonLoader.Result r = LessonLoaderTest.load(text);
        assertTrue(r.ok(), r.problems().toString());
        return r.lesson();
    }

    @Test
    void theFirstUnderstoodAnswerScores() {
        LessonSession s = new LessonSession(twoQuestions());
        assertFalse(s.canGoBack());
        assertFalse(s.answer("forty").understood());
        assertNull(s.attempt(), "an answer not understood is not a try");
        assertFalse(s.answer("46").correct());
        assertTrue(s.answer("47").correct());
        assertEquals(2, s.attempt().tries());
        assertFalse(s.attempt().first().correct());
        assertTrue(s.next());
        assertThrows(IllegalStateException.class, () -> s.answer("1"));
        assertTrue(s.next());
        assertFalse(s.canGoForward());
        assertTrue(s.answer("2 x 2").correct());
        assertEquals(new LessonSession.Score(1, 2, 2), s.score());
    }

    @Test
    void progressIsRememberedAcrossSessionsAndReCheckedAgainstTheLesson(@TempDir Path dir) throws IOException {
        Lesson lesson = twoQuestions();
        LessonSession s = new LessonSession(lesson);
        s.answer("47");
        s.next();
        s.next();
        s.answer("3 x 3");
        ProgressStore store = new ProgressStore(dir.resolve("home/progress.json"));
        store.put(lesson.id(), s.progress());
        try (var files = Files.list(dir.resolve("home"))) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }

        LessonSession again = new LessonSession(lesson);
        again.restore(new ProgressStore(dir.resolve("home/progress.json")).get(lesson.id()));
        assertEquals(2, again.index());
        assertEquals(new LessonSession.Score(1, 2, 2), again.score());
        assertEquals(Map.of(0, "47", 2, "3 x 3"), again.progress().answers());
    }

    @Test
    void anUnreadableProgressFileIsSetAsideNotFatal(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("progress.json");
        Files.writeString(f, "{ not json");
        ProgressStore store = new ProgressStore(f);
        assertNull(store.get("01-kernel"));
        assertTrue(Files.exists(dir.resolve("progress.json.bad")));
        store.put("01-kernel", new ProgressStore.Entry(1, 3, Map.of(), false));
        assertEquals(1, new ProgressStore(f).get("01-kernel").step());
    }
}
