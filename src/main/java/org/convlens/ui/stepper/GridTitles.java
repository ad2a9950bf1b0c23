package org.convlens.ui.stepper;

import org.convlens.engine.ConvPlan;
import org.convlens.ui.UiText;

import java.util.Locale;

/** The titles over a frame's grids, the same wherever a frame is drawn (the stepper, the Compare tab). */
public final class GridTitles {
    private GridTitles() {
    }

    /** "Input, channel 0" (with inserted zeros when transposed). */
    public static String input(Locale l, ConvPlan plan, Frame f) {
        return UiText.get(l, plan.spec().transposed() ? "grid.input.transposed" : "grid.input", f.inChannel());
    }

    /** "Output 0: 4 × 4". */
    public static String output(Locale l, ConvPlan plan, Frame f) {
        return UiText.get(l, "grid.output", f.outChannel(), plan.outHeight(), plan.outWidth());
    }

    /** "Pooled 0: 2 × 2"; only with pooling. */
    public static String pooled(Locale l, ConvPlan plan, Frame f) {
        return UiText.get(l, "grid.pooled", f.outChannel(), plan.poolY().size(), plan.poolX().size());
    }
}
