package org.convlens.ui.stepper;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.convlens.ui.Controls;
import org.convlens.ui.grid.NumberText;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The stepper's playback bar, bound to {@link StepperViewModel}: the buttons, the step slider, the
 * speed slider (a power of two per notch) and the "go to" field, and the Timeline that plays,
 * which only calls {@link StepperViewModel#tick()}.
 */
final class PlaybackControls {
    /** The bar's controls, from fxml/StepperView.fxml. */
    record Parts(List<Button> backward, List<Button> forward, Region playIcon, Label stepLabel, TextField jumpField,
                 Slider timeline, Slider speedSlider, Label speedLabel, ToggleButton termPaceToggle) {
    }

    private final StepperViewModel vm;
    private final Parts parts;
    /** A localised text by key and arguments, in the scenario's language. */
    private final BiFunction<String, Object[], String> text;
    private final Timeline playback = new Timeline();
    private boolean syncing;

    PlaybackControls(StepperViewModel vm, Parts parts, BiFunction<String, Object[], String> text) {
        this.vm = vm;
        this.parts = parts;
        this.text = text;
        bindTimer();
        for (Button b : parts.backward()) {
            b.disableProperty().bind(vm.canGoBackProperty().not());
        }
        for (Button b : parts.forward()) {
            b.disableProperty().bind(vm.canGoForwardProperty().not());
        }
        parts.termPaceToggle().selectedProperty().bindBidirectional(vm.termPaceProperty());
        bindStepSlider();
        bindSpeed();
        TextField jumpField = parts.jumpField();
        jumpField.textProperty().addListener(o -> jumpField.pseudoClassStateChanged(Controls.INVALID, false));
    }

    private void bindTimer() {
        playback.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        playback.setCycleCount(Animation.INDEFINITE);
        // not bound: Timeline.playFromStart sets the rate itself
        playback.setRate(vm.speedProperty().get());
        vm.speedProperty().addListener((o, a, b) -> playback.setRate(b.doubleValue()));
        vm.playingProperty().addListener((o, a, on) -> {
            if (on) {
                playback.setRate(vm.speedProperty().get());
                playback.playFromStart();
            } else {
                playback.stop();
            }
            parts.playIcon().getStyleClass().setAll("icon", on ? "icon-pause" : "icon-play");
        });
    }

    private void bindStepSlider() {
        Slider timeline = parts.timeline();
        timeline.maxProperty().bind(Bindings.max(1, vm.totalStepsProperty().subtract(1)));
        timeline.setValue(vm.getStep());
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!syncing && (int) Math.round(b.doubleValue()) != vm.getStep()) {
                vm.jumpTo((int) Math.round(b.doubleValue()));
            }
        });
        vm.stepProperty().addListener((o, a, b) -> {
            syncing = true;
            timeline.setValue(b.intValue());
            syncing = false;
        });
    }

    private void bindSpeed() {
        Slider speedSlider = parts.speedSlider();
        speedSlider.setValue(Math.log(vm.speedProperty().get()) / Math.log(2));
        speedSlider.valueProperty().addListener((o, a, b) -> {
            double sp = Math.pow(2, b.doubleValue());
            if (Math.abs(sp - vm.speedProperty().get()) > 1e-6) {
                vm.speedProperty().set(Math.min(StepperViewModel.MAX_SPEED, sp));
            }
        });
        vm.speedProperty().addListener((o, a, b) -> {
            double v = Math.log(b.doubleValue()) / Math.log(2);
            if (Math.abs(v - speedSlider.getValue()) > 1e-6) {
                speedSlider.setValue(v);
            }
        });
        parts.speedLabel().textProperty().bind(Bindings.createStringBinding(() -> text.apply(
                vm.termPaceProperty().get() ? "play.speed.terms" : "play.speed.steps",
                new Object[] {NumberText.format((float) vm.speedProperty().get(), 2)}), vm.speedProperty(),
                vm.termPaceProperty(), vm.scenario().localeProperty()));
    }

    /**
     * Goes to the 1-based step typed; true if it could. Otherwise the field is marked and the
     * step label, the field's prompt and its tooltip say why.
     */
    boolean jump(String typed) {
        String t = typed.trim();
        TextField jumpField = parts.jumpField();
        try {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= vm.totalStepsProperty().get()) {
                vm.jumpTo(n - 1);
                jumpField.pseudoClassStateChanged(Controls.INVALID, false);
                jumpField.setTooltip(null);
                return true;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        jumpField.pseudoClassStateChanged(Controls.INVALID, true);
        Frame f = vm.getFrame();
        // with the step counter covered the message must not tell the number of steps either
        String msg = f != null && f.covered(Covers.Panel.STEP) ? text.apply("error.jump.covered", new Object[] {t})
                : text.apply("error.jump", new Object[] {t, vm.totalStepsProperty().get()});
        jumpField.setTooltip(new Tooltip(msg));
        jumpField.setPromptText(msg);
        parts.stepLabel().setText(msg);
        return false;
    }

    /** Stops the timer (the window is closing or being rebuilt). */
    void dispose() {
        playback.stop();
        vm.playingProperty().set(false);
    }
}
