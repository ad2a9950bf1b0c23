package org.convlens.ui.stepper;

import org.convlens.engine.AxisArithmetic;
import org.convlens.engine.ConvPlan;
import org.convlens.ui.UiText;
import org.convlens.ui.grid.NumberText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sizes of a computation as the window states them: each axis's output size as a formula with
 * the user's numbers, why some input rows or columns are never read, and the parameter count next
 * to a fully-connected layer of the same input and output sizes and to a locally connected one
 * (each output reading only its window, with weights of its own): what local connections save,
 * then what weight sharing saves.
 *
 * @param rows the convolution's output rows formula with numbers
 * @param cols the output columns formula
 * @param poolRows the pooling rows formula, or null without pooling
 * @param poolCols the pooling columns formula, or null
 * @param symbols the formula in symbols
 * @param notes why rows or columns are never read (empty when all are)
 * @param params the parameter count compared with a fully-connected layer
 * @param weights number of weights
 * @param biases number of biases
 * @param fullyConnected parameters of a fully-connected layer with the same input and output sizes
 * @param locallyConnected parameters of the same windows without weight sharing (a weight and bias per output)
 */
public record ShapeInfo(String rows, String cols, String poolRows, String poolCols, String symbols,
                        List<String> notes, String params, long weights, long biases, long fullyConnected,
                        long locallyConnected) {

    /** The shapes of {@code c} in {@code locale}. */
    public static ShapeInfo of(Computation c, Locale locale) {
        ConvPlan p = c.plan();
        List<String> notes = new ArrayList<>();
        notes.addAll(p.convY().reasons(locale));
        notes.addAll(p.convX().reasons(locale));
        if (p.hasPool()) {
            notes.addAll(p.poolY().reasons(locale));
            notes.addAll(p.poolX().reasons(locale));
        }
        long weights = p.spec().kernel().size();
        long biases = p.outChannels();
        long in = (long) p.inChannels() * p.inHeight() * p.inWidth();
        long out = (long) p.outChannels() * p.outHeight() * p.outWidth();
        long fc = in * out + out;
        // each output reading only its window, with weights (and a bias) of its own: no sharing
        long window = (long) p.inPerGroup() * p.directKernel().height() * p.directKernel().width();
        long local = out * window + out;
        long conv = p.parameterCount();
        String params = UiText.get(locale, "shape.params.text", weights, biases, conv, in, out, fc, window, local);
        return new ShapeInfo(pretty(p.convY()), pretty(p.convX()), p.hasPool() ? pretty(p.poolY()) : null,
                p.hasPool() ? pretty(p.poolX()) : null, prettyText(p.convY().formula()), List.copyOf(notes), params,
                weights, biases, fc, local);
    }

    /** What the input's dashed and grey cells are: padding, or zeros a transposed convolution inserts; "" for none. */
    static String legend(ConvPlan plan, Locale locale) {
        int[] p = plan.padding();
        if (plan.spec().transposed()) {
            return UiText.get(locale, "grid.legend.transposed", plan.spec().strideY(), plan.spec().strideX());
        }
        if (java.util.Arrays.stream(p).allMatch(v -> v == 0)) {
            return "";
        }
        return UiText.get(locale, "grid.legend.padding", p[0], p[1], p[2], p[3],
                UiText.get(locale, "paddingMode." + plan.spec().paddingMode().id()));
    }

    private static String pretty(AxisArithmetic a) {
        return prettyText(a.formulaWithNumbers());
    }

    /** A formula with a true minus sign and a multiplication sign, as the window prints it. */
    static String prettyText(String f) {
        return f.replace(" - ", " " + NumberText.MINUS + " ").replace("*", "\u00b7");
    }
}
