package org.convlens.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.GridView;
import org.convlens.ui.grid.NumberText;
import org.convlens.ui.stepper.StepperViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real window: keys, clicks and typing, as a user would. */
@ExtendWith(ApplicationExtension.class)
class StepperWindowTest {
    private WindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = WindowFixture.start(stage, "stepper-window", false);
    }

    private StepperViewModel vm() {
        return app.shell.stepper();
    }

    private static GridPicture picture(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(GridView.class).getPicture();
    }

    @Test
    void opensWithTheWorkedExampleAndTheStepperFirst(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("stepper", tabs.getTabs().get(0).getId());
        assertEquals(6, picture(robot, "#inputGrid").rows());
        assertEquals(3, picture(robot, "#kernelGrid").rows());
        assertEquals(4, picture(robot, "#outputGrid").rows());
        assertEquals("Step 1 of 16", robot.lookup("#stepLabel").queryAs(Label.class).getText());
    }

    @Test
    void samePaddingSaysWhatItPadsHereAndExplicitPaddingDoesNot(FxRobot robot) {
        Label resolved = robot.lookup("#paddingResolved").queryAs(Label.class);
        assertFalse(resolved.isVisible(), "valid: " + resolved.getText());
        var layer = app.shell.scenario().layer();
        robot.interact(() -> layer.paddingRuleProperty().set(org.convlens.engine.Padding.Rule.SAME));
        assertTrue(resolved.isVisible());
        assertEquals("Here: top 1, bottom 1, left 1, right 1", resolved.getText());
        // A 2 x 2 kernel: PyTorch's same puts the odd row and column at the bottom and the right.
        robot.interact(() -> {
            layer.kernelHeightProperty().set(2);
            layer.kernelWidthProperty().set(2);
        });
        assertEquals("Here: top 0, bottom 1, left 0, right 1", resolved.getText());
        robot.interact(() -> layer.paddingRuleProperty().set(org.convlens.engine.Padding.Rule.EXPLICIT));
        assertFalse(resolved.isVisible(), "explicit: the boxes say it");
    }

    @Test
    void arrowKeysStepForwardAndBack(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 3);
        assertEquals(3, vm().getStep());
        assertEquals("Step 4 of 16", robot.lookup("#stepLabel").queryAs(Label.class).getText());
        GridPicture out = picture(robot, "#outputGrid");
        assertEquals(16 - 4, out.count(CellFlags.PENDING));
        assertTrue(CellFlags.has(out.flags(0, 3), CellFlags.CURRENT));
        assertTrue(CellFlags.has(picture(robot, "#inputGrid").flags(2, 5), CellFlags.IN_WINDOW));
        robot.type(KeyCode.LEFT);
        assertEquals(2, vm().getStep());
        robot.type(KeyCode.END);
        assertEquals(15, vm().getStep());
        assertEquals(0, picture(robot, "#outputGrid").count(CellFlags.PENDING));
        robot.type(KeyCode.HOME);
        assertEquals(0, vm().getStep());
        assertTrue(robot.lookup("#backButton").query().isDisabled());
    }

    @Test
    void gOpensGoToWithoutTypingAGIntoIt(FxRobot robot) {
        robot.type(KeyCode.G);
        TextField jump = robot.lookup("#jumpField").queryAs(TextField.class);
        assertTrue(jump.isFocused());
        assertEquals("", jump.getText(), "the g that opened it is not typed into it");
        robot.write("5").type(KeyCode.ENTER);
        assertEquals(4, vm().getStep());
    }

    @Test
    void theKeyboardHelpListsEveryKeyIncludingLessonsAndPhotos(FxRobot robot) {
        robot.type(KeyCode.F1);
        javafx.scene.layout.GridPane keys = robot.lookup("#helpKeys").queryAs(javafx.scene.layout.GridPane.class);
        java.util.List<String> texts = keys.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertTrue(texts.contains("Photos"), texts.toString());
        assertTrue(texts.contains("Lessons"), texts.toString());
        assertTrue(texts.contains("Alt + \u2192"), texts.toString());
        assertTrue(texts.contains("Show or hide the lesson panel"), texts.toString());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void spacePlaysUntilTheLastStepAndStops(FxRobot robot) throws Exception {
        // Slowly first, so that it is still playing when the key returns on a loaded machine.
        robot.interact(() -> vm().speedProperty().set(1));
        robot.type(KeyCode.SPACE);
        assertTrue(vm().playingProperty().get());
        robot.interact(() -> vm().speedProperty().set(StepperViewModel.MAX_SPEED));
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> !vm().playingProperty().get());
        assertEquals(15, vm().getStep());
        robot.interact(() -> vm().speedProperty().set(1));
        robot.clickOn("#playButton");
        assertTrue(vm().playingProperty().get());
        robot.type(KeyCode.SPACE);
        assertFalse(vm().playingProperty().get());
        assertTrue(vm().getStep() < 15, "playing again from the end starts at the first step");
    }

    @Test
    void buttonsAndTermPaceStepTermByTerm(FxRobot robot) {
        robot.clickOn("#termPaceToggle");
        assertTrue(vm().termPaceProperty().get());
        robot.clickOn("#forwardButton");
        robot.clickOn("#forwardButton");
        assertEquals(0, vm().getStep());
        assertEquals(2, vm().termProperty().get());
        Label running = robot.lookup("#runningSum").queryAs(Label.class);
        assertTrue(running.getText().contains("term 3 of 9"), running.getText());
        assertTrue(CellFlags.has(picture(robot, "#inputGrid").flags(0, 2), CellFlags.CURRENT));
        assertTrue(CellFlags.has(picture(robot, "#kernelGrid").flags(0, 2), CellFlags.CURRENT));
        robot.type(KeyCode.T);
        assertFalse(vm().termPaceProperty().get());
    }

    @Test
    void editingAnInputCellChangesTheOutput(FxRobot robot) {
        GridView input = robot.lookup("#inputGrid").queryAs(GridView.class);
        // Click and type (a double-click, the other way in, is timed by the system: two clicks far
        // apart on a loaded machine are two single clicks).
        robot.clickOn(input.cellCenterOnScreen(0, 0));
        robot.write("10");
        assertTrue(input.isEditing());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(input.isEditing());
        assertEquals("10", picture(robot, "#inputGrid").text(0, 0));
        Tensor in = app.shell.scenario().getComputation().input();
        Problem p = app.shell.scenario().getComputation().problem();
        float expected = ConvEngine.run(p.spec(), in).featureMap().get(0, 0, 0);
        assertEquals(NumberText.cell(expected), picture(robot, "#outputGrid").text(0, 0));
        assertEquals("2", picture(robot, "#outputGrid").text(0, 0));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals("3", picture(robot, "#inputGrid").text(0, 0), "Ctrl+Z undoes the edit");
        assertEquals(NumberText.MINUS + "5", picture(robot, "#outputGrid").text(0, 0));
    }

    @Test
    void typingSomethingThatIsNotANumberShowsAMessageAtTheCell(FxRobot robot) {
        GridView input = robot.lookup("#inputGrid").queryAs(GridView.class);
        robot.doubleClickOn(input.cellCenterOnScreen(1, 1));
        robot.write("five").type(KeyCode.ENTER);
        assertTrue(input.isEditing(), "a bad value keeps the editor open");
        assertTrue(input.editorMessage().isVisible());
        assertTrue(input.editorMessage().getText().contains("five"), input.editorMessage().getText());
        assertEquals("5", picture(robot, "#inputGrid").text(1, 1));
        robot.type(KeyCode.ESCAPE);
        assertFalse(input.isEditing());
    }

    @Test
    void changingTheStrideChangesTheSizeAndTheFormula(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Spinner<Integer> stride = robot.lookup("#strideX").queryAs(Spinner.class);
        robot.clickOn(stride.getEditor());
        robot.interact(() -> stride.getEditor().selectAll());
        robot.write("2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, app.shell.scenario().layer().strideXProperty().get());
        String cols = robot.lookup("#colsFormula").queryAs(Label.class).getText();
        assertTrue(cols.contains("/ 2) + 1 = 2"), cols);
        assertEquals(2, picture(robot, "#outputGrid").cols());
        assertTrue(robot.lookup("#outputTitle").queryAs(Label.class).getText().contains("4 × 2"));
        assertEquals(8, vm().totalStepsProperty().get());
    }

    @Test
    void anImpossibleKernelShowsItsMessageAtTheKernelAndTheLastPictureStays(FxRobot robot) {
        GridPicture before = picture(robot, "#outputGrid");
        @SuppressWarnings("unchecked")
        Spinner<Integer> kh = robot.lookup("#kernelHeight").queryAs(Spinner.class);
        robot.clickOn(kh.getEditor());
        robot.interact(() -> kh.getEditor().selectAll());
        robot.write("8");
        WaitForAsyncUtils.waitForFxEvents();
        Label msg = robot.lookup("#kernelSizeMessage").queryAs(Label.class);
        assertTrue(msg.isVisible());
        assertTrue(msg.getText().contains("kernel"), msg.getText());
        assertEquals(before, picture(robot, "#outputGrid"));
        assertFalse(robot.lookup("#strideMessage").queryAs(Label.class).isVisible());
    }

    @Test
    void aNumberOutOfRangeInASpinnerSaysWhatIsAllowed(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Spinner<Integer> stride = robot.lookup("#strideY").queryAs(Spinner.class);
        robot.clickOn(stride.getEditor());
        robot.interact(() -> stride.getEditor().selectAll());
        robot.write("0");
        Label msg = robot.lookup("#strideMessage").queryAs(Label.class);
        assertTrue(msg.isVisible());
        assertTrue(msg.getText().contains("1 to 16"), msg.getText());
        assertEquals(1, app.shell.scenario().layer().strideYProperty().get());
    }

    @Test
    void hoveringAnOutputLightsItsWindow(FxRobot robot) {
        GridView out = robot.lookup("#outputGrid").queryAs(GridView.class);
        robot.moveTo(out.cellCenterOnScreen(2, 1));
        GridPicture in = picture(robot, "#inputGrid");
        assertEquals(9, in.count(CellFlags.LINKED));
        assertTrue(CellFlags.has(in.flags(4, 3), CellFlags.LINKED));
        String tip = out.cellTooltipProperty().get().apply(0, 0);
        assertEquals("output channel 0, row 0, column 0: -5", tip);
        assertEquals("not computed yet at this step", out.cellTooltipProperty().get().apply(3, 3));
        GridView in2 = robot.lookup("#inputGrid").queryAs(GridView.class);
        assertEquals("input channel 0, row 1, column 2: 8", in2.cellTooltipProperty().get().apply(1, 2));
        robot.moveTo((javafx.scene.Node) robot.lookup("#stepLabel").query());
        assertEquals(0, picture(robot, "#inputGrid").count(CellFlags.LINKED));
    }

    @Test
    void helpOverlayOpensWithF1AndClosesWithEscape(FxRobot robot) {
        robot.type(KeyCode.F1);
        assertTrue(app.shell.helpShown());
        assertTrue(robot.lookup("#helpKeys").query().isVisible());
        robot.type(KeyCode.ESCAPE);
        assertFalse(app.shell.helpShown());
    }

    @Test
    void theHelpTallerThanTheWindowScrollsWithItsTitleInView(FxRobot robot) {
        // Zoomed in, as for a class at the back of the room: the keys are taller than the window.
        robot.interact(() -> app.shell.windowModel().zoomProperty().set(2.0));
        robot.type(KeyCode.F1);
        javafx.scene.Node title = robot.lookup(".help-title").query();
        javafx.scene.Node close = robot.lookup("#helpClose").query();
        javafx.scene.control.ScrollPane scroll = robot.lookup("#helpScroll").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        javafx.geometry.Bounds card = robot.lookup("#helpKeys").query().localToScene(
                robot.lookup("#helpKeys").query().getLayoutBounds());
        // Before, the card was centred and cut at both ends (its title above the window, with no
        // way to reach it); now it starts in view and scrolls.
        assertTrue(card.getHeight() > view.getHeight(), "the keys alone are taller than the window here: " + card + " in " + view);
        assertTrue(title.localToScene(title.getLayoutBounds()).getMinY() >= view.getMinY(), "the title is in view");
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        javafx.geometry.Bounds closeAt = close.localToScene(close.getLayoutBounds());
        assertTrue(closeAt.getMaxY() <= view.getMaxY() + 0.5, "scrolled down, the close hint is in view: " + closeAt);
        robot.type(KeyCode.ESCAPE);
        assertFalse(app.shell.helpShown());
        robot.type(KeyCode.F1);
        assertTrue(title.localToScene(title.getLayoutBounds()).getMinY() >= view.getMinY(),
                "opened again, the help is at its top, not where it was left");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void switchingToChineseRebuildsTheWindowAndKeepsTheStep(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        robot.interact(() -> app.shell.windowModel().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        assertEquals(2, vm().getStep());
        String step = robot.lookup("#stepLabel").queryAs(Label.class).getText();
        assertEquals("第 3 步，共 16 步", step);
        assertEquals("逐步演示", robot.lookup("#tabs").queryAs(TabPane.class).getTabs().get(0).getText());
        robot.type(KeyCode.RIGHT);
        assertEquals(3, vm().getStep());
        robot.interact(() -> app.shell.windowModel().localeProperty().set(Locale.ENGLISH));
        assertEquals("Step 4 of 16", robot.lookup("#stepLabel").queryAs(Label.class).getText());
    }

    @Test
    void flippingTheKernelShowsItAsEnteredAndAsItSlides(FxRobot robot) {
        robot.clickOn("#flipBox");
        assertTrue(app.shell.scenario().layer().flipProperty().get());
        assertTrue(robot.lookup("#enteredKernelGrid").query().isVisible());
        GridPicture sliding = picture(robot, "#kernelGrid");
        GridPicture entered = picture(robot, "#enteredKernelGrid");
        assertEquals(entered.text(0, 0), sliding.text(2, 2));
        assertEquals("1", entered.text(0, 0));
        assertEquals(NumberText.MINUS + "1", sliding.text(0, 0));
        assertNotEquals(picture(robot, "#outputGrid").text(0, 0), NumberText.MINUS + "5");
    }

    @Test
    void openingABadFileSaysWhyAndKeepsTheScenario(FxRobot robot) throws Exception {
        java.nio.file.Path bad = app.home.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{\"input\": [[1, 2]], \"kernel\": [[1]], \"stride\": 0}");
        app.nextFile = bad;
        robot.interact(() -> app.shell.files().open());
        assertTrue(app.shell.status().contains("$.stride"), app.shell.status());
        assertEquals(6, app.shell.scenario().getComputation().input().height());
        java.nio.file.Path good = java.nio.file.Path.of("examples/everything.json").toAbsolutePath();
        app.nextFile = good;
        robot.interact(() -> app.shell.files().open());
        Problem p = SpecReader.read(good);
        assertEquals(p.input(), app.shell.scenario().getComputation().input());
        assertTrue(robot.lookup("#pooledGrid").query().isVisible());
        assertTrue(robot.lookup("#sliceBar").query().isVisible());
    }

    @Test
    void presentationModeIsHighContrastLargeAndHidesTheSettingsAndF5GoesBack(FxRobot robot) {
        javafx.scene.Parent root = robot.lookup("#tabs").query().getScene().getRoot();
        assertTrue(root.getStylesheets().get(0).endsWith("theme-light.css"));
        robot.type(KeyCode.F5);
        assertTrue(app.shell.windowModel().presentationProperty().get());
        root = robot.lookup("#tabs").query().getScene().getRoot();
        assertTrue(root.getStylesheets().get(0).endsWith("theme-contrast.css"), root.getStylesheets().toString());
        assertTrue(root.getStyle().contains("21.0px"), root.getStyle());
        assertFalse(robot.lookup("#settingsScroll").query().isVisible());
        robot.type(KeyCode.F5);
        assertFalse(app.shell.windowModel().presentationProperty().get());
        assertTrue(robot.lookup("#settingsScroll").query().isVisible());
        assertTrue(root.getStylesheets().get(0).endsWith("theme-light.css"));
        robot.interact(() -> app.shell.windowModel().themeProperty().set(WindowViewModel.Theme.DARK));
        assertTrue(root.getStylesheets().get(0).endsWith("theme-dark.css"));
        robot.interact(() -> app.shell.windowModel().themeProperty().set(WindowViewModel.Theme.LIGHT));
    }

    @Test
    void theSKeyHidesTheSettingsAndTheGridsTakeTheRoom(FxRobot robot) {
        double before = robot.lookup("#inputGrid").queryAs(GridView.class).getCellSize();
        robot.type(KeyCode.S);
        assertFalse(robot.lookup("#settingsScroll").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        double after = robot.lookup("#inputGrid").queryAs(GridView.class).getCellSize();
        assertTrue(after >= before, before + " -> " + after);
        robot.type(KeyCode.S);
        assertTrue(robot.lookup("#settingsScroll").query().isVisible());
    }

    @Test
    void anUnexpectedErrorBecomesAStatusLineNotADeadWindow(FxRobot robot) {
        robot.interact(() -> app.shell.uncaught(new IllegalStateException("test")));
        assertTrue(app.shell.status().contains("IllegalStateException: test"), app.shell.status());
        robot.type(KeyCode.RIGHT);
        assertEquals(1, vm().getStep());
    }
}
