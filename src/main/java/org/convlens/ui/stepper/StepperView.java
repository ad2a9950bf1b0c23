package org.convlens.ui.stepper;

import org.convlens.spec.Numbers;
import org.convlens.ui.actions.Actions;
import org.convlens.ui.actions.Command;
import org.convlens.ui.settings.LayerSettingsView;
import org.convlens.ui.settings.Setting;
import javafx.animation.RotateTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.convlens.engine.CellKind;
import org.convlens.engine.ConvPlan;
import org.convlens.ui.Controls;
import org.convlens.ui.UiText;
import org.convlens.ui.WrapBar;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.GridView;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The stepper's controller (fxml/StepperView.fxml): binds the controls to {@link StepperViewModel}
 * and {@link ScenarioViewModel} and draws each {@link Frame} into the grids; the playback bar is
 * bound by {@link PlaybackControls}. Thin by design: every decision is in the view-models.
 */
public class StepperView {
    /** How long the kernel takes to turn over when flipped; tests set it to zero. */
    private static final ObjectProperty<Duration> FLIP_DURATION = new SimpleObjectProperty<>(Duration.millis(700));

    private final StepperViewModel vm;
    private final ScenarioViewModel scenario;
    private PlaybackControls playback;
    private CoverCards covers;
    private StageLayout layout;

    @FXML private BorderPane root;
    @FXML private WrapBar playbackBar;
    @FXML private Button firstButton;
    @FXML private Button backButton;
    @FXML private Button playButton;
    @FXML private Region playIcon;
    @FXML private Button forwardButton;
    @FXML private Button lastButton;
    @FXML private Label stepLabel;
    @FXML private TextField jumpField;
    @FXML private Slider timeline;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private ToggleButton termPaceToggle;
    @FXML private ToggleButton settingsToggle;
    @FXML private ToggleButton allChannelsToggle;
    @FXML private Label staleBanner;
    @FXML private Label sourceNote;
    @FXML private ScrollPane stageScroll;
    @FXML private HBox grids;
    @FXML private ChannelOverviewPane overview;
    @FXML private VBox inputBox;
    @FXML private VBox arithmeticPane;
    @FXML private VBox shapePane;
    @FXML private javafx.scene.layout.FlowPane poolFormulas;

    @FXML private ScrollPane settingsScroll;
    @FXML private VBox settings;
    @FXML private Spinner<Integer> inHeight;
    @FXML private Spinner<Integer> inWidth;
    @FXML private Spinner<Integer> inChannels;
    @FXML private Label inputSizeMessage;
    @FXML private TextField inputFillValue;
    @FXML private Label inputCellsMessage;
    @FXML private Label generalMessage;
    @FXML private VBox layerHolder;

    @FXML private VBox stage;
    @FXML private Label inputTitle;
    @FXML private javafx.scene.layout.FlowPane sliceBar;
    @FXML private GridView inputGrid;
    @FXML private Label inputLegend;
    @FXML private VBox kernelBox;
    @FXML private Label kernelTitle;
    @FXML private Label kernelSubtitle;
    @FXML private GridView kernelGrid;
    @FXML private VBox enteredKernelBox;
    @FXML private GridView enteredKernelGrid;
    @FXML private VBox preActivationBox;
    @FXML private Label preActivationTitle;
    @FXML private GridView preActivationGrid;
    @FXML private VBox outputBox;
    @FXML private Label outputTitle;
    @FXML private javafx.scene.layout.FlowPane outChannelBar;
    @FXML private GridView outputGrid;
    @FXML private VBox pooledBox;
    @FXML private Label pooledTitle;
    @FXML private GridView pooledGrid;
    @FXML private Label runningSum;
    @FXML private ArithmeticView arithmetic;
    @FXML private Label rowsFormula;
    @FXML private Label colsFormula;
    @FXML private Label poolRowsFormula;
    @FXML private Label poolColsFormula;
    @FXML private Label symbols;
    @FXML private VBox notes;
    @FXML private Label params;

    public StepperView(StepperViewModel vm) {
        this.vm = vm;
        this.scenario = vm.scenario();
    }

