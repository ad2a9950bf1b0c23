package org.convlens.ui.stepper;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import org.controlsfx.control.SegmentedButton;
import org.convlens.engine.ConvPlan;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The stepper's two channel bars: which kernel slice (input channel) the frame shows, following
 * the step or pinned, and which output channel it fills. One button per channel in a ControlsFX
 * segmented bar, or a drop-down list above {@link #MAX_CHANNEL_BUTTONS} channels. Rebuilt only
 * when the number of channels changes; each frame only marks the buttons.
 */
final class ChannelBars {
    private final StepperViewModel vm;
    private final FlowPane sliceBar;
    private final FlowPane outChannelBar;
    private final BiFunction<String, Object[], String> texts;
    private int shownSlices = -1;
    private int shownOutChannels = -1;

    ChannelBars(StepperViewModel vm, FlowPane sliceBar, FlowPane outChannelBar, BiFunction<String, Object[], String> texts) {
        this.vm = vm;
        this.sliceBar = sliceBar;
        this.outChannelBar = outChannelBar;
        this.texts = texts;
    }

    private String text(String key) {
        return texts.apply(key, new Object[0]);
    }

    /** Both bars for frame {@code f} of {@code plan}. */
    void show(ConvPlan plan, Frame f) {
        updateSliceBar(plan, f);
        updateOutChannelBar(plan, f);
    }

    /** Above this many channels a bar offers a drop-down list instead of one button per channel. */
    private static final int MAX_CHANNEL_BUTTONS = ScenarioViewModel.MAX_CHANNELS;

    /** A compact channel chooser for many channels: {@code -1} is shown as {@code minusOne} if given. */
    private ComboBox<Integer> channelChooser(int n, String minusOne) {
        ComboBox<Integer> box = new ComboBox<>();
        if (minusOne != null) {
            box.getItems().add(-1);
        }
        for (int c = 0; c < n; c++) {
            box.getItems().add(c);
        }
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v < 0 ? minusOne : Integer.toString(v);
            }

            @Override
            public Integer fromString(String t) {
                return null;
            }
        });
        box.setVisibleRowCount(12);
        return box;
    }

    /** The toggle buttons of a channel bar: those of its segmented control. */
    private static List<? extends Node> buttonsOf(javafx.scene.layout.Pane bar) {
        for (Node n : bar.getChildren()) {
            if (n instanceof SegmentedButton seg) {
                return seg.getButtons();
            }
        }
        return bar.getChildren();
    }

    private void updateSliceBar(ConvPlan plan, Frame f) {
        int n = plan.inPerGroup();
        if (n != shownSlices && n > MAX_CHANNEL_BUTTONS) {
            shownSlices = n;
            sliceBar.getChildren().clear();
            ComboBox<Integer> box = channelChooser(n, text("grid.slice.follow"));
            box.setId("sliceChooser");
            box.setValue(vm.pinnedSliceProperty().get() < 0 ? -1 : vm.pinnedSliceProperty().get());
            box.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    vm.pinnedSliceProperty().set(b);
                }
            });
            sliceBar.getChildren().addAll(new Label(text("grid.slice")), box);
        } else if (n != shownSlices) {
            shownSlices = n;
            sliceBar.getChildren().clear();
            if (n > 1) {
                // ControlsFX's segmented bar: one choice among "follow" and the slices, drawn as one control.
                SegmentedButton segments = new SegmentedButton();
                segments.setId("sliceSegments");
                ToggleGroup group = segments.getToggleGroup();
                ToggleButton follow = new ToggleButton(text("grid.slice.follow"));
                follow.setUserData(-1);
                follow.setId("sliceFollow");
                segments.getButtons().add(follow);
                for (int s = 0; s < n; s++) {
                    ToggleButton b = new ToggleButton(Integer.toString(s));
                    b.setUserData(s);
                    b.setId("slice" + s);
                    segments.getButtons().add(b);
                }
                sliceBar.getChildren().addAll(new Label(text("grid.slice")), segments);
                group.selectedToggleProperty().addListener((o, a, b) -> {
                    if (b == null) {
                        a.setSelected(true);
                        return;
                    }
                    vm.pinnedSliceProperty().set((Integer) b.getUserData());
                });
                follow.setSelected(vm.pinnedSliceProperty().get() < 0);
            }
        }
        sliceBar.setVisible(n > 1);
        sliceBar.setManaged(n > 1);
        for (Node b : buttonsOf(sliceBar)) {
            if (b instanceof ToggleButton t && t.getUserData() instanceof Integer s && s >= 0) {
                t.getStyleClass().remove("shown-slice");
                if (s == f.slice()) {
                    t.getStyleClass().add("shown-slice");
                }
            }
        }
    }

    private void updateOutChannelBar(ConvPlan plan, Frame f) {
        int n = plan.outChannels();
        if (n > MAX_CHANNEL_BUTTONS) {
            if (n != shownOutChannels) {
                shownOutChannels = n;
                outChannelBar.getChildren().clear();
                ComboBox<Integer> box = channelChooser(n, null);
                box.setId("outChannelChooser");
                box.valueProperty().addListener((o, a, b) -> {
                    Frame fr = vm.getFrame();
                    if (b != null && fr != null && b != fr.outChannel()) {
                        int oy = fr.convStep() != null ? fr.convStep().outY() : 0;
                        int ox = fr.convStep() != null ? fr.convStep().outX() : 0;
                        vm.jumpToOutput(b, oy, ox);
                    }
                });
                outChannelBar.getChildren().addAll(new Label(text("grid.outChannel")), box);
            }
            outChannelBar.setVisible(true);
            outChannelBar.setManaged(true);
            @SuppressWarnings("unchecked")
            ComboBox<Integer> box = (ComboBox<Integer>) outChannelBar.getChildren().get(1);
            if (box.getValue() == null || box.getValue() != f.outChannel()) {
                box.setValue(f.outChannel());
            }
            return;
        }
        if (n != shownOutChannels) {
            shownOutChannels = n;
            outChannelBar.getChildren().clear();
            if (n > 1) {
                SegmentedButton segments = new SegmentedButton();
                segments.setId("outChannelSegments");
                outChannelBar.getChildren().addAll(new Label(text("grid.outChannel")), segments);
                for (int c = 0; c < n; c++) {
                    int co = c;
                    ToggleButton b = new ToggleButton(Integer.toString(c));
                    b.setId("outChannel" + c);
                    b.setOnAction(e -> {
                        Frame fr = vm.getFrame();
                        int oy = fr.convStep() != null ? fr.convStep().outY() : 0;
                        int ox = fr.convStep() != null ? fr.convStep().outX() : 0;
                        vm.jumpToOutput(co, oy, ox);
                    });
                    segments.getButtons().add(b);
                }
            }
        }
        outChannelBar.setVisible(n > 1);
        outChannelBar.setManaged(n > 1);
        for (Node b : buttonsOf(outChannelBar)) {
            if (b instanceof ToggleButton t) {
                t.setSelected(t.getId().equals("outChannel" + f.outChannel()));
            }
        }
    }
}
