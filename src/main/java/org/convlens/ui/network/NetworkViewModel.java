package org.convlens.ui.network;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.network.ConvLayer;
import org.convlens.network.FieldTracer;
import org.convlens.network.Forward;
import org.convlens.network.Layer;
import org.convlens.network.LayerPlan;
import org.convlens.network.Network;
import org.convlens.engine.WorkLimit;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Region;
import org.convlens.network.Shape;
import org.convlens.spec.Problem;
import org.convlens.ui.LocalText;
import org.convlens.ui.settings.Setting;
import org.convlens.ui.settings.SettingError;
import org.convlens.ui.settings.SettingMessages;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Network tab's state: the stack of layers being built (each edited with the stepper's settings
 * model), its input, the checked plan and every map of the last forward pass, the summary of shapes,
 * parameters, multiply-adds and receptive fields, and the cells a chosen cell reads or reaches.
 *
 * <p>Every change checks the stack at once; an impossible one says why at the layer (and at its
 * setting) while the last valid picture stays. The forward pass runs through the injected executor
 * and a newer change supersedes an older pass. No JavaFX nodes.
 */
public final class NetworkViewModel {
    /** A cell of one map. */
    public record Cell(int map, int channel, int y, int x) {
    }

    /**
     * Why the stack cannot run.
     *
     * @param layer the layer (index into the stack) the problem is at, -1 for the input
     * @param error the message and the setting it concerns
     */
    public record LayerError(int layer, SettingError error) {
    }

