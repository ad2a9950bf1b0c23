package org.convlens.ui.stepper;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvStep;
import org.convlens.ui.UiText;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.NumberText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The all-channels overview at one step (classroom issue): every input channel with the kernel
 * window on it and its share of the output cell, and the whole kernel as a table of slices, one
 * row per output channel and one column per input channel, the cells outside an output
 * channel's group empty. Derived from the computation and the frame alone, the numbers from the
 * engine's step trace: the view only draws it. No JavaFX nodes.
 *
 * @param outChannel the output channel of the step
 * @param inChannel the input channel of the kernel slice shown (the slice bars' choice)
 * @param groups the layer's groups
 * @param inputs one entry per input channel, in order
 * @param kernels one row per output channel, one entry per input channel in each
 * @param sum the step's sum line ("2 + 5 + (-1) + bias 0.5 = 6.5"), "" in a pooling step, "?" parts covered
 * @param inputsCovered the input is covered (a lesson's question): no values shown
 * @param kernelsCovered the kernel is covered: no weights shown
 */
public record ChannelOverview(int outChannel, int inChannel, int groups, List<Input> inputs, List<List<Slice>> kernels,
                              String sum, boolean inputsCovered, boolean kernelsCovered) {

    /**
     * One input channel.
     *
     * @param channel its index
     * @param picture the channel (padded as it is read) with the step's window marked
     * @param inGroup true if the step's output channel reads it
     * @param partial its share of the output cell (the products over its slice), NaN when none or covered
     * @param partialText the share as shown ("" when it has none, "?" until read or while covered)
     */
    public record Input(int channel, GridPicture picture, boolean inGroup, float partial, String partialText) {
    }

    /**
     * The kernel slice joining output channel {@code outChannel} and input channel {@code inChannel}.
     *
     * @param slice its index within the output channel's group, -1 when the two are in different groups
     * @param picture the slice as it slides, null across groups
     * @param current the slice the stepper shows now
     */
    public record Slice(int outChannel, int inChannel, int slice, GridPicture picture, boolean current) {
        public boolean inGroup() {
            return slice >= 0;
        }
    }

    /** The overview of frame {@code f} of computation {@code c}. */
    public static ChannelOverview of(Computation c, Frame f, Locale locale) {
        ConvPlan plan = c.plan();
        int co = f.outChannel();
        int group = plan.groupOf(co);
        int per = plan.inPerGroup();
        ConvStep cs = f.convStep();
        boolean sumsHidden = f.covered(Covers.Panel.SUM) || f.covered(Covers.Panel.OUTPUT) || hiddenCell(f);
        List<Input> inputs = new ArrayList<>();
        List<String> shares = new ArrayList<>();
        for (int ci = 0; ci < plan.inChannels(); ci++) {
            boolean in = ci / per == group;
            GridPicture base = FrameRenderer.inputBase(c, ci);
            int[] flags = base.flags();
            float partial = Float.NaN;
            String text = "";
            if (cs != null && in) {
                int slice = ci - group * per;
                int last = -1;
                float before = 0f;
                for (int t = 0; t < cs.terms().size(); t++) {
                    ConvStep.Term tm = cs.terms().get(t);
                    if (tm.slice() == slice) {
                        // term by term: read, being read, still to read (as in the input grid)
                        int read = !f.termPace() ? 0 : t < f.term() ? CellFlags.READ : t == f.term() ? CellFlags.CURRENT : 0;
                        flags[tm.vy() * base.cols() + tm.vx()] |= CellFlags.IN_WINDOW | read;
                        last = t;
                    } else if (tm.slice() < slice) {
                        before = tm.runningSum();
                    }
                }
                boolean read = last >= 0 && (!f.termPace() || f.term() > last);
                if (last >= 0 && read && !sumsHidden) {
                    partial = cs.terms().get(last).runningSum() - before;
                    text = NumberText.format(partial, FrameRenderer.DECIMALS);
                } else {
                    text = Covers.HIDDEN_TEXT;
                }
                shares.add(text);
            }
            inputs.add(new Input(ci, base.withFlags(flags), in, partial, text));
        }
        List<List<Slice>> kernels = new ArrayList<>();
        for (int o = 0; o < plan.outChannels(); o++) {
            List<Slice> row = new ArrayList<>();
            int g = plan.groupOf(o);
            for (int ci = 0; ci < plan.inChannels(); ci++) {
                int s = ci / per == g ? ci - g * per : -1;
                GridPicture p = s < 0 ? null : FrameRenderer.kernelBase(c, o, s);
                row.add(new Slice(o, ci, s, p, o == co && ci == f.inChannel()));
            }
            kernels.add(List.copyOf(row));
        }
        return new ChannelOverview(co, f.inChannel(), plan.groups(), List.copyOf(inputs), List.copyOf(kernels),
                sumLine(cs, f, shares, sumsHidden, locale), f.covered(Covers.Panel.INPUT), f.covered(Covers.Panel.KERNEL));
    }

    /** True when the step writes an output cell a question keeps as "?". */
    private static boolean hiddenCell(Frame f) {
        ConvStep cs = f.convStep();
        return cs != null && f.covers().featureMap().contains(List.of(cs.outChannel(), cs.outY(), cs.outX()));
    }

    private static String sumLine(ConvStep cs, Frame f, List<String> shares, boolean hidden, Locale locale) {
        if (cs == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String s : shares) {
            parts.add(s.startsWith(String.valueOf(NumberText.MINUS)) ? "(" + s + ")" : s);
        }
        boolean done = f.finished() && !hidden;
        String pre = done ? NumberText.format(cs.preActivation(), FrameRenderer.DECIMALS) : Covers.HIDDEN_TEXT;
        return UiText.get(locale, "overview.sum", cs.outChannel(), cs.outY(), cs.outX(), String.join(" + ", parts),
                NumberText.term(cs.bias(), FrameRenderer.DECIMALS), pre);
    }
}
