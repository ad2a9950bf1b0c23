package org.convlens.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.ui.settings.LayerSettingsViewModel;
import org.convlens.ui.stepper.StepperViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: a seeded monkey. Random keys of the command table, clicks anywhere in the window,
 * numbers typed into whatever has the focus, tab switches, and settings changed under an open
 * cell edit (the case that once threw ArrayIndexOutOfBoundsException from the cell editor, an
 * edit committed after the grid shrank). Nothing may reach the JavaFX thread's uncaught handler,
 * and the window must still step afterwards. The seed is printed; a failure names it.
 */
@ExtendWith(ApplicationExtension.class)
class MonkeyWindowTest {
    private static final long SEED = Long.getLong("monkey.seed", 20261202L);
    private static final int EVENTS = Integer.getInteger("monkey.events", 120);

    private static final KeyCode[] KEYS = {
        KeyCode.RIGHT, KeyCode.LEFT, KeyCode.HOME, KeyCode.END, KeyCode.PAGE_DOWN, KeyCode.PAGE_UP, KeyCode.SPACE,
        KeyCode.G, KeyCode.ENTER, KeyCode.ESCAPE, KeyCode.TAB, KeyCode.S, KeyCode.T, KeyCode.L,
        KeyCode.OPEN_BRACKET, KeyCode.CLOSE_BRACKET, KeyCode.F5, KeyCode.F1, KeyCode.F9, KeyCode.DIGIT3,
        KeyCode.MINUS, KeyCode.BACK_SPACE, KeyCode.DELETE, KeyCode.UP, KeyCode.DOWN,
    };
    private static final String[] TYPED = {"7", "-2", "1/9", "0,5", "1e9", "abc", "", "3.25", "−4"};

    private WindowFixture app;
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());

    @Start
    void start(Stage stage) throws Exception {
        app = WindowFixture.start(stage, "monkey-window", false);
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
        fx.setUncaughtExceptionHandler((t, e) -> {
            uncaught.add(e);
            if (previous != null) {
                previous.uncaughtException(t, e);
            }
        });
    }

    @Test
    void randomActionsLeaveTheWindowWhole(FxRobot robot) {
        Random r = new Random(SEED);
        System.out.println("monkey seed " + SEED + ", " + EVENTS + " events");
        Scene scene = app.shell.stage().getScene();
        StepperViewModel stepper = app.shell.stepper();
        LayerSettingsViewModel layer = app.shell.scenario().layer();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        for (int i = 0; i < EVENTS && uncaught.isEmpty(); i++) {
            int kind = r.nextInt(100);
            if (kind < 45) {
                robot.type(KEYS[r.nextInt(KEYS.length)]);
            } else if (kind < 70) {
                clickSomewhere(robot, scene, r);
            } else if (kind < 80) {
                robot.write(TYPED[r.nextInt(TYPED.length)]);
            } else if (kind < 85) {
                int tab = r.nextInt(tabs.getTabs().size());
                robot.interact(() -> tabs.getSelectionModel().select(tab));
            } else if (kind < 95) {
                editThenReshape(robot, r, app.shell.scenario(), layer);
            } else {
                robot.interact(() -> tabs.getSelectionModel().select(0));
                robot.type(KeyCode.ESCAPE);
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(uncaught.isEmpty(), () -> "seed " + SEED + ": " + uncaught);

        // Still alive: back to the stepper, back to a plain scenario, and it steps.
        robot.interact(() -> {
            app.shell.windowModel().setPresentation(false);
            tabs.getSelectionModel().select(0);
            layer.kernelHeightProperty().set(3);
            layer.kernelWidthProperty().set(3);
            layer.strideYProperty().set(1);
            layer.strideXProperty().set(1);
            layer.transposedProperty().set(false);
            layer.poolEnabledProperty().set(false);
            app.shell.scenario().inHeightProperty().set(6);
            app.shell.scenario().inWidthProperty().set(6);
            stepper.jumpTo(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        int before = stepper.getStep();
        robot.interact(() -> stepper.jumpTo(before + 1));
        assertEquals(before + 1, stepper.getStep(), "seed " + SEED + ": the stepper still steps");
        assertTrue(app.shell.stage().isShowing(), "seed " + SEED);
        assertTrue(uncaught.isEmpty(), () -> "seed " + SEED + ": " + uncaught);
    }

    private static void clickSomewhere(FxRobot robot, Scene scene, Random r) {
        Bounds b = scene.getRoot().localToScreen(scene.getRoot().getLayoutBounds());
        if (b == null) {
            return;
        }
        Point2D p = new Point2D(b.getMinX() + r.nextDouble() * b.getWidth(), b.getMinY() + r.nextDouble() * b.getHeight());
        robot.moveTo(p);
        if (r.nextInt(8) == 0) {
            robot.doubleClickOn(MouseButton.PRIMARY);
        } else {
            robot.clickOn(MouseButton.PRIMARY);
        }
    }

    /**
     * Opens a cell edit in the input grid, types, then shrinks or grows the grid and the kernel
     * under it (as a lesson step or another control would) before the edit is committed.
     */
    private static void editThenReshape(FxRobot robot, Random r, org.convlens.ui.stepper.ScenarioViewModel scenario,
                                        LayerSettingsViewModel layer) {
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(0));
        var input = robot.lookup("#inputGrid").tryQuery();
        if (input.isPresent() && input.get().isVisible()) {
            Bounds b = input.get().localToScreen(input.get().getLayoutBounds());
            if (b != null && b.getWidth() > 4) {
                robot.moveTo(new Point2D(b.getMaxX() - 2 - r.nextDouble() * b.getWidth() / 3,
                        b.getMaxY() - 2 - r.nextDouble() * b.getHeight() / 3));
                robot.doubleClickOn(MouseButton.PRIMARY);
                robot.write(TYPED[r.nextInt(TYPED.length)]);
            }
        }
        int what = r.nextInt(8);
        robot.interact(() -> {
            switch (what) {
                case 0 -> layer.kernelHeightProperty().set(1 + r.nextInt(5));
                case 1 -> layer.strideXProperty().set(1 + r.nextInt(3));
                case 2 -> layer.paddingRuleProperty().set(Padding.Rule.values()[r.nextInt(Padding.Rule.values().length)]);
                case 3 -> layer.paddingModeProperty().set(PaddingMode.values()[r.nextInt(PaddingMode.values().length)]);
                case 4 -> layer.transposedProperty().set(r.nextBoolean());
                case 5 -> scenario.inHeightProperty().set(1 + r.nextInt(8));
                case 6 -> scenario.inWidthProperty().set(1 + r.nextInt(8));
                default -> layer.poolEnabledProperty().set(r.nextBoolean());
            }
        });
        robot.type(r.nextBoolean() ? KeyCode.ENTER : KeyCode.TAB);
    }
}
