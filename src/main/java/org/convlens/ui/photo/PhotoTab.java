package org.convlens.ui.photo;

import javafx.application.Platform;
import javafx.scene.control.Tab;
import org.convlens.spec.Problem;
import org.convlens.ui.TabContribution;
import org.convlens.ui.UiContext;

/**
 * The photo view as a tab of the main window (registered in
 * {@code META-INF/services/org.convlens.ui.TabContribution}). One view-model lives as long as
 * the window, so a language switch (which rebuilds the tabs) keeps the photo and settings.
 *
 * <p>The stepper's settings follow into the photo view: when the photo tab is selected after the
 * stepper's scenario changed, the photo view takes every one of its layer settings (the shared
 * settings model, copied whole); edits made here stay until then. A patch sent from the photo becomes the stepper's scenario.
 */
public final class PhotoTab implements TabContribution {
    private PhotoViewModel vm;
    private Problem taken;

    @Override
    public String id() {
        return "photos";
    }

    @Override
    public int order() {
        return 20;
    }

    /** The bundled photo the tab opens with. */
    static final String FIRST_SAMPLE = "camera.png";
    private boolean openedFirstSample;

    @Override
    public String title(UiContext context) {
        return PhotoText.bundle(context.locale()).getString("tab");
    }

    @Override
    public void fill(Tab tab, UiContext context) {
        if (vm == null) {
            vm = new PhotoViewModel(context.executor(), PhotoRuns.ownThread(), Platform::runLater);
            vm.warmUp();
        }
        vm.localeProperty().set(context.locale());
        PhotoView view = PhotoView.load(vm, context.locale());
        view.usePicker(context::picker);
        view.connectStepper(problem -> {
            context.scenario().load(problem);
            taken = context.scenario().latestProblemProperty().get();
            context.selectTab("stepper");
        });
        tab.setContent(view.root());
        view.registerCommands(context.actions());
        tab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) {
                shown(context);
            }
        });
        if (tab.isSelected()) {
            shown(context);
        }
    }

    /** The tab on screen: the stepper's settings if they changed, and never an empty tab. */
    private void shown(UiContext context) {
        takeStepperSettings(context);
        if (vm.photoProperty().get() == null && !openedFirstSample) {
            // Never an empty tab: the first visit shows a bundled photo at once.
            openedFirstSample = true;
            vm.openSample(FIRST_SAMPLE);
        }
    }

    /** The stepper's settings, all of them, when they changed since they were last taken. */
    private void takeStepperSettings(UiContext context) {
        Problem p = context.scenario().latestProblemProperty().get();
        if (p != null && !p.equals(taken)) {
            taken = p;
            vm.layer().load(context.scenario().settings());
        }
    }
}
