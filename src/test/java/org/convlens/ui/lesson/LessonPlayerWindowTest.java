package org.convlens.ui.lesson;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.ProgressStore;
import org.convlens.ui.stepper.ScenarioViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plays lesson 1 in the real window as a student would, by the buttons and the keyboard,
 * answering some questions wrong first, and checks what the stepper shows at each step, the
 * feedback, the score and the progress left behind.
 */
@ExtendWith(ApplicationExtension.class)
class LessonPlayerWindowTest {
    static {
        LessonWindow.screen();
    }

    private LessonWindow w;

    @Start
    void start(Stage stage) throws Exception {
        w = LessonWindow.start(stage, "play", List.of());
    }

    private ScenarioViewModel scenario() {
        return w.shell.scenario();
    }

    private static String text(FxRobot r, String id) {
        return r.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot r, String id) {
        Node n = r.lookup(id).tryQuery().orElse(null);
        return n != null && n.isVisible() && n.isManaged();
    }

    /**
     * Puts {@code typed} in the answer field and presses Check. The text is set on the FX thread
     * rather than typed by the robot: typed keys went astray when the whole suite ran on a loaded
     * machine (the field stayed empty), while the player's behaviour is what this test is about.
     */
    private void answer(FxRobot r, String typed) {
        TextField field = r.lookup("#lessonAnswer").queryAs(TextField.class);
        r.interact(() -> {
            field.requestFocus();
            field.setText(typed);
        });
        r.clickOn("#lessonCheck");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aStudentPlaysLessonOneAnsweringRightAndWrong(FxRobot r) {
        // The app opens with lesson 1 beside the stepper, its first state loaded.
        assertTrue(r.lookup("#lessonSide").query().isVisible());
        assertEquals("The input and the kernel", text(r, "#lessonStepTitle"));
        assertEquals("beginner  \u00B7  Step 1 of 8", text(r, "#lessonMeta"));
        assertEquals(3, scenario().inputProperty().get().height());
        assertEquals("Step 1 of 4", r.lookup("#stepLabel").queryAs(Label.class).getText());
        assertTrue(r.lookup("#kernelBox").query().getStyleClass().contains("lesson-focus"));

        r.clickOn("#lessonNext");
        assertEquals("One multiply-sum", text(r, "#lessonStepTitle"));
        assertTrue(r.lookup("#arithmeticPane").query().getStyleClass().contains("lesson-focus"));

        // Step 3: a wrong answer, then the right one.
        r.clickOn("#lessonNext");
        assertFalse(shown(r, "#lessonVerdict"));
        answer(r, "46");
        assertTrue(text(r, "#lessonVerdict").startsWith("Not quite: you said 46. Try again"), text(r, "#lessonVerdict"));
        assertFalse(shown(r, "#lessonAnswerIs"), "self-study: one wrong try gets 'try again', not the answer");
        assertFalse(shown(r, "#lessonExplanation"));
        assertTrue(shown(r, "#lessonShowAnswer"));
        answer(r, "47");
        assertEquals("Right this time. (The first answer, 46, is the one that counts.)", text(r, "#lessonVerdict"));
        assertEquals("The answer is 47.", text(r, "#lessonAnswerIs"));
        assertTrue(shown(r, "#lessonExplanation"));
        assertFalse(shown(r, "#lessonShowAnswer"));
        assertEquals(1, w.shell.stepper().getStep(), "the stepper moved to the step that computes the cell");

        // Step 4 with the keyboard: Alt+Right for the next step, Enter to check.
        r.clickOn("#lessonStepTitle");
        r.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        assertEquals("Down one row", text(r, "#lessonStepTitle"));
        r.clickOn("#lessonAnswer").write("67").press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertEquals("Right!", text(r, "#lessonVerdict"));

        r.clickOn("#lessonNext");
        answer(r, "5*1 + 6*2 + 8*3 + 9*4");
        assertEquals("Right!", text(r, "#lessonVerdict"));

        r.clickOn("#lessonNext");
        assertEquals("The whole output", text(r, "#lessonStepTitle"));
        assertEquals(3, w.shell.stepper().getStep(), "step: end");

        // Step 7: the 4 x 4 input; the shape question covers the output until answered.
        r.clickOn("#lessonNext");
        assertEquals(4, scenario().inputProperty().get().height());
        assertTrue(r.lookup("#cover-outputBox").query().isVisible());
        answer(r, "three by three");
        assertTrue(shown(r, "#lessonInputMessage"));
        assertFalse(shown(r, "#lessonVerdict"), "an answer not understood is not a try");
        answer(r, "3 x 3");
        assertEquals("Right!", text(r, "#lessonVerdict"));
        assertFalse(r.lookup("#cover-outputBox").query().isVisible(), "uncovered once answered");

        // Step 8: a choice, wrong then right.
        r.clickOn("#lessonNext");
        r.clickOn("#lessonOption0");
        assertTrue(text(r, "#lessonVerdict").startsWith("Not quite"));
        assertFalse(r.lookup("#lessonOption1").query().getStyleClass().contains("right"), "not told yet");
        r.clickOn("#lessonOption1");
        assertTrue(text(r, "#lessonVerdict").startsWith("Right this time"));
        assertTrue(r.lookup("#lessonOption1").query().getStyleClass().contains("right"));

        // The score: first answers count, so 3 of 5.
        r.clickOn("#lessonNext");
        assertEquals("3 / 5", text(r, "#lessonScoreValue"));
        ProgressStore saved = new ProgressStore(w.home.resolve("progress.json"));
        assertTrue(saved.get("01-kernel").finished());
        assertEquals("46", saved.get("01-kernel").answers().get(2));
        assertEquals("01-kernel", saved.setting("last", null));

        // The next lesson from the score page.
        r.clickOn("#lessonNextLesson");
        assertEquals("Edge detection by hand", w.player().getLesson().title().en());
        assertEquals(6, scenario().inputProperty().get().height());
    }

    @Test
    void teacherModeKeepsTheAnswerHiddenUntilRevealed(FxRobot r) {
        r.clickOn("#lessonTeacher");
        assertTrue(r.lookup("#lessonPanel").query().getStyleClass().contains("teacher"));
        r.interact(() -> w.player().goTo(2));
        assertTrue(shown(r, "#lessonReveal"));
        answer(r, "47");
        assertEquals("Answer noted. Press Reveal to show whether it is right.", text(r, "#lessonVerdict"));
        assertFalse(shown(r, "#lessonExplanation"));
        r.clickOn("#lessonReveal");
        assertEquals("Right!", text(r, "#lessonVerdict"));
        assertTrue(shown(r, "#lessonExplanation"));
        assertFalse(shown(r, "#lessonReveal"));
        r.interact(() -> w.player().modeProperty().set(LessonPlayerViewModel.Mode.SELF_STUDY));
    }

    @Test
    void editingTheStepperShowsAWayBackToTheStep(FxRobot r) {
        assertFalse(shown(r, "#lessonDivergedBox"));
        r.interact(() -> scenario().layer().strideXProperty().set(2));
        assertTrue(r.lookup("#lessonRestore").query().isVisible());
        r.clickOn("#lessonRestore");
        assertEquals(1, scenario().layer().strideXProperty().get());
        assertFalse(shown(r, "#lessonDivergedBox"));
    }

    @Test
    void aLessonWithMoreChannelsThanTheSpinnersOfferLoadsUnchanged(FxRobot r) {
        Lesson channels = LessonLibrary.shipped(Locale.ROOT).lessons().get(11);
        r.interact(() -> {
            w.player().open(channels, channels.id());
            w.player().goTo(4);
        });
        assertEquals(64, scenario().inChannelsProperty().get());
        assertEquals(16, scenario().layer().outChannelsProperty().get());
        assertFalse(w.player().divergedProperty().get());
        assertTrue(r.lookup("#sliceChooser").tryQuery().isPresent(), "64 channels get a list, not 64 buttons");
    }

    @Test
    void theTrainingStepFitsTheSobelKernel(FxRobot r) {
        Lesson training = LessonLibrary.shipped(Locale.ROOT).lessons().get(13);
        r.interact(() -> {
            w.player().open(training, training.id());
            w.player().goTo(2);
        });
        assertEquals("iteration 0 of 150", text(r, "#fitIteration"));
        r.clickOn("#fitStep");
        assertEquals("iteration 1 of 150", text(r, "#fitIteration"));
        r.clickOn("#fitEnd");
        assertEquals("iteration 150 of 150", text(r, "#fitIteration"));
        FitViewModel fit = (FitViewModel) r.lookup("#lessonPanel").query().getProperties().get(FitViewModel.class);
        assertTrue(fit.getSnapshot().loss() < 1e-3, "loss " + fit.getSnapshot().loss());
        assertEquals(151, fit.losses().size());
        LossChart chart = (LossChart) r.lookup("#fitChart").query();
        assertEquals(2 * 151, chart.points().size(), "one point per iteration on the chart");
        r.interact(() -> r.lookup("#lessonScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        r.clickOn("#lessonOption1");
        assertEquals("Right!", text(r, "#lessonVerdict"));
    }

    @Test
    void afterTheAnswerTwentyTimesTheRateMakesTheLossBlowUpAndAQuarterStartsAgain(FxRobot r) {
        Lesson training = LessonLibrary.shipped(Locale.ROOT).lessons().get(13);
        r.interact(() -> {
            w.player().open(training, training.id());
            w.player().goTo(2);
        });
        assertTrue(r.lookup("#fitRates").query().isDisabled(), "the rate stays the step's while its question is open");
        r.interact(() -> r.lookup("#lessonScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        r.clickOn("#lessonOption1");
        assertFalse(r.lookup("#fitRates").query().isDisabled(), "answered: other rates may be tried");
        r.interact(() -> r.lookup("#lessonScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        r.clickOn("#fitRate20");
        r.clickOn("#fitEnd");
        assertTrue(text(r, "#fitTrend").startsWith("The loss blew up"), text(r, "#fitTrend"));
        assertNull(r.lookup("#fitMap").queryAs(org.convlens.ui.grid.GridView.class).getPicture(), "no map once blown up");
        r.clickOn("#fitRateq");
        assertEquals("iteration 0 of 150", text(r, "#fitIteration"));
        r.clickOn("#fitEnd");
        assertEquals("every step lowered the loss", text(r, "#fitTrend"));
        assertNotNull(r.lookup("#fitMap").queryAs(org.convlens.ui.grid.GridView.class).getPicture());
    }

    @Test
    void backToTheWorkedExampleLeavesNoLessonMarksOnIt(FxRobot r) {
        Lesson first = LessonLibrary.shipped(Locale.ROOT).lessons().get(0);
        int marked = -1;
        for (int i = 0; i < first.steps().size() && marked < 0; i++) {
            if (!first.steps().get(i).highlight().input().isEmpty()) {
                marked = i;
            }
        }
        assertTrue(marked >= 0, "lesson 1 marks cells somewhere");
        int step = marked;
        r.interact(() -> {
            w.player().open(first, first.id());
            w.player().goTo(step);
        });
        assertFalse(w.shell.stepper().marksProperty().get().isEmpty(), "the step marks its cells");
        r.interact(() -> w.shell.actions().run(org.convlens.ui.actions.Command.RESET));
        assertTrue(w.player().divergedProperty().get(), "the worked example is not the step's state");
        assertTrue(w.shell.stepper().marksProperty().get().isEmpty(), "no marks left over on the worked example");
    }

    @Test
    void aPhotoStepShowsThePhotoFilteredByTheEngine(FxRobot r) {
        Lesson padding = LessonLibrary.shipped(Locale.ROOT).lessons().get(7);
        r.interact(() -> {
            w.player().open(padding, padding.id());
            w.player().goTo(4);
        });
        ImageView result = r.lookup("#lessonPhotoResult").queryAs(ImageView.class);
        assertNotNull(result.getImage());
        assertEquals(384, (int) result.getImage().getWidth(), "same padding keeps the photo's size");
        // zeros padding darkens the border: the corner pixel is darker than the middle of the top edge's inside
        var px = result.getImage().getPixelReader();
        assertTrue(px.getColor(0, 0).getBrightness() < px.getColor(192, 60).getBrightness());
    }

    @Test
    void theLessonsTabListsEveryLessonAndHidingThePanelClearsTheMarks(FxRobot r) {
        r.clickOn("#lessons");
        assertEquals(LessonLibrary.shipped(Locale.ROOT).lessons().size(), r.lookup(".lesson-card").queryAll().size());
        r.clickOn("#lessonOpen-03-filters");
        assertEquals("stepper", w.shell.mainWindow().tabs().getSelectionModel().getSelectedItem().getId());
        assertEquals("03-filters", w.player().getLesson().id());
        r.clickOn("#hideButton");
        assertFalse(r.lookup("#lessonSide").query().isVisible());
        assertNull(w.player().getLesson());
        assertTrue(w.shell.stepper().marksProperty().get().isEmpty());
        r.press(KeyCode.F9).release(KeyCode.F9);
        assertTrue(r.lookup("#lessonSide").query().isVisible());
        assertEquals("03-filters", w.player().getLesson().id(), "the panel comes back with the last lesson");
    }
}
