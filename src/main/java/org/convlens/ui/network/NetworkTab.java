package org.convlens.ui.network;

import javafx.application.Platform;
import javafx.scene.control.Tab;
import org.convlens.network.NetworkPlan;
import org.convlens.ui.TabContribution;
import org.convlens.ui.UiContext;

/**
 * The Network tab of the main window (registered in
 * {@code META-INF/services/org.convlens.ui.TabContribution}): layers stacked into a small CNN,
 * every map shown, receptive fields traced. One view-model lives as long as the window, so a
 * language switch keeps the stack. A conv layer opens in the stepper with its real input.
 */
public final class NetworkTab implements TabContribution {
    private NetworkViewModel vm;

    @Override
    public String id() {
        return "network";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public String title(UiContext context) {
        return NetworkText.get(context.locale(), "network.tab");
    }

    @Override
    public void fill(Tab tab, UiContext context) {
        if (vm == null) {
            vm = new NetworkViewModel(context.executor(), Platform::runLater);
        }
        vm.localeProperty().set(context.locale());
        NetworkView view = NetworkView.load(vm, context.locale());
        view.setToStepper(problem -> {
            int i = vm.layers().indexOf(vm.selectedProperty().get());
            NetworkPlan p = vm.planProperty().get();
            String preset = vm.presetProperty().get();
            String shape = p == null ? "" : p.layer(i).in().toString();
            context.scenario().load(problem, l -> NetworkText.get(l, "network.stepper.note", i + 1,
                    preset.isEmpty() ? "" : NetworkText.get(l, "network.preset." + preset), shape,
                    i == 0 ? NetworkText.get(l, "network.map.input") : NetworkText.get(l, "network.stepper.mapsOf", i)));
            context.selectTab("stepper");
        });
        tab.setContent(view.root());
    }

    /** Shows a {@link ShowNetwork} request (a lesson's network); the tab has been filled. */
    @Override
    public boolean show(Object what, UiContext context) {
        if (!(what instanceof ShowNetwork req) || vm == null) {
            return false;
        }
        vm.numbersHiddenProperty().unbind();
        vm.show(req.problem(), req.trace());
        if (req.numbersHidden() != null) {
            vm.numbersHiddenProperty().bind(req.numbersHidden());
        } else {
            vm.numbersHiddenProperty().set(false);
        }
        return true;
    }

    /** The tab's view-model (for tests). */
    public NetworkViewModel viewModel() {
        return vm;
    }
}