    /** How long the kernel's flip animation runs (zero in tests). */
    public static ObjectProperty<Duration> flipDurationProperty() {
        return FLIP_DURATION;
    }

    private Locale locale() {
        return scenario.localeProperty().get();
    }

    private String text(String key, Object... args) {
        return UiText.get(locale(), key, args);
    }

    @FXML
    private void initialize() {
        channelBars = new ChannelBars(vm, sliceBar, outChannelBar, this::text);
        overview.bind(vm, allChannelsToggle, this::text, List.of(inputBox, kernelBox), () -> layout.later());
        playback = new PlaybackControls(vm, new PlaybackControls.Parts(List.of(firstButton, backButton),
                List.of(forwardButton, lastButton), playIcon, stepLabel, jumpField, timeline, speedSlider, speedLabel,
                termPaceToggle), this::text);
        bindSettings();
        bindGrids();
        covers = new CoverCards(Node::isManaged);
        covers.add(Covers.Panel.INPUT, inputBox, false);
        covers.add(Covers.Panel.KERNEL, kernelBox, false);
        covers.add(Covers.Panel.OUTPUT, outputBox, false);
        covers.add(Covers.Panel.OUTPUT, preActivationBox, false);
        covers.add(Covers.Panel.POOLED, pooledBox, false);
        covers.add(Covers.Panel.SUM, arithmeticPane, false);
        covers.add(Covers.Panel.SHAPE, shapePane, false);
        covers.add(Covers.Panel.STEP, stepLabel, true);
        layout = new StageLayout(stageScroll, stage, grids, List.of(
                new StageLayout.Box(inputBox, inputTitle, 6, List.of(inputGrid),
                        () -> block(vm.getFrame().input(), null)),
                new StageLayout.Box(kernelBox, kernelTitle, 10.5, List.of(kernelGrid, enteredKernelGrid),
                        () -> block(vm.getFrame().kernel(), vm.getFrame().enteredKernel())),
                new StageLayout.Box(preActivationBox, preActivationTitle, 6, List.of(preActivationGrid),
                        () -> block(vm.getFrame().preActivation(), null)),
                new StageLayout.Box(outputBox, outputTitle, 6, List.of(outputGrid),
                        () -> block(vm.getFrame().featureMap(), null)),
                new StageLayout.Box(pooledBox, pooledTitle, 6, List.of(pooledGrid),
                        () -> block(vm.getFrame().pooled(), null)),
                new StageLayout.Box(overview, overview.title(), 6, List.of(), overview::block)), shapePane, vm::getFrame);
        vm.frameProperty().addListener((o, a, b) -> show(b));
        vm.shapeProperty().addListener((o, a, b) -> showShape(b));
        show(vm.getFrame());
        showShape(vm.shapeProperty().get());
        settingsScroll.visibleProperty().bind(settingsToggle.selectedProperty());
        settingsScroll.managedProperty().bind(settingsToggle.selectedProperty());
        staleBanner.textProperty().bind(Bindings.createStringBinding(() -> text("stale.banner"),
                scenario.localeProperty()));
        staleBanner.visibleProperty().bind(scenario.errorProperty().isNotNull());
        staleBanner.managedProperty().bind(staleBanner.visibleProperty());
        // which layer of a network the stepper shows, when it shows one
        sourceNote.textProperty().bind(scenario.noteProperty());
        sourceNote.visibleProperty().bind(scenario.noteProperty().isNotEmpty());
        sourceNote.managedProperty().bind(sourceNote.visibleProperty());
        // ScrollPane's skin caches its viewport as one bitmap: with grids changing every frame that
        // bitmap was re-rendered and re-drawn whole each frame (measured with --measure-fps), so
        // the stage's viewport is not cached
        Controls.uncacheViewport(stageScroll);
        // the pen draws over the stage, outside it: its strokes are in no export and no scenario
        PenAnchors anchors = new PenAnchors(stage, List.of(inputGrid, kernelGrid, enteredKernelGrid, preActivationGrid,
                outputGrid, pooledGrid), overview::grids, () -> inputTitle.getFont().getSize());
        root.setCenter(new StackPane(stageScroll, new PenLayer(vm.pen(), anchors, Bindings.createStringBinding(
                () -> text("pen.note", Actions.keyText(Command.PEN_CLEAR.keys().get(0)), Actions.keyText(Command.PEN.keys()
                        .get(0)), text("pen.shape." + vm.pen().toolProperty().get().name().toLowerCase(Locale.ROOT)),
                        Actions.keyText(Command.PEN_TOOL.keys().get(0))), scenario.localeProperty(), vm.pen().toolProperty()))));
    }

