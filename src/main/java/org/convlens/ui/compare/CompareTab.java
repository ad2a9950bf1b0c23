package org.convlens.ui.compare;

import javafx.scene.control.Tab;
import org.convlens.ui.TabContribution;
import org.convlens.ui.UiContext;
import org.convlens.ui.UiText;
import org.convlens.ui.actions.Actions;
import org.convlens.ui.actions.Command;
import org.convlens.ui.stepper.Computation;

/**
 * The Compare tab (registered in {@code META-INF/services/org.convlens.ui.TabContribution}), next
 * to the stepper: the stepper's scenario twice, side by side with two settings, stepping together.
 * A tab rather than a mode of the stepper: the two sides need the whole width, the stepper keeps
 * its own step, and the tab's keys (Left, Right, Home, End) step both sides only while it is shown.
 * Each time the tab is shown it takes the stepper's scenario if that changed, so a teacher sets up
 * an example in the stepper, then compares. One view-model lives as long as the window.
 */
public final class CompareTab implements TabContribution {
    private CompareViewModel vm;

    @Override
    public String id() {
        return "compare";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String title(UiContext context) {
        return UiText.get(context.locale(), "compare.tab");
    }

    @Override
    public void fill(Tab tab, UiContext context) {
        if (vm == null) {
            vm = new CompareViewModel();
        }
        vm.localeProperty().set(context.locale());
        takeStepper(context, false);
        CompareView view = CompareView.load(vm, context.locale());
        view.setFromStepper(() -> takeStepper(context, true));
        view.follow(context.presentation(), context.zoomRatio());
        tab.setContent(view.root());
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                takeStepper(context, false);
            }
        });
        Actions a = context.actions();
        a.on(Command.COMPARE_FORWARD, vm::forward);
        a.on(Command.COMPARE_BACK, vm::back);
        a.on(Command.COMPARE_FIRST, vm::first);
        a.on(Command.COMPARE_LAST, vm::last);
    }

    private void takeStepper(UiContext context, boolean always) {
        Computation c = context.scenario().getComputation();
        if (c != null) {
            vm.take(c.problem(), always);
        }
    }

    /** The tab's view-model (for tests). */
    public CompareViewModel viewModel() {
        return vm;
    }
}
