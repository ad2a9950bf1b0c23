package org.convlens.ui.stepper;

import org.convlens.engine.ConvStep;
import org.convlens.engine.PoolStep;
import org.convlens.ui.grid.GridPicture;

import java.util.List;

/**
 * Everything the stepper shows at one position, derived from the computation, the step index
 * and term index, and what the user points at; nothing else. Equal positions give equal frames,
 * however they were reached.
 *
 * @param step the step index, 0-based (convolution steps, then pooling steps)
 * @param totalSteps number of steps
 * @param term the term index in term-by-term pace (terms count = the finished step), else the count
 * @param terms number of terms in this step
 * @param termPace term-by-term pace
 * @param pooling true in a pooling step
 * @param outChannel the output channel shown
 * @param slice the kernel slice shown (input channel within the group)
 * @param inChannel the input channel shown
 * @param input the input (padded, zero-inserted) grid of {@code inChannel}
 * @param kernel the kernel slice as it slides
 * @param enteredKernel the kernel slice as entered, or null when it slides unrotated (the same as {@code kernel})
 * @param featureMap the output feature map of {@code outChannel}, filled up to this step
 * @param pooled the pooled map, or null without pooling
 * @param arithmetic lines of the step's arithmetic
 * @param runningSum in term-by-term pace the running sum (or running max), else null
 * @param convStep this step if a convolution step, else null
 * @param poolStep this step if a pooling step, else null
 * @param covers what is kept out of sight in this frame (panels, and cells already shown as "?")
 * @param preActivation with an activation set, the feature map of {@code outChannel} before it (sum +
 *                      bias), filled up to this step; else null
 */
public record Frame(int step, int totalSteps, int term, int terms, boolean termPace, boolean pooling, int outChannel,
                   int slice, int inChannel, GridPicture input, GridPicture kernel, GridPicture enteredKernel,
                   GridPicture featureMap, GridPicture pooled, List<List<Token>> arithmetic, String runningSum,
                   ConvStep convStep, PoolStep poolStep, Covers covers, GridPicture preActivation) {

    public Frame {
        covers = covers == null ? Covers.NONE : covers;
    }

    /** True if panel {@code p} is covered in this frame. */
    public boolean covered(Covers.Panel p) {
        return covers.covers(p);
    }

    /** True when the step's result is shown (always in whole-step pace). */
    public boolean finished() {
        return !termPace || term >= terms;
    }
}