    /** A box's grids for the fit: one picture, or it and the same-sized one under it. */
    private static StageFit.Block block(GridPicture p, GridPicture under) {
        if (p == null) {
            return StageFit.Block.of(1, 1, 0, 0);
        }
        return new StageFit.Block(p.cols(), p.rows(), 1, under == null ? 1 : 2, 0, 0, 0);
    }

    // Fitting the grids

    public BorderPane root() {
        return root;
    }

    public StepperViewModel viewModel() {
        return vm;
    }

    /** The node to snapshot for a picture of the current frame: the grids, arithmetic and shapes. */
    public Node stageNode() {
        return stage;
    }

    /**
     * How the window scales: {@code zoomRatio} is its zoom over its mode's own (1 at the mode's
     * zoom); in presentation mode the grids take the screen.
     */
    public void setScale(double zoomRatio, boolean presentation) {
        layout.setScale(zoomRatio, presentation);
    }

    /** The cell side every grid shows now. */
    public double cellSize() {
        return layout.cellSize();
    }

    /** Shows or hides the settings panel (presentation mode hides it to give the grids the width). */
    public void showSettings(boolean show) {
        settingsToggle.setSelected(show);
    }

    public boolean settingsShown() {
        return settingsToggle.isSelected();
    }

    /**
     * Takes the settings column's controls out of the window until {@code later} runs the task it
     * is given (the window's start: after its first frame). That frame then shows the grids and the
     * lesson without waiting for the column's two dozen spinners to be styled and laid out, a third
     * of the start-up on two cores. The column keeps its width and colour meanwhile (both come from
     * the scroll pane), so nothing moves when they arrive; the controls are bound already.
     *
     * <p>They come back a section a frame, top to bottom ({@code nextFrame} runs each step after
     * the frame that showed the one before), and {@code done} runs once the last is in. Three
     * starts each (`java -jar`, the window's JIT flags, `-Djavafx.pulseLogger=true`): the longest
     * pulse's JavaFX-thread work after the first frame was 1,148 to 1,352 ms with the whole column
     * at once (a click on the lesson's Next button waited as long), 520 to 709 ms with two sections
     * a frame, 290 to 442 ms with one, the column complete about as soon in all three.
     */
    public void fillSettingsLater(Consumer<Runnable> later, Consumer<Runnable> nextFrame, Runnable done) {
        Node content = settingsScroll.getContent();
        settingsScroll.setContent(null);
        // One step a section; the empty holders and the message under them go with the section
        // next to them.
        List<Runnable> steps = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        pending.add(() -> settingsScroll.setContent(content));
        Consumer<Runnable> section = r -> {
            pending.add(r);
            steps.add(together(pending));
            pending.clear();
        };
        List<Node> around = List.copyOf(settings.getChildren());
        settings.getChildren().clear();
        for (Node n : around) {
            if (n instanceof TitledPane) {
                section.accept(() -> settings.getChildren().add(n));
            } else if (n == layerHolder && !layerHolder.getChildren().isEmpty()
                    && layerHolder.getChildren().get(0) instanceof Pane layer) {
                List<Node> sections = List.copyOf(layer.getChildren());
                layer.getChildren().clear();
                pending.add(() -> settings.getChildren().add(layerHolder));
                for (Node s : sections) {
                    section.accept(() -> layer.getChildren().add(s));
                }
            } else {
                pending.add(() -> settings.getChildren().add(n));
            }
        }
        if (!pending.isEmpty()) {
            steps.add(together(pending));
        }
        later.accept(() -> inTurns(steps, 0, nextFrame, done));
    }

