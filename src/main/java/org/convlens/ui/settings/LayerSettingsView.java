package org.convlens.ui.settings;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlens.engine.Activation;
import org.convlens.engine.KernelPresets;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.spec.Numbers;
import org.convlens.ui.Controls;
import org.convlens.ui.UiText;
import org.convlens.ui.Views;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The controls for every setting of one layer ({@code fxml/LayerSettingsView.fxml}), bound to a
 * {@link LayerSettingsViewModel}; each setting's message comes from a {@link SettingMessages}.
 * The stepper, the Photos tab and the Network tab embed it, so a setting looks and reads the same
 * everywhere. Binds and nothing more.
 */
public final class LayerSettingsView {
    /** Largest values the spinners offer (a loaded value beyond them widens the range). */
    public static final int MAX_CHANNELS = 8;
    public static final int MAX_KERNEL = 15;

    private final LayerSettingsViewModel vm;
    private final SettingMessages messages;
    private final Supplier<Locale> locale;

    @FXML private VBox root;
    @FXML private TitledPane kernelPane;
    @FXML private TitledPane stridePane;
    @FXML private TitledPane paddingPane;
    @FXML private TitledPane biasPane;
    @FXML private TitledPane poolPane;
    @FXML private TitledPane transposedPane;
    @FXML private ComboBox<String> presetBox;
    @FXML private Spinner<Integer> kernelHeight;
    @FXML private Spinner<Integer> kernelWidth;
    @FXML private Spinner<Integer> outChannels;
    @FXML private Spinner<Integer> groups;
    @FXML private Label kernelSizeMessage;
    @FXML private Label channelsMessage;
    @FXML private Label groupsMessage;
    @FXML private TextField kernelFillValue;
    @FXML private Label kernelCellsMessage;
    @FXML private CheckBox flipBox;
    @FXML private Spinner<Integer> strideY;
    @FXML private Spinner<Integer> strideX;
    @FXML private Spinner<Integer> dilationY;
    @FXML private Spinner<Integer> dilationX;
    @FXML private Label strideMessage;
    @FXML private Label dilationMessage;
    @FXML private ComboBox<Padding.Rule> paddingRule;
    @FXML private GridPane paddingSides;
    @FXML private Label paddingResolved;
    @FXML private Spinner<Integer> padTop;
    @FXML private Spinner<Integer> padBottom;
    @FXML private Spinner<Integer> padLeft;
    @FXML private Spinner<Integer> padRight;
    @FXML private Label paddingMessage;
    @FXML private ComboBox<PaddingMode> paddingMode;
    @FXML private Label paddingModeMessage;
    @FXML private TextField biasField;
    @FXML private Label biasMessage;
    @FXML private ComboBox<Activation.Type> activationBox;
    @FXML private HBox slopeRow;
    @FXML private TextField slopeField;
    @FXML private Label activationMessage;
    @FXML private CheckBox poolEnabled;
    @FXML private GridPane poolGrid;
    @FXML private ComboBox<PoolSpec.Type> poolType;
    @FXML private Spinner<Integer> poolHeight;
    @FXML private Spinner<Integer> poolWidth;
    @FXML private Spinner<Integer> poolStrideY;
    @FXML private Spinner<Integer> poolStrideX;
    @FXML private Spinner<Integer> poolPadY;
    @FXML private Spinner<Integer> poolPadX;
    @FXML private CheckBox ceilMode;
    @FXML private CheckBox countIncludePad;
    @FXML private Label poolMessage;
    @FXML private CheckBox transposedBox;
    @FXML private Spinner<Integer> outputPaddingY;
    @FXML private Spinner<Integer> outputPaddingX;
    @FXML private Label transposedMessage;
    @FXML private Label outputPaddingMessage;

    private LayerSettingsView(LayerSettingsViewModel vm, SettingMessages messages, Supplier<Locale> locale) {
        this.vm = vm;
        this.messages = messages;
        this.locale = locale;
    }

    /**
     * Loads the view for {@code vm} in {@code locale}.
     *
     * @param idPrefix put before every node id ({@code "photo-"} gives {@code #photo-strideX}), so that
     *     several of these views in one window keep their ids apart; empty for the stepper's
     */
    public static LayerSettingsView load(LayerSettingsViewModel vm, SettingMessages messages, Locale locale,
                                         String idPrefix) {
        LayerSettingsView v = Views.<LayerSettingsView>load("LayerSettingsView", UiText.bundle(locale),
                c -> new LayerSettingsView(vm, messages, () -> locale)).controller();
        if (!idPrefix.isEmpty()) {
            Views.prefixIds(v.root, idPrefix);
        }
        return v;
    }

