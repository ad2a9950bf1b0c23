package org.convlens.ui.lesson;

import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convlens.ui.UiText;
import org.convlens.ui.grid.GridView;
import org.convlens.ui.actions.Actions;
import org.convlens.ui.actions.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The teacher's tools on the free stepper (no lesson open), in English: the quiz key that covers
 * the output and the sum until revealed, and the pen.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomWindowTest {
    static {
        LessonWindow.screen();
    }

    private LessonWindow w;

    @Start
    void start(Stage stage) throws Exception {
        w = LessonWindow.start(stage, "classroom", List.of("--lesson=none"));
    }

    private static boolean visible(FxRobot r, String id) {
        Node n = r.lookup(id).tryQuery().orElse(null);
        return n != null && n.isVisible();
    }

    private void key(FxRobot r, KeyCode k) {
        r.clickOn("#stepLabel");
        r.press(k).release(k);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private CheckMenuItem menuItem(String command) {
        for (var m : w.shell.mainWindow().menuBar().getMenus()) {
            for (MenuItem it : m.getItems()) {
                if (command.equals(it.getUserData()) && it instanceof CheckMenuItem c) {
                    return c;
                }
            }
        }
        throw new AssertionError("no menu item for " + command);
    }

    @Test
    void theQuizKeyCoversTheOutputAndTheSumUntilRevealed(FxRobot r) {
        assertNull(w.player().getLesson(), "the free stepper");
        assertFalse(visible(r, "#cover-outputBox"));
        key(r, KeyCode.Q);
        assertTrue(w.shell.stepper().quizProperty().get());
        assertTrue(visible(r, "#cover-outputBox"), "the output is covered");
        assertTrue(visible(r, "#cover-arithmeticPane"), "and the sum");
        assertFalse(visible(r, "#cover-inputBox"), "the input and the kernel stay in view");
        assertFalse(visible(r, "#cover-kernelBox"));
        assertTrue(menuItem("QUIZ").isSelected(), "the menu shows the quiz is on");

        key(r, KeyCode.RIGHT);
        assertEquals(1, w.shell.stepper().getStep());
        assertTrue(visible(r, "#cover-outputBox"), "a step keeps the covers");
        r.interact(() -> w.shell.scenario().setInputCell(0, 0, 0, "9"));
        assertTrue(visible(r, "#cover-arithmeticPane"), "an edit keeps the covers");

        key(r, KeyCode.Q);
        assertFalse(w.shell.stepper().quizProperty().get());
        assertFalse(visible(r, "#cover-outputBox"), "revealed");
        assertFalse(visible(r, "#cover-arithmeticPane"));
        assertFalse(menuItem("QUIZ").isSelected());

        // a click on a check item selects it (fire() alone runs only its action)
        r.interact(() -> menuItem("QUIZ").setSelected(true));
        assertTrue(visible(r, "#cover-outputBox"), "the menu item covers too");
        r.interact(() -> menuItem("QUIZ").setSelected(false));

        String help = "Quiz the class: cover the output and the sum, or reveal them";
        assertTrue(w.shell.actions().help(Locale.ENGLISH, UiText::get).stream()
                .anyMatch(h -> h.action().equals(help) && h.keys().equals("Q")), "F1 help lists the key");
        assertEquals("Q", Actions.keyText(Command.QUIZ.keys().get(0)));
        assertTrue(r.lookup("#stepLabel").queryAs(Label.class).getText().startsWith("Step"));
    }

    @Test
    void thePenDrawsOverTheGridsAndOneKeyClearsIt(FxRobot r) {
        var pen = w.shell.stepper().pen();
        var before = w.shell.scenario().latestProblemProperty().get();
        key(r, KeyCode.P);
        assertTrue(pen.activeProperty().get());
        assertTrue(menuItem("PEN").isSelected());
        assertTrue(visible(r, "#penNote"), "the overlay says how to clear and put the pen away");
        assertEquals("Pen, line: drag to draw (with Shift an arrow, with Alt a circle); Shift + P changes the shape. "
                + "C clears, P puts the pen away.",
                r.lookup("#penNote").queryAs(Label.class).getText());

        Node input = r.lookup("#inputGrid").query();
        Node output = r.lookup("#outputGrid").query();
        Node kernel = r.lookup("#kernelGrid").query();
        r.drag(input).moveTo(kernel).moveTo(output).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, pen.strokes().size(), "one stroke");
        assertTrue(pen.strokes().get(0).points().size() >= 3, "through the points it passed");
        assertEquals(1, r.lookup(".pen-stroke").queryAll().size(), "drawn over the stage");
        r.clickOn(output);
        assertEquals(2, pen.strokes().size(), "a click with the pen draws");
        assertEquals(-1, ((GridView) output).clickedCellProperty().get(), "and does not reach the grid");
        assertEquals(before, w.shell.scenario().latestProblemProperty().get(), "strokes are not in the scenario");

        // a language switch rebuilds the window: the drawing stays
        r.interact(() -> w.shell.windowModel().localeProperty().set(Locale.TRADITIONAL_CHINESE));
        assertEquals(2, r.lookup(".pen-stroke").queryAll().size());
        assertTrue(r.lookup("#penNote").queryAs(Label.class).getText().startsWith("畫筆"));
        r.interact(() -> w.shell.windowModel().localeProperty().set(Locale.ENGLISH));

        key(r, KeyCode.C);
        assertTrue(pen.strokes().isEmpty(), "C clears");
        assertEquals(0, r.lookup(".pen-stroke").queryAll().size());
        assertTrue(pen.activeProperty().get(), "and leaves the pen in hand");
        key(r, KeyCode.P);
        assertFalse(pen.activeProperty().get());
        assertFalse(visible(r, "#penNote"));
        r.clickOn("#outputGrid");
        assertTrue(pen.strokes().isEmpty());
        assertTrue(r.lookup("#outputGrid").queryAs(GridView.class).clickedCellProperty().get() >= 0,
                "with the pen away the mouse reaches the grids again");
        assertTrue(w.shell.actions().help(Locale.ENGLISH, UiText::get).stream()
                .anyMatch(h -> h.keys().equals("C") && h.action().equals("Clear the pen drawing")));
    }

    @Test
    void withAnActivationTheMapsBeforeAndAfterItStandSideBySide(FxRobot r) {
        assertFalse(visible(r, "#preActivationBox"), "no activation: one map");
        r.interact(() -> w.shell.scenario().layer().activationProperty().set(
                org.convlens.engine.Activation.Type.RELU));
        key(r, KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visible(r, "#preActivationBox"));
        assertEquals("Before ReLU: sum + bias", r.lookup("#preActivationTitle").queryAs(Label.class).getText());
        GridView pre = r.lookup("#preActivationGrid").queryAs(GridView.class);
        GridView out = r.lookup("#outputGrid").queryAs(GridView.class);
        assertEquals("\u22125", pre.getPicture().text(0, 0), "the sum before ReLU");
        assertEquals("0", out.getPicture().text(0, 0), "and after it");
        assertEquals(out.getCellSize(), pre.getCellSize(), 1e-9, "one cell size for every grid");
        var preBounds = pre.localToScene(pre.getBoundsInLocal());
        var outBounds = out.localToScene(out.getBoundsInLocal());
        assertTrue(preBounds.getMaxX() <= outBounds.getMinX(), "side by side, before on the left");
        assertEquals(preBounds.getMinY(), outBounds.getMinY(), 1.0);

        key(r, KeyCode.Q);
        assertTrue(visible(r, "#cover-preActivationBox"), "the quiz covers the map before the activation too");
        key(r, KeyCode.Q);
        assertFalse(visible(r, "#cover-preActivationBox"));
        r.interact(() -> w.shell.scenario().layer().activationProperty().set(
                org.convlens.engine.Activation.Type.NONE));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(visible(r, "#preActivationBox"));
    }
}
