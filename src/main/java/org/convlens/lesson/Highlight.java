package org.convlens.lesson;

import org.convlens.engine.Named;

import java.util.List;
import java.util.Set;

/**
 * What a step points at.
 *
 * @param step the stepper's step to show: a 0-based trace index (convolution steps in output
 *             order, then pooling steps), {@link #END} for the finished output, or
 *             {@link #DEFAULT} to leave the stepper where loading puts it
 * @param input cells of the grid the kernel slides over, in input coordinates (negative or past
 *              the end for padding cells)
 * @param kernel kernel weights
 * @param output cells of the final output (pooled, when the step pools)
 * @param featureMap cells of the feature map before pooling (only when the step pools)
 * @param panels the panels to draw attention to
 * @param hidden the panels covered until the step's question is answered (a kernel to guess, an
 *               output to predict)
 */
public record Highlight(long step, List<Cell> input, List<Cell> kernel, List<Cell> output, List<Cell> featureMap,
                        Set<Panel> panels, Set<Panel> hidden) {
    /** Show the whole output, every step done. */
    public static final long END = -1;
    /** No step given: the stepper starts where it starts for a new scenario. */
    public static final long DEFAULT = -2;
    /** Nothing highlighted. */
    public static final Highlight NONE = new Highlight(DEFAULT, List.of(), List.of(), List.of(), List.of(), Set.of(),
            Set.of());

    public Highlight {
        input = List.copyOf(input);
        kernel = List.copyOf(kernel);
        output = List.copyOf(output);
        featureMap = List.copyOf(featureMap);
        panels = Set.copyOf(panels);
        hidden = Set.copyOf(hidden);
    }

    /**
     * A cell of a grid.
     *
     * @param channel the channel (for a kernel: the output channel)
     * @param slice for a kernel the input slice, else 0
     * @param y row
     * @param x column
     */
    public record Cell(int channel, int slice, int y, int x) {
    }

    /** Panels of the window a step can point at, with their names in lesson files. */
    public enum Panel implements Named {
        INPUT("input"), KERNEL("kernel"), OUTPUT("output"), SUM("sum"), SHAPE("shape"), PHOTO("photo"), FIT("fit");

        private final String id;

        Panel(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Panel fromId(String id) {
            return Named.byId(Panel.class, id);
        }
    }
}
