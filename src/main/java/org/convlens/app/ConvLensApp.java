package org.convlens.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.convlens.ui.Shell;
import org.convlens.ui.UiText;
import org.convlens.ui.WindowViewModel;
import org.convlens.ui.stepper.ScenarioViewModel;
import org.convlens.ui.stepper.StepperViewModel;
import org.convlens.io.UserFolder;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JavaFX application: the view-models, the background executor and the main window. Opens
 * with the last scenario (autosaved) or the worked example.
 */
public class ConvLensApp extends Application {
    private ExecutorService executor;
    private Shell shell;

    static void launchApp(String[] args) {
        Application.launch(ConvLensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "convlens-background");
            t.setDaemon(true);
            return t;
        });
        List<String> args = getParameters().getRaw();
        if (Tools.isToolRun(args)) {
            Tools.useTemporaryHome();
        }
        shell = create(stage, executor, args);
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
        fx.setUncaughtExceptionHandler((t, e) -> {
            if (e instanceof VirtualMachineError) {
                previous.uncaughtException(t, e);
            } else {
                shell.uncaught(e);
            }
        });
        shell.paintFirst();
        shell.show();
        // screenshots and measurements of the whole window, settings column included
        shell.whenOpened(() -> Tools.run(shell, args));
    }

    /** Builds the window's parts (also used by the UI tests). */
    public static Shell create(Stage stage, java.util.concurrent.Executor executor, List<String> args) {
        ScenarioViewModel scenario = new ScenarioViewModel(new Random());
        StepperViewModel stepper = new StepperViewModel(scenario);
        WindowViewModel window = new WindowViewModel();
        window.localeProperty().set(UiText.supported(Locale.getDefault()));
        return new Shell(stage, scenario, stepper, window, UserFolder.home(), executor, args);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.files().autosaveNow();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
