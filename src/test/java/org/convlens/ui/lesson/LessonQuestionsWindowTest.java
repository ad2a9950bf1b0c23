package org.convlens.ui.lesson;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.LessonLoader;
import org.convlens.lesson.ProgressStore;
import org.convlens.lesson.Question;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The question kinds of the lesson player in the real window, in English: check boxes for a
 * choice with several right options, self-study's "try again" and "Show answer", a build task's
 * Check on the stepper's real settings, the first-try score in the lesson list, and the review's
 * new numbers.
 */
@ExtendWith(ApplicationExtension.class)
class LessonQuestionsWindowTest {
    static {
        LessonWindow.screen();
    }

    private static final List<Lesson> LESSONS = LessonLibrary.shipped(Locale.ROOT).lessons();
    private LessonWindow w;

    @Start
    void start(Stage stage) throws Exception {
        w = LessonWindow.start(stage, "questions", List.of());
    }

    private static Lesson lesson(String prefix) {
        return LESSONS.stream().filter(l -> l.id().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static String text(FxRobot r, String id) {
        return r.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot r, String id) {
        Node n = r.lookup(id).tryQuery().orElse(null);
        return n != null && n.isVisible() && n.isManaged();
    }

    private void open(FxRobot r, Lesson l, int step) {
        r.interact(() -> {
            w.player().open(l, l.id());
            w.player().goTo(step);
        });
    }

    private void answer(FxRobot r, String typed) {
        TextField field = r.lookup("#lessonAnswer").queryAs(TextField.class);
        r.interact(() -> field.setText(typed));
        r.clickOn("#lessonCheck");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void severalRightOptionsAreCheckBoxesAndNeedAllOfThem(FxRobot r) throws Exception {
        Path file = Path.of(getClass().getResource("several-right.yaml").toURI());
        LessonLoader.Result loaded = new LessonLoader(Locale.ROOT).load(file);
        r.interact(() -> w.player().open(loaded.lesson(), "fixture"));
        assertTrue(r.lookup("#lessonOption0").query() instanceof CheckBox, "check boxes, not buttons");
        assertTrue(shown(r, "#lessonCheck"));
        assertFalse(shown(r, "#lessonAnswer"), "no typing: the boxes are the answer");
        r.clickOn("#lessonOption0");
        r.clickOn("#lessonCheck");
        assertTrue(text(r, "#lessonVerdict").startsWith("Not quite: you said A. Try again"), text(r, "#lessonVerdict"));
        assertTrue(shown(r, "#lessonHintText"), "the hint shows");
        r.clickOn("#lessonOption2");
        r.clickOn("#lessonCheck");
        assertTrue(text(r, "#lessonVerdict").startsWith("Right this time"));
        assertEquals("The right options: A, C.", text(r, "#lessonAnswerIs"));
        assertTrue(r.lookup("#lessonOption2").query().getStyleClass().contains("right"));
        assertFalse(r.lookup("#lessonOption1").query().getStyleClass().contains("right"));
    }

    @Test
    void showAnswerLiftsTheCoverAndScoresNothing(FxRobot r) {
        open(r, lesson("01"), 6);
        assertTrue(r.lookup("#cover-outputBox").query().isVisible());
        r.clickOn("#lessonShowAnswer");
        assertEquals("The answer is 3 x 3.", text(r, "#lessonAnswerIs"));
        assertFalse(r.lookup("#cover-outputBox").query().isVisible());
        assertFalse(shown(r, "#lessonShowAnswer"));
        assertEquals(0, w.player().session().score().correct());
        assertEquals(1, w.player().session().score().answered());
    }

    @Test
    void aSecondWrongTryShowsTheAnswer(FxRobot r) {
        open(r, lesson("01"), 3);
        answer(r, "1");
        assertFalse(shown(r, "#lessonAnswerIs"));
        answer(r, "2");
        assertEquals("Not quite: you said 2.", text(r, "#lessonVerdict"));
        assertTrue(shown(r, "#lessonAnswerIs"));
        assertTrue(shown(r, "#lessonExplanation"));
    }

    @Test
    void aBuildTaskIsCheckedOnTheStepperSettings(FxRobot r) {
        Lesson l = lesson("06");
        int step = 0;
        while (!(l.steps().get(step).question() instanceof Question.Build)) {
            step++;
        }
        open(r, l, step);
        assertFalse(shown(r, "#lessonAnswer"), "built, not typed");
        assertEquals("Check", r.lookup("#lessonCheck").queryButton().getText());
        r.clickOn("#lessonCheck");
        assertTrue(text(r, "#lessonVerdict").startsWith("Not yet."));
        assertEquals("The output is 3 x 3; the task wants 4 x 4.", text(r, "#lessonBuildNote"));
        var layer = w.shell.scenario().layer();
        r.interact(() -> {
            layer.padTopProperty().set(2);
            layer.padBottomProperty().set(2);
            layer.padLeftProperty().set(2);
            layer.padRightProperty().set(2);
        });
        assertTrue(text(r, "#lessonDivergedText").startsWith("You are changing the settings"),
                "changing the settings is the task, not a warning");
        r.clickOn("#lessonCheck");
        assertTrue(text(r, "#lessonVerdict").startsWith("Right this time"), text(r, "#lessonVerdict"));
        assertFalse(shown(r, "#lessonBuildNote"));
        assertEquals("One solution: padding: 2.", text(r, "#lessonAnswerIs"));
    }

    @Test
    void theListShowsAnsweredQuestionsAndTheFirstTryScore(FxRobot r) {
        Lesson l = lesson("01");
        open(r, l, 2);
        answer(r, "47");
        r.interact(() -> w.player().goTo(3));
        answer(r, "1");
        r.clickOn("#lessons");
        assertEquals("2 of 5 questions answered, 1 right at the first try", text(r, "#lessonState-01-kernel"));
        assertEquals(0.4, r.lookup("#lessonBar-01-kernel").queryAs(ProgressBar.class).getProgress(), 1e-9);
        assertEquals("not started", text(r, "#lessonState-02-edges"));
        ProgressStore saved = new ProgressStore(w.home.resolve("progress.json"));
        assertEquals(2, saved.get("01-kernel").answers().size());
    }

    @Test
    void theReviewGetsNewNumbersFromItsButton(FxRobot r) {
        Lesson review = lesson("21-review");
        open(r, review, 0);
        assertTrue(shown(r, "#lessonNewNumbers"));
        var before = w.shell.scenario().inputProperty().get();
        long variant = w.player().getLesson().variant();
        r.clickOn("#lessonNewNumbers");
        assertNotEquals(variant, w.player().getLesson().variant());
        assertNotEquals(before, w.shell.scenario().inputProperty().get(), "other numbers in the stepper");
        assertEquals("Step 1 of 15", text(r, "#lessonMeta").substring(text(r, "#lessonMeta").indexOf("Step")));
        open(r, lesson("01"), 0);
        assertFalse(shown(r, "#lessonNewNumbers"), "only a fresh lesson has new numbers");
    }
}
