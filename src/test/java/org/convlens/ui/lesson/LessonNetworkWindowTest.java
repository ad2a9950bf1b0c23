package org.convlens.ui.lesson;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.convlens.network.ConvLayer;
import org.convlens.ui.network.LayerItem;
import org.convlens.ui.network.MapTiles;
import org.convlens.ui.network.NetworkViewModel;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lesson step that shows a network opens the Network tab with that stack, its own input and
 * weights and the step's traced cell; the tab's numbers stay covered until the question is
 * answered; the next step without a network goes back to the stepper. Texts asserted in English.
 */
@ExtendWith(ApplicationExtension.class)
class LessonNetworkWindowTest {
    static {
        LessonWindow.screen();
    }

    private static final String LESSON = """
            title: {en: Nets, zh: 网络, zh-Hant: 網路}
            level: beginner
            summary: {en: S, zh: 摘要, zh-Hant: 摘要}
            steps:
              - text: {en: One layer, zh: 一层, zh-Hant: 一層}
                state:
                  input: {shape: [5, 5], fill: count}
                  kernel: {shape: [2, 2], fill: 1}
              - text: {en: Two layers, zh: 两层, zh-Hant: 兩層}
                network:
                  input: {shape: [9, 9], fill: count}
                  layers:
                    - {kernel: {shape: [1, 1, 3, 3], fill: 1}, padding: 1, activation: relu}
                    - {type: pool, pool: {type: max, size: 2}}
                    - {kernel: {shape: [2, 1, 3, 3], fill: -1}}
                  trace: {layer: 3, cell: [1, 1, 1]}
                question:
                  type: count
                  of: receptive_field
                  ask: {en: 'How many rows?', zh: 几行？, zh-Hant: 幾列？}
                  explain: {en: Eight., zh: 八。, zh-Hant: 八。}
              - text: {en: Back, zh: 回来, zh-Hant: 回來}
                state: {stride: 2}
            """;

    private LessonWindow w;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-lessons", "network-window"));
        Path file = dir.resolve("nets.yaml");
        Files.writeString(file, LESSON);
        w = LessonWindow.start(stage, "network", List.of("--lesson", file.toString()));
    }

    private String selectedTab(FxRobot r) {
        return r.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void aNetworkStepShowsItsStackInTheNetworkTab(FxRobot r) throws Exception {
        LessonPlayerViewModel player = w.player();
        assertEquals("Nets", player.getLesson().title().en());
        assertEquals("stepper", selectedTab(r));

        r.interact(player::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("network", selectedTab(r));
        // The stepper's own scenario (a restored one, an edit) is not what a network step shows.
        r.interact(() -> w.shell.scenario().layer().strideXProperty().set(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(player.divergedProperty().get(), "no 'you changed the state' on a network step");
        NetworkViewModel vm = (NetworkViewModel) r.lookup("#network-root").query().getProperties()
                .get(NetworkViewModel.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.planProperty().get() != null
                && vm.planProperty().get().layers().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        // The stack is the step's, with its own weights and input, not a preset.
        assertEquals(List.of(LayerItem.Kind.CONV, LayerItem.Kind.POOL, LayerItem.Kind.CONV),
                vm.layers().stream().map(LayerItem::kind).toList());
        assertEquals("", vm.presetProperty().get());
        ConvLayer last = (ConvLayer) vm.planProperty().get().layer(2).layer();
        assertEquals(-1f, last.spec().kernel().data()[0]);
        assertEquals(9f * 9, vm.mapsProperty().get().input().get(0, 8, 8));
        assertEquals("2 x 2 x 2", vm.planProperty().get().output().toString());
        // The traced cell lights its field in the input.
        assertEquals(new NetworkViewModel.Cell(vm.planProperty().get().outputMap(2), 1, 1, 1),
                vm.pickedProperty().get());
        assertNotNull(vm.litProperty().get().get(0));
        // Until the question is answered, the tab does not print the receptive field.
        assertTrue(vm.numbersHiddenProperty().get());
        Label trace = r.lookup("#network-trace").queryAs(Label.class);
        assertFalse(trace.getText().contains("8 \u00d7 8"), trace.getText());
        MapTiles input = r.lookup("#network-map-0").queryAs(MapTiles.class);
        assertNull(input.lit(), "the lit field would show the answer");

        r.interact(() -> {
            player.answerProperty().set("8");
            player.check();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(player.verdictProperty().get().correct());
        assertFalse(vm.numbersHiddenProperty().get());
        assertTrue(trace.getText().contains("8 \u00d7 8"), trace.getText());
        // The maps are drawn again with their numbers: the input's tiles light the whole field.
        assertEquals(8L, r.lookup("#network-map-0").queryAs(MapTiles.class).lit().rows().size());

        r.interact(player::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("stepper", selectedTab(r));
        assertEquals(2, w.shell.scenario().latestProblemProperty().get().spec().strideY());
    }
}
