package org.convlens.ui;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.convlens.ui.export.AnimationExport;
import org.convlens.ui.export.ImageExport;
import org.convlens.ui.stepper.ScenarioViewModel;
import org.convlens.ui.stepper.StepperView;
import org.convlens.ui.stepper.StepperViewModel;
import org.convlens.ui.actions.Actions;
import org.convlens.ui.actions.Command;
import org.convlens.ui.files.FileCommands;
import org.convlens.ui.files.FilePicker;
import org.convlens.ui.files.SettingsStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;

/**
 * The main window: builds it from fxml/MainWindow.fxml with the stepper as the first tab and any
 * {@link TabContribution}s after it, applies theme, palette and zoom, routes keys, keeps the
 * scenario saved (autosave, debounced, atomic) and runs the File menu. A language switch rebuilds
 * the window with the new texts; the view-models (and so the scenario, step and settings) stay.
 *
 * <p>Adding a tab from elsewhere: implement {@link TabContribution} and either list it in
 * {@code META-INF/services/org.convlens.ui.TabContribution} or call {@link #addContribution}
 * before {@link #show()}.
 */
public final class Shell implements UiContext {
    private static final javafx.css.PseudoClass STATUS_ERROR = javafx.css.PseudoClass.getPseudoClass("error");
    private final Stage stage;
    private final ScenarioViewModel scenario;
    private final StepperViewModel stepper;
    private final WindowViewModel window;
    private final SettingsStore settingsStore;
    private final Executor executor;
    private final List<String> parameters;
    private final List<TabContribution> contributions = new ArrayList<>();
    private final Actions actions = new Actions();
    /** The contributed tabs that have been shown: rebuilt filled after a language switch. */
    private final java.util.Set<String> filled = new java.util.HashSet<>();
    /** Set when a command moved the focus into a text field: the letter typed with it must not land there. */
    private boolean swallowTyped;
    private final FrameRateMeter meter = new FrameRateMeter();
    private final FileCommands files;
    private final StatusLine status;
    private MainWindow main;
    private StepperView stepperView;
    private Scene scene;
    private boolean settingsBeforePresentation = true;
    private final WindowOpening opening = new WindowOpening();
    private SidePanelPlacement sidePanel;
    private javafx.beans.binding.DoubleBinding zoomRatio;

