package org.convlens.ui.settings;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.KernelPresets;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.spec.LayerSettings;
import org.convlens.spec.LayerSettings.Name;

import java.util.Random;

/**
 * The settings of one layer as JavaFX properties for the controls of a {@link LayerSettingsView},
 * kept in step with one {@link LayerSettings}, the model every editor shares: a property change
 * is written into the model at once, and {@link #load} writes the model into the properties. It
 * parses, checks and builds nothing itself. No JavaFX nodes.
 *
 * <p>{@link #revisionProperty()} counts changes a person (or a command) made, and
 * {@link #lastEdited()} names the last one, for owners that rebuild on each change.
 */
public final class LayerSettingsViewModel {
    private final LayerSettings model = new LayerSettings();
    private final Random random;

    // Properties
    private final IntegerProperty kernelHeight = new SimpleIntegerProperty(this, "kernelHeight", 3);
    private final IntegerProperty kernelWidth = new SimpleIntegerProperty(this, "kernelWidth", 3);
    private final IntegerProperty outChannels = new SimpleIntegerProperty(this, "outChannels", 1);
    private final IntegerProperty groups = new SimpleIntegerProperty(this, "groups", 1);
    private final IntegerProperty strideY = new SimpleIntegerProperty(this, "strideY", 1);
    private final IntegerProperty strideX = new SimpleIntegerProperty(this, "strideX", 1);
    private final IntegerProperty dilationY = new SimpleIntegerProperty(this, "dilationY", 1);
    private final IntegerProperty dilationX = new SimpleIntegerProperty(this, "dilationX", 1);
    private final ObjectProperty<Padding.Rule> paddingRule = new SimpleObjectProperty<>(this, "paddingRule",
            Padding.Rule.VALID);
    private final IntegerProperty padTop = new SimpleIntegerProperty(this, "padTop", 0);
    private final ObjectProperty<int[]> resolvedPadding = new SimpleObjectProperty<>(this, "resolvedPadding");
    private final IntegerProperty padBottom = new SimpleIntegerProperty(this, "padBottom", 0);
    private final IntegerProperty padLeft = new SimpleIntegerProperty(this, "padLeft", 0);
    private final IntegerProperty padRight = new SimpleIntegerProperty(this, "padRight", 0);
    private final ObjectProperty<PaddingMode> paddingMode = new SimpleObjectProperty<>(this, "paddingMode",
            PaddingMode.ZEROS);
    private final BooleanProperty flip = new SimpleBooleanProperty(this, "flip", false);
    private final BooleanProperty transposed = new SimpleBooleanProperty(this, "transposed", false);
    private final IntegerProperty outputPaddingY = new SimpleIntegerProperty(this, "outputPaddingY", 0);
    private final IntegerProperty outputPaddingX = new SimpleIntegerProperty(this, "outputPaddingX", 0);
    private final StringProperty biasText = new SimpleStringProperty(this, "biasText", "0");
    private final ObjectProperty<Activation.Type> activation = new SimpleObjectProperty<>(this, "activation",
            Activation.Type.NONE);
    private final StringProperty slopeText = new SimpleStringProperty(this, "slopeText", "0.01");
    private final BooleanProperty poolEnabled = new SimpleBooleanProperty(this, "poolEnabled", false);
    private final ObjectProperty<PoolSpec.Type> poolType = new SimpleObjectProperty<>(this, "poolType",
            PoolSpec.Type.MAX);
    private final IntegerProperty poolHeight = new SimpleIntegerProperty(this, "poolHeight", 2);
    private final IntegerProperty poolWidth = new SimpleIntegerProperty(this, "poolWidth", 2);
    private final IntegerProperty poolStrideY = new SimpleIntegerProperty(this, "poolStrideY", 2);
    private final IntegerProperty poolStrideX = new SimpleIntegerProperty(this, "poolStrideX", 2);
    private final IntegerProperty poolPadY = new SimpleIntegerProperty(this, "poolPadY", 0);
    private final IntegerProperty poolPadX = new SimpleIntegerProperty(this, "poolPadX", 0);
    private final BooleanProperty ceilMode = new SimpleBooleanProperty(this, "ceilMode", false);
    private final BooleanProperty countIncludePad = new SimpleBooleanProperty(this, "countIncludePad", true);
    private final ReadOnlyObjectWrapper<Kernel> kernel = new ReadOnlyObjectWrapper<>(this, "kernel", model.kernel());
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", 0);

    private boolean loading;
    private Name lastEdited;

    /** A view-model whose random kernels come from a random source of its own. */
    public LayerSettingsViewModel() {
        this(new Random());
    }

