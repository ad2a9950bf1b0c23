package org.convlens.ui.compare;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convlens.ui.Controls;
import org.convlens.ui.UiText;
import org.convlens.ui.Views;
import org.convlens.ui.settings.LayerSettingsView;
import org.convlens.ui.settings.Setting;
import org.convlens.ui.stepper.StageLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Compare tab's controller ({@code fxml/CompareView.fxml}): the shared step controls, the two
 * presets, each side's settings (the one settings view, {@link LayerSettingsView}, once per side)
 * and the two panes ({@link ComparePane}), whose grids share one cell size fitted to the room by
 * the stepper's {@link StageLayout}. Binds and draws only.
 */
public final class CompareView {
    /** On the headline while A and B have the same settings: nothing to compare yet. */
    private static final javafx.css.PseudoClass SAME = javafx.css.PseudoClass.getPseudoClass("same");
    private final CompareViewModel vm;
    private final Locale locale;
    private final BooleanProperty presenting = new SimpleBooleanProperty(this, "presenting", false);
    private final DoubleProperty zoomRatio = new SimpleDoubleProperty(this, "zoomRatio", 1);
    private Runnable fromStepper = () -> { };
    private StageLayout layout;
    private boolean settingsBeforePresentation = true;

    @FXML private BorderPane root;
    @FXML private Button firstButton;
    @FXML private Button backButton;
    @FXML private Button forwardButton;
    @FXML private Button lastButton;
    @FXML private Label stepLabel;
    @FXML private ToggleButton paddingPreset;
    @FXML private ToggleButton stridePreset;
    @FXML private ToggleButton settingsToggle;
    @FXML private ScrollPane settingsScroll;
    @FXML private ToggleButton editA;
    @FXML private ToggleButton editB;
    @FXML private VBox settingsA;
    @FXML private VBox settingsB;
    @FXML private ScrollPane stageScroll;
    @FXML private VBox stage;
    @FXML private Label headline;
    @FXML private HBox row;
    @FXML private Label rule;
    @FXML private ComparePane paneAController;
    @FXML private ComparePane paneBController;

    private CompareView(CompareViewModel vm, Locale locale) {
        this.vm = vm;
        this.locale = locale;
    }

    /** Loads the view for {@code vm}, texts in {@code locale}. */
    public static CompareView load(CompareViewModel vm, Locale locale) {
        CompareView v = Views.<CompareView>load("CompareView", UiText.bundle(locale),
                c -> c == ComparePane.class ? new ComparePane() : new CompareView(vm, locale)).controller();
        v.root.getStylesheets().addAll(Views.css("StepperView"), Views.css("CompareView"));
        v.root.getProperties().put(CompareViewModel.class, vm);
        // ids of their own: the stepper's #stage, #headline... stay the stepper's
        Views.prefixIds(v.root, "compare-");
        return v;
    }

    public BorderPane root() {
        return root;
    }

    /** What "From the stepper" does: takes the stepper's scenario again. */
    public void setFromStepper(Runnable r) {
        fromStepper = r;
    }

    /**
     * Follows the window's presentation mode (the settings make room for the grids) and zoom (the
     * cells grow with it, as in the stepper).
     */
    public void follow(ObservableBooleanValue presentation, ObservableDoubleValue ratio) {
        presenting.bind(presentation);
        zoomRatio.bind(ratio);
        // a tab first shown (or rebuilt) while presenting starts as presenting
        layout.setScale(zoomRatio.get(), presenting.get());
        if (presenting.get()) {
            settingsToggle.setSelected(false);
        }
    }

    /** The cell side every grid of both panes shows now. */
    public double cellSize() {
        return layout.cellSize();
    }

    private String text(String key, Object... args) {
        return UiText.get(locale, key, args);
    }

