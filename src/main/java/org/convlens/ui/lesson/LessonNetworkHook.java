package org.convlens.ui.lesson;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.convlens.lesson.Highlight;
import org.convlens.lesson.LessonNetwork;
import org.convlens.lesson.Step;
import org.convlens.ui.UiContext;
import org.convlens.ui.network.NetworkViewModel;
import org.convlens.ui.network.ShowNetwork;

import java.util.function.Supplier;

/**
 * A lesson step that shows a network opens the Network tab with that stack (its own input and
 * weights) and the step's traced cell; while the step's shape or count question is open, the
 * tab's shapes, counts and receptive fields are covered. Leaving a network step for one without
 * goes back to the stepper.
 */
final class LessonNetworkHook {
    static final String NETWORK_TAB = "network";

    private final LessonPlayerViewModel player;
    private final Supplier<UiContext> ctx;
    private final BooleanBinding hidden;

    LessonNetworkHook(LessonPlayerViewModel player, Supplier<UiContext> ctx) {
        this.player = player;
        this.ctx = ctx;
        this.hidden = Bindings.createBooleanBinding(() -> {
            Step s = player.stepProperty().get();
            return s != null && s.network() != null && player.coveredProperty().get().contains(Highlight.Panel.SHAPE);
        }, player.stepProperty(), player.coveredProperty());
        player.stepProperty().addListener((o, was, now) -> {
            if (now != null && now.network() != null) {
                show(now);
            } else if (was != null && was.network() != null) {
                ctx.get().selectTab("stepper");
            }
        });
    }

    /** Whether the step shown is a network step (its tab is then the Network tab, not the stepper). */
    boolean showsNetwork() {
        Step s = player.stepProperty().get();
        return s != null && s.network() != null;
    }

    private void show(Step s) {
        LessonNetwork n = s.network();
        LessonNetwork.Trace t = n.trace();
        NetworkViewModel.Cell cell = t == null ? null : new NetworkViewModel.Cell(t.map(), t.channel(), t.y(), t.x());
        ctx.get().show(NETWORK_TAB, new ShowNetwork(n.problem(), cell, hidden));
    }
}
