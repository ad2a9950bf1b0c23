package org.convlens.ui.network;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convlens.ui.WindowFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Network tab in the real window: a click traces, an edit re-runs, an impossible stack says so at its layer. */
@ExtendWith(ApplicationExtension.class)
class NetworkWindowTest {
    private WindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = WindowFixture.start(stage, "network-window", false);
    }

    private NetworkViewModel open(FxRobot robot) throws Exception {
        robot.interact(() -> app.shell.selectTab("network"));
        NetworkViewModel vm = (NetworkViewModel) robot.lookup("#network-root").query().getProperties()
                .get(NetworkViewModel.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.mapsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    @Test
    void aClickOnACellLightsItsFieldInEveryEarlierMap(FxRobot robot) throws Exception {
        NetworkViewModel vm = open(robot);
        MapTiles map2 = robot.lookup("#network-map-2").queryAs(MapTiles.class);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) robot.lookup("#network-root")
                .query().lookup(".stage-scroll");
        robot.interact(() -> {
            // scroll so that the map is in view, as a user would
            double y = map2.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, Math.max(0, y / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] at = map2.cellCenter(0, 7, 7);
        Point2D screen = map2.localToScreen(at[0], at[1]);
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new NetworkViewModel.Cell(2, 0, 7, 7), vm.pickedProperty().get());
        assertEquals(3, vm.litProperty().get().size(), "the input, layer 1's maps and the cell's own");
        String trace = robot.lookup("#network-trace").queryAs(Label.class).getText();
        assertTrue(trace.contains("reads input rows 12 to 17"), trace);
    }

    @Test
    void anEditInTheLayersSettingsUpdatesShapesAndMaps(FxRobot robot) throws Exception {
        NetworkViewModel vm = open(robot);
        @SuppressWarnings("unchecked")
        Spinner<Integer> out = robot.lookup("#net-outChannels").queryAs(Spinner.class);
        robot.clickOn(out.getEditor());
        robot.interact(() -> out.getEditor().selectAll());
        robot.write("3").type(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.mapsProperty().get() != null
                && vm.mapsProperty().get().map(1).channels() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#network-layers").queryAs(ListView.class);
        assertEquals(8, list.getItems().size());
        assertTrue(robot.lookup("#network-map-1").queryAs(MapTiles.class) != null);
        assertEquals("3 x 28 x 28", vm.planProperty().get().layer(0).out().toString());
    }

    /** The layer list's lines, in order. */
    private static java.util.List<String> layerLines(FxRobot robot) {
        java.util.TreeMap<Integer, String> lines = new java.util.TreeMap<>();
        for (javafx.scene.control.ListCell<?> c : robot.lookup("#network-layers .list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class)) {
            if (!c.isEmpty() && c.getText() != null) {
                lines.put(c.getIndex(), c.getText());
            }
        }
        return new java.util.ArrayList<>(lines.values());
    }

    @Test
    void theLayerListSpeaksTheWindowsLanguage(FxRobot robot) throws Exception {
        open(robot);
        java.util.List<String> en = layerLines(robot);
        assertEquals("1. conv 5\u00d75, 6 \u2192 6 \u00d7 28 \u00d7 28", en.get(0));
        assertEquals("2. avg pool 2 \u2192 6 \u00d7 14 \u00d7 14", en.get(1));
        robot.interact(() -> app.shell.windowModel().localeProperty().set(java.util.Locale.SIMPLIFIED_CHINESE));
        open(robot);
        java.util.List<String> zh = layerLines(robot);
        assertEquals("1. 卷积 5\u00d75，6 \u2192 6 \u00d7 28 \u00d7 28", zh.get(0));
        assertEquals("2. 平均池化 2 \u2192 6 \u00d7 14 \u00d7 14", zh.get(1));
        assertTrue(zh.get(4).startsWith("5. 展平"), zh.get(4));
        assertTrue(zh.get(5).startsWith("6. 线性 120"), zh.get(5));
    }

    @Test
    void anImpossibleStackSaysWhyAtTheLayerAndTheLastPictureStays(FxRobot robot) throws Exception {
        NetworkViewModel vm = open(robot);
        Object before = vm.mapsProperty().get();
        robot.interact(() -> vm.layers().get(3).settings().poolHeightProperty().set(12));
        WaitForAsyncUtils.waitForFxEvents();
        Label layerError = robot.lookup("#network-layerError").queryAs(Label.class);
        assertTrue(layerError.isVisible());
        assertTrue(layerError.getText().startsWith("Layer 4 cannot work"), layerError.getText());
        Label banner = robot.lookup("#network-error").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertSame(before, vm.mapsProperty().get(), "the last valid picture stays");
        assertNotNull(robot.lookup("#network-map-4").query());
    }

    @Test
    void aConvLayerOpensInTheStepperWhichSaysWhichLayerItShows(FxRobot robot) throws Exception {
        NetworkViewModel vm = open(robot);
        robot.interact(() -> vm.selectedProperty().set(vm.layers().get(2)));
        robot.clickOn("#network-stepper");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("stepper", tabs.getSelectionModel().getSelectedItem().getId());
        assertEquals(6, app.shell.scenario().getComputation().input().channels());
        Label note = robot.lookup(".source-note").queryAs(Label.class);
        assertTrue(note.isVisible());
        assertTrue(note.getText().startsWith("Layer 3 of LeNet-5"), note.getText());
    }
}
