package org.convlens.ui.photo;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.convlens.ui.WindowFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The photo view as a tab of the real main window, talking to the stepper. */
@ExtendWith(ApplicationExtension.class)
class PhotoTabTest {
    private WindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = WindowFixture.start(stage, "photo-tab", false);
    }

    private static Tab photosTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        return tabs.getTabs().stream().filter(t -> "photos".equals(t.getId())).findFirst().orElseThrow();
    }

    @Test
    void photosTabTakesTheStepperKernelAndSendsAPatchBack(FxRobot robot) throws Exception {
        Tab tab = photosTab(robot);
        robot.interact(() -> tab.getTabPane().getSelectionModel().select(tab));
        PhotoView view = (PhotoView) ((Node) tab.getContent()).getUserData();
        PhotoViewModel vm = view.viewModel();
        // The first visit opens a bundled photo by itself.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.displayProperty().get() != null);
        assertEquals(PhotoTab.FIRST_SAMPLE, vm.photoProperty().get().name());
        var samples = robot.lookup("#photo-samplesButton").queryAs(javafx.scene.control.MenuButton.class).getItems();
        assertTrue(samples.stream().anyMatch(i -> "hubble_deep_field.jpg".equals(i.getText()) && !i.isMnemonicParsing()),
                "a sample's name is shown whole, its underscore not taken as a mnemonic");
        var stepperKernel = app.shell.scenario().latestProblemProperty().get().spec().kernel();
        assertEquals(stepperKernel.get(0, 0, 0, 0), vm.layer().build().kernel().get(0, 0, 0, 0));
        assertEquals(stepperKernel.height(), vm.layer().build().kernel().height());
        robot.interact(() -> vm.openSample("coins.png"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.displayProperty().get() != null
                && "coins.png".equals(vm.displayProperty().get().source().photo().name()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> PhotoViewTest.snapshot(tab.getTabPane().getScene(), "photo-tab.png"));
        robot.interact(() -> vm.sendPatch(100, 120));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("stepper", tab.getTabPane().getSelectionModel().getSelectedItem().getId());
        var input = app.shell.scenario().latestProblemProperty().get().input();
        assertNotNull(input);
        assertArrayEquals(new int[] {1, 8, 8}, input.shape());
        assertEquals(vm.photoProperty().get().tensor().get(0, 120, 100), input.get(0, 0, 0));
    }
}