    private static Runnable together(List<Runnable> rs) {
        List<Runnable> all = List.copyOf(rs);
        return () -> all.forEach(Runnable::run);
    }

    private static void inTurns(List<Runnable> steps, int from, Consumer<Runnable> nextFrame, Runnable done) {
        steps.get(from).run();
        if (from + 1 < steps.size()) {
            nextFrame.accept(() -> inTurns(steps, from + 1, nextFrame, done));
        } else {
            done.run();
        }
    }

    /** Stops the playback timer (the window is closing or being rebuilt). */
    public void dispose() {
        playback.dispose();
    }

    // Playback

    @FXML
    private void first() {
        vm.first();
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void forward() {
        vm.forward();
    }

    @FXML
    private void last() {
        vm.last();
    }

    @FXML
    private void togglePlay() {
        vm.togglePlay();
    }

    @FXML
    private void jump() {
        if (playback.jump(jumpField.getText())) {
            root.requestFocus();
        }
    }

    /** What the stepper's commands do ({@link Command}, the one table of keys). */
    public void registerCommands(Actions a) {
        a.on(Command.PLAY, vm::togglePlay);
        a.on(Command.FORWARD, vm::forward);
        a.on(Command.BACK, vm::back);
        a.on(Command.FORWARD_STEP, vm::forwardStep);
        a.on(Command.BACK_STEP, vm::backStep);
        a.on(Command.TEN_FORWARD, () -> vm.jumpTo(vm.getStep() + 10));
        a.on(Command.TEN_BACK, () -> vm.jumpTo(vm.getStep() - 10));
        a.on(Command.FIRST, vm::first);
        a.on(Command.LAST, vm::last);
        a.on(Command.TERM_PACE, () -> vm.termPaceProperty().set(!vm.termPaceProperty().get()));
        a.on(Command.LOOP, () -> vm.loopProperty().set(!vm.loopProperty().get()));
        a.on(Command.QUIZ, vm::toggleQuiz);
        a.on(Command.PEN, vm.pen()::toggle);
        a.on(Command.PEN_CLEAR, vm.pen()::clear);
        a.on(Command.PEN_TOOL, vm.pen()::nextTool);
        a.on(Command.ALL_CHANNELS, () -> vm.allChannelsProperty().set(!vm.allChannelsProperty().get()));
        a.on(Command.GO_TO, () -> {
            jumpField.requestFocus();
            jumpField.selectAll();
        });
        a.on(Command.FASTER, vm::faster);
        a.on(Command.SLOWER, vm::slower);
        a.on(Command.SETTINGS, () -> settingsToggle.setSelected(!settingsToggle.isSelected()));
        a.on(Command.CLEAR_LINKS, () -> {
            vm.pinnedLinkProperty().set(null);
            inputGrid.clearClicked();
            kernelGrid.clearClicked();
            enteredKernelGrid.clearClicked();
            outputGrid.clearClicked();
            pooledGrid.clearClicked();
        });
    }

    // Settings

    private void bindSettings() {
        Supplier<Locale> loc = this::locale;
        int side = ScenarioViewModel.MAX_SIDE;
        StringProperty inH = Controls.bindInt(inHeight, scenario.inHeightProperty(), 1, side, loc);
        StringProperty inW = Controls.bindInt(inWidth, scenario.inWidthProperty(), 1, side, loc);
        StringProperty inC = Controls.bindInt(inChannels, scenario.inChannelsProperty(), 1,
                LayerSettingsView.MAX_CHANNELS, loc);
        at(inputSizeMessage, Setting.INPUT_SIZE, inH, inW, inC);
        StringProperty fillIn = LayerSettingsView.fillMessage(inputFillValue, loc);
        at(inputCellsMessage, Setting.INPUT_CELLS, fillIn);
        layerHolder.getChildren().setAll(
                LayerSettingsView.load(scenario.layer(), scenario.messages(), locale(), "").root());
        at(generalMessage, Setting.GENERAL);
    }

    @SafeVarargs
    private void at(Label label, Setting s, ObservableValue<String>... local) {
        ObservableValue<String>[] all = Arrays.copyOf(local, local.length + 1);
        all[local.length] = scenario.messageAt(s);
        Controls.showMessages(label, all);
        label.setId(label.getId());
    }

    @FXML
    private void randomInput() {
        scenario.randomInput();
    }

    @FXML
    private void clearInput() {
        scenario.clearInput();
    }

    @FXML
    private void fillInput() {
        Float v = Numbers.parse(inputFillValue.getText());
        if (v != null) {
            scenario.fillInput(v);
        }
    }

    // Grids

    private void bindGrids() {
        hover(inputGrid, Link.Grid.INPUT, false);
        hover(kernelGrid, Link.Grid.KERNEL, false);
        hover(enteredKernelGrid, Link.Grid.KERNEL, true);
        hover(outputGrid, Link.Grid.OUTPUT, false);
        hover(pooledGrid, Link.Grid.POOLED, false);

        inputGrid.setCellEditor((r, c, t) -> {
            ConvPlan p = scenario.getComputation().plan();
            return scenario.setInputCell(vm.getFrame().inChannel(), p.rows().source(r), p.cols().source(c), t);
        });
        inputGrid.setEditableCell((r, c) -> {
            ConvPlan p = scenario.getComputation().plan();
            return r < p.rows().length() && c < p.cols().length() && p.kind(r, c) == CellKind.INPUT;
        });
        GridView.CellEditor kernelEditor = (r, c, t) -> {
            Frame f = vm.getFrame();
            return scenario.setKernelCell(f.outChannel(), f.inChannel(), r, c, t);
        };
        enteredKernelGrid.setCellEditor(kernelEditor);
        kernelGrid.setCellEditor(kernelEditor);
        outputGrid.cellEditorProperty().set(null);
        pooledGrid.cellEditorProperty().set(null);
        outputGrid.clickedCellProperty().addListener((o, a, b) -> {
            // a click on an output also jumps to the step that computes it
            if (b.intValue() >= 0 && vm.getFrame() != null && !vm.getFrame().pooling()) {
                GridPicture p = outputGrid.getPicture();
                vm.jumpToOutput(vm.getFrame().outChannel(), b.intValue() / p.cols(), b.intValue() % p.cols());
            }
        });
        new GridTips(scenario::getComputation, vm::getFrame, this::text).install(inputGrid, kernelGrid, enteredKernelGrid, outputGrid, pooledGrid);
        scenario.layer().flipProperty().addListener((o, a, b) -> turnKernel());
        scenario.layer().transposedProperty().addListener((o, a, b) -> turnKernel());
    }

    private void hover(GridView g, Link.Grid grid, boolean entered) {
        g.hoveredCellProperty().addListener((o, a, b) -> vm.hoverProperty().set(link(g, grid, entered, b.intValue())));
        g.clickedCellProperty().addListener((o, a, b) -> vm.pinnedLinkProperty().set(
                link(g, grid, entered, b.intValue())));
    }

    private Link link(GridView g, Link.Grid grid, boolean entered, int index) {
        GridPicture p = g.getPicture();
        if (index < 0 || p == null) {
            return null;
        }
        int r = index / p.cols();
        int c = index % p.cols();
        if (entered) {
            r = p.rows() - 1 - r;
            c = p.cols() - 1 - c;
        }
        return new Link(grid, r, c);
    }

    private void turnKernel() {
        Duration d = FLIP_DURATION.get();
        if (d.lessThanOrEqualTo(Duration.ZERO)) {
            return;
        }
        RotateTransition t = new RotateTransition(d, kernelGrid);
        t.setFromAngle(180);
        t.setToAngle(0);
        t.play();
    }

    private void show(Frame f) {
        if (f == null) {
            return;
        }
        ConvPlan plan = scenario.getComputation().plan();
        inputGrid.setPicture(f.input());
        kernelGrid.setPicture(f.kernel());
        boolean rotated = f.enteredKernel() != null;
        enteredKernelBox.setVisible(rotated);
        enteredKernelBox.setManaged(rotated);
        if (rotated) {
            enteredKernelGrid.setPicture(f.enteredKernel());
        }
        kernelGrid.cellEditorProperty().set(rotated ? null : enteredKernelGrid.getCellEditor());
        outputGrid.setPicture(f.featureMap());
        boolean pre = f.preActivation() != null;
        preActivationBox.setVisible(pre);
        preActivationBox.setManaged(pre);
        if (pre) {
            preActivationGrid.setPicture(f.preActivation());
            preActivationTitle.setText(text("grid.preActivation", text("activation." + plan.spec().activation().type().id())));
        }
        boolean pooled = f.pooled() != null;
        pooledBox.setVisible(pooled);
        pooledBox.setManaged(pooled);
        if (pooled) {
            pooledGrid.setPicture(f.pooled());
        }
        arithmetic.setLines(f.arithmetic());
        runningSum.setText(f.runningSum() == null ? "" : f.runningSum());
        runningSum.setVisible(f.runningSum() != null);
        runningSum.setManaged(f.runningSum() != null);

        stepLabel.setText(text(f.pooling() ? "play.step.pool" : "play.step", f.step() + 1, f.totalSteps()));
        inputTitle.setText(GridTitles.input(locale(), plan, f));
        String legend = ShapeInfo.legend(plan, locale());
        inputLegend.setText(legend);
        inputLegend.setVisible(!legend.isEmpty());
        inputLegend.setManaged(!legend.isEmpty());
        kernelTitle.setText(plan.inChannels() == 1 && plan.outChannels() == 1 ? text("grid.kernel.one")
                : text("grid.kernel", f.outChannel(), f.inChannel()));
        String sub;
        if (rotated) {
            sub = plan.spec().transposed() ? "grid.kernel.transposed" : "grid.kernel.flipped";
        } else {
            sub = plan.spec().transposed() ? "grid.kernel.transposedFlipped" : "grid.kernel.crossCorrelation";
        }
        kernelSubtitle.setText(text(sub));
        outputTitle.setText(GridTitles.output(locale(), plan, f));
        if (pooled) {
            pooledTitle.setText(GridTitles.pooled(locale(), plan, f));
        }
        channelBars.show(plan, f);
        covers.show(f);
        GridPicture before = shownShape;
        shownShape = f.input();
        if (before == null || before.rows() != f.input().rows() || before.cols() != f.input().cols()
                || kernelGrid.getCellSize() != enteredKernelGrid.getCellSize() || dimsChanged(f)) {
            layout.later();
        }
    }

    private ChannelBars channelBars;
    private GridPicture shownShape;
    private String shownDims = "";

    private boolean dimsChanged(Frame f) {
        String d = f.kernel().rows() + "x" + f.kernel().cols() + "/" + (f.enteredKernel() != null) + "/"
                + f.featureMap().rows() + "x" + f.featureMap().cols() + "/"
                + (f.pooled() == null ? "-" : f.pooled().rows() + "x" + f.pooled().cols());
        boolean changed = !d.equals(shownDims);
        shownDims = d;
        return changed;
    }

    private void showShape(ShapeInfo s) {
        if (s == null) {
            return;
        }
        rowsFormula.setText(s.rows());
        colsFormula.setText(s.cols());
        boolean pool = s.poolRows() != null;
        poolFormulas.setVisible(pool);
        poolFormulas.setManaged(pool);
        if (pool) {
            poolRowsFormula.setText(s.poolRows());
            poolColsFormula.setText(s.poolCols());
        }
        symbols.setText(s.symbols());
        notes.getChildren().clear();
        for (String n : s.notes()) {
            Label l = new Label(n);
            l.getStyleClass().add("note");
            l.setWrapText(true);
            notes.getChildren().add(l);
        }
        params.setText(s.params());
    }

    /** Re-reads texts that depend on the language (after a language switch the window is rebuilt anyway). */
    public void refreshTexts() {
        show(vm.getFrame());
        showShape(vm.shapeProperty().get());
    }
}
