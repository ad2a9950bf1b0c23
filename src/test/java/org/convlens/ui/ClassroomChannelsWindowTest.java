package org.convlens.ui;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import org.convlens.ui.grid.GridView;
import org.convlens.ui.stepper.Pen;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classroom's all-channels overview (A) and the pen's marks, which stay on their cells when the grids rescale. */
@ExtendWith(ApplicationExtension.class)
class ClassroomChannelsWindowTest {
    private WindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = WindowFixture.start(stage, "classroom-channels", false);
    }

    private StepperViewModel vm() {
        return app.shell.stepper();
    }

    private static boolean visible(FxRobot r, String id) {
        Node n = r.lookup(id).tryQuery().orElse(null);
        return n != null && n.isVisible();
    }

    private void key(FxRobot r, KeyCode k, KeyCode... with) {
        r.clickOn("#stepLabel");
        r.press(with).press(k).release(k).release(with);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void settle() {
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void theAKeyShowsEveryChannelAndAClickOnASliceShowsIt(FxRobot r) {
        assertEquals("Kernel", r.lookup("#kernelTitle").queryAs(Label.class).getText(), "one channel: nothing to tell apart");
        assertFalse(visible(r, "#allChannelsToggle"), "nothing to overview with one channel");
        r.interact(() -> {
            app.shell.scenario().inChannelsProperty().set(3);
            app.shell.scenario().layer().outChannelsProperty().set(2);
            app.shell.scenario().randomInput();
        });
        assertFalse(visible(r, "#channelOverview"));
        assertTrue(visible(r, "#allChannelsToggle"), "offered with more than one channel");
        assertEquals("Kernel: out 0, in 0", r.lookup("#kernelTitle").queryAs(Label.class).getText());
        key(r, KeyCode.A);
        assertTrue(vm().allChannelsProperty().get());
        settle();
        assertTrue(visible(r, "#channelOverview"));
        assertFalse(visible(r, "#inputBox"), "the overview takes the place of the one channel and slice");
        assertTrue(visible(r, "#outputBox"));
        for (int ci = 0; ci < 3; ci++) {
            assertTrue(visible(r, "#overviewInput" + ci));
            assertTrue(r.lookup("#overviewShare" + ci).queryAs(Label.class).getText().startsWith("\u03a3 = "));
        }
        assertTrue(r.lookup("#overviewSum").queryAs(Label.class).getText().startsWith("Output [0, 0, 0] = "));
        GridView slice = r.lookup("#overviewSlice1x2 .grid-view").queryAs(GridView.class);
        assertTrue(slice.getCellSize() >= 20, "readable: " + slice.getCellSize());

        r.clickOn("#overviewSlice1x2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm().getFrame().outChannel(), "the slice's output channel");
        assertEquals(2, vm().getFrame().inChannel(), "and its input channel");
        assertEquals(2, vm().pinnedSliceProperty().get(), "chosen as with the channel bars");
        assertTrue(r.lookup("#overviewSlice1x2").query().getStyleClass().contains("overview-current"));
        assertTrue(r.lookup("#outputTitle").queryAs(Label.class).getText().startsWith("Output 1"));

        assertTrue(app.shell.actions().help(Locale.ENGLISH, UiText::get).stream()
                .anyMatch(h -> h.keys().equals("A") && h.action().startsWith("All channels")), "F1 lists the key");

        // presentation mode (F5): larger
        double normal = r.lookup("#overviewInput0").queryAs(GridView.class).getCellSize();
        r.type(KeyCode.F5);
        settle();
        double presenting = r.lookup("#overviewInput0").queryAs(GridView.class).getCellSize();
        assertTrue(presenting > normal, normal + " -> " + presenting);
        r.type(KeyCode.F5);
        settle();
        // the live language switch
        r.interact(() -> app.shell.windowModel().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        settle();
        assertTrue(r.lookup("#overviewSum").queryAs(Label.class).getText().startsWith("输出 [1, 0, 0] = "),
                r.lookup("#overviewSum").queryAs(Label.class).getText());
        r.interact(() -> app.shell.windowModel().localeProperty().set(Locale.ENGLISH));
        settle();
        key(r, KeyCode.A);
        settle();
        assertFalse(visible(r, "#channelOverview"));
        assertTrue(visible(r, "#inputBox"));
        assertEquals("Kernel: out 1, in 2", r.lookup("#kernelTitle").queryAs(Label.class).getText(),
                "the slice chosen in the overview stays shown, its title saying which channels it joins");
        r.interact(() -> app.shell.windowModel().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        assertEquals("卷积核：输出 1，输入 2", r.lookup("#kernelTitle").queryAs(Label.class).getText());
        r.interact(() -> app.shell.windowModel().localeProperty().set(Locale.TRADITIONAL_CHINESE));
        assertEquals("卷積核：輸出 1，輸入 2", r.lookup("#kernelTitle").queryAs(Label.class).getText());
        r.interact(() -> app.shell.windowModel().localeProperty().set(Locale.ENGLISH));
    }

    @Test
    void withGroupsTheSlicesAcrossGroupsAreEmpty(FxRobot r) {
        r.interact(() -> {
            app.shell.scenario().inChannelsProperty().set(4);
            app.shell.scenario().layer().outChannelsProperty().set(4);
            app.shell.scenario().layer().groupsProperty().set(2);
            vm().allChannelsProperty().set(true);
        });
        settle();
        assertTrue(visible(r, "#overviewEmpty0x2"), "output 0 does not read input 2");
        assertTrue(visible(r, "#overviewSlice0x1"));
        assertTrue(r.lookup("#overviewEmpty3x1").tryQuery().isPresent());
        assertTrue(r.lookup("#overviewSlice3x1").tryQuery().isEmpty());
        assertEquals("not read: another group", r.lookup("#overviewShare2").queryAs(Label.class).getText(),
                "output 0 reads inputs 0 and 1 only");
    }

    @Test
    void penMarksStayOnTheirCellsWhenTheZoomChanges(FxRobot r) {
        Pen pen = vm().pen();
        key(r, KeyCode.P);
        assertTrue(pen.activeProperty().get());
        GridView input = r.lookup("#inputGrid").queryAs(GridView.class);
        r.drag(input.cellCenterOnScreen(1, 1)).moveTo(input.cellCenterOnScreen(2, 3))
                .moveTo(input.cellCenterOnScreen(4, 4)).drop();
        settle();
        assertEquals(1, pen.strokes().size());
        Pen.Point first = pen.strokes().get(0).points().get(0);
        assertEquals("inputGrid", first.anchor(), "held by the grid it was drawn on");
        assertEquals(1.5, first.u(), 0.1);
        assertEquals(1.5, first.v(), 0.1);

        // an arrow with Shift, a circle with Alt
        r.press(KeyCode.SHIFT).drag(input.cellCenterOnScreen(0, 0)).moveTo(input.cellCenterOnScreen(3, 3)).drop()
                .release(KeyCode.SHIFT);
        settle();
        assertEquals(Pen.Shape.ARROW, pen.strokes().get(1).shape());
        assertEquals(2, pen.strokes().get(1).points().size());
        r.press(KeyCode.ALT).drag(input.cellCenterOnScreen(2, 2)).moveTo(input.cellCenterOnScreen(2, 4)).drop()
                .release(KeyCode.ALT);
        settle();
        assertEquals(Pen.Shape.CIRCLE, pen.strokes().get(2).shape());
        assertEquals(3, r.lookup(".pen-stroke").queryAll().size());

        double before = input.cellSize();
        r.interact(() -> app.shell.windowModel().zoomIn());
        r.interact(() -> app.shell.windowModel().zoomIn());
        settle();
        double after = input.cellSize();
        assertTrue(Math.abs(after - before) >= 2, "the zoom rescales the grids: " + before + " -> " + after);
        Polyline line = r.lookup(".pen-stroke").queryAll().stream().filter(n -> n instanceof Polyline)
                .map(n -> (Polyline) n).findFirst().orElseThrow();
        Point2D drawn = line.localToScene(line.getPoints().get(0), line.getPoints().get(1));
        Point2D cell = input.cellCenterInScene(1, 1);
        assertEquals(cell.getX(), drawn.getX(), 1.5, "the line starts on cell (1, 1) still");
        assertEquals(cell.getY(), drawn.getY(), 1.5);
        Point2D end = line.localToScene(line.getPoints().get(line.getPoints().size() - 2),
                line.getPoints().get(line.getPoints().size() - 1));
        Point2D last = input.cellCenterInScene(4, 4);
        assertEquals(last.getX(), end.getX(), 1.5, "and ends on cell (4, 4)");
        assertEquals(last.getY(), end.getY(), 1.5);

        key(r, KeyCode.P, KeyCode.SHIFT);
        assertEquals(Pen.Shape.ARROW, pen.toolProperty().get(), "Shift + P: the next shape");
        assertTrue(r.lookup("#penNote").queryAs(Label.class).getText().startsWith("Pen, arrow"));
        r.interact(() -> app.shell.windowModel().zoomReset());
    }

    @Test
    void aMarkOnTheOverviewStaysOnItsCellToo(FxRobot r) {
        r.interact(() -> {
            app.shell.scenario().inChannelsProperty().set(3);
            vm().allChannelsProperty().set(true);
            vm().pen().activeProperty().set(true);
        });
        settle();
        GridView in1 = r.lookup("#overviewInput1").queryAs(GridView.class);
        r.drag(in1.cellCenterOnScreen(1, 1)).moveTo(in1.cellCenterOnScreen(3, 3)).drop();
        settle();
        assertEquals("overviewInput1", vm().pen().strokes().get(0).points().get(0).anchor());
        double before = in1.cellSize();
        r.interact(() -> app.shell.windowModel().zoomIn());
        r.interact(() -> app.shell.windowModel().zoomIn());
        settle();
        assertTrue(Math.abs(in1.cellSize() - before) >= 2, before + " -> " + in1.cellSize());
        Polyline line = r.lookup(".pen-stroke").queryAs(Polyline.class);
        Point2D drawn = line.localToScene(line.getPoints().get(0), line.getPoints().get(1));
        Point2D cell = in1.cellCenterInScene(1, 1);
        assertEquals(cell.getX(), drawn.getX(), 1.5);
        assertEquals(cell.getY(), drawn.getY(), 1.5);
        r.interact(() -> {
            app.shell.windowModel().zoomReset();
            vm().pen().clear();
            vm().pen().activeProperty().set(false);
        });
    }
}
