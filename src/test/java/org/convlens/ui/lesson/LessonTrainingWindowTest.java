package org.convlens.ui.lesson;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.convlens.train.TrainSettings;
import org.convlens.ui.train.TrainingViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lesson step with {@code train} opens the Training tab set up with its settings; while its
 * question (a prediction) is open, Start waits; the next step with the same settings keeps the
 * run going; a step with other settings cancels it and sets them; a stepper step goes back.
 * Texts asserted in English.
 */
@ExtendWith(ApplicationExtension.class)
class LessonTrainingWindowTest {
    static {
        LessonWindow.screen();
    }

    private static final String LESSON = """
            title: {en: Train, zh: 训练, zh-Hant: 訓練}
            level: beginner
            summary: {en: S, zh: 摘要, zh-Hant: 摘要}
            steps:
              - text: {en: One layer, zh: 一层, zh-Hant: 一層}
                state:
                  input: {shape: [5, 5], fill: count}
                  kernel: {shape: [2, 2], fill: 1}
              - text: {en: Predict, zh: 预测, zh-Hant: 預測}
                train: {images: 5000, epochs: 50, batch: 50, learning_rate: 0.003, optimizer: sgd, seed: 7}
                question:
                  type: choice
                  ask: {en: 'What?', zh: 什么？, zh-Hant: 什麼？}
                  options:
                    - text: {en: This, zh: 这个, zh-Hant: 這個}
                      correct: true
                    - text: {en: That, zh: 那个, zh-Hant: 那個}
                  explain: {en: Because., zh: 因为。, zh-Hant: 因為。}
              - text: {en: Watch, zh: 看, zh-Hant: 看}
                train: {images: 5000, epochs: 50, batch: 50, learning_rate: 0.003, optimizer: sgd, seed: 7}
              - text: {en: Fewer, zh: 更少, zh-Hant: 更少}
                train: {images: 100}
              - text: {en: Back, zh: 回来, zh-Hant: 回來}
                state: {stride: 2}
            """;

    private LessonWindow w;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-lessons", "training-window"));
        Path file = dir.resolve("train.yaml");
        Files.writeString(file, LESSON);
        // A real background thread: a run on the JavaFX thread would hold the window until it ends.
        w = LessonWindow.start(stage, "training", List.of("--lesson", file.toString()), false,
                java.util.concurrent.Executors.newFixedThreadPool(2, runnable -> {
                    Thread t = new Thread(runnable, "lesson-training-test");
                    t.setDaemon(true);
                    return t;
                }));
    }

    private String selectedTab(FxRobot r) {
        return r.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void aTrainingStepSetsUpTheTabAndStartWaitsForThePrediction(FxRobot r) throws Exception {
        LessonPlayerViewModel player = w.player();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> player.getLesson() != null && player.stepProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("stepper", selectedTab(r));
        r.interact(player::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("training", selectedTab(r));
        TrainingViewModel vm = (TrainingViewModel) r.lookup("#train-root").query().getProperties()
                .get(TrainingViewModel.class);
        assertEquals(5000, vm.trainImagesProperty().get());
        assertEquals(50, vm.epochsProperty().get());
        assertEquals(50, vm.batchSizeProperty().get());
        assertEquals(0.003, vm.learningRateProperty().get(), 1e-12);
        assertEquals(TrainSettings.OptimizerKind.SGD, vm.optimizerProperty().get());
        assertEquals(7, vm.seedProperty().get());
        // The stepper's own scenario is not what a training step shows: no "you changed the state".
        r.interact(() -> w.shell.scenario().layer().strideXProperty().set(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(player.divergedProperty().get());

        Button start = r.lookup("#train-start").queryButton();
        assertTrue(start.isDisabled(), "Start waits for the prediction");
        assertEquals("Answer the lesson's question first, then press Start.",
                r.lookup("#train-status").queryAs(Label.class).getText());
        r.interact(vm::start);
        assertEquals(TrainingViewModel.State.IDLE, vm.stateProperty().get(), "no run before the answer");

        r.interact(() -> player.choose(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(start.isDisabled());
        r.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.stateProperty().get() == TrainingViewModel.State.RUNNING);

        // The next step asks for the same run: it goes on.
        r.interact(player::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("training", selectedTab(r));
        assertTrue(vm.stateProperty().get().busy(), "the same settings keep the run: " + vm.stateProperty().get());

        // Other settings: the run stops and the tab takes them (the rest from the defaults).
        r.interact(player::next);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.stateProperty().get().busy());
        assertEquals(100, vm.trainImagesProperty().get());
        assertEquals(8, vm.epochsProperty().get());
        assertEquals(TrainSettings.OptimizerKind.ADAM, vm.optimizerProperty().get());
        assertFalse(start.isDisabled(), "a step without a question does not hold Start");

        r.interact(player::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("stepper", selectedTab(r));
    }
}