    @FXML
    private void initialize() {
        paneAController.bind(vm.a(), "b", () -> locale);
        paneBController.bind(vm.b(), "a", () -> locale);
        bindSteps();
        bindPresets();
        bindSettings();
        headline.textProperty().bind(vm.headlineProperty());
        headline.pseudoClassStateChanged(SAME, vm.differencesProperty().get().isEmpty());
        vm.differencesProperty().addListener((o, was, d) -> headline.pseudoClassStateChanged(SAME,
                d.isEmpty()));
        rule.setText(text("compare.rule"));
        List<StageLayout.Box> boxes = new ArrayList<>(paneAController.layoutBoxes());
        boxes.addAll(paneBController.layoutBoxes());
        layout = new StageLayout(stageScroll, stage, row, boxes, null, vm.a()::getFrame);
        layout.setRowExtra(() -> paneAController.extraWidth() + paneBController.extraWidth());
        for (ComparePane p : List.of(paneAController, paneBController)) {
            p.onRelayout(layout::later);
            for (Region r : p.measured()) {
                r.heightProperty().addListener(o -> layout.later());
            }
        }
        zoomRatio.addListener(o -> layout.setScale(zoomRatio.get(), presenting.get()));
        presenting.addListener((o, was, on) -> {
            layout.setScale(zoomRatio.get(), on);
            if (on) {
                settingsBeforePresentation = settingsToggle.isSelected();
                settingsToggle.setSelected(false);
            } else {
                settingsToggle.setSelected(settingsBeforePresentation);
            }
        });
    }

    private void bindSteps() {
        stepLabel.textProperty().bind(vm.stepTextProperty());
        firstButton.setOnAction(e -> vm.first());
        backButton.setOnAction(e -> vm.back());
        forwardButton.setOnAction(e -> vm.forward());
        lastButton.setOnAction(e -> vm.last());
        firstButton.disableProperty().bind(vm.canGoBackProperty().not());
        backButton.disableProperty().bind(vm.canGoBackProperty().not());
        forwardButton.disableProperty().bind(vm.canGoForwardProperty().not());
        lastButton.disableProperty().bind(vm.canGoForwardProperty().not());
    }

    private void bindPresets() {
        Map<Contrast, ToggleButton> presets = Map.of(Contrast.PADDING_MODE, paddingPreset, Contrast.STRIDE, stridePreset);
        presets.forEach((c, b) -> {
            b.setOnAction(e -> {
                vm.use(c);
                showPreset(presets);
            });
        });
        vm.contrastProperty().addListener(o -> showPreset(presets));
        showPreset(presets);
    }

    private void showPreset(Map<Contrast, ToggleButton> presets) {
        presets.forEach((c, b) -> b.setSelected(vm.contrastProperty().get() == c));
    }

    private void bindSettings() {
        settingsScroll.visibleProperty().bind(settingsToggle.selectedProperty());
        settingsScroll.managedProperty().bind(settingsToggle.selectedProperty());
        settingsToggle.selectedProperty().addListener(o -> {
            if (layout != null) {
                layout.later();
            }
        });
        ToggleGroup which = new ToggleGroup();
        editA.setToggleGroup(which);
        editB.setToggleGroup(which);
        editA.setText(text("compare.settingsOf", text("compare.side.a")));
        editB.setText(text("compare.settingsOf", text("compare.side.b")));
        editA.setSelected(true);
        // one of the two is always chosen
        which.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                which.selectToggle(was);
            }
        });
        holder(settingsA, vm.a(), "compare-a-", editA);
        holder(settingsB, vm.b(), "compare-b-", editB);
    }

    private void holder(VBox box, SideViewModel side, String prefix, Toggle shown) {
        LayerSettingsView v = LayerSettingsView.load(side.layer(), side.messages(), locale, prefix);
        Label general = new Label();
        general.getStyleClass().add("setting-message");
        Controls.showMessages(general, side.messages().at(Setting.GENERAL));
        box.getChildren().setAll(v.root(), general);
        box.visibleProperty().bind(shown.selectedProperty());
        box.managedProperty().bind(box.visibleProperty());
    }

    @FXML
    private void fromStepper() {
        fromStepper.run();
    }

    /** The pane of side A or B (for tests and the tour). */
    Node pane(String side) {
        return "a".equals(side) ? paneAController.root() : paneBController.root();
    }
}