    public Shell(Stage stage, ScenarioViewModel scenario, StepperViewModel stepper, WindowViewModel window, Path home,
                 Executor executor, List<String> parameters) {
        this.stage = stage;
        this.scenario = scenario;
        this.stepper = stepper;
        this.window = window;
        this.settingsStore = new SettingsStore(home);
        this.executor = executor;
        this.parameters = List.copyOf(parameters);
        scenario.localeProperty().bind(window.localeProperty());
        this.zoomRatio = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> window.zoomProperty().get() / window.baseZoom(), window.zoomProperty(), window.presentationProperty());
        this.status = new StatusLine(window.localeProperty());
        this.files = new FileCommands(scenario, stepper, home, executor, javafx.application.Platform::runLater, status,
                FilePicker.dialogs(() -> stage));
        registerCommands();
        for (TabContribution c : ServiceLoader.load(TabContribution.class)) {
            contributions.add(c);
        }
    }

    private void registerCommands() {
        actions.on(Command.OPEN, files::open);
        actions.on(Command.SAVE, files::save);
        actions.on(Command.RESET, files::reset);
        actions.on(Command.EXPORT_PNG, this::exportPng);
        actions.on(Command.EXPORT_GIF, this::exportGif);
        actions.on(Command.EXPORT_CSV, files::exportCsv);
        actions.on(Command.EXPORT_JSON, files::exportJson);
        actions.on(Command.EXPORT_LATEX, files::exportLatex);
        actions.on(Command.EXPORT_PYTORCH, files::exportPytorch);
        actions.on(Command.QUIT, this::quit);
        actions.on(Command.UNDO, scenario::undo, scenario.canUndoProperty().not());
        actions.on(Command.REDO, scenario::redo, scenario.canRedoProperty().not());
        actions.on(Command.ZOOM_IN, window::zoomIn);
        actions.on(Command.ZOOM_OUT, window::zoomOut);
        actions.on(Command.ZOOM_RESET, window::zoomReset);
        actions.on(Command.HELP, this::toggleHelp);
        actions.on(Command.PRESENTATION, window::togglePresentation);
        actions.on(Command.FULL_SCREEN, () -> stage.setFullScreen(!stage.isFullScreen()));
        actions.on(Command.ABOUT, () -> status.say(l -> UiText.get(l, "about.text"), false));
    }

    /** Adds a tab; call before {@link #show()} (or the tab appears at the next rebuild). */
    public void addContribution(TabContribution c) {
        contributions.add(c);
    }

    /** The File menu's work: open, save, exports, the autosave. */
    @Override
    public FilePicker picker() {
        return files.picker();
    }

    public FileCommands files() {
        return files;
    }

    public Stage stage() {
        return stage;
    }

    public WindowViewModel windowModel() {
        return window;
    }

    public MainWindow mainWindow() {
        return main;
    }

    public StepperView stepperView() {
        return stepperView;
    }

    public FrameRateMeter meter() {
        return meter;
    }

    /**
     * What an unexpected exception on the JavaFX thread does: a line in the status bar and an
     * autosave, never a dialog or a dead window (the stack trace still goes to stderr).
     */
    public void uncaught(Throwable e) {
        e.printStackTrace();
        try {
            files.autosaveNow();
        } catch (RuntimeException ignored) {
            // the message below is what matters
        }
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        status.say(l -> UiText.get(l, "status.error", what), true);
    }

    /**
     * Makes {@link #show} paint the window before it fills the stepper's settings column, which
     * follows once the opening is on the screen (the app's start; the UI tests fill the whole
     * window at once).
     */
    public void paintFirst() {
        opening.paintFirst();
    }

    /**
     * Restores the saved window settings and the last scenario (falling back to the worked
     * example with a message if the file cannot be read), builds the window and shows it.
     */
    public void show() {
        window.load(settingsStore.load());
        build();
        stage.setTitle(UiText.get(locale(), "app.title"));
        stage.show();
        opening.shown(scene);
        for (Observable o : window.saved()) {
            o.addListener(x -> saveSettings());
        }
        window.localeProperty().addListener(o -> build());
        window.themeProperty().addListener(o -> applyStyle());
        window.paletteProperty().addListener(o -> applyStyle());
        window.zoomProperty().addListener(o -> applyStyle());
        window.presentationProperty().addListener((o, a, b) -> {
            applyStyle();
            stage.setFullScreen(b);
            if (b) {
                settingsBeforePresentation = stepperView.settingsShown();
                stepperView.showSettings(false);
            } else {
                stepperView.showSettings(settingsBeforePresentation);
            }
        });
        window.showFpsProperty().addListener((o, a, b) -> {
            if (b) {
                meter.start();
            } else {
                meter.stop();
            }
        });
        if (window.showFpsProperty().get()) {
            meter.start();
        }
        files.startAutosave();
        files.restore();
        stage.setOnCloseRequest(e -> {
            files.autosaveNow();
            stepperView.dispose();
        });
        if (parameters.contains("--presentation")) {
            window.setPresentation(true);
        }
    }

    @Override
    public void afterNextFrame(Runnable r) {
        opening.afterNextFrame(r);
    }

    @Override
    public Runnable holdOpening() {
        return opening.holdOpening();
    }

    /** How long after its first frame the window stops waiting for the opening (3 s; tests make it longer). */
    public static javafx.beans.property.ObjectProperty<Duration> openingWaitProperty() {
        return WindowOpening.openingWaitProperty();
    }

    /**
     * Runs {@code r} once the window's opening is on the screen: at the app's start
     * ({@link #paintFirst}) after the settings column has been filled, at once otherwise.
     */
    public void whenOpened(Runnable r) {
        opening.whenOpened(r);
    }

    @Override
    public void whenScenarioRestored(java.util.function.Consumer<Boolean> then) {
        files.whenRestored(then);
    }

    /** Fills a contributed tab's content, once per build, saying so in the status line if it fails. */
    private void fill(TabContribution c, Tab t) {
        try {
            c.fill(t, this);
            filled.add(c.id());
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            status.say(l -> UiText.get(l, "status.tab.failed", c.id(), why), true);
        }
    }

    /** (Re)builds the whole window in the current language. */
    void build() {
        String selected = main == null ? null : main.tabs().getSelectionModel().getSelectedItem().getId();
        boolean playing = stepper.playingProperty().get();
        if (stepperView != null) {
            stepperView.dispose();
        }
        ResourceBundle b = bundle();
        Views.Loaded<MainWindow> loaded = Views.load("MainWindow", b, c -> new MainWindow(this));
        main = loaded.controller();
        boolean settingsShown = stepperView == null ? !window.presentationProperty().get() : stepperView.settingsShown();
        Views.Loaded<StepperView> st = Views.load("StepperView", b, c -> new StepperView(stepper));
        stepperView = st.controller();
        stepperView.showSettings(settingsShown);
        opening.firstBuild(stepperView);
        if (playing) {
            stepper.playingProperty().set(true);
        }
        main.stepperTab().setContent(st.root());
        stepperView.registerCommands(actions);
        sidePanel = null;
        List<TabContribution> sorted = new ArrayList<>(contributions);
        sorted.sort(Comparator.comparingInt(TabContribution::order));
        int helpAt = main.menuBar().getMenus().indexOf(main.helpMenu());
        for (TabContribution c : sorted) {
            try {
                Tab t = new Tab(c.title(this));
                t.setId(c.id());
                t.setClosable(false);
                main.tabs().getTabs().add(t);
                // Built when first shown: a tab nobody opens costs nothing at start.
                if (filled.contains(c.id()) || c.id().equals(selected)) {
                    fill(c, t);
                } else {
                    t.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                        @Override
                        public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean a,
                                            Boolean now) {
                            if (now) {
                                t.selectedProperty().removeListener(this);
                                fill(c, t);
                            }
                        }
                    });
                }
                List<Menu> menus = c.createMenus(this);
                main.menuBar().getMenus().addAll(helpAt, menus);
                helpAt += menus.size();
                Node side = c.createSidePanel(this);
                if (side instanceof javafx.scene.layout.Region r) {
                    sidePanel = new SidePanelPlacement(main.root(), main.center(), r);
                } else if (side != null) {
                    main.root().setRight(side);
                }
            } catch (RuntimeException e) {
                String why = String.valueOf(e.getMessage());
                status.say(l -> UiText.get(l, "status.tab.failed", c.id(), why), true);
            }
        }
        main.status().textProperty().bind(status.textProperty());
        main.status().pseudoClassStateChanged(STATUS_ERROR, status.errorProperty().get());
        status.errorProperty().addListener((o, was, now) -> main.status().pseudoClassStateChanged(STATUS_ERROR, now));
        main.fpsLabel().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> UiText.get(locale(), "status.fps", Math.round(meter.fpsProperty().get())),
                meter.fpsProperty()));
        applyStyle();
        if (scene == null) {
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            // 1440 x 900, or the screen if smaller (other tabs' tests rely on this size)
            double w = Math.min(1440, screen.getWidth());
            double h = Math.min(900, screen.getHeight());
            scene = new Scene(main.root(), w, h);
            scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
            scene.addEventFilter(KeyEvent.KEY_TYPED, this::typed);
            stage.setScene(scene);
        } else {
            scene.setRoot(main.root());
        }
        stage.setTitle(UiText.get(locale(), "app.title"));
        if (selected != null) {
            selectTab(selected);
        }
    }

    private void applyStyle() {
        Parent root = main.root();
        root.getStylesheets().setAll(Views.css("theme-" + window.themeProperty().get().id()),
                Views.css("MainWindow"));
        root.getStyleClass().removeIf(s -> s.startsWith("palette-"));
        root.getStyleClass().add("palette-" + window.paletteProperty().get().id());
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 14 * window.zoomProperty().get()));
        root.getStyleClass().remove("presentation");
        boolean presenting = window.presentationProperty().get();
        if (presenting) {
            root.getStyleClass().add("presentation");
        }
        // presentation mode gives the screen to the grids: no menu bar or status line (keys still work)
        for (Node n : List.of(main.menuBar(), main.status().getParent())) {
            n.setVisible(!presenting);
            n.setManaged(!presenting);
        }
        stepperView.setScale(window.zoomProperty().get() / window.baseZoom(), presenting);
        if (sidePanel != null) {
            sidePanel.update();
        }
    }

    /** Runs the command a key means (one table: {@link Command}); keys typed into a field stay there. */
    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        if (main.helpOverlay().isVisible() && (k == KeyCode.ESCAPE || k == KeyCode.F1)) {
            toggleHelp();
            e.consume();
            return;
        }
        Node focus = scene.getFocusOwner();
        boolean inField = focus instanceof TextInputControl || focus instanceof ComboBox<?> cb && cb.isShowing();
        Command c = actions.handle(e, shownScope(), inField);
        if (c != null) {
            e.consume();
            swallowTyped = c == Command.GO_TO;
        }
    }

    private Command.Scope shownScope() {
        Tab t = main.tabs().getSelectionModel().getSelectedItem();
        String id = t == null ? "" : t.getId();
        return switch (id == null ? "" : id) {
            case "stepper" -> Command.Scope.STEPPER;
            case "photos" -> Command.Scope.PHOTOS;
            case "compare" -> Command.Scope.COMPARE;
            default -> Command.Scope.WINDOW;
        };
    }

    private void typed(KeyEvent e) {
        if (swallowTyped) {
            // the "g" of G (go to) would otherwise be typed into the field it just focused
            swallowTyped = false;
            e.consume();
            return;
        }
        if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
            toggleHelp();
            e.consume();
        }
    }

    public void toggleHelp() {
        boolean show = !main.helpOverlay().isVisible();
        if (show && main.helpKeys().getChildren().isEmpty()) {
            // made when first asked for: two hundred labels nobody sees would slow the first frame
            KeyboardHelp.fill(main.helpKeys(), actions, locale());
        }
        if (show) {
            main.helpFromTop();
        }
        main.helpOverlay().setVisible(show);
    }

    public boolean helpShown() {
        return main.helpOverlay().isVisible();
    }

    // UiContext

    @Override
    public Locale locale() {
        return window.localeProperty().get();
    }

    @Override
    public ResourceBundle bundle() {
        return UiText.bundle(locale());
    }

    @Override
    public Window window() {
        return stage;
    }

    @Override
    public StepperViewModel stepper() {
        return stepper;
    }

    @Override
    public ScenarioViewModel scenario() {
        return scenario;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    @Override
    public void selectTab(String id) {
        for (Tab t : main.tabs().getTabs()) {
            if (id.equals(t.getId())) {
                main.tabs().getSelectionModel().select(t);
                return;
            }
        }
    }

    @Override
    public boolean show(String id, Object what) {
        for (TabContribution c : contributions) {
            if (c.id().equals(id)) {
                selectTab(id);
                return c.show(what, this);
            }
        }
        return false;
    }

    @Override
    public void showStatus(String message) {
        status.say(message);
    }

    @Override
    public Actions actions() {
        return actions;
    }

    @Override
    public javafx.beans.value.ObservableBooleanValue presentation() {
        return window.presentationProperty();
    }

    @Override
    public javafx.beans.value.ObservableDoubleValue zoomRatio() {
        return zoomRatio;
    }

    /** The status bar's text. */
    public String status() {
        return status.get();
    }

    private String text(String key, Object... args) {
        return UiText.get(locale(), key, args);
    }

    // Saving

    private void saveSettings() {
        try {
            settingsStore.save(window.toProperties());
        } catch (IOException e) {
            String why = String.valueOf(e.getMessage());
            status.say(l -> UiText.get(l, "status.settings.failed", why), true);
        }
    }

    public void quit() {
        files.autosaveNow();
        stepperView.dispose();
        stage.close();
        Platform.exit();
    }

    // Export

    /** The stepper's frame as a PNG, as on screen. */
    public void exportPng() {
        files.export("png", "png", "convlens-step.png", f -> ImageExport.png(stepperView.stageNode(), f));
    }

    public void exportGif() {
        Path f = files.picker().saveFile(text("dialog.export.gif"), text("dialog.filter.gif"), "gif", "convlens.gif");
        if (f != null) {
            exportGif(f);
        }
    }

    /** Records every step (at most {@link AnimationExport#MAX_FRAMES}) into an animated GIF, in the background. */
    public AnimationExport exportGif(Path f) {
        AnimationExport job = new AnimationExport(stepper, stepperView.stageNode(), f, executor);
        job.messageProperty().addListener((o, a, b) -> status.say(b));
        job.setOnDone(error -> {
            if (error == null) {
                files.written(f);
            } else {
                status.say(l -> UiText.get(l, "status.write.failed", f, error), true);
            }
        });
        job.start(locale());
        return job;
    }
}
