package org.convlens.ui.compare;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convlens.ui.WindowFixture;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Compare tab in the real window: keys step both sides, presets, a side done first, one cell size, F5, languages. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private WindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = WindowFixture.start(stage, "compare-window", false);
    }

    private CompareViewModel open(FxRobot robot) {
        robot.interact(() -> app.shell.selectTab("compare"));
        WaitForAsyncUtils.waitForFxEvents();
        return (CompareViewModel) robot.lookup("#compare-root").query().getProperties().get(CompareViewModel.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static GridView grid(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(GridView.class);
    }

    @Test
    void arrowKeysStepBothSidesAndLeaveTheStepperAlone(FxRobot robot) {
        robot.interact(() -> app.shell.stepper().jumpTo(2));
        CompareViewModel vm = open(robot);
        assertEquals("Step 1 of 36", text(robot, "#compare-step"));
        robot.type(KeyCode.RIGHT, 3);
        assertEquals(3, vm.getStep());
        assertEquals("Step 4 of 36", text(robot, "#compare-step"));
        for (String side : new String[] {"a", "b"}) {
            var out = grid(robot, "#compare-" + side + "-outputGrid").getPicture();
            assertTrue(CellFlags.has(out.flags(0, 3), CellFlags.CURRENT), side);
            assertEquals(36 - 4, out.count(CellFlags.PENDING), side);
        }
        robot.type(KeyCode.LEFT);
        assertEquals(2, vm.getStep());
        robot.type(KeyCode.END);
        assertEquals(35, vm.getStep());
        robot.type(KeyCode.HOME);
        assertEquals(0, vm.getStep());
        assertTrue(robot.lookup("#compare-back").query().isDisabled());
        assertEquals(2, app.shell.stepper().getStep(), "the stepper keeps its own step");
        // the stepper's tips over both panes: where a padding cell's value comes from, exact outputs
        assertEquals("padding at row -1, column -1: 0", grid(robot, "#compare-a-inputGrid").cellTooltipProperty().get().apply(0, 0));
        assertEquals("padding at row -1, column -1: 5, copied from input row 1, column 1",
                grid(robot, "#compare-b-inputGrid").cellTooltipProperty().get().apply(0, 0));
        assertEquals("output channel 0, row 0, column 0: 0", grid(robot, "#compare-b-outputGrid").cellTooltipProperty().get().apply(0, 0));
        assertEquals("not computed yet at this step", grid(robot, "#compare-b-outputGrid").cellTooltipProperty().get().apply(1, 0));
    }

    @Test
    void strideOneAgainstTwoShowsTheShorterSideDone(FxRobot robot) {
        CompareViewModel vm = open(robot);
        robot.clickOn("#compare-preset-stride");
        assertEquals(Contrast.STRIDE, vm.contrastProperty().get());
        assertEquals("A and B differ only in: stride.", text(robot, "#compare-headline"));
        assertEquals("Step 1 of 16", text(robot, "#compare-step"));
        robot.type(KeyCode.RIGHT, 5);
        assertEquals("Done: all 4 steps", text(robot, "#compare-b-status"));
        assertEquals("Step 6 of 16", text(robot, "#compare-a-status"));
        Node note = robot.lookup("#compare-b-doneNote").query();
        assertTrue(note.isVisible());
        assertTrue(((Label) note).getText().startsWith("B is done"), ((Label) note).getText());
        assertFalse(robot.lookup("#compare-a-doneNote").query().isVisible());
        assertEquals(0, grid(robot, "#compare-b-outputGrid").getPicture().count(CellFlags.PENDING));
        assertEquals(0, grid(robot, "#compare-b-inputGrid").getPicture().count(CellFlags.IN_WINDOW));
    }

    @Test
    void aSettingEditedOnOneSideIsThatSidesOnly(FxRobot robot) {
        CompareViewModel vm = open(robot);
        robot.clickOn("#compare-edit-b");
        @SuppressWarnings("unchecked")
        Spinner<Integer> strideX = robot.lookup("#compare-b-strideX").queryAs(Spinner.class);
        robot.clickOn(strideX.getEditor());
        robot.interact(() -> strideX.getEditor().selectAll());
        robot.write("2").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.contrastProperty().get(), "the comparison is the user's own now");
        assertEquals(2, vm.b().spec().strideX());
        assertEquals(1, vm.a().spec().strideX());
        assertEquals("A and B differ only in: stride, padding fill.", text(robot, "#compare-headline"));
    }

    @Test
    void bothPanesShareOneCellSizeAndPresentingMakesItLarger(FxRobot robot) {
        open(robot);
        WaitForAsyncUtils.waitForFxEvents();
        double s = grid(robot, "#compare-a-inputGrid").getCellSize();
        for (String id : new String[] {"#compare-a-outputGrid", "#compare-b-inputGrid", "#compare-b-outputGrid"}) {
            assertEquals(s, grid(robot, id).getCellSize(), id);
        }
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.shell.windowModel().presentationProperty().get());
        assertFalse(robot.lookup("#compare-settings").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "presenting hides the settings");
        double presented = grid(robot, "#compare-b-outputGrid").getCellSize();
        assertTrue(presented > s, presented + " after " + s);
        robot.interact(() -> app.shell.windowModel().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#compare-settings").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "rebuilt while presenting: still presenting");
        assertEquals(presented, grid(robot, "#compare-a-inputGrid").getCellSize(), "the same cells after the rebuild");
        robot.interact(() -> app.shell.windowModel().localeProperty().set(Locale.ENGLISH));
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.shell.windowModel().presentationProperty().get());
        assertTrue(robot.lookup("#compare-settings").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "the settings come back");
    }

    @Test
    void theTabFollowsTheLanguageSwitchAndKeepsItsStep(FxRobot robot) {
        CompareViewModel vm = open(robot);
        robot.type(KeyCode.RIGHT, 2);
        robot.interact(() -> app.shell.windowModel().localeProperty().set(Locale.TRADITIONAL_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, vm.getStep());
        assertEquals("第 3 步，共 36 步", text(robot, "#compare-step"));
        assertTrue(text(robot, "#compare-headline").contains("填充方式"), text(robot, "#compare-headline"));
        robot.type(KeyCode.RIGHT);
        assertEquals("第 4 步，共 36 步", text(robot, "#compare-step"), "the rebuilt tab takes keys");
        robot.interact(() -> app.shell.windowModel().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("第 4 步，共 36 步", text(robot, "#compare-step"));
        robot.interact(() -> app.shell.windowModel().localeProperty().set(Locale.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Step 4 of 36", text(robot, "#compare-step"));
    }

    @Test
    void theTabTakesTheSteppersScenarioWhenShownAgain(FxRobot robot) {
        CompareViewModel vm = open(robot);
        robot.interact(() -> {
            app.shell.selectTab("stepper");
            app.shell.scenario().inWidthProperty().set(7);
        });
        open(robot);
        assertEquals(7, vm.a().computation().input().width());
        assertEquals(7, vm.b().computation().input().width());
        assertEquals(7, grid(robot, "#compare-a-outputGrid").getPicture().cols(), "7 wide, padded by 1, 3 x 3 kernel");
    }
}
