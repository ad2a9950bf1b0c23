package org.convlens.ui.lesson;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.convlens.lesson.Highlight;
import org.convlens.lesson.LessonNetwork;
import org.convlens.lesson.LessonTraining;
import org.convlens.lesson.Step;
import org.convlens.ui.UiContext;
import org.convlens.ui.network.NetworkViewModel;
import org.convlens.ui.network.ShowNetwork;
import org.convlens.ui.train.ShowTraining;

import java.util.function.Supplier;

/**
 * The tab a lesson step shows when it is not the stepper. A step that shows a network opens the
 * Network tab with that stack (its own input and weights) and the step's traced cell; while the
 * step's shape or count question is open, the tab's shapes, counts and receptive fields are
 * covered. A step with {@code train} opens the Training tab set up with its settings, for the
 * student to run. Leaving such a step for a stepper step goes back to the stepper.
 */
final class LessonTabHook {
    static final String NETWORK_TAB = "network";
    static final String TRAINING_TAB = "training";

    private final LessonPlayerViewModel player;
    private final Supplier<UiContext> ctx;
    private final BooleanBinding hidden;
    private final BooleanBinding predicting;

    LessonTabHook(LessonPlayerViewModel player, Supplier<UiContext> ctx) {
        this.player = player;
        this.ctx = ctx;
        this.hidden = Bindings.createBooleanBinding(() -> {
            Step s = player.stepProperty().get();
            return s != null && s.network() != null && player.coveredProperty().get().contains(Highlight.Panel.SHAPE);
        }, player.stepProperty(), player.coveredProperty());
        // A training step's question is a prediction: the run waits for the answer.
        this.predicting = Bindings.createBooleanBinding(() -> {
            Step s = player.stepProperty().get();
            return s != null && s.train() != null && s.question() != null && !player.explainedProperty().get();
        }, player.stepProperty(), player.explainedProperty());
        player.stepProperty().addListener((o, was, now) -> {
            if (now != null && now.network() != null) {
                showNetwork(now);
            } else if (now != null && now.train() != null) {
                if (was != null && now.train().equals(was.train())) {
                    // The same run goes on from the step before: a run in progress is not cancelled.
                    ctx.get().selectTab(TRAINING_TAB);
                } else {
                    showTraining(now.train());
                }
            } else if (was != null && was.showsOtherTab()) {
                ctx.get().selectTab("stepper");
            }
        });
    }

    /** Whether the step shown is shown in another tab than the stepper (the Network or Training tab). */
    boolean showsOtherTab() {
        Step s = player.stepProperty().get();
        return s != null && s.showsOtherTab();
    }

    private void showNetwork(Step s) {
        LessonNetwork n = s.network();
        LessonNetwork.Trace t = n.trace();
        NetworkViewModel.Cell cell = t == null ? null : new NetworkViewModel.Cell(t.map(), t.channel(), t.y(), t.x());
        ctx.get().show(NETWORK_TAB, new ShowNetwork(n.problem(), cell, hidden));
    }

    private void showTraining(LessonTraining t) {
        ctx.get().show(TRAINING_TAB, new ShowTraining(t.images(), t.epochs(), t.batch(), t.learningRate(),
                t.optimizer(), t.seed(), predicting));
    }
}
