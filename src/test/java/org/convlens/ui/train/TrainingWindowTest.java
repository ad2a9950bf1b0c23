package org.convlens.ui.train;

import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.convlens.engine.ConvSpec;
import org.convlens.network.ConvLayer;
import org.convlens.ui.WindowFixture;
import org.convlens.ui.network.MapTiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Training tab in the real window (English), at small scale: a run on the shipped images
 * starts, pauses, resumes and is cancelled; a run of one epoch on 640 images finishes, a confusion
 * cell lists its images, the network is saved through the file picker, and a learned kernel opens
 * in the stepper, which says which it is.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingWindowTest {
    private WindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = WindowFixture.start(stage, "training-window", false);
    }

    private TrainingViewModel open(FxRobot robot, int images, int epochs) {
        robot.interact(() -> app.shell.selectTab("training"));
        TrainingViewModel vm = (TrainingViewModel) robot.lookup("#train-root").query().getProperties()
                .get(TrainingViewModel.class);
        robot.interact(() -> {
            vm.trainImagesProperty().set(images);
            vm.epochsProperty().set(epochs);
            vm.batchSizeProperty().set(16);
        });
        return vm;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the tab so that the node is in view, as a user would. */
    private static void reveal(FxRobot robot, String query) {
        javafx.scene.Node n = robot.lookup(query).query();
        javafx.scene.control.ScrollPane scroll = robot.lookup(".train-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            double y = n.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRunPausesResumesAndIsCancelledAShortOneFinishesAndALearnedKernelOpensInTheStepper(FxRobot robot)
            throws Exception {
        TrainingViewModel run = open(robot, 10_000, 3);
        for (String b : new String[] {"#train-backward-input", "#train-backward-kernel"}) {
            assertTrue(robot.lookup(b).queryAs(Button.class).isDisabled(), b + ": no network to step back through yet");
        }
        javafx.scene.chart.NumberAxis lossAxis = (javafx.scene.chart.NumberAxis) robot.lookup("#train-loss-chart")
                .queryAs(javafx.scene.chart.LineChart.class).getYAxis();
        assertEquals(3.0, lossAxis.getUpperBound(), "before a point, the span of a first loss");
        robot.clickOn("#train-start");
        waitFor(() -> run.stateProperty().get() == TrainingViewModel.State.RUNNING && run.progressProperty().get() > 0);
        robot.clickOn("#train-pause");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainingViewModel.State.PAUSED, run.stateProperty().get());
        assertEquals("Resume", robot.lookup("#train-pause").queryAs(Button.class).getText());
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        double held = run.progressProperty().get();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(held, run.progressProperty().get(), "nothing moves while paused");
        robot.clickOn("#train-pause");
        waitFor(() -> run.progressProperty().get() > held);
        robot.clickOn("#train-cancel");
        waitFor(() -> run.stateProperty().get() == TrainingViewModel.State.CANCELLED);
        String status = robot.lookup("#train-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Cancelled at epoch 1, batch "), status);
        assertTrue(run.progressProperty().get() < 1.0 / 3);
        assertTrue(!robot.lookup("#train-start").queryAs(Button.class).isDisabled());

        TrainingViewModel vm = open(robot, 640, 1);

        // A short run to its end.
        robot.clickOn("#train-start");
        waitFor(() -> vm.stateProperty().get() == TrainingViewModel.State.FINISHED);
        status = robot.lookup("#train-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Done after epoch 1: test accuracy "), status);
        assertEquals(1, vm.testAccuracy().size());
        assertEquals(1.0, robot.lookup("#train-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress());

        // A confusion cell lists the test images it counts.
        int[][] c = vm.inspector().confusionProperty().get();
        int a = 6;
        int p = a;
        for (int k = 0; k < c.length; k++) {
            if (k != a && c[a][k] > 0) {
                p = k;
                break;
            }
        }
        int count = c[a][p];
        reveal(robot, "#train-confusion-" + a + "-" + p);
        robot.clickOn("#train-confusion-" + a + "-" + p);
        int pp = p;
        waitFor(() -> vm.inspector().cellImages().size() == Math.min(count, Inspector.MAX_LISTED)
                && new Inspector.Cell(a, pp).equals(vm.inspector().cellProperty().get()));

        // Saved through the window's file picker: the three files.
        app.nextFile = app.home.resolve("trained");
        robot.clickOn("#train-save");
        waitFor(() -> java.nio.file.Files.isRegularFile(app.nextFile.resolve("weights.safetensors")));
        waitFor(() -> robot.lookup("#train-status").queryAs(Label.class).getText().startsWith("Saved network.json"));

        // A learned kernel, clicked, opens in the stepper with its learned weights.
        waitFor(() -> vm.inspector().answerProperty().get() != null);
        for (String b : new String[] {"#train-backward-input", "#train-backward-kernel"}) {
            assertTrue(!robot.lookup(b).queryAs(Button.class).isDisabled(), b + " after a run");
        }
        javafx.scene.chart.NumberAxis lossNow = (javafx.scene.chart.NumberAxis) robot.lookup("#train-loss-chart")
                .queryAs(javafx.scene.chart.LineChart.class).getYAxis();
        assertTrue(lossNow.isAutoRanging(), "with points, the axis follows them");
        reveal(robot, "#train-kernels");
        MapTiles kernels = robot.lookup("#train-kernels").queryAs(MapTiles.class);
        double[] at = kernels.cellCenter(2, 1, 1);
        Point2D screen = kernels.localToScreen(at[0], at[1]);
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        reveal(robot, "#train-kernel-stepper");
        robot.clickOn("#train-kernel-stepper");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("stepper", tabs.getSelectionModel().getSelectedItem().getId());
        ConvSpec learned = ((ConvLayer) vm.networkProperty().get().layers().get(0)).spec();
        ConvSpec shown = app.shell.scenario().getComputation().plan().spec();
        assertArrayEquals(Arrays.copyOfRange(learned.kernel().data(), 18, 27), shown.kernel().data(),
                "kernel 3 of layer 1, as learned");
        assertEquals(vm.inspector().test().image(vm.inspector().imageProperty().get()),
                app.shell.scenario().getComputation().input());
        Label note = robot.lookup(".source-note").queryAs(Label.class);
        assertTrue(note.isVisible());
        assertTrue(note.getText().startsWith("Kernel 3 of layer 1, learned (epoch 1)"), note.getText());
    }
}