    private final Executor executor;
    private final Consumer<Runnable> fx;
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.ENGLISH);
    private final ObservableList<LayerItem> layers = FXCollections.observableArrayList(
            l -> new javafx.beans.Observable[] {l.revisionProperty()});
    private final ObjectProperty<LayerItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<InputSource> source = new SimpleObjectProperty<>(this, "source",
            InputSource.sample("camera.png"));
    private final IntegerProperty inChannels = new SimpleIntegerProperty(this, "inChannels", 1);
    private final IntegerProperty inHeight = new SimpleIntegerProperty(this, "inHeight", 28);
    private final IntegerProperty inWidth = new SimpleIntegerProperty(this, "inWidth", 28);
    private final StringProperty preset = new SimpleStringProperty(this, "preset", "");
    private final ReadOnlyObjectWrapper<NetworkPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<NetworkMaps> maps = new ReadOnlyObjectWrapper<>(this, "maps");
    private final ReadOnlyObjectWrapper<LayerError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final LocalText errorText = new LocalText(locale);
    private final ObjectProperty<Cell> picked = new SimpleObjectProperty<>(this, "picked");
    private final ObjectProperty<Cell> pointed = new SimpleObjectProperty<>(this, "pointed");
    private final ReadOnlyObjectWrapper<List<Region>> lit = new ReadOnlyObjectWrapper<>(this, "lit", List.of());
    private final ObjectProperty<String> compareWith = new SimpleObjectProperty<>(this, "compareWith");
    private final ReadOnlyObjectWrapper<NetworkPlan> comparePlan = new ReadOnlyObjectWrapper<>(this, "comparePlan");
    private final Map<LayerItem, SettingMessages> messages = new IdentityHashMap<>();
    private final javafx.beans.property.BooleanProperty numbersHidden = new javafx.beans.property.SimpleBooleanProperty(
            this, "numbersHidden");

    private boolean scheduled;
    private int generation;
    private FieldTracer tracer;

    /**
     * @param executor runs the forward pass (tests pass one that runs it at once)
     * @param fx runs a step on the JavaFX thread after the current event ({@code Platform::runLater};
     *     tests may pass {@code Runnable::run})
     */
    public NetworkViewModel(Executor executor, Consumer<Runnable> fx) {
        this.executor = executor;
        this.fx = fx;
        layers.addListener((ListChangeListener<LayerItem>) c -> changed());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {source, inChannels, inHeight, inWidth}) {
            o.addListener(x -> changed());
        }
        picked.addListener(o -> trace());
        pointed.addListener(o -> trace());
        compareWith.addListener(o -> buildComparison());
        usePreset("lenet5");
    }

    // Properties

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    /** The layers, first to last; edit them in place, or add, remove and move them. */
    public ObservableList<LayerItem> layers() {
        return layers;
    }

    /** The layer being edited. */
    public ObjectProperty<LayerItem> selectedProperty() {
        return selected;
    }

    /** Where the input comes from: a bundled photo (resized to the input's size), or seeded random numbers. */
    public ObjectProperty<InputSource> sourceProperty() {
        return source;
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

    /** The preset the stack started from ("" once edited into something else is fine: it is a name only). */
    public StringProperty presetProperty() {
        return preset;
    }

    /** The last stack that could run, checked. */
    public ReadOnlyObjectProperty<NetworkPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** Every map of the last forward pass (of {@link #planProperty()}'s plan). */
    public ReadOnlyObjectProperty<NetworkMaps> mapsProperty() {
        return maps.getReadOnlyProperty();
    }

    /** Why the stack as it stands cannot run, or null. */
    public ReadOnlyObjectProperty<LayerError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The error line in the window's language. */
    public LocalText errorText() {
        return errorText;
    }

    /** The cell clicked: its receptive field lights in every earlier map. */
    public ObjectProperty<Cell> pickedProperty() {
        return picked;
    }

    /** The cell pointed at, when it is in the input: every cell it reaches lights. */
    public ObjectProperty<Cell> pointedProperty() {
        return pointed;
    }

    /** The regions lit, one per map (empty when nothing is traced). */
    public ReadOnlyObjectProperty<List<Region>> litProperty() {
        return lit.getReadOnlyProperty();
    }

    /** The preset shown beside this stack for comparison, or null. */
    public ObjectProperty<String> compareWithProperty() {
        return compareWith;
    }

    /** The comparison stack's plan, or null. */
    public ReadOnlyObjectProperty<NetworkPlan> comparePlanProperty() {
        return comparePlan.getReadOnlyProperty();
    }

    /**
     * True while a lesson's question about this stack is open: the shapes, counts and receptive
     * fields the tab would print (the answer) are left out until it is answered.
     */
    public javafx.beans.property.BooleanProperty numbersHiddenProperty() {
        return numbersHidden;
    }

    /** The messages at the settings of {@code item}'s editor. */
    public SettingMessages messagesOf(LayerItem item) {
        return messages.computeIfAbsent(item, i -> new SettingMessages(locale));
    }

    // Commands

    /** Replaces the stack and input with preset {@code id} ({@link NetworkPresets}). */
    public void usePreset(String id) {
        NetworkPresets.Preset p = NetworkPresets.get(id);
        inChannels.set(p.input().channels());
        inHeight.set(p.input().height());
        inWidth.set(p.input().width());
        List<LayerItem> items = p.layers().get();
        layers.setAll(items);
        selected.set(items.isEmpty() ? null : items.get(0));
        preset.set(id);
        picked.set(null);
        compareWith.set(p.compareWith());
    }

    /**
     * Replaces the stack and input with a network as a file gives it (a lesson's step): its input's
     * numbers and its layers' own weights; {@code trace}, if not null, is the cell picked once it has run.
     */
    public void show(org.convlens.spec.NetworkProblem problem, Cell trace) {
        Shape in = problem.network().input();
        inChannels.set(in.channels());
        inHeight.set(in.height());
        inWidth.set(in.width());
        source.set(InputSource.of(problem.input()));
        List<LayerItem> items = new ArrayList<>();
        Shape shape = in;
        List<Layer> built = new ArrayList<>();
        for (Layer l : problem.network().layers()) {
            items.add(LayerItem.of(l, shape, 2000L + items.size()));
            built.add(l);
            shape = NetworkPlan.of(new Network(in, built)).output();
        }
        layers.setAll(items);
        selected.set(items.isEmpty() ? null : items.get(0));
        preset.set("");
        compareWith.set(null);
        picked.set(trace);
    }

    /** Adds a new layer of {@code kind} after the selected one (or at the end) and selects it. */
    public void add(LayerItem.Kind kind) {
        LayerItem it = LayerItem.of(kind, 1000L + layers.size() * 7919L + kind.ordinal());
        int at = selected.get() == null ? layers.size() : layers.indexOf(selected.get()) + 1;
        layers.add(at, it);
        selected.set(it);
    }

    /** Removes the selected layer. */
    public void removeSelected() {
        LayerItem it = selected.get();
        int i = layers.indexOf(it);
        if (i < 0) {
            return;
        }
        layers.remove(i);
        messages.remove(it);
        selected.set(layers.isEmpty() ? null : layers.get(Math.min(i, layers.size() - 1)));
    }

    /** Moves the selected layer one place up ({@code -1}) or down ({@code +1}). */
    public void move(int by) {
        LayerItem it = selected.get();
        int i = layers.indexOf(it);
        int j = i + by;
        if (i < 0 || j < 0 || j >= layers.size()) {
            return;
        }
        layers.remove(i);
        layers.add(j, it);
        selected.set(it);
    }

    /**
     * The scenario for the stepper: conv layer {@code index} with its real input, the maps the
     * layers before it made, or null if that layer is not a convolution or nothing has run.
     */
    public Problem layerInStepper(int index) {
        NetworkPlan p = plan.get();
        NetworkMaps m = maps.get();
        if (p == null || m == null || index < 0 || index >= p.layers().size()
                || !(p.layer(index).layer() instanceof ConvLayer c)) {
            return null;
        }
        Tensor in = m.layerOutput(index - 1);
        ConvSpec spec = c.spec();
        return new Problem(in.copy(), spec);
    }

    // Rebuilding

    private void changed() {
        if (!scheduled) {
            scheduled = true;
            fx.accept(() -> {
                scheduled = false;
                rebuild();
            });
        }
    }

    /** Checks the stack now (the view's changes arrive through {@link #changed()}). */
    void rebuild() {
        Shape in;
        try {
            in = Shape.of(inChannels.get(), inHeight.get(), inWidth.get());
        } catch (IllegalArgumentException e) {
            return;
        }
        List<Layer> built = new ArrayList<>();
        Shape shape = in;
        for (int i = 0; i < layers.size(); i++) {
            LayerItem item = layers.get(i);
            try {
                Layer l = item.toLayer(shape);
                built.add(l);
                shape = NetworkPlan.of(new Network(in, built)).output();
                messagesOf(item).errorProperty().set(null);
            } catch (SpecException e) {
                fail(i, item, e);
                return;
            }
        }
        NetworkPlan p;
        try {
            p = NetworkPlan.of(new Network(in, built), WorkLimit.standard(), Parallel.availableThreads());
        } catch (SpecException e) {
            int at = layerOf(e.field());
            fail(at, at >= 0 && at < layers.size() ? layers.get(at) : null, e);
            return;
        }
        error.set(null);
        errorText.clear();
        run(p);
    }

    private static int layerOf(String path) {
        if (path != null && path.startsWith("$.layers[")) {
            int end = path.indexOf(']');
            try {
                return Integer.parseInt(path.substring(9, end));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private void fail(int index, LayerItem item, SpecException e) {
        String field = e.field() == null ? "$" : e.field().replaceFirst("^\\$\\.layers\\[\\d+]", "\\$");
        Setting at = Setting.of(field);
        SettingError se = new SettingError(at, at, e::message);
        if (item != null) {
            messagesOf(item).errorProperty().set(se);
        }
        error.set(new LayerError(index, se));
        errorText.set(l -> NetworkText.get(l, "network.error.at", index + 1, e.message(l)));
    }

    private void run(NetworkPlan p) {
        int gen = ++generation;
        Tensor input = source.get().tensor(p.input());
        executor.execute(() -> {
            NetworkMaps m;
            try {
                m = new Forward(p).run(input, null, Parallel.availableThreads());
            } catch (RuntimeException | OutOfMemoryError e) {
                String why = String.valueOf(e.getMessage());
                fx.accept(() -> {
                    if (gen == generation) {
                        errorText.set(l -> why);
                    }
                });
                return;
            }
            fx.accept(() -> {
                if (gen != generation) {
                    return;
                }
                plan.set(p);
                maps.set(m);
                tracer = new FieldTracer(p);
                Cell c = picked.get();
                if (c != null && !fits(c, p)) {
                    picked.set(null);
                }
                trace();
            });
        });
    }

    private static boolean fits(Cell c, NetworkPlan p) {
        if (c.map() < 0 || c.map() >= p.maps().size()) {
            return false;
        }
        Shape s = p.maps().get(c.map()).shape();
        return c.channel() < s.channels() && c.y() < s.height() && c.x() < s.width();
    }

    private void trace() {
        NetworkPlan p = plan.get();
        if (p == null || tracer == null) {
            lit.set(List.of());
            return;
        }
        Cell c = picked.get();
        if (c != null && fits(c, p)) {
            lit.set(tracer.reads(c.map(), c.channel(), c.y(), c.x()));
            return;
        }
        Cell q = pointed.get();
        if (q != null && fits(q, p)) {
            List<Region> reach = tracer.reaches(q.map(), q.channel(), q.y(), q.x());
            List<Region> all = new ArrayList<>();
            for (int m = 0; m < q.map(); m++) {
                all.add(null);
            }
            all.addAll(reach);
            lit.set(all);
            return;
        }
        lit.set(List.of());
    }

    private void buildComparison() {
        String id = compareWith.get();
        if (id == null || id.isEmpty()) {
            comparePlan.set(null);
            return;
        }
        NetworkPresets.Preset p = NetworkPresets.get(id);
        List<Layer> built = new ArrayList<>();
        Shape shape = p.input();
        try {
            for (LayerItem item : p.layers().get()) {
                built.add(item.toLayer(shape));
                shape = NetworkPlan.of(new Network(p.input(), built)).output();
            }
            comparePlan.set(NetworkPlan.of(new Network(p.input(), built)));
        } catch (SpecException e) {
            comparePlan.set(null);
        }
    }

    /** The summary lines of {@code p}: one per layer, then the totals. */
    public static List<SummaryRow> summary(NetworkPlan p) {
        List<SummaryRow> rows = new ArrayList<>();
        if (p == null) {
            return rows;
        }
        for (LayerPlan l : p.layers()) {
            rows.add(SummaryRow.of(l, p.maps().get(l.lastMap()).field()));
        }
        rows.add(SummaryRow.total(p));
        return rows;
    }
}