    /**
     * Shows only the pooling settings, pooling always on: the editor of a pooling layer of a
     * network (the same controls as the stepper's pooling).
     */
    public LayerSettingsView poolOnly() {
        for (TitledPane p : new TitledPane[] {kernelPane, stridePane, paddingPane, biasPane, transposedPane}) {
            p.setVisible(false);
            p.setManaged(false);
        }
        vm.poolEnabledProperty().set(true);
        poolEnabled.setVisible(false);
        poolEnabled.setManaged(false);
        poolPane.setExpanded(true);
        return this;
    }

    /** The view's root, to place in a settings column. */
    public VBox root() {
        return root;
    }

    private String text(String key, Object... args) {
        return UiText.get(locale.get(), key, args);
    }

    @FXML
    private void initialize() {
        Supplier<Locale> loc = locale;
        int ch = MAX_CHANNELS;
        int kmax = MAX_KERNEL;
        StringProperty kh = Controls.bindInt(kernelHeight, vm.kernelHeightProperty(), 1, kmax, loc);
        StringProperty kw = Controls.bindInt(kernelWidth, vm.kernelWidthProperty(), 1, kmax, loc);
        StringProperty oc = Controls.bindInt(outChannels, vm.outChannelsProperty(), 1, ch, loc);
        StringProperty gr = Controls.bindInt(groups, vm.groupsProperty(), 1, ch, loc);
        at(kernelSizeMessage, Setting.KERNEL_SIZE, kh, kw);
        at(channelsMessage, Setting.CHANNELS, oc);
        at(groupsMessage, Setting.GROUPS, gr);
        StringProperty fillK = fillMessage(kernelFillValue);
        at(kernelCellsMessage, Setting.KERNEL_CELLS, fillK);
        Controls.bindChoice(presetBox, KernelPresets.names(), new SimpleObjectProperty<>(), p -> text("preset." + p));
        presetBox.setOnAction(e -> {
            String p = presetBox.getValue();
            if (p != null) {
                vm.applyPreset(p);
                // back to the prompt: after an edit the kernel is no longer the preset
                javafx.application.Platform.runLater(() -> presetBox.getSelectionModel().clearSelection());
            }
        });
        flipBox.selectedProperty().bindBidirectional(vm.flipProperty());

        StringProperty sy = Controls.bindInt(strideY, vm.strideYProperty(), 1, 16, loc);
        StringProperty sx = Controls.bindInt(strideX, vm.strideXProperty(), 1, 16, loc);
        StringProperty dy = Controls.bindInt(dilationY, vm.dilationYProperty(), 1, 8, loc);
        StringProperty dx = Controls.bindInt(dilationX, vm.dilationXProperty(), 1, 8, loc);
        at(strideMessage, Setting.STRIDE, sy, sx);
        at(dilationMessage, Setting.DILATION, dy, dx);

        Controls.bindChoice(paddingRule, List.of(Padding.Rule.EXPLICIT, Padding.Rule.VALID, Padding.Rule.SAME,
                Padding.Rule.FULL), vm.paddingRuleProperty(), r -> text("padding." + r.id()));
        paddingSides.disableProperty().bind(vm.paddingRuleProperty().isNotEqualTo(Padding.Rule.EXPLICIT));
        // Same and full: the amounts the rule gives here, since the boxes are not what is used.
        paddingResolved.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int[] r = vm.resolvedPaddingProperty().get();
            Padding.Rule rule = vm.paddingRuleProperty().get();
            return r == null || rule == Padding.Rule.EXPLICIT || rule == Padding.Rule.VALID ? ""
                    : text("set.pad.resolved", r[0], r[1], r[2], r[3]);
        }, vm.resolvedPaddingProperty(), vm.paddingRuleProperty()));
        paddingResolved.visibleProperty().bind(paddingResolved.textProperty().isNotEmpty());
        paddingResolved.managedProperty().bind(paddingResolved.visibleProperty());
        StringProperty pt = Controls.bindInt(padTop, vm.padTopProperty(), 0, 16, loc);
        StringProperty pb = Controls.bindInt(padBottom, vm.padBottomProperty(), 0, 16, loc);
        StringProperty pl = Controls.bindInt(padLeft, vm.padLeftProperty(), 0, 16, loc);
        StringProperty pr = Controls.bindInt(padRight, vm.padRightProperty(), 0, 16, loc);
        at(paddingMessage, Setting.PADDING, pt, pb, pl, pr);
        Controls.bindChoice(paddingMode, Arrays.asList(PaddingMode.values()), vm.paddingModeProperty(),
                m -> text("paddingMode." + m.id()));
        at(paddingModeMessage, Setting.PADDING_MODE);

        biasField.textProperty().bindBidirectional(vm.biasTextProperty());
        at(biasMessage, Setting.BIAS);
        markInvalid(biasField, Setting.BIAS);
        Controls.bindChoice(activationBox, Arrays.asList(Activation.Type.values()), vm.activationProperty(),
                a -> text("activation." + a.id()));
        slopeField.textProperty().bindBidirectional(vm.slopeTextProperty());
        slopeRow.visibleProperty().bind(vm.activationProperty().isEqualTo(Activation.Type.LEAKY_RELU));
        slopeRow.managedProperty().bind(slopeRow.visibleProperty());
        at(activationMessage, Setting.ACTIVATION);
        markInvalid(slopeField, Setting.ACTIVATION);

        poolEnabled.selectedProperty().bindBidirectional(vm.poolEnabledProperty());
        poolGrid.disableProperty().bind(vm.poolEnabledProperty().not());
        ceilMode.disableProperty().bind(vm.poolEnabledProperty().not());
        countIncludePad.disableProperty().bind(vm.poolEnabledProperty().not()
                .or(vm.poolTypeProperty().isEqualTo(PoolSpec.Type.MAX)));
        Controls.bindChoice(poolType, Arrays.asList(PoolSpec.Type.values()), vm.poolTypeProperty(),
                t -> text("pool." + t.id()));
        StringProperty ph = Controls.bindInt(poolHeight, vm.poolHeightProperty(), 1, 8, loc);
        StringProperty pw = Controls.bindInt(poolWidth, vm.poolWidthProperty(), 1, 8, loc);
        StringProperty psy = Controls.bindInt(poolStrideY, vm.poolStrideYProperty(), 1, 8, loc);
        StringProperty psx = Controls.bindInt(poolStrideX, vm.poolStrideXProperty(), 1, 8, loc);
        StringProperty ppy = Controls.bindInt(poolPadY, vm.poolPadYProperty(), 0, 4, loc);
        StringProperty ppx = Controls.bindInt(poolPadX, vm.poolPadXProperty(), 0, 4, loc);
        ceilMode.selectedProperty().bindBidirectional(vm.ceilModeProperty());
        countIncludePad.selectedProperty().bindBidirectional(vm.countIncludePadProperty());
        at(poolMessage, Setting.POOL, ph, pw, psy, psx, ppy, ppx);

        transposedBox.selectedProperty().bindBidirectional(vm.transposedProperty());
        StringProperty opy = Controls.bindInt(outputPaddingY, vm.outputPaddingYProperty(), 0, 8, loc);
        StringProperty opx = Controls.bindInt(outputPaddingX, vm.outputPaddingXProperty(), 0, 8, loc);
        outputPaddingY.disableProperty().bind(vm.transposedProperty().not());
        outputPaddingX.disableProperty().bind(vm.transposedProperty().not());
        at(transposedMessage, Setting.TRANSPOSED);
        at(outputPaddingMessage, Setting.OUTPUT_PADDING, opy, opx);
    }

    @SafeVarargs
    private void at(Label label, Setting s, ObservableValue<String>... local) {
        ObservableValue<String>[] all = Arrays.copyOf(local, local.length + 1);
        all[local.length] = messages.at(s);
        Controls.showMessages(label, all);
    }

    private void markInvalid(TextField f, Setting s) {
        messages.at(s).addListener((o, a, b) -> f.pseudoClassStateChanged(Controls.INVALID, !b.isEmpty()));
    }

    /** A message for a fill-value field: empty while its text is a number. */
    public static StringProperty fillMessage(TextField field, Supplier<Locale> locale) {
        StringProperty m = new javafx.beans.property.SimpleStringProperty("");
        field.textProperty().addListener((o, a, b) -> {
            boolean ok = Numbers.parse(b) != null;
            field.pseudoClassStateChanged(Controls.INVALID, !ok);
            m.set(ok ? "" : UiText.get(locale.get(), "error.cell.number", b));
        });
        return m;
    }

    private StringProperty fillMessage(TextField field) {
        return fillMessage(field, locale);
    }

    @FXML
    private void randomKernel() {
        vm.randomKernel();
    }

    @FXML
    private void clearKernel() {
        vm.fillKernel(0f);
    }

    @FXML
    private void fillKernel() {
        Float v = Numbers.parse(kernelFillValue.getText());
        if (v != null) {
            vm.fillKernel(v);
        }
    }
}
