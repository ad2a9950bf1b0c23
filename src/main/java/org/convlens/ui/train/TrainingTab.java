package org.convlens.ui.train;

import javafx.application.Platform;
import javafx.scene.control.Tab;
import org.convlens.ui.TabContribution;
import org.convlens.ui.UiContext;
import org.convlens.ui.files.FilePicker;

import java.nio.file.Path;

/**
 * The Training tab of the main window (registered in
 * {@code META-INF/services/org.convlens.ui.TabContribution}): a small CNN trained on real images
 * while the student watches its curves, kernels, maps and mistakes; any learned kernel and any
 * layer's backward step opens in the stepper (a kernel also in the Photos tab). One view-model
 * lives as long as the window, so a language switch keeps the run.
 */
public final class TrainingTab implements TabContribution {
    private TrainingViewModel vm;
    private TrainingView view;

    @Override
    public String id() {
        return "training";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String title(UiContext context) {
        return TrainText.get(context.locale(), "train.tab");
    }

    @Override
    public void fill(Tab tab, UiContext context) {
        if (vm == null) {
            // Runs get a thread of their own, so a long run never holds one of the window's two.
            java.util.concurrent.ExecutorService runs = org.convlens.ui.OwnThread.named("convlens-training",
                    Thread.NORM_PRIORITY - 1);
            vm = new TrainingViewModel(context.executor(), runs, Platform::runLater);
        }
        vm.localeProperty().set(context.locale());
        view = TrainingView.load(vm, context.locale());
        view.setSink((problem, target, note) -> {
            context.scenario().load(problem, note);
            context.selectTab(target == TrainingView.Target.PHOTOS ? "photos" : "stepper");
        });
        view.setFileActions(() -> {
            FilePicker p = context.picker();
            Path dir = p == null ? null : p.folder(TrainText.get(context.locale(), "train.data.choose.title"));
            if (dir != null) {
                vm.dataPathProperty().set(dir);
            } else {
                vm.dataPathProperty().set(vm.dataPathProperty().get());
            }
        }, () -> {
            FilePicker p = context.picker();
            Path dir = p == null ? null : p.folder(TrainText.get(context.locale(), "train.save.title"));
            vm.save(dir);
        }, () -> {
            FilePicker p = context.picker();
            Path f = p == null ? null : p.openFile(TrainText.get(context.locale(), "train.open.title"),
                    TrainText.get(context.locale(), "train.open.filter"), "json");
            vm.open(f);
        });
        tab.setContent(view.root());
    }

    @Override
    public boolean show(Object what, UiContext context) {
        if (!(what instanceof ShowTraining req) || vm == null) {
            return false;
        }
        vm.use(req);
        return true;
    }

    /** The tab's view-model (for tests). */
    public TrainingViewModel viewModel() {
        return vm;
    }

    /** The tab's view as last filled (for tests). */
    public TrainingView view() {
        return view;
    }
}
