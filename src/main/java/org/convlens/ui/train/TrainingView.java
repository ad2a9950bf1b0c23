package org.convlens.ui.train;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convlens.engine.Kernel;
import org.convlens.engine.Tensor;
import org.convlens.network.ConvLayer;
import org.convlens.network.MapInfo;
import org.convlens.network.Network;
import org.convlens.network.NetworkPlan;
import org.convlens.network.grad.BackwardStep;
import org.convlens.spec.Numbers;
import org.convlens.spec.Problem;
import org.convlens.train.TrainSettings;
import org.convlens.ui.Controls;
import org.convlens.ui.Views;
import org.convlens.ui.network.MapTiles;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The Training tab's controller ({@code fxml/TrainingView.fxml}): binds the run's settings and
 * buttons, draws the curves, the learned kernels, the chosen test image's maps and probabilities
 * and the confusion matrix ({@link ConfusionPane}) from a {@link TrainingViewModel}. Binds and
 * draws only.
 */
public final class TrainingView {
    /** Where a learned kernel or backward step goes. */
    public enum Target {
        STEPPER, PHOTOS
    }

    /** What "open in the stepper" sends: the scenario, where it goes, and what it is (for the stepper's note). */
    public interface Sink {
        void open(Problem p, Target target, java.util.function.Function<Locale, String> note);
    }

    private final TrainingViewModel vm;
    private final Locale locale;
    private Sink sink = (p, t, n) -> { };
    private Runnable chooseData = () -> { };
    private Runnable saveAction = () -> { };
    private Runnable openAction = () -> { };
    private int kernelLayer = -1;
    private int selectedKernel = 0;
    private final List<MapTiles> mapTiles = new java.util.ArrayList<>();

    @FXML private BorderPane root;
    @FXML private ComboBox<String> dataBox;
    @FXML private Spinner<Integer> imagesSpinner;
    @FXML private ComboBox<TrainSettings.OptimizerKind> optimizerBox;
    @FXML private Slider lrSlider;
    @FXML private TextField lrField;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;
    @FXML private Button openButton;
    @FXML private Button freshButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private StackPane lossHolder;
    @FXML private StackPane accuracyHolder;
    @FXML private ComboBox<Integer> kernelLayerBox;
    @FXML private Label kernelTitle;
    @FXML private MapTiles kernelTiles;
    @FXML private MapTiles movedTiles;
    @FXML private Label movedTitle;
    @FXML private Button kernelStepperButton;
    @FXML private Button kernelPhotosButton;
    @FXML private Spinner<Integer> imageSpinner;
    @FXML private Label imageTitle;
    @FXML private VBox probabilitiesBox;
    @FXML private ComboBox<Integer> backwardLayerBox;
    @FXML private Button backwardInputButton;
    @FXML private Button backwardKernelButton;
    @FXML private VBox mapsBox;
    @FXML private ConfusionPane confusion;

    private TrainingView(TrainingViewModel vm, Locale locale) {
        this.vm = vm;
        this.locale = locale;
    }

    /** Loads the view for {@code vm}, texts in {@code locale}. */
    public static TrainingView load(TrainingViewModel vm, Locale locale) {
        TrainingView v = Views.<TrainingView>load("TrainingView", TrainText.bundle(locale),
                c -> c == TrainingView.class ? new TrainingView(vm, locale) : newInstance(c)).controller();
        v.root.getStylesheets().add(Views.css("TrainingView"));
        v.root.getProperties().put(TrainingViewModel.class, vm);
        return v;
    }

