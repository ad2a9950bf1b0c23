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

    private static Lesson threeQuestions() {
        String text = LessonLoaderTest.lesson("""
                question: {type: value, cell: [0, 1], ask: {en: q, zh: q}, hint: {en: h, zh: h}, explain: {en: e, zh: e}}
                """) + """
                  - text: {en: two, zh: 二}
                    question: {type: count, of: weights, ask: {en: q, zh: q}, explain: {en: e, zh: e}}
                  - text: {en: three, zh: 三}
                    question: {type: shape, ask: {en: q, zh: q}, explain: {en: e, zh: e}}
                """;
        LessonLoader.Result r = LessonLoaderTest.load(text);
        assertTrue(r.ok(), r.problems().toString());
        return r.lesson();
    }

    @Test
    void aWrongAnswerGetsTryAgainAndTheHintAndTheSecondShowsTheAnswer() {
        LessonSession s = new LessonSession(threeQuestions());
        assertEquals(LessonSession.Stage.OPEN, s.stage());
        assertFalse(s.hinted());
        s.answer("46");
        assertEquals(LessonSession.Stage.TRY_AGAIN, s.stage());
        assertTrue(s.hinted(), "the hint comes with try again");
        assertFalse(s.answerVisible());
        s.answer("48");
        assertEquals(LessonSession.Stage.SHOWN, s.stage());
        assertTrue(s.answerVisible());
        s.answer("47");
        assertEquals(LessonSession.Stage.SHOWN, s.stage(), "right after the answer was shown is not solved");
        s.next();
        s.answer("5");
        s.answer("4");
        assertEquals(LessonSession.Stage.SOLVED, s.stage(), "right at the second try");
        assertEquals(new LessonSession.Score(0, 2, 3), s.score());
    }

    @Test
    void showAnswerCountsAsAnsweredButNotRight() {
        LessonSession s = new LessonSession(threeQuestions());
        s.showAnswer();
        assertEquals(LessonSession.Stage.SHOWN, s.stage());
        assertTrue(s.answerVisible());
        s.next();
        s.answer("4");
        assertEquals(LessonSession.Stage.SOLVED, s.stage());
        s.showAnswer();
        assertEquals(LessonSession.Stage.SOLVED, s.stage(), "a solved question stays solved");
        LessonSession.Score score = s.score();
        assertEquals(new LessonSession.Score(1, 2, 3), score);
        assertFalse(score.done());
        assertEquals(2 / 3.0, score.fraction(), 1e-9);
    }

    @Test
    void aLessonIsDoneWhenItsQuestionsAreAnsweredNotWhenItsLastStepIsReached() {
        LessonSession s = new LessonSession(threeQuestions());
        s.next();
        s.next();
        s.finish();
        assertTrue(s.finished());
        assertFalse(s.score().done(), "0 of 3 answered");
        assertEquals(0, s.score().fraction());
        s.answer("2 x 2");
        s.back();
        s.answer("4");
        s.back();
        s.answer("1");
        assertTrue(s.score().done());
        assertEquals(new LessonSession.Score(2, 3, 3), s.score());
    }

    @Test
    void whereEachQuestionStoodComesBackFromTheProgressFile(@TempDir Path dir) throws IOException {
        Lesson lesson = threeQuestions();
        LessonSession s = new LessonSession(lesson);
        s.answer("46");
        s.next();
        s.answer("3");
        s.answer("4");
        s.next();
        s.showAnswer();
        ProgressStore store = new ProgressStore(dir.resolve("progress.json"));
        store.put(lesson.id(), s.progress());
        LessonSession again = LessonSession.of(lesson, new ProgressStore(dir.resolve("progress.json")).get(lesson.id()));
        assertEquals(LessonSession.Stage.TRY_AGAIN, again.stage(0));
        assertEquals(LessonSession.Stage.SOLVED, again.stage(1));
        assertEquals(LessonSession.Stage.SHOWN, again.stage(2));
        assertEquals(new LessonSession.Score(0, 3, 3), again.score());
        assertTrue(again.score().done());
    }

    @Test
    void aProgressFileOfVersionOneStillReads(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("progress.json");
        Files.writeString(f, """
                {"version": 1, "settings": {}, "lessons": {"t": {"step": 2, "steps": 3,
                 "answers": {"0": "47", "2": "3 x 3"}, "finished": true}}}
                """);
        LessonSession s = LessonSession.of(threeQuestions(), new ProgressStore(f).get("t"));
        assertEquals(new LessonSession.Score(1, 2, 3), s.score());
        assertEquals(LessonSession.Stage.SOLVED, s.stage(0));
        assertEquals(LessonSession.Stage.TRY_AGAIN, s.stage(2));
    }

    @Test
    void aChoiceWithSeveralRightOptionsNeedsAllOfThemAndNoWrongOne() {
        String text = LessonLoaderTest.lesson("""
                question:
                  type: choice
                  ask: {en: 'Which are linear?', zh: 哪些是线性的？}
                  options:
                    - {text: {en: convolution, zh: 卷积}, correct: true}
                    - {text: {en: ReLU, zh: ReLU}}
                    - {text: {en: average pooling, zh: 平均池化}, correct: true}
                  explain: {en: e, zh: e}
                """);
        LessonLoader.Result r = LessonLoaderTest.load(text);
        assertTrue(r.ok(), r.problems().toString());
        Question.Choice c = (Question.Choice) r.lesson().steps().get(0).question();
        assertTrue(c.multiple());
        assertEquals("A, C", c.expected(java.util.Locale.ROOT));
        assertEquals(Verdict.Outcome.WRONG, c.check("A").outcome(), "one right option of two is not enough");
        assertEquals(Verdict.Outcome.WRONG, c.check("A, B, C").outcome(), "a wrong one spoils it");
        assertTrue(c.check("A, C").correct());
        assertTrue(c.check("ca").correct());
        assertTrue(c.choose(java.util.Set.of(2, 0)).correct());
        assertEquals("A, C", c.check("C A").given());
        assertFalse(c.choose(0).correct());
        assertFalse(c.check("A, D").understood());
    }

    @Test
    void theRightAnswerTypedAfterShowAnswerDoesNotScoreNowOrAfterARestart() {
        Lesson lesson = threeQuestions();
        LessonSession s = new LessonSession(lesson);
        s.showAnswer();
        assertTrue(s.answer("47").correct(), "the answer is right...");
        assertEquals(new LessonSession.Score(0, 1, 3), s.score(), "...but it was shown first");
        assertEquals(LessonSession.Stage.SHOWN, s.stage());
        LessonSession again = LessonSession.of(lesson, s.progress());
        assertEquals(new LessonSession.Score(0, 1, 3), again.score());
        assertEquals(LessonSession.Stage.SHOWN, again.stage(0));
    }
}