    /** @param random where {@link #randomKernel()} takes its numbers from (seeded in tests) */
    public LayerSettingsViewModel(Random random) {
        this.random = random;
        on(Name.KERNEL, () -> model.setKernelSize(kernelHeight.get(), kernelWidth.get()), kernelHeight, kernelWidth);
        on(Name.CHANNELS, () -> model.setOutChannels(outChannels.get()), outChannels);
        on(Name.GROUPS, () -> model.setGroups(groups.get()), groups);
        on(Name.STRIDE, () -> model.setStride(strideY.get(), strideX.get()), strideY, strideX);
        on(Name.DILATION, () -> model.setDilation(dilationY.get(), dilationX.get()), dilationY, dilationX);
        on(Name.PADDING, () -> {
            model.setPaddingSides(padTop.get(), padBottom.get(), padLeft.get(), padRight.get());
            model.setPaddingRule(paddingRule.get());
        }, paddingRule, padTop, padBottom, padLeft, padRight);
        on(Name.PADDING_MODE, () -> model.setPaddingMode(paddingMode.get()), paddingMode);
        on(Name.FLIP, () -> model.setFlip(flip.get()), flip);
        on(Name.TRANSPOSED, () -> model.setTransposed(transposed.get()), transposed);
        on(Name.OUTPUT_PADDING, () -> model.setOutputPadding(outputPaddingY.get(), outputPaddingX.get()),
                outputPaddingY, outputPaddingX);
        on(Name.BIAS, () -> model.setBiasText(biasText.get()), biasText);
        on(Name.ACTIVATION, () -> {
            model.setActivation(activation.get());
            model.setSlopeText(slopeText.get());
        }, activation, slopeText);
        on(Name.POOL, () -> {
            model.setPool(poolEnabled.get());
            model.setPoolType(poolType.get());
            model.setPoolSize(poolHeight.get(), poolWidth.get());
            model.setPoolStride(poolStrideY.get(), poolStrideX.get());
            model.setPoolPadding(poolPadY.get(), poolPadX.get());
            model.setCeilMode(ceilMode.get());
            model.setCountIncludePad(countIncludePad.get());
        }, poolEnabled, poolType, poolHeight, poolWidth, poolStrideY, poolStrideX, poolPadY, poolPadX, ceilMode,
                countIncludePad);
    }

    private void on(Name name, Runnable write, Observable... properties) {
        for (Observable p : properties) {
            p.addListener(o -> {
                // Read it even while loading, so the property is valid again and its next change is heard.
                ((javafx.beans.value.ObservableValue<?>) o).getValue();
                if (loading) {
                    return;
                }
                write.run();
                kernel.set(model.kernel());
                changed(name);
            });
        }
    }

    private void changed(Name name) {
        lastEdited = name;
        revision.set(revision.get() + 1);
    }

    /** The model behind the properties (live; read it, change it only through this view-model). */
    public LayerSettings settings() {
        return model;
    }

    /** The settings as a spec. @throws org.convlens.engine.SpecException at the setting that is wrong */
    public ConvSpec build() {
        return model.build();
    }

    /** The setting changed last, or null when the last change was a {@link #load} (no one setting). */
    public Name lastEdited() {
        return lastEdited;
    }

    /** Goes up by one on every change, a {@link #load} included. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    // Commands

    /** Every setting from {@code spec}, for an input of {@code inChannels} channels: a change with no {@link #lastEdited()}. */
    public void load(ConvSpec spec, int inChannels) {
        model.load(spec, inChannels);
        pull();
    }

    /** Every setting from {@code other} (e.g. the stepper's, taken by the Photos tab): a change with no {@link #lastEdited()}. */
    public void load(LayerSettings other) {
        model.copyFrom(other);
        pull();
    }

    /** The input's channel count, which lays out the kernel's input side. */
    public void setInChannels(int c) {
        if (c != model.inChannels()) {
            model.setInChannels(c);
            kernel.set(model.kernel());
        }
    }

    /** Text in the command line's grammar for one setting ({@link LayerSettings#set}). */
    public void set(Name name, String text) {
        model.set(name, text);
        pull();
        changed(name);
    }

    /**
     * Sets one weight.
     *
     * @return false if no weight joins output {@code co} and input {@code ci} (other groups) or the cell is gone
     */
    public boolean setWeight(int co, int ci, int ky, int kx, float v) {
        if (!model.setWeight(co, ci, ky, kx, v)) {
            return false;
        }
        kernel.set(model.kernel());
        changed(Name.KERNEL);
        return true;
    }

    /** The weight joining output {@code co} and input {@code ci} at (ky, kx) as entered, NaN across groups. */
    public float weight(int co, int ci, int ky, int kx) {
        return model.weight(co, ci, ky, kx);
    }

    /** The same rows in every slice, the size taken from them (a preset). */
    public void setKernelRows(float[][] rows) {
        model.setKernelRows(rows);
        pull();
        changed(Name.KERNEL);
    }

    /**
     * A named preset ({@link KernelPresets}) in every slice: a resizable one at the kernel's size,
     * a fixed one setting the kernel to 3 x 3.
     */
    public void applyPreset(String name) {
        boolean fixed = !KernelPresets.resizable(name);
        setKernelRows(KernelPresets.rows(name, fixed ? 3 : model.kernelHeight(), fixed ? 3 : model.kernelWidth()));
    }

    /** Every weight set to {@code v}. */
    public void fillKernel(float v) {
        float[] d = new float[model.kernel().size()];
        java.util.Arrays.fill(d, v);
        setKernelData(d);
    }