    private static Object newInstance(Class<?> c) {
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public BorderPane root() {
        return root;
    }

    /** Where learned kernels and backward steps are sent (the main window's stepper or Photos tab). */
    public void setSink(Sink s) {
        this.sink = s;
    }

    /** The window's "choose a data folder", "save" and "open" (through its file picker). */
    public void setFileActions(Runnable chooseData, Runnable save, Runnable open) {
        this.chooseData = chooseData;
        this.saveAction = save;
        this.openAction = open;
    }

    private String text(String key, Object... args) {
        return TrainText.get(locale, key, args);
    }

    @FXML
    private void initialize() {
        dataBox.getItems().setAll("fashion", "folder");
        dataBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                if ("folder".equals(s)) {
                    return vm.dataPathProperty().get() == null ? text("train.data.choose")
                            : text("train.data.folder", vm.dataPathProperty().get().getFileName());
                }
                return text("train.data.fashion");
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        dataBox.setValue(vm.dataPathProperty().get() == null ? "fashion" : "folder");
        dataBox.setOnAction(e -> {
            if ("folder".equals(dataBox.getValue())) {
                chooseData.run();
                if (vm.dataPathProperty().get() == null) {
                    dataBox.setValue("fashion");
                }
            } else {
                vm.dataPathProperty().set(null);
            }
        });
        vm.dataPathProperty().addListener((o, a, b) -> {
            String v = b == null ? "fashion" : "folder";
            dataBox.getItems().setAll("fashion", "folder");
            dataBox.setValue(v);
        });
        Controls.bindInt(imagesSpinner, vm.trainImagesProperty(), 1, 200_000, () -> locale);
        Controls.bindChoice(optimizerBox, List.of(TrainSettings.OptimizerKind.values()), vm.optimizerProperty(),
                k -> text("train.optimizer." + k.id()));
        Controls.bindInt(batchSpinner, vm.batchSizeProperty(), 1, TrainSettings.MAX_BATCH, () -> locale);
        Controls.bindInt(epochsSpinner, vm.epochsProperty(), 1, 1000, () -> locale);
        Controls.bindInt(seedSpinner, vm.seedProperty(), 0, Integer.MAX_VALUE, () -> locale);
        bindLearningRate();

        var busy = javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.stateProperty().get().busy(),
                vm.stateProperty());
        var running = javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.stateProperty().get()
                == TrainingViewModel.State.RUNNING || vm.stateProperty().get() == TrainingViewModel.State.PAUSED,
                vm.stateProperty());
        for (javafx.scene.Node n : List.of(dataBox, imagesSpinner, optimizerBox, batchSpinner, epochsSpinner, seedSpinner,
                startButton, openButton, freshButton)) {
            n.disableProperty().bind(busy);
        }
        pauseButton.disableProperty().bind(running.not());
        cancelButton.disableProperty().bind(busy.not());
        saveButton.disableProperty().bind(vm.networkProperty().isNull().or(vm.savingProperty()));
        startButton.disableProperty().unbind();
        startButton.disableProperty().bind(busy.or(vm.startLockedProperty()));
        freshButton.disableProperty().unbind();
        freshButton.disableProperty().bind(busy.or(vm.openedProperty().isNull()));
        pauseButton.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> text(
                vm.stateProperty().get() == TrainingViewModel.State.PAUSED ? "train.resume" : "train.pause"),
                vm.stateProperty()));
        progressBar.progressProperty().bind(vm.progressProperty());
        statusLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.startLockedProperty().get() && !vm.stateProperty().get().busy() ? text("train.status.answerFirst")
                : vm.messageProperty().get().isEmpty() ? text("train.status.idle") : vm.messageProperty().get(),
                vm.messageProperty(), vm.startLockedProperty(), vm.stateProperty()));
        vm.stateProperty().addListener((o, a, b) -> statusLabel.pseudoClassStateChanged(Controls.INVALID,
                b == TrainingViewModel.State.DIVERGED || b == TrainingViewModel.State.FAILED));
        vm.blownUpProperty().addListener((o, a, b) -> statusLabel.pseudoClassStateChanged(Controls.INVALID,
                !Double.isNaN(b.doubleValue())));

        lossHolder.getChildren().add(chart("train-loss-chart", text("train.curves.loss"),
                vm.trainLoss(), vm.testLoss(), false));
        accuracyHolder.getChildren().add(chart("train-accuracy-chart", text("train.curves.accuracy"),
                vm.trainAccuracy(), vm.testAccuracy(), true));

        kernelLayerBox.setConverter(layerNames());
        backwardLayerBox.setConverter(layerNames());
        kernelLayerBox.valueProperty().addListener((o, a, b) -> {
            kernelLayer = b == null ? -1 : b;
            selectedKernel = 0;
            showKernels(vm.networkProperty().get());
        });
        kernelTiles.setOnCell((cell, click) -> {
            if (click) {
                Network n = vm.networkProperty().get();
                int in = n == null || kernelLayer < 0 ? 1 : ((ConvLayer) n.layers().get(kernelLayer)).spec().kernel().dim1();
                selectedKernel = cell[0] / in;
                showKernels(n);
            }
        });
        kernelStepperButton.disableProperty().bind(vm.inspector().answerProperty().isNull());
        kernelPhotosButton.disableProperty().bind(vm.inspector().answerProperty().isNull());
        // A backward step needs a network with weights and a layer: before a run, nothing to open.
        javafx.beans.binding.BooleanBinding noBackward = vm.inspector().answerProperty().isNull()
                .or(backwardLayerBox.valueProperty().isNull());
        backwardInputButton.disableProperty().bind(noBackward);
        backwardKernelButton.disableProperty().bind(noBackward);
        vm.networkProperty().addListener((o, a, n) -> networkChanged(n));
        networkChanged(vm.networkProperty().get());

        Controls.bindInt(imageSpinner, vm.inspector().imageProperty(), 0, 1_000_000, () -> locale);
        vm.inspector().answerProperty().addListener((o, a, b) -> showAnswer(b));
        showAnswer(vm.inspector().answerProperty().get());
        confusion.bind(vm.inspector(), locale, i -> vm.inspector().imageProperty().set(i));
    }

    private javafx.util.StringConverter<Integer> layerNames() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null ? "" : text("train.layer", i + 1);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        };
    }

    /** A log-scale slider (10^-4 to 10^3) and a field that takes any positive number, both on one property. */
    private void bindLearningRate() {
        lrSlider.setMin(-4);
        lrSlider.setMax(3);
        boolean[] updating = {false};
        Runnable fromVm = () -> {
            updating[0] = true;
            double lr = vm.learningRateProperty().get();
            lrSlider.setValue(Math.log10(lr));
            lrField.setText(Numbers.shortest((float) lr));
            lrField.pseudoClassStateChanged(Controls.INVALID, false);
            updating[0] = false;
        };
        fromVm.run();
        vm.learningRateProperty().addListener(o -> fromVm.run());
        lrSlider.valueProperty().addListener((o, a, b) -> {
            if (!updating[0]) {
                double v = Math.pow(10, b.doubleValue());
                double step = Math.pow(10, Math.floor(Math.log10(v)) - 1);
                vm.learningRateProperty().set(Math.round(v / step) * step);
            }
        });
        lrField.setOnAction(e -> {
            try {
                double v = Double.parseDouble(lrField.getText().trim());
                if (v > 0 && Float.isFinite((float) v)) {
                    vm.learningRateProperty().set(v);
                    return;
                }
            } catch (NumberFormatException ex) {
                // marked below
            }
            lrField.pseudoClassStateChanged(Controls.INVALID, true);
        });
        lrField.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                lrField.getOnAction().handle(null);
            }
        });
        lrSlider.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.stateProperty().get().busy(), vm.stateProperty()));
        lrField.disableProperty().bind(lrSlider.disableProperty());
    }

    private final List<javafx.beans.InvalidationListener> axisListeners = new java.util.ArrayList<>();

    /**
     * Runs {@code update} now and whenever one of {@code sources} changes: the listener held by
     * the view, weakly by the view-model's values, which outlive a view rebuilt for a language
     * switch.
     */
    private void follow(Runnable update, javafx.beans.Observable... sources) {
        update.run();
        javafx.beans.InvalidationListener l = o -> update.run();
        axisListeners.add(l);
        for (javafx.beans.Observable s : sources) {
            s.addListener(new javafx.beans.WeakInvalidationListener(l));
        }
    }

    private LineChart<Number, Number> chart(String id, String title, ObservableList<TrainingViewModel.Point> train,
                                            ObservableList<TrainingViewModel.Point> test, boolean percent) {
        NumberAxis x = new NumberAxis();
        x.setLabel(text("train.curves.epoch"));
        // The whole run to come, from epoch 0 to the last: the curves fill it in as it trains.
        x.setAutoRanging(false);
        x.setLowerBound(0);
        Runnable span = () -> {
            int e = Math.max(1, vm.epochsProperty().get());
            x.setUpperBound(e);
            x.setTickUnit(e <= 10 ? 1 : Math.ceil(e / 10.0));
        };
        follow(span, vm.epochsProperty());
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        if (percent) {
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(1);
            y.setTickUnit(0.2);
        } else {
            // With no point yet the axis has nothing to range on (it showed 0 to 150): until the
            // first, the span a first loss falls in (ln 10, about 2.3, for ten classes).
            Runnable empty = () -> {
                boolean none = train.isEmpty() && test.isEmpty();
                y.setAutoRanging(!none);
                if (none) {
                    y.setLowerBound(0);
                    y.setUpperBound(3);
                    y.setTickUnit(1);
                }
            };
            follow(empty, train, test);
        }
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId(id);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(true);
        c.setMinSize(200, 150);
        c.setPrefSize(420, 240);
        XYChart.Series<Number, Number> a = series(text("train.curves.train"), train, false);
        XYChart.Series<Number, Number> b = series(text("train.curves.test"), test, true);
        c.getData().add(a);
        c.getData().add(b);
        return c;
    }

    private static XYChart.Series<Number, Number> series(String name, ObservableList<TrainingViewModel.Point> points,
                                                         boolean symbols) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        BiConsumer<Integer, List<? extends TrainingViewModel.Point>> add = (from, ps) -> {
            List<XYChart.Data<Number, Number>> d = new java.util.ArrayList<>();
            for (TrainingViewModel.Point p : ps) {
                XYChart.Data<Number, Number> dp = new XYChart.Data<>(p.x(), p.y());
                if (!symbols) {
                    javafx.scene.layout.Region none = new javafx.scene.layout.Region();
                    none.getStyleClass().add("chart-series-line-symbol-hidden");
                    none.setVisible(false);
                    dp.setNode(none);
                }
                d.add(dp);
            }
            s.getData().addAll(d);
        };
        add.accept(0, points);
        points.addListener((ListChangeListener<TrainingViewModel.Point>) ch -> {
            while (ch.next()) {
                if (ch.wasRemoved() && points.isEmpty()) {
                    s.getData().clear();
                }
                if (ch.wasAdded()) {
                    add.accept(ch.getFrom(), ch.getAddedSubList());
                }
            }
        });
        return s;
    }

    private void networkChanged(Network n) {
        List<Integer> convs = LearnedKernels.convLayers(n);
        if (!convs.equals(kernelLayerBox.getItems())) {
            kernelLayerBox.getItems().setAll(convs);
            backwardLayerBox.getItems().setAll(convs);
            if (!convs.isEmpty()) {
                kernelLayerBox.setValue(convs.contains(kernelLayer) ? kernelLayer : convs.get(0));
                backwardLayerBox.setValue(convs.get(0));
            }
        }
        showKernels(n);
    }

    /** Every kernel of the chosen layer, each input channel a tile, all on one colour scale. */
    private void showKernels(Network n) {
        if (n == null || kernelLayer < 0 || kernelLayer >= n.layers().size()
                || !(n.layers().get(kernelLayer) instanceof ConvLayer c)) {
            kernelTitle.setText("");
            return;
        }
        Kernel k = c.spec().kernel();
        kernelTiles.setMap(new Tensor(k.dim0() * k.dim1(), k.height(), k.width(), k.data()), false);
        int in = k.dim1();
        selectedKernel = Math.min(selectedKernel, k.dim0() - 1);
        kernelTiles.setLit(null, new int[] {selectedKernel * in, 0, 0});
        Tensor moved = LearnedKernels.moved(vm.startNetworkProperty().get(), n, kernelLayer);
        movedTitle.setVisible(moved != null);
        movedTitle.setManaged(moved != null);
        movedTiles.setVisible(moved != null);
        movedTiles.setManaged(moved != null);
        if (moved != null) {
            movedTiles.setMap(moved, false);
            movedTiles.setLit(null, new int[] {selectedKernel * in, 0, 0});
        }
        kernelTitle.setText(text("train.kernels.layer", kernelLayer + 1, k.dim0(), k.dim1() + " \u00d7 " + k.height()
                + " \u00d7 " + k.width()) + "  \u00b7  " + text("train.kernels.selected", selectedKernel + 1));
    }

    private void showAnswer(Inspector.Answer a) {
        probabilitiesBox.getChildren().clear();
        mapsBox.getChildren().clear();
        mapTiles.clear();
        var test = vm.inspector().test();
        if (a == null || test == null) {
            imageTitle.setText("");
            return;
        }
        String truth = test.className(a.label(), locale);
        imageTitle.setText(text("train.image.title", a.image(), test.size(), truth));
        for (int k = 0; k < a.probabilities().length; k++) {
            double p = a.probabilities()[k];
            Label name = new Label(test.className(k, locale));
            name.setMinWidth(110);
            ProgressBar bar = new ProgressBar(p);
            bar.setPrefWidth(160);
            bar.getStyleClass().add(k == a.label() ? "truth" : k == a.predicted() ? "wrong" : "other");
            Label v = new Label(RunReporter.percent(p));
            HBox row = new HBox(6, name, bar, v);
            row.setId("train-prob-" + k);
            probabilitiesBox.getChildren().add(row);
        }
        NetworkPlan plan = a.maps().plan();
        for (MapInfo info : plan.maps()) {
            String what = info.index() == 0 ? text("train.maps.input")
                    : text("train.maps.layer", info.layer() + 1,
                    text("train.stage." + info.made().name().toLowerCase(Locale.ROOT)),
                    info.shape().toString().replace(" x ", " \u00d7 "));
            Label title = new Label(what);
            title.getStyleClass().add("grid-title");
            MapTiles t = new MapTiles();
            t.setId("train-map-" + info.index());
            t.setMap(a.maps().map(info.index()), info.shape().flat());
            if (info.shape().channels() == 1 && !info.shape().flat()) {
                t.setMaxWidth(240);
            }
            mapTiles.add(t);
            mapsBox.getChildren().add(new VBox(2, title, t));
        }
    }

    @FXML
    private void start() {
        vm.start();
    }

    @FXML
    private void pauseOrResume() {
        if (vm.stateProperty().get() == TrainingViewModel.State.PAUSED) {
            vm.resume();
        } else {
            vm.pause();
        }
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void save() {
        saveAction.run();
    }

    @FXML
    private void open() {
        openAction.run();
    }

    @FXML
    private void fresh() {
        vm.forgetOpened();
    }

    @FXML
    private void nextWrong() {
        var test = vm.inspector().test();
        if (test == null) {
            return;
        }
        vm.inspector().nextWrong(vm.inspector().imageProperty().get());
    }

    @FXML
    private void kernelToStepper() {
        openKernel(Target.STEPPER);
    }

    @FXML
    private void kernelToPhotos() {
        openKernel(Target.PHOTOS);
    }

    /** The selected learned kernel, opened in the stepper or the Photos tab. */
    public void openKernel(Target target) {
        int layer = kernelLayer;
        int out = selectedKernel;
        Problem p = layer < 0 ? null : vm.inspector().kernelProblem(layer, out);
        if (p == null) {
            return;
        }
        int image = vm.inspector().imageProperty().get();
        int epoch = vm.testAccuracy().size();
        sink.open(p, target, l -> TrainText.get(l, "train.stepper.kernel", out + 1, layer + 1, epoch, image));
    }

    @FXML
    private void inputGradient() {
        backward(BackwardStep.Kind.INPUT);
    }

    @FXML
    private void kernelGradient() {
        backward(BackwardStep.Kind.KERNEL);
    }

    private void backward(BackwardStep.Kind kind) {
        Integer layer = backwardLayerBox.getValue();
        if (layer == null) {
            return;
        }
        Problem p = vm.inspector().backwardProblem(layer, kind);
        if (p == null) {
            return;
        }
        int image = vm.inspector().imageProperty().get();
        String key = kind == BackwardStep.Kind.INPUT ? "train.stepper.input" : "train.stepper.kernelGrad";
        sink.open(p, Target.STEPPER, l -> TrainText.get(l, key, layer + 1, image));
    }

    /** The kernels drawn (for tests). */
    public MapTiles kernelTiles() {
        return kernelTiles;
    }

    /** The selected kernel of the layer shown: {layer, output channel}. */
    public int[] selectedKernel() {
        return new int[] {kernelLayer, selectedKernel};
    }
}
