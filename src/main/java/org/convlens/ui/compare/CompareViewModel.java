package org.convlens.ui.compare;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.convlens.engine.ConvSpec;
import org.convlens.spec.LayerSettings.Name;
import org.convlens.spec.Problem;
import org.convlens.ui.LocalText;
import org.convlens.ui.UiText;
import org.convlens.ui.stepper.WorkedExample;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The Compare tab: one input, two sides A and B with settings of their own, one step position.
 *
 * <p>The rule for stepping together: the shared step {@code i} is, on each side, that side's
 * step {@code i}, its output cells in reading order (channel, row, column), then its pooled
 * cells, as in the stepper. The position runs over the longer side's steps; once {@code i} is
 * past a side's last step that side is done: it shows its whole output and says so, while the
 * other goes on. No JavaFX nodes.
 */
public final class CompareViewModel {
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.ENGLISH);
    private final SideViewModel a;
    private final SideViewModel b;
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final ReadOnlyIntegerWrapper totalSteps = new ReadOnlyIntegerWrapper(this, "totalSteps", 1);
    private final ReadOnlyObjectWrapper<Contrast> contrast = new ReadOnlyObjectWrapper<>(this, "contrast");
    private final ReadOnlyObjectWrapper<List<Name>> differences = new ReadOnlyObjectWrapper<>(this, "differences",
            List.of());
    private final LocalText stepText = new LocalText(locale);
    private final LocalText headline = new LocalText(locale);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoForward;
    private Problem base;
    private boolean applying;
    /** The padding the padding preset gave both sides (rows, columns), or null. */
    private int[] addedPadding;

    public CompareViewModel() {
        this(new Random());
    }

    /** @param random where the sides' random kernels come from (seeded in tests) */
    public CompareViewModel(Random random) {
        a = new SideViewModel("A", locale, random);
        b = new SideViewModel("B", locale, random);
        for (SideViewModel s : List.of(a, b)) {
            s.computationProperty().addListener(o -> refresh());
            // an edit on either side makes the comparison the user's own
            s.layer().revisionProperty().addListener(o -> {
                if (!applying) {
                    contrast.set(null);
                }
            });
        }
        step.addListener(o -> refresh());
        contrast.addListener(o -> refresh());
        locale.addListener(o -> refresh());
        canGoBack = step.greaterThan(0);
        canGoForward = Bindings.createBooleanBinding(() -> step.get() < totalSteps.get() - 1, step, totalSteps);
        take(WorkedExample.problem(), false);
    }

    // Properties

    /** The language of every text. */
    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public SideViewModel a() {
        return a;
    }

    public SideViewModel b() {
        return b;
    }

    /** The shared step, 0-based, up to the longer side's last. */
    public IntegerProperty stepProperty() {
        return step;
    }

    public int getStep() {
        return step.get();
    }

    /** The longer side's step count. */
    public ReadOnlyIntegerProperty totalStepsProperty() {
        return totalSteps.getReadOnlyProperty();
    }

    /** The preset the sides show, or null once either side's settings were changed by hand. */
    public ReadOnlyObjectProperty<Contrast> contrastProperty() {
        return contrast.getReadOnlyProperty();
    }

    /** The settings in which A and B differ now. */
    public ReadOnlyObjectProperty<List<Name>> differencesProperty() {
        return differences.getReadOnlyProperty();
    }

    /** "Step 5 of 16". */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.property();
    }

    /** What A and B differ in (and a padding the preset added), in words. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.property();
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoForwardProperty() {
        return canGoForward;
    }

    /** The scenario the sides were last made from (the stepper's). */
    public Problem base() {
        return base;
    }

    // Commands

    public void forward() {
        jumpTo(step.get() + 1);
    }

    public void back() {
        jumpTo(step.get() - 1);
    }

    public void first() {
        jumpTo(0);
    }

    /** The longer side's last step (the shorter one is done). */
    public void last() {
        jumpTo(totalSteps.get() - 1);
    }

    /** Shared step {@code i}, clamped. */
    public void jumpTo(int i) {
        step.set(Math.max(0, Math.min(i, totalSteps.get() - 1)));
    }

    /**
     * Makes both sides from the scenario taken last ({@link #take}) with {@code c}'s contrast, from
     * the first step.
     */
    public void use(Contrast c) {
        ConvSpec[] specs = c.sides(base.spec(), base.input());
        applying = true;
        try {
            a.load(new Problem(base.input(), specs[0]));
            b.load(new Problem(base.input(), specs[1]));
        } finally {
            applying = false;
        }
        contrast.set(c);
        addedPadding = c.addedPadding(base.spec(), base.input());
        step.set(0);
        refresh();
    }

    /**
     * Takes {@code p} (the stepper's scenario) as the one to compare on: with a preset shown (and
     * the first time, with zeros against reflect) both sides are made again from it; with settings
     * of the user's own, each side keeps them on the new input.
     *
     * @param always also when {@code p} is the scenario taken last (the user asked for it again)
     * @return true if the sides were made again
     */
    public boolean take(Problem p, boolean always) {
        if (p == null || !always && p.equals(base)) {
            return false;
        }
        boolean first = base == null;
        base = p;
        Contrast c = contrast.get();
        if (c != null || first) {
            use(c == null ? Contrast.PADDING_MODE : c);
            return true;
        }
        applying = true;
        try {
            a.keepSettingsOn(p);
            b.keepSettingsOn(p);
        } finally {
            applying = false;
        }
        refresh();
        return true;
    }

    private void refresh() {
        if (applying || a.computation() == null || b.computation() == null) {
            return;
        }
        int total = Math.max(a.totalSteps(), b.totalSteps());
        totalSteps.set(total);
        int s = Math.max(0, Math.min(step.get(), total - 1));
        if (s != step.get()) {
            step.set(s);
            return;
        }
        a.show(s);
        b.show(s);
        stepText.set(l -> UiText.get(l, "play.step", s + 1, total));
        List<Name> d = Contrast.differences(a.spec(), b.spec());
        differences.set(d);
        int[] note = contrast.get() == Contrast.PADDING_MODE ? addedPadding : null;
        headline.set(l -> {
            String line = d.isEmpty() ? UiText.get(l, "compare.same")
                    : UiText.get(l, "compare.differ", d.stream().map(n -> UiText.get(l, "compare.setting." + n.id()))
                    .collect(Collectors.joining(UiText.get(l, "compare.separator"))));
            return note == null ? line : line + " " + UiText.get(l, "compare.paddingAdded", note[0], note[1]);
        });
    }
}