    /** Random whole weights -2..2. */
    public void randomKernel() {
        float[] d = new float[model.kernel().size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextInt(5) - 2;
        }
        setKernelData(d);
    }

    /** Replaces every weight (same shape). */
    public void setKernelData(float[] d) {
        model.setKernelData(d);
        kernel.set(model.kernel());
        changed(Name.KERNEL);
    }

    /** Writes the model into the properties without counting an edit. */
    private void pull() {
        loading = true;
        try {
            LayerSettings m = model;
            kernelHeight.set(m.kernelHeight());
            kernelWidth.set(m.kernelWidth());
            outChannels.set(m.outChannels());
            groups.set(m.groups());
            transposed.set(m.transposed());
            strideY.set(m.strideY());
            strideX.set(m.strideX());
            dilationY.set(m.dilationY());
            dilationX.set(m.dilationX());
            paddingRule.set(m.paddingRule());
            padTop.set(m.padTop());
            padBottom.set(m.padBottom());
            padLeft.set(m.padLeft());
            padRight.set(m.padRight());
            paddingMode.set(m.paddingMode());
            flip.set(m.flip());
            outputPaddingY.set(m.outputPaddingY());
            outputPaddingX.set(m.outputPaddingX());
            biasText.set(m.biasText());
            activation.set(m.activation());
            slopeText.set(m.slopeText());
            poolEnabled.set(m.pool());
            poolType.set(m.poolType());
            poolHeight.set(m.poolHeight());
            poolWidth.set(m.poolWidth());
            poolStrideY.set(m.poolStrideY());
            poolStrideX.set(m.poolStrideX());
            poolPadY.set(m.poolPadY());
            poolPadX.set(m.poolPadX());
            ceilMode.set(m.ceilMode());
            countIncludePad.set(m.countIncludePad());
            kernel.set(m.kernel());
        } finally {
            loading = false;
        }
        changed(null);
    }

    // Property accessors

    /** The weights as entered, in PyTorch's layout for the current mode. */
    public ReadOnlyObjectProperty<Kernel> kernelProperty() {
        return kernel.getReadOnlyProperty();
    }

    public IntegerProperty kernelHeightProperty() {
        return kernelHeight;
    }

    public IntegerProperty kernelWidthProperty() {
        return kernelWidth;
    }

    public IntegerProperty outChannelsProperty() {
        return outChannels;
    }

    public IntegerProperty groupsProperty() {
        return groups;
    }

    public IntegerProperty strideYProperty() {
        return strideY;
    }

    public IntegerProperty strideXProperty() {
        return strideX;
    }

    public IntegerProperty dilationYProperty() {
        return dilationY;
    }

    public IntegerProperty dilationXProperty() {
        return dilationX;
    }

    /**
     * The padding {@code [top, bottom, left, right]} the rule gives on the input the layer runs on
     * now (same, valid and full depend on it), set by whoever runs the layer; null when not known.
     */
    public ObjectProperty<int[]> resolvedPaddingProperty() {
        return resolvedPadding;
    }

    public ObjectProperty<Padding.Rule> paddingRuleProperty() {
        return paddingRule;
    }

    public IntegerProperty padTopProperty() {
        return padTop;
    }

    public IntegerProperty padBottomProperty() {
        return padBottom;
    }

    public IntegerProperty padLeftProperty() {
        return padLeft;
    }

    public IntegerProperty padRightProperty() {
        return padRight;
    }

    public ObjectProperty<PaddingMode> paddingModeProperty() {
        return paddingMode;
    }

    /** True convolution (kernel rotated 180 degrees) instead of cross-correlation. */
    public BooleanProperty flipProperty() {
        return flip;
    }

    public BooleanProperty transposedProperty() {
        return transposed;
    }

    public IntegerProperty outputPaddingYProperty() {
        return outputPaddingY;
    }

    public IntegerProperty outputPaddingXProperty() {
        return outputPaddingX;
    }

    /** One bias for every output channel, or one per channel separated by commas. */
    public StringProperty biasTextProperty() {
        return biasText;
    }

    public ObjectProperty<Activation.Type> activationProperty() {
        return activation;
    }

    /** The negative slope of leaky_relu as typed. */
    public StringProperty slopeTextProperty() {
        return slopeText;
    }

    public BooleanProperty poolEnabledProperty() {
        return poolEnabled;
    }

    public ObjectProperty<PoolSpec.Type> poolTypeProperty() {
        return poolType;
    }

    public IntegerProperty poolHeightProperty() {
        return poolHeight;
    }

    public IntegerProperty poolWidthProperty() {
        return poolWidth;
    }

    public IntegerProperty poolStrideYProperty() {
        return poolStrideY;
    }

    public IntegerProperty poolStrideXProperty() {
        return poolStrideX;
    }

    public IntegerProperty poolPadYProperty() {
        return poolPadY;
    }

    public IntegerProperty poolPadXProperty() {
        return poolPadX;
    }

    public BooleanProperty ceilModeProperty() {
        return ceilMode;
    }

    public BooleanProperty countIncludePadProperty() {
        return countIncludePad;
    }
}
