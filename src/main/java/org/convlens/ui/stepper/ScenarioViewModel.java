package org.convlens.ui.stepper;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;
import org.convlens.ui.UiText;
import org.convlens.ui.grid.NumberText;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The scenario being edited: every setting of the layer as a property, the input and kernel
 * values, and the result of checking them. Each change is applied at once: a valid scenario runs
 * through the engine into {@link #computationProperty()}; an impossible one sets
 * {@link #errorProperty()} (at the setting that caused it and the one just edited) while the
 * last valid computation stays. No JavaFX nodes.
 */
public final class ScenarioViewModel {
    /** Largest input side and channel count the window offers. */
    public static final int MAX_SIDE = 64;
    public static final int MAX_CHANNELS = 8;
    public static final int MAX_KERNEL = 15;
    /**
     * The largest grid side the stepper draws (the padded input, or the output): beyond it cells
     * would be too small to read, and the photo view is the place for big inputs.
     */
    public static final int MAX_SHOWN = 160;

    // Properties
    private final IntegerProperty inChannels = new SimpleIntegerProperty(this, "inChannels", 1);
    private final IntegerProperty inHeight = new SimpleIntegerProperty(this, "inHeight", 6);
    private final IntegerProperty inWidth = new SimpleIntegerProperty(this, "inWidth", 6);
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
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.ENGLISH);

    private final ReadOnlyObjectWrapper<Tensor> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<Kernel> kernel = new ReadOnlyObjectWrapper<>(this, "kernel");
    private final ReadOnlyObjectWrapper<Computation> computation = new ReadOnlyObjectWrapper<>(this, "computation");
    private final ReadOnlyObjectWrapper<Problem> latestProblem = new ReadOnlyObjectWrapper<>(this, "latestProblem");
    private final ReadOnlyObjectWrapper<SettingError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final Map<Setting, StringBinding> messages = new EnumMap<>(Setting.class);
    private final java.util.Deque<Problem> undo = new java.util.ArrayDeque<>();
    private final java.util.Deque<Problem> redo = new java.util.ArrayDeque<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper canUndo =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final javafx.beans.property.ReadOnlyBooleanWrapper canRedo =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "canRedo", false);
    private boolean travelling;
    /** The last readable scenario, what Undo goes back to after the next change. */
    private Problem recorded;
    /** How many earlier scenarios Undo keeps. */
    public static final int HISTORY = 200;

    private final Random random;
    /** The layout the kernel array is in: its (out, in) channel pairing. */
    private Layout kernelLayout;
    private Setting lastEdited = Setting.GENERAL;
    private boolean loading;

    /** How a kernel's two channel dimensions pair output and input channels. */
    record Layout(int inChannels, int outChannels, int groups, boolean transposed, int kh, int kw) {
        int dim0() {
            return transposed ? inChannels : outChannels;
        }

        int dim1() {
            return transposed ? outChannels / groups : inChannels / groups;
        }

        /** {outChannel, inChannel} of slice (i0, i1). */
        int[] pair(int i0, int i1) {
            if (transposed) {
                int perGroup = inChannels / groups;
                return new int[] {i0 / perGroup * (outChannels / groups) + i1, i0};
            }
            int perGroup = outChannels / groups;
            return new int[] {i0, i0 / perGroup * (inChannels / groups) + i1};
        }

        /** The slice (i0, i1) joining output {@code co} and input {@code ci}, or null if they are in different groups. */
        int[] slice(int co, int ci) {
            int gOut = co / (outChannels / groups);
            int gIn = ci / (inChannels / groups);
            if (gOut != gIn) {
                return null;
            }
            return transposed ? new int[] {ci, co % (outChannels / groups)} : new int[] {co, ci % (inChannels / groups)};
        }

        boolean valid() {
            return inChannels % groups == 0 && outChannels % groups == 0;
        }
    }

    public ScenarioViewModel(Random random) {
        this.random = random;
        Observable[] settings = {inChannels, inHeight, inWidth, kernelHeight, kernelWidth, outChannels, groups,
            strideY, strideX, dilationY, dilationX, paddingRule, padTop, padBottom, padLeft, padRight, paddingMode,
            flip, transposed, outputPaddingY, outputPaddingX, biasText, activation, slopeText, poolEnabled, poolType,
            poolHeight, poolWidth, poolStrideY, poolStrideX, poolPadY, poolPadX, ceilMode, countIncludePad};
        for (Observable o : settings) {
            o.addListener(x -> {
                lastEdited = settingOf(o);
                rebuild();
            });
        }
        for (Setting s : Setting.values()) {
            messages.put(s, Bindings.createStringBinding(() -> {
                SettingError e = error.get();
                return e != null && e.concerns(s) ? e.message(locale.get()) : "";
            }, error, locale));
        }
        load(WorkedExample.problem());
        recorded = latestProblem.get();
        latestProblem.addListener((o, before, now) -> {
            if (now == null || loading) {
                return;
            }
            if (!travelling && recorded != null && recorded != now) {
                undo.push(recorded);
                while (undo.size() > HISTORY) {
                    undo.removeLast();
                }
                redo.clear();
                updateHistory();
            }
            recorded = now;
        });
    }

    private void updateHistory() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    private Setting settingOf(Observable o) {
        if (o == inChannels || o == inHeight || o == inWidth) {
            return o == inChannels ? Setting.CHANNELS : Setting.INPUT_SIZE;
        }
        if (o == kernelHeight || o == kernelWidth) {
            return Setting.KERNEL_SIZE;
        }
        if (o == outChannels) {
            return Setting.CHANNELS;
        }
        if (o == groups) {
            return Setting.GROUPS;
        }
        if (o == strideY || o == strideX) {
            return Setting.STRIDE;
        }
        if (o == dilationY || o == dilationX) {
            return Setting.DILATION;
        }
        if (o == paddingRule || o == padTop || o == padBottom || o == padLeft || o == padRight) {
            return Setting.PADDING;
        }
        if (o == paddingMode) {
            return Setting.PADDING_MODE;
        }
        if (o == flip) {
            return Setting.FLIP;
        }
        if (o == transposed) {
            return Setting.TRANSPOSED;
        }
        if (o == outputPaddingY || o == outputPaddingX) {
            return Setting.OUTPUT_PADDING;
        }
        if (o == biasText) {
            return Setting.BIAS;
        }
        if (o == activation || o == slopeText) {
            return Setting.ACTIVATION;
        }
        return Setting.POOL;
    }

    // Properties (accessors)

    public IntegerProperty inChannelsProperty() {
        return inChannels;
    }

    public IntegerProperty inHeightProperty() {
        return inHeight;
    }

    public IntegerProperty inWidthProperty() {
        return inWidth;
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

    /** The language of messages. */
    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    /** The input values as edited (C x H x W). */
    public ReadOnlyObjectProperty<Tensor> inputProperty() {
        return input.getReadOnlyProperty();
    }

    /** The kernel as edited, in PyTorch's layout for the current mode. */
    public ReadOnlyObjectProperty<Kernel> kernelProperty() {
        return kernel.getReadOnlyProperty();
    }

    /** The last scenario the engine accepted, run. */
    public ReadOnlyObjectProperty<Computation> computationProperty() {
        return computation.getReadOnlyProperty();
    }

    public Computation getComputation() {
        return computation.get();
    }

    /**
     * The scenario as it stands now, even if the engine rejects it (what autosave keeps, so an
     * edit is never lost); null while a typed value cannot be read at all.
     */
    public ReadOnlyObjectProperty<Problem> latestProblemProperty() {
        return latestProblem.getReadOnlyProperty();
    }

    /** Why the current settings cannot be computed, or null. */
    public ReadOnlyObjectProperty<SettingError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The message to show at setting {@code s} ("" when none). */
    public StringBinding messageAt(Setting s) {
        return messages.get(s);
    }

    /** Input channel joined to output channel {@code co} by kernel slice {@code s}. */
    public int inputChannelOf(int co, int s) {
        return computation.get().plan().inputChannel(co, s);
    }

    public javafx.beans.property.ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    // Commands

    /** Back to the scenario before the last change (a typed value, a setting, a loaded file). */
    public void undo() {
        travel(undo, redo);
    }

    /** Forward again to the scenario Undo left. */
    public void redo() {
        travel(redo, undo);
    }

    private void travel(java.util.Deque<Problem> from, java.util.Deque<Problem> to) {
        if (from.isEmpty()) {
            return;
        }
        Problem now = recorded;
        travelling = true;
        try {
            if (now != null) {
                to.push(now);
            }
            load(from.pop());
        } finally {
            travelling = false;
        }
        updateHistory();
    }

    /** Replaces every setting and value with those of {@code p}. */
    public void load(Problem p) {
        ConvSpec s = p.spec();
        Kernel k = s.kernel();
        loading = true;
        try {
            input.set(p.input().copy());
            int cin = p.input().channels();
            int g = s.groups();
            int cout = s.transposed() ? k.dim1() * g : k.dim0();
            inChannels.set(cin);
            inHeight.set(p.input().height());
            inWidth.set(p.input().width());
            kernelHeight.set(k.height());
            kernelWidth.set(k.width());
            outChannels.set(cout);
            groups.set(g);
            transposed.set(s.transposed());
            kernel.set(new Kernel(k.dim0(), k.dim1(), k.height(), k.width(), k.data().clone()));
            kernelLayout = new Layout(cin, cout, g, s.transposed(), k.height(), k.width());
            strideY.set(s.strideY());
            strideX.set(s.strideX());
            dilationY.set(s.dilationY());
            dilationX.set(s.dilationX());
            Padding pad = s.padding();
            paddingRule.set(pad.rule());
            padTop.set(pad.top());
            padBottom.set(pad.bottom());
            padLeft.set(pad.left());
            padRight.set(pad.right());
            paddingMode.set(s.paddingMode());
            flip.set(s.flip());
            outputPaddingY.set(s.outputPaddingY());
            outputPaddingX.set(s.outputPaddingX());
            biasText.set(biasToText(s.bias()));
            activation.set(s.activation().type());
            slopeText.set(NumberText.exact(s.activation().slope()));
            PoolSpec q = s.pool();
            poolEnabled.set(q != null);
            if (q != null) {
                poolType.set(q.type());
                poolHeight.set(q.kernelHeight());
                poolWidth.set(q.kernelWidth());
                poolStrideY.set(q.strideY());
                poolStrideX.set(q.strideX());
                poolPadY.set(q.padY());
                poolPadX.set(q.padX());
                ceilMode.set(q.ceilMode());
                countIncludePad.set(q.countIncludePad());
            }
        } finally {
            loading = false;
        }
        lastEdited = Setting.GENERAL;
        rebuild();
    }

    private static String biasToText(float[] b) {
        if (b == null || b.length == 0) {
            return "0";
        }
        boolean same = true;
        for (float v : b) {
            same &= v == b[0];
        }
        if (same) {
            return NumberText.exact(b[0]);
        }
        List<String> parts = new ArrayList<>();
        for (float v : b) {
            parts.add(NumberText.exact(v));
        }
        return String.join(", ", parts);
    }

    /**
     * Sets input cell (c, y, x) from typed text.
     *
     * @return null if taken, else what is wrong with the text (in the current language)
     */
    public String setInputCell(int c, int y, int x, String text) {
        Float v = NumberText.parse(text);
        if (v == null) {
            return UiText.get(locale.get(), "error.cell.number", text);
        }
        Tensor t = input.get().copy();
        t.set(c, y, x, v);
        input.set(t);
        lastEdited = Setting.INPUT_CELLS;
        rebuild();
        return null;
    }

    /**
     * Sets the weight joining output {@code co} and input {@code ci} at (ky, kx) of the kernel as
     * entered (before any flip).
     *
     * @return null if taken, else what is wrong with the text
     */
    public String setKernelCell(int co, int ci, int ky, int kx, String text) {
        Float v = NumberText.parse(text);
        if (v == null) {
            return UiText.get(locale.get(), "error.cell.number", text);
        }
        int[] sl = kernelLayout.slice(co, ci);
        if (sl == null) {
            return UiText.get(locale.get(), "error.cell.otherGroup");
        }
        Kernel k = kernel.get();
        float[] d = k.data().clone();
        d[((sl[0] * k.dim1() + sl[1]) * k.height() + ky) * k.width() + kx] = v;
        kernel.set(new Kernel(k.dim0(), k.dim1(), k.height(), k.width(), d));
        lastEdited = Setting.KERNEL_CELLS;
        rebuild();
        return null;
    }

    /** The weight joining output {@code co} and input {@code ci} at (ky, kx) as entered, NaN across groups. */
    public float kernelCell(int co, int ci, int ky, int kx) {
        int[] sl = kernelLayout.slice(co, ci);
        return sl == null ? Float.NaN : kernel.get().get(sl[0], sl[1], ky, kx);
    }

    /** Random whole numbers 0..9 in every input cell (all channels). */
    public void randomInput() {
        Tensor t = input.get().copy();
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextInt(10);
        }
        setInput(t);
    }

    public void clearInput() {
        fillInput(0f);
    }

    public void fillInput(float v) {
        Tensor t = input.get().copy();
        java.util.Arrays.fill(t.data(), v);
        setInput(t);
    }

    private void setInput(Tensor t) {
        input.set(t);
        lastEdited = Setting.INPUT_CELLS;
        rebuild();
    }

    /** Random whole weights -2..2 in every kernel slice. */
    public void randomKernel() {
        float[] d = kernel.get().data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextInt(5) - 2;
        }
        setKernelData(d);
    }

    public void clearKernel() {
        fillKernel(0f);
    }

    public void fillKernel(float v) {
        float[] d = new float[kernel.get().size()];
        java.util.Arrays.fill(d, v);
        setKernelData(d);
    }

    private void setKernelData(float[] d) {
        Kernel k = kernel.get();
        kernel.set(new Kernel(k.dim0(), k.dim1(), k.height(), k.width(), d));
        lastEdited = Setting.KERNEL_CELLS;
        rebuild();
    }

    /**
     * Puts a preset into every kernel slice (a fixed-size preset sets the kernel to its size
     * first).
     */
    public void applyPreset(KernelPreset preset) {
        loading = true;
        try {
            if (preset.fixedSize() != 0) {
                kernelHeight.set(preset.fixedSize());
                kernelWidth.set(preset.fixedSize());
            }
        } finally {
            loading = false;
        }
        reshape();
        Kernel k = kernel.get();
        float[] w = preset.weights(k.height(), k.width());
        float[] d = new float[k.size()];
        for (int s = 0; s < k.dim0() * k.dim1(); s++) {
            System.arraycopy(w, 0, d, s * w.length, w.length);
        }
        setKernelData(d);
    }

    // Rebuilding

    private void rebuild() {
        if (loading) {
            return;
        }
        Locale l = locale.get();
        reshape();
        Layout want = layout();
        if (!want.valid()) {
            int g = groups.get();
            SpecException e = inChannels.get() % g != 0
                    ? new SpecException("$.groups", "error.groups.input", g, inChannels.get())
                    : new SpecException("$.groups", "error.groups.output", g, outChannels.get());
            fail(e);
            latestProblem.set(null);
            return;
        }
        float[] bias;
        try {
            bias = parseBias();
        } catch (IllegalArgumentException ex) {
            String text = biasText.get();
            failWith(Setting.BIAS, loc -> UiText.get(loc, "error.bias.text", text, outChannels.get()));
            latestProblem.set(null);
            return;
        }
        Float slope = NumberText.parse(slopeText.get());
        if (activation.get() == Activation.Type.LEAKY_RELU && slope == null) {
            String text = slopeText.get();
            failWith(Setting.ACTIVATION, loc -> UiText.get(loc, "error.slope.text", text));
            latestProblem.set(null);
            return;
        }
        Problem p;
        try {
            p = new Problem(input.get(), buildSpec(bias, slope == null ? Activation.DEFAULT_SLOPE : slope));
        } catch (SpecException e) {
            fail(e);
            latestProblem.set(null);
            return;
        }
        latestProblem.set(p);
        try {
            org.convlens.engine.ConvPlan plan = org.convlens.engine.ConvPlan.of(p.spec(), p.input());
            int side = Math.max(Math.max(plan.rows().length(), plan.cols().length()),
                    Math.max(plan.outHeight(), plan.outWidth()));
            if (side > MAX_SHOWN) {
                String size = plan.outHeight() + " x " + plan.outWidth();
                failWith(lastEdited == Setting.GENERAL ? Setting.INPUT_SIZE : lastEdited,
                        loc -> UiText.get(loc, "error.tooLargeToShow", size, MAX_SHOWN));
                return;
            }
            computation.set(Computation.of(p));
            error.set(null);
        } catch (SpecException e) {
            fail(e);
        }
    }

    private void fail(SpecException e) {
        failWith(Setting.of(e.field()), loc -> ShapeInfo.prettyText(e.message(loc)));
    }

    private void failWith(Setting at, Function<Locale, String> text) {
        error.set(new SettingError(at, lastEdited, text));
    }

    private Layout layout() {
        return new Layout(inChannels.get(), outChannels.get(), groups.get(), transposed.get(), kernelHeight.get(),
                kernelWidth.get());
    }

    /** Brings the input and kernel arrays to the sizes the settings ask for, keeping what overlaps. */
    private void reshape() {
        Tensor t = input.get();
        int c = inChannels.get();
        int h = inHeight.get();
        int w = inWidth.get();
        if (t.channels() != c || t.height() != h || t.width() != w) {
            Tensor n = new Tensor(c, h, w);
            for (int ch = 0; ch < Math.min(c, t.channels()); ch++) {
                for (int y = 0; y < Math.min(h, t.height()); y++) {
                    for (int x = 0; x < Math.min(w, t.width()); x++) {
                        n.set(ch, y, x, t.get(ch, y, x));
                    }
                }
            }
            input.set(n);
        }
        Layout want = layout();
        if (!want.valid() || want.equals(kernelLayout)) {
            return;
        }
        Kernel old = kernel.get();
        Layout from = kernelLayout;
        float[] d = new float[want.dim0() * want.dim1() * want.kh() * want.kw()];
        for (int i0 = 0; i0 < want.dim0(); i0++) {
            for (int i1 = 0; i1 < want.dim1(); i1++) {
                int[] pair = want.pair(i0, i1);
                int[] src = pair[0] < from.outChannels() && pair[1] < from.inChannels()
                        ? from.slice(pair[0], pair[1]) : null;
                if (src == null) {
                    continue;
                }
                for (int ky = 0; ky < Math.min(want.kh(), from.kh()); ky++) {
                    for (int kx = 0; kx < Math.min(want.kw(), from.kw()); kx++) {
                        d[((i0 * want.dim1() + i1) * want.kh() + ky) * want.kw() + kx] = old.get(src[0], src[1], ky, kx);
                    }
                }
            }
        }
        kernel.set(new Kernel(want.dim0(), want.dim1(), want.kh(), want.kw(), d));
        kernelLayout = want;
    }

    private float[] parseBias() {
        String[] parts = biasText.get().trim().split("\\s*[,;\\s\uff0c]\\s*");
        int cout = outChannels.get();
        float[] b = new float[cout];
        if (parts.length == 1) {
            Float v = NumberText.parse(parts[0]);
            if (v == null) {
                throw new IllegalArgumentException();
            }
            if (v == 0f) {
                return null;
            }
            java.util.Arrays.fill(b, v);
            return b;
        }
        if (parts.length != cout) {
            throw new IllegalArgumentException();
        }
        for (int i = 0; i < cout; i++) {
            Float v = NumberText.parse(parts[i]);
            if (v == null) {
                throw new IllegalArgumentException();
            }
            b[i] = v;
        }
        return b;
    }

    private ConvSpec buildSpec(float[] bias, float slope) {
        ConvSpec.Builder b = ConvSpec.builder(kernel.get()).bias(bias).stride(strideY.get(), strideX.get())
                .dilation(dilationY.get(), dilationX.get()).paddingMode(paddingMode.get()).groups(groups.get())
                .flip(flip.get()).transposed(transposed.get());
        switch (paddingRule.get()) {
            case VALID:
                b.padding(Padding.VALID);
                break;
            case SAME:
                b.padding(Padding.SAME);
                break;
            case FULL:
                b.padding(Padding.FULL);
                break;
            default:
                b.padding(Padding.of(padTop.get(), padBottom.get(), padLeft.get(), padRight.get()));
        }
        Activation.Type a = activation.get();
        b.activation(a == Activation.Type.LEAKY_RELU ? Activation.leakyRelu(slope) : Activation.of(a));
        if (poolEnabled.get()) {
            b.pool(new PoolSpec(poolType.get(), poolHeight.get(), poolWidth.get(), poolStrideY.get(),
                    poolStrideX.get(), poolPadY.get(), poolPadX.get(), ceilMode.get(), countIncludePad.get()));
        }
        if (transposed.get()) {
            b.outputPadding(outputPaddingY.get(), outputPaddingX.get());
        }
        return b.build();
    }
}
