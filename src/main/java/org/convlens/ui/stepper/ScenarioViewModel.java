package org.convlens.ui.stepper;

import javafx.beans.Observable;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.spec.LayerSettings;
import org.convlens.spec.Numbers;
import org.convlens.spec.Problem;
import org.convlens.ui.LocalText;
import org.convlens.ui.UiText;
import org.convlens.ui.settings.LayerSettingsViewModel;
import org.convlens.ui.settings.Setting;
import org.convlens.ui.settings.SettingError;
import org.convlens.ui.settings.SettingMessages;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * The scenario being edited: the input (its size, channels and values) and the layer's settings
 * ({@link #layer()}, the shared settings model), and the result of checking them. Each change is
 * applied at once: a valid scenario runs through the engine into {@link #computationProperty()};
 * an impossible one sets {@link #errorProperty()} (at the setting that caused it and the one just
 * edited) while the last valid computation stays. No JavaFX nodes.
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
    /** How many earlier scenarios Undo keeps. */
    public static final int HISTORY = 200;

    // Properties
    private final IntegerProperty inChannels = new SimpleIntegerProperty(this, "inChannels", 1);
    private final IntegerProperty inHeight = new SimpleIntegerProperty(this, "inHeight", 6);
    private final IntegerProperty inWidth = new SimpleIntegerProperty(this, "inWidth", 6);
    private final LayerSettingsViewModel layer;
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.ENGLISH);
    private final ReadOnlyObjectWrapper<Tensor> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<Computation> computation = new ReadOnlyObjectWrapper<>(this, "computation");
    private final ReadOnlyObjectWrapper<Problem> latestProblem = new ReadOnlyObjectWrapper<>(this, "latestProblem");
    private final SettingMessages messages = new SettingMessages(locale);
    private final LocalText note = new LocalText(locale);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    private final Deque<Problem> undo = new ArrayDeque<>();
    private final Deque<Problem> redo = new ArrayDeque<>();

    private final Random random;
    private boolean travelling;
    /** The last readable scenario, what Undo goes back to after the next change. */
    private Problem recorded;
    private Setting lastEdited = Setting.GENERAL;
    private boolean loading;

    public ScenarioViewModel(Random random) {
        this.random = random;
        this.layer = new LayerSettingsViewModel(random);
        for (Observable o : new Observable[] {inChannels, inHeight, inWidth}) {
            o.addListener(x -> {
                ((javafx.beans.value.ObservableValue<?>) x).getValue();
                if (loading) {
                    return;
                }
                lastEdited = o == inChannels ? Setting.CHANNELS : Setting.INPUT_SIZE;
                layer.setInChannels(inChannels.get());
                rebuild();
            });
        }
        layer.revisionProperty().addListener(x -> {
            if (loading) {
                return;
            }
            lastEdited = Setting.of(layer.lastEdited());
            rebuild();
        });
        load(WorkedExample.problem());
        recorded = latestProblem.get();
        latestProblem.addListener((o, before, now) -> {
            if (now == null || loading) {
                return;
            }
            if (!travelling && recorded != null && !recorded.equals(now)) {
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

    // Property accessors

    /** The layer's settings (kernel, stride, padding, bias, activation, pooling...): the shared model's view-model. */
    public LayerSettingsViewModel layer() {
        return layer;
    }

    public IntegerProperty inChannelsProperty() {
        return inChannels;
    }

    public IntegerProperty inHeightProperty() {
        return inHeight;
    }

    public IntegerProperty inWidthProperty() {
        return inWidth;
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
        return layer.kernelProperty();
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
        return messages.errorProperty();
    }

    /** The message to show at setting {@code s} ("" when none). */
    public StringBinding messageAt(Setting s) {
        return messages.at(s);
    }

    /** Every setting's message, for a {@link org.convlens.ui.settings.LayerSettingsView}. */
    public SettingMessages messages() {
        return messages;
    }

    /** Input channel joined to output channel {@code co} by kernel slice {@code s}. */
    public int inputChannelOf(int co, int s) {
        return computation.get().plan().inputChannel(co, s);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
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

    private void travel(Deque<Problem> from, Deque<Problem> to) {
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

    /**
     * Where the scenario shown came from, when it came from elsewhere (a layer of a network: "layer
     * 3 of LeNet-5, on layer 2's maps"), in the window's language; "" for the user's own.
     */
    public ReadOnlyStringProperty noteProperty() {
        return note.property();
    }

    /** As {@link #load(Problem)}, saying where the scenario came from ({@link #noteProperty()}). */
    public void load(Problem p, Function<Locale, String> from) {
        load(p);
        note.set(from);
    }

    /** Replaces every setting and value with those of {@code p}. */
    public void load(Problem p) {
        note.clear();
        loading = true;
        try {
            input.set(p.input().copy());
            inChannels.set(p.input().channels());
            inHeight.set(p.input().height());
            inWidth.set(p.input().width());
            layer.load(p.spec(), p.input().channels());
        } finally {
            loading = false;
        }
        lastEdited = Setting.GENERAL;
        rebuild();
    }

    /**
     * Sets input cell (c, y, x) from typed text.
     *
     * @return null if taken, else what is wrong with the text (in the current language)
     */
    public String setInputCell(int c, int y, int x, String text) {
        Float v = Numbers.parse(text);
        if (v == null) {
            return UiText.get(locale.get(), "error.cell.number", text);
        }
        Tensor t = input.get();
        if (c < 0 || y < 0 || x < 0 || c >= t.channels() || y >= t.height() || x >= t.width()) {
            return UiText.get(locale.get(), "error.cell.gone");
        }
        t = t.copy();
        t.set(c, y, x, v);
        setInput(t);
        return null;
    }

    /**
     * Sets the weight joining output {@code co} and input {@code ci} at (ky, kx) of the kernel as
     * entered (before any flip).
     *
     * @return null if taken, else what is wrong with the text
     */
    public String setKernelCell(int co, int ci, int ky, int kx, String text) {
        Float v = Numbers.parse(text);
        if (v == null) {
            return UiText.get(locale.get(), "error.cell.number", text);
        }
        if (Float.isNaN(layer.weight(co, ci, ky, kx))) {
            return UiText.get(locale.get(), "error.cell.otherGroup");
        }
        lastEdited = Setting.KERNEL_CELLS;
        return layer.setWeight(co, ci, ky, kx, v) ? null : UiText.get(locale.get(), "error.cell.gone");
    }

    /** The weight joining output {@code co} and input {@code ci} at (ky, kx) as entered, NaN across groups. */
    public float kernelCell(int co, int ci, int ky, int kx) {
        return layer.weight(co, ci, ky, kx);
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
        Arrays.fill(t.data(), v);
        setInput(t);
    }

    private void setInput(Tensor t) {
        input.set(t);
        lastEdited = Setting.INPUT_CELLS;
        rebuild();
    }

    /** Random whole weights -2..2 in every kernel slice. */
    public void randomKernel() {
        layer.randomKernel();
    }

    public void clearKernel() {
        fillKernel(0f);
    }

    public void fillKernel(float v) {
        layer.fillKernel(v);
    }

    /** A named preset in every kernel slice ({@link LayerSettingsViewModel#applyPreset}). */
    public void applyPreset(String name) {
        layer.applyPreset(name);
    }

    // Rebuilding

    private void rebuild() {
        if (loading) {
            return;
        }
        reshapeInput();
        Problem p;
        try {
            ConvSpec spec = layer.build();
            p = new Problem(input.get(), spec);
        } catch (SpecException e) {
            fail(e);
            latestProblem.set(null);
            return;
        }
        latestProblem.set(p);
        try {
            ConvPlan plan = ConvPlan.of(p.spec(), p.input());
            int side = Math.max(Math.max(plan.rows().length(), plan.cols().length()),
                    Math.max(plan.outHeight(), plan.outWidth()));
            if (side > MAX_SHOWN) {
                String size = plan.outHeight() + " x " + plan.outWidth();
                failWith(lastEdited == Setting.GENERAL ? Setting.INPUT_SIZE : lastEdited,
                        loc -> UiText.get(loc, "error.tooLargeToShow", size, MAX_SHOWN));
                return;
            }
            computation.set(Computation.of(p));
            layer().resolvedPaddingProperty().set(plan.padding());
            messages.errorProperty().set(null);
        } catch (SpecException e) {
            fail(e);
        }
    }

    private void fail(SpecException e) {
        failWith(Setting.of(e.field()), loc -> ShapeInfo.prettyText(e.message(loc)));
    }

    private void failWith(Setting at, Function<Locale, String> text) {
        messages.errorProperty().set(new SettingError(at, lastEdited, text));
    }

    /** Brings the input array to the size the settings ask for, keeping what overlaps. */
    private void reshapeInput() {
        Tensor t = input.get();
        int c = inChannels.get();
        int h = inHeight.get();
        int w = inWidth.get();
        if (t.channels() == c && t.height() == h && t.width() == w) {
            return;
        }
        Tensor n = new Tensor(c, h, w);
        for (int ch = 0; ch < Math.min(c, t.channels()); ch++) {
            for (int y = 0; y < Math.min(h, t.height()); y++) {
                System.arraycopy(t.data(), (ch * t.height() + y) * t.width(), n.data(), (ch * h + y) * w,
                        Math.min(w, t.width()));
            }
        }
        input.set(n);
    }

    /** The settings model of the layer now (read-only use: e.g. the Photos tab copies it). */
    public LayerSettings settings() {
        return layer.settings();
    }
}
