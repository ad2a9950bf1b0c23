package org.convlens.ui.compare;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.spec.LayerSettings;
import org.convlens.spec.Problem;
import org.convlens.ui.LocalText;
import org.convlens.ui.UiText;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.settings.LayerSettingsViewModel;
import org.convlens.ui.settings.SettingError;
import org.convlens.ui.settings.SettingMessages;
import org.convlens.ui.stepper.Computation;
import org.convlens.ui.stepper.Frame;
import org.convlens.ui.stepper.FrameRenderer;
import org.convlens.ui.stepper.ScenarioViewModel;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One side (A or B) of the Compare tab: its scenario (the shared input, its own layer settings,
 * checked and run by the engine as in the stepper: a {@link ScenarioViewModel}) and the
 * {@link Frame} it shows at the shared step. A side with fewer steps than the shared position is
 * done: it shows its whole output, with no window. No JavaFX nodes.
 */
public final class SideViewModel {
    /** The cell marks of a step in progress, taken off a finished side's pictures. */
    private static final int IN_PROGRESS = CellFlags.IN_WINDOW | CellFlags.CURRENT | CellFlags.READ | CellFlags.PENDING
            | CellFlags.CHOSEN;

    private final String name;
    private final ScenarioViewModel scenario;
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done", false);
    private final LocalText status;
    private final LocalText summary;

    SideViewModel(String name, ObservableValue<Locale> locale, Random random) {
        this.name = name;
        this.scenario = new ScenarioViewModel(random);
        scenario.localeProperty().bind(locale);
        this.status = new LocalText(scenario.localeProperty());
        this.summary = new LocalText(scenario.localeProperty());
    }

    /** "A" or "B". */
    public String name() {
        return name;
    }

    /** The side's settings: the shared settings model's view-model, for a LayerSettingsView. */
    public LayerSettingsViewModel layer() {
        return scenario.layer();
    }

    /** The message each setting shows. */
    public SettingMessages messages() {
        return scenario.messages();
    }

    /** Why the side's settings cannot be computed now (it shows the last that could), or null. */
    public ReadOnlyObjectProperty<SettingError> errorProperty() {
        return scenario.errorProperty();
    }

    /** The side's scenario run by the engine: the last one it accepted. */
    public ReadOnlyObjectProperty<Computation> computationProperty() {
        return scenario.computationProperty();
    }

    public Computation computation() {
        return scenario.getComputation();
    }

    /** The spec the side computes now. */
    public ConvSpec spec() {
        return computation().problem().spec();
    }

    /** Steps of this side: one per output cell, then one per pooled cell. */
    public int totalSteps() {
        return computation().totalSteps();
    }

    /** What the side shows at the shared step. */
    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public Frame getFrame() {
        return frame.get();
    }

    /** True once the shared step is past this side's last: its whole output is shown. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public boolean isDone() {
        return done.get();
    }

    /** "Step 5 of 16", or that the side is done. */
    public ReadOnlyStringProperty statusProperty() {
        return status.property();
    }

    /** The side's padding and stride in words: what a contrast changes. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.property();
    }

    void load(Problem p) {
        scenario.load(p);
    }

    /**
     * Takes the input of {@code p}, keeping this side's own settings (the kernel's input side laid
     * out again for its channels, as the stepper does when the channels change).
     */
    void keepSettingsOn(Problem p) {
        LayerSettings keep = layer().settings().copy();
        keep.setInChannels(p.input().channels());
        scenario.load(p);
        layer().load(keep);
    }

    /** Shows shared step {@code step} (0-based). */
    void show(int step) {
        Computation c = computation();
        int total = c.totalSteps();
        boolean finished = step >= total;
        Frame f = FrameRenderer.render(c, Math.min(step, total - 1), 0, false, -1, null,
                scenario.localeProperty().get());
        // done first: whoever draws the frame reads it
        done.set(finished);
        frame.set(finished ? finished(f) : f);
        if (finished) {
            status.set(l -> UiText.get(l, "compare.side.done", total));
        } else {
            boolean pooling = f.pooling();
            status.set(l -> UiText.get(l, pooling ? "play.step.pool" : "play.step", step + 1, total));
        }
        ConvPlan plan = c.plan();
        int[] p = plan.padding();
        int sy = plan.spec().strideY();
        int sx = plan.spec().strideX();
        String mode = plan.spec().paddingMode().id();
        if (p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0) {
            summary.set(l -> UiText.get(l, "compare.summary.unpadded", sy, sx));
        } else {
            String widths = p[0] == p[1] && p[1] == p[2] && p[2] == p[3] ? Integer.toString(p[0])
                    : p[0] + ", " + p[1] + ", " + p[2] + ", " + p[3];
            summary.set(l -> UiText.get(l, "compare.summary", widths, UiText.get(l, "compare.mode." + mode), sy, sx));
        }
    }

    /** The last step's frame with nothing in progress: the whole output, no window, no arithmetic. */
    static Frame finished(Frame f) {
        return new Frame(f.step(), f.totalSteps(), f.term(), f.terms(), f.termPace(), f.pooling(), f.outChannel(),
                f.slice(), f.inChannel(), settled(f.input()), f.kernel(), f.enteredKernel(), settled(f.featureMap()),
                settled(f.pooled()), List.of(), null, f.convStep(), f.poolStep(), f.covers(), settled(f.preActivation()));
    }

    private static GridPicture settled(GridPicture p) {
        if (p == null) {
            return null;
        }
        int[] flags = p.flags();
        for (int i = 0; i < flags.length; i++) {
            flags[i] &= ~IN_PROGRESS;
        }
        return p.withFlags(flags);
    }
}
