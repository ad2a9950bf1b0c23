package org.convlens.ui.photo;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.convlens.image.ColorMode;
import org.convlens.image.ImageFormat;
import org.convlens.image.MapRenderer;
import org.convlens.image.MapStats;
import org.convlens.image.Photo;
import org.convlens.image.Samples;
import org.convlens.engine.Kernel;
import org.convlens.spec.Numbers;
import org.convlens.ui.Controls;
import org.convlens.ui.actions.Actions;
import org.convlens.ui.actions.Command;
import javafx.scene.control.TextInputControl;
import org.convlens.ui.settings.LayerSettingsView;
import org.convlens.image.Scaling;
import org.convlens.spec.SpecWriter;

import java.nio.file.Path;
import org.convlens.ui.files.FilePicker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The photo view's controller: binds the FXML controls to a {@link PhotoViewModel}, draws the two
 * pictures through one shared {@link ViewTransform} (zoom and pan in step), and turns mouse,
 * keyboard and drag-and-drop into view-model commands. Use {@link #load} to make one, then put
 * {@link #root()} in a tab ({@link PhotoTab}) or a window of its own ({@link #openWindow}).
 */
public final class PhotoView {
    @FXML
    private BorderPane root;
    @FXML
    private MenuButton samplesButton;
    @FXML
    private ToggleButton colorToggle;
    @FXML
    private ToggleButton grayToggle;
    @FXML
    private javafx.scene.control.ScrollPane settingsScroll;
    @FXML
    private GridPane kernelGrid;
    @FXML
    private Label settingsError;
    @FXML
    private Label kernelNote;
    @FXML
    private VBox layerHolder;
    @FXML
    private StackPane frequencyHolder;
    @FXML
    private Label bandLabel;
    @FXML
    private ChoiceBox<Scaling> scalingBox;
    @FXML
    private ChoiceBox<Boolean> mapBox;
    @FXML
    private ChoiceBox<Integer> channelBox;
    @FXML
    private StackPane inputHolder;
    @FXML
    private StackPane resultHolder;
    @FXML
    private StackPane barHolder;
    @FXML
    private Label dropHint;
    @FXML
    private Label noticeLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Label channelInfoLabel;
    @FXML
    private Label clipLabel;
    @FXML
    private Label probeLabel;
    @FXML
    private Label statusLabel;
    @FXML
    private Label timingLabel;
    /** How long a run goes on before its progress bar and Cancel button show. */
    static final javafx.util.Duration BUSY_SHOWN_AFTER = javafx.util.Duration.millis(150);
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Button cancelButton;
    @FXML
    private Button patchButton;
    @FXML
    private Button exportPngButton;
    @FXML
    private Button exportNpyButton;

    private final PhotoViewModel vm;
    private final ViewTransform transform = new ViewTransform();
    private MapPane inputPane;
    private MapPane resultPane;
    private final ColorBar colorBar = new ColorBar();
    private final FrequencyView frequencyView = new FrequencyView(128);
    private PhotoPointer pointer;
    private boolean fitPending = true;
    private TextField[][] cells = new TextField[0][0];

    private final Locale locale;
    private Supplier<FilePicker> picker = () -> FilePicker.dialogs(() -> root.getScene().getWindow());

    private PhotoView(PhotoViewModel vm, Locale locale) {
        this.vm = vm;
        this.locale = locale;
    }

    /** A dialog's title: the command's name without its dots. */
    private String title(String key) {
        return PhotoText.bundle(locale).getString(key).replace("...", "").replace("\u2026", "").strip();
    }

    /** Files are asked for through {@code p} (the window's picker) instead of the platform's choosers. */
    public void usePicker(Supplier<FilePicker> p) {
        this.picker = p;
    }

    /** Loads the FXML with a controller bound to {@code vm}, texts in {@code locale}. */
    public static PhotoView load(PhotoViewModel vm, Locale locale) {
        PhotoView controller = new PhotoView(vm, locale);
        URL fxml = Objects.requireNonNull(PhotoView.class.getResource("/fxml/PhotoView.fxml"), "/fxml/PhotoView.fxml");
        FXMLLoader loader = new FXMLLoader(fxml, PhotoText.bundle(locale));
        loader.setControllerFactory(c -> controller);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
        controller.root.setUserData(controller);
        controller.root.getStylesheets().add(Objects.requireNonNull(PhotoView.class.getResource("/css/PhotoView.css"),
                "/css/PhotoView.css").toExternalForm());
        return controller;
    }

    /** A view model with a background executor of daemon threads and {@link Platform#runLater}. */
    public static PhotoViewModel defaultModel() {
        ExecutorService ex = Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "convlens-photo");
            th.setDaemon(true);
            return th;
        });
        return new PhotoViewModel(ex, PhotoRuns.ownThread(), Platform::runLater);
    }

    /** Adds a theme ({@code light}, {@code dark}, ...: css/theme-NAME.css) for use outside the main window. */
    public PhotoView withTheme(String theme) {
        root.getStylesheets().add(0, Objects.requireNonNull(PhotoView.class.getResource("/css/theme-" + theme + ".css"),
                "/css/theme-" + theme + ".css").toExternalForm());
        return this;
    }

    /** The photo view in a window of its own. */
    public static Stage openWindow(Window owner, PhotoViewModel vm, Locale locale) {
        PhotoView v = load(vm, locale).withTheme("dark");
        v.handleKeysAlone();
        Stage s = new Stage();
        if (owner != null) {
            s.initOwner(owner);
        }
        s.setTitle("ConvLens \u2013 " + PhotoText.bundle(locale).getString("tab"));
        s.setScene(new Scene(v.root(), 1500, 900));
        s.show();
        return s;
    }

    public BorderPane root() {
        return root;
    }

    public PhotoViewModel viewModel() {
        return vm;
    }

    /** The shared zoom and pan (for tests and the benchmark). */
    public ViewTransform transform() {
        return transform;
    }

    @FXML
    private void initialize() {
        ResourceBundle b = PhotoText.bundle(locale);
        inputPane = new MapPane(transform);
        inputPane.setId("photo-inputPane");
        resultPane = new MapPane(transform);
        resultPane.setId("photo-resultPane");
        pointer = new PhotoPointer(vm, transform, List.of(inputPane, resultPane));
        inputHolder.getChildren().add(0, inputPane);
        resultHolder.getChildren().add(resultPane);
        barHolder.getChildren().add(colorBar);
        colorBar.textFillProperty().bind(Bindings.createObjectBinding(
                () -> statusLabel.getTextFill() instanceof javafx.scene.paint.Color c ? c : javafx.scene.paint.Color.GRAY,
                statusLabel.textFillProperty()));
        frequencyHolder.getChildren().add(frequencyView);
        // every typed kernel value changes a field and the frequency view inside this pane
        Controls.uncacheViewport(settingsScroll);
        inputPane.displayProperty().bind(vm.inputDisplayProperty());
        resultPane.displayProperty().bind(vm.displayProperty());
        resultPane.setAfterRender(() -> vm.markShown(resultPane.displayProperty().get()));
        // "on screen N ms after the edit" is taken at the pulse that hands the drawn picture to the renderer
        Runnable pulse = vm::markPulse;
        root.sceneProperty().addListener((o, a, sc) -> {
            if (a != null) {
                a.removePostLayoutPulseListener(pulse);
            }
            if (sc != null) {
                sc.addPostLayoutPulseListener(pulse);
            }
        });
        dropHint.visibleProperty().bind(vm.photoProperty().isNull());
        vm.photoProperty().addListener((o, a, p) -> {
            pointer.markPatch(null);
            if (a == null || p == null || a.width() != p.width() || a.height() != p.height()) {
                fitPending = true;
                Platform.runLater(this::fit);
            }
        });
        inputPane.widthProperty().addListener(o -> fitIfPending());
        inputPane.heightProperty().addListener(o -> fitIfPending());

        for (String name : Samples.names()) {
            MenuItem item = new MenuItem(name);
            // A file name, not a label: its first underscore is not a keyboard mnemonic.
            item.setMnemonicParsing(false);
            item.setId("sample-" + name);
            item.setOnAction(e -> vm.openSample(name));
            samplesButton.getItems().add(item);
        }
        colorToggle.setOnAction(e -> {
            colorToggle.setSelected(true);
            vm.colorModeProperty().set(ColorMode.COLOR);
        });
        grayToggle.setOnAction(e -> {
            grayToggle.setSelected(true);
            vm.colorModeProperty().set(ColorMode.GRAY);
        });
        vm.colorModeProperty().addListener((o, a, m) -> {
            colorToggle.setSelected(m == ColorMode.COLOR);
            grayToggle.setSelected(m == ColorMode.GRAY);
        });

        vm.layer().kernelProperty().addListener((o, a, k) -> showCells(k));
        showCells(vm.layer().kernelProperty().get());
        settingsError.textProperty().bind(vm.settings().cellErrorProperty());
        frequencyView.responseProperty().bind(vm.settings().frequencyProperty());
        bandLabel.textProperty().bind(vm.settings().bandProperty());
        layerHolder.getChildren().setAll(LayerSettingsView.load(vm.layer(), vm.settings().messages(), locale, "photo-").root());

        scalingBox.getItems().setAll(Scaling.values());
        scalingBox.setConverter(named(v -> b.getString("show." + v.id())));
        scalingBox.valueProperty().bindBidirectional(vm.scalingProperty());
        mapBox.getItems().setAll(Boolean.FALSE, Boolean.TRUE);
        mapBox.setConverter(named(v -> b.getString(v ? "map.pooled" : "map.feature")));
        mapBox.valueProperty().bindBidirectional(vm.showPooledProperty());
        mapBox.disableProperty().bind(vm.layer().poolEnabledProperty().not());
        channelBox.setItems(vm.channelChoices());
        channelBox.setConverter(named(v -> v == MapRenderer.RGB ? b.getString("channel.rgb")
                : java.text.MessageFormat.format(b.getString("channel.n"), String.valueOf(v))));
        channelBox.setValue(vm.channelProperty().get());
        channelBox.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                vm.channelProperty().set(v);
            }
        });
        vm.channelProperty().addListener((o, a, v) -> channelBox.setValue(v.intValue()));
        vm.channelChoices().addListener((ListChangeListener<Integer>) c -> channelBox.setValue(vm.channelProperty().get()));

        colorBar.scaleProperty().bind(Bindings.createObjectBinding(
                () -> vm.displayProperty().get() == null ? null : vm.displayProperty().get().scale(), vm.displayProperty()));
        colorBar.compositeProperty().bind(Bindings.createBooleanBinding(
                () -> vm.displayProperty().get() != null && vm.displayProperty().get().channel() == MapRenderer.RGB,
                vm.displayProperty()));
        clipLabel.textProperty().bind(Bindings.createStringBinding(() -> clipText(vm.displayProperty().get()),
                vm.displayProperty()));
        noticeLabel.textProperty().bind(vm.noticeProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        channelInfoLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.settings().channelInfoProperty().get().isEmpty() ? "" : vm.settings().channelInfoProperty().get() + " "
                        + PhotoText.get(locale, "values"),
                vm.settings().channelInfoProperty()));
        statusLabel.textProperty().bind(vm.statusProperty());
        timingLabel.textProperty().bind(vm.timingProperty());
        // Progress and Cancel only for a run that lasts: most edits are done within a frame or two,
        // and showing then hiding them costs the window a pulse of CSS and painting for nothing.
        javafx.beans.property.BooleanProperty lasting = new javafx.beans.property.SimpleBooleanProperty();
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(BUSY_SHOWN_AFTER);
        wait.setOnFinished(e -> lasting.set(vm.busyProperty().get()));
        vm.busyProperty().addListener((o, was, now) -> {
            if (now) {
                wait.playFromStart();
            } else {
                wait.stop();
                lasting.set(false);
            }
        });
        // The bar follows the progress only while shown: each change asks the skin for a layout,
        // and so the window for a pulse of layout and painting, several times a run otherwise.
        lasting.addListener((o, was, now) -> {
            if (now) {
                progressBar.progressProperty().bind(vm.progressProperty());
            } else {
                progressBar.progressProperty().unbind();
            }
        });
        lasting.set(vm.busyProperty().get());
        progressBar.visibleProperty().bind(lasting);
        cancelButton.visibleProperty().bind(lasting);
        javafx.beans.binding.BooleanBinding noFullResult = Bindings.createBooleanBinding(
                () -> vm.resultProperty().get() == null || vm.resultProperty().get().isPreview(), vm.resultProperty());
        exportPngButton.disableProperty().bind(noFullResult);
        exportNpyButton.disableProperty().bind(noFullResult);
        vm.viewStepProperty().bind(transform.stepProperty());
        patchButton.disableProperty().bind(vm.photoProperty().isNull());

        for (MapPane p : List.of(inputPane, resultPane)) {
            p.setOnMouseMoved(e -> probeLabel.setText(vm.probe(transform.inputX(e.getX()), transform.inputY(e.getY()))));
        }
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : f.apply(v);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /**
     * One text field per weight of the kernel's first slice (the one a 2-D kernel has); typing
     * updates the result live. A kernel of several slices says that the others are the stepper's.
     */
    private void showCells(Kernel k) {
        int kh = k.height();
        int kw = k.width();
        int slices = k.dim0() * k.dim1();
        kernelNote.setText(slices > 1 ? PhotoText.get(locale, "kernel.slices", slices) : "");
        kernelNote.setVisible(slices > 1);
        kernelNote.setManaged(slices > 1);
        if (cells.length != kh || cells.length == 0 || cells[0].length != kw) {
            kernelGrid.getChildren().clear();
            cells = new TextField[kh][kw];
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    TextField f = new TextField();
                    f.setId("photo-k" + y + "_" + x);
                    f.setPrefColumnCount(kw > 7 ? 3 : 4);
                    int fy = y;
                    int fx = x;
                    f.textProperty().addListener((o, a, t) -> {
                        if (!showing) {
                            boolean bad = !vm.settings().setKernelCell(fy, fx, t);
                            f.pseudoClassStateChanged(Controls.INVALID, bad);
                        }
                    });
                    cells[y][x] = f;
                    kernelGrid.add(f, x, y);
                }
            }
        }
        showing = true;
        try {
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    TextField f = cells[y][x];
                    Float typed = Numbers.parse(f.getText());
                    float w = k.get(0, 0, y, x);
                    if (typed == null || Float.floatToIntBits(typed) != Float.floatToIntBits(w)) {
                        f.setText(Numbers.shortest(w));
                        f.pseudoClassStateChanged(Controls.INVALID, false);
                    }
                }
            }
        } finally {
            showing = false;
        }
    }

    /** True while the fields are being filled from the kernel, not typed into. */
    private boolean showing;

    private String clipText(PhotoViewModel.Display d) {
        if (d == null || d.scale().scaling() != Scaling.CLAMPED || d.stats() == null) {
            return "";
        }
        MapStats s = d.stats();
        if (s.below() == 0 && s.above() == 0) {
            return "";
        }
        return PhotoText.get(locale, "clip", String.format(Locale.ROOT, "%.1f", 100.0 * s.below() / s.count()),
                String.format(Locale.ROOT, "%.1f", 100.0 * s.above() / s.count()));
    }

    private void fitIfPending() {
        if (fitPending) {
            fit();
        }
    }

    @FXML
    private void fit() {
        Photo p = vm.photoProperty().get();
        if (p == null || inputPane.getWidth() < 2) {
            return;
        }
        fitPending = false;
        transform.fit(p.width(), p.height(), inputPane.getWidth(), inputPane.getHeight());
    }

    @FXML
    private void actualSize() {
        transform.zoomAt(transform.step(), inputPane.getWidth() / 2, inputPane.getHeight() / 2);
    }

    @FXML
    private void zoomIn() {
        transform.zoomAt(1.5, inputPane.getWidth() / 2, inputPane.getHeight() / 2);
    }

    @FXML
    private void zoomOut() {
        transform.zoomAt(1 / 1.5, inputPane.getWidth() / 2, inputPane.getHeight() / 2);
    }

    @FXML
    private void sendPatch() {
        Photo p = vm.photoProperty().get();
        if (p == null) {
            return;
        }
        int[] corner = pointer.patchCorner();
        if (corner == null) {
            int cx = (int) transform.inputX(inputPane.getWidth() / 2) - PhotoViewModel.PATCH / 2;
            int cy = (int) transform.inputY(inputPane.getHeight() / 2) - PhotoViewModel.PATCH / 2;
            corner = new int[] {cy, cx};
        }
        int[] at = vm.sendPatch(corner[1], corner[0]);
        if (at != null) {
            pointer.markPatch(at);
            if (!hasStepper) {
                ClipboardContent c = new ClipboardContent();
                c.putString(SpecWriter.toJson(vm.patchProperty().get()));
                Clipboard.getSystemClipboard().setContent(c);
            }
        }
    }

    private boolean hasStepper;

    /** Sends patches to a stepper ({@code problem -> stepper.load(problem)}); without one they go to the clipboard. */
    public void connectStepper(java.util.function.Consumer<org.convlens.spec.Problem> stepper) {
        hasStepper = stepper != null;
        vm.setPatchSink(stepper);
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void open() {
        Path f = picker.get().openFile(title("open"), ImageFormat.SUPPORTED, List.copyOf(ImageFormat.EXTENSIONS));
        if (f != null) {
            vm.open(f);
        }
    }

    @FXML
    private void exportPng() {
        Path f = picker.get().saveFile(title("export.png"), "PNG", "png", "result.png");
        if (f != null) {
            vm.exportPng(f);
        }
    }

    @FXML
    private void exportNpy() {
        Path f = picker.get().saveFile(title("export.npy"), "NumPy", "npy", "result.npy");
        if (f != null) {
            vm.exportNpy(f);
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<java.io.File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        if (!files.isEmpty()) {
            vm.open(files.get(0).toPath());
        }
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }

    /** What the Photos tab's commands do ({@link Command}: + and - zoom, 0 fits, 1 is one pixel, Esc cancels). */
    public void registerCommands(Actions a) {
        a.on(Command.PHOTO_ZOOM_IN, this::zoomIn);
        a.on(Command.PHOTO_ZOOM_OUT, this::zoomOut);
        a.on(Command.PHOTO_FIT, this::fit);
        a.on(Command.PHOTO_ONE, this::actualSize);
        a.on(Command.PHOTO_CANCEL, this::cancel);
    }

    /** Keys for the view in a window of its own (the main window dispatches them itself). */
    void handleKeysAlone() {
        Actions a = new Actions();
        registerCommands(a);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean inField = root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl;
            if (a.handle(e, Command.Scope.PHOTOS, inField) != null) {
                e.consume();
            }
        });
    }
}
