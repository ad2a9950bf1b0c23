package org.convlens.ui.stepper;

import org.convlens.engine.ConvPlan;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridPicture;

import java.util.List;
import java.util.Set;

/**
 * Cells another part of the app points at, such as a lesson step, drawn with
 * {@link CellFlags#MARKED} over whatever the frame shows. Coordinates are the computation's own:
 * each cell is a list of ints.
 *
 * @param input {@code [channel, y, x]} relative to the input's first cell (negative, or past the
 *              end, for padding cells)
 * @param kernel {@code [dim0, dim1, ky, kx]} of the kernel as entered
 * @param featureMap {@code [channel, y, x]} of the feature map
 * @param pooled {@code [channel, y, x]} of the pooled map
 */
public record Marks(Set<List<Integer>> input, Set<List<Integer>> kernel, Set<List<Integer>> featureMap,
                    Set<List<Integer>> pooled) {
    /** Nothing marked. */
    public static final Marks NONE = new Marks(Set.of(), Set.of(), Set.of(), Set.of());

    public Marks {
        input = Set.copyOf(input);
        kernel = Set.copyOf(kernel);
        featureMap = Set.copyOf(featureMap);
        pooled = Set.copyOf(pooled);
    }

    public boolean isEmpty() {
        return input.isEmpty() && kernel.isEmpty() && featureMap.isEmpty() && pooled.isEmpty();
    }

    /** {@code f} with these cells marked in the channels it shows. */
    public Frame apply(Frame f, Computation c) {
        if (isEmpty() || f == null) {
            return f;
        }
        ConvPlan plan = c.plan();
        GridPicture in = mark(f.input(), input, f.inChannel(), plan.rows().before(), plan.cols().before());
        boolean transposed = plan.spec().transposed();
        boolean rotated = f.enteredKernel() != null;
        GridPicture entered = f.enteredKernel();
        GridPicture sliding = f.kernel();
        if (!transposed) {
            Set<List<Integer>> slice = kernelSlice(f.outChannel(), f.slice());
            if (rotated) {
                entered = markYx(entered, slice, false);
                sliding = markYx(sliding, slice, true);
            } else {
                sliding = markYx(sliding, slice, false);
            }
        }
        GridPicture fm = mark(f.featureMap(), featureMap, f.outChannel(), 0, 0);
        GridPicture pool = f.pooled() == null ? null : mark(f.pooled(), pooled, f.outChannel(), 0, 0);
        return new Frame(f.step(), f.totalSteps(), f.term(), f.terms(), f.termPace(), f.pooling(), f.outChannel(),
                f.slice(), f.inChannel(), in, sliding, entered, fm, pool, f.arithmetic(), f.runningSum(),
                f.convStep(), f.poolStep(), f.covers(), f.preActivation());
    }

    private Set<List<Integer>> kernelSlice(int outChannel, int slice) {
        java.util.Set<List<Integer>> s = new java.util.HashSet<>();
        for (List<Integer> k : kernel) {
            if (k.get(0) == outChannel && k.get(1) == slice) {
                s.add(List.of(k.get(2), k.get(3)));
            }
        }
        return s;
    }

    private static GridPicture markYx(GridPicture p, Set<List<Integer>> cells, boolean turned) {
        if (p == null || cells.isEmpty()) {
            return p;
        }
        int[] flags = p.flags();
        for (List<Integer> yx : cells) {
            int r = turned ? p.rows() - 1 - yx.get(0) : yx.get(0);
            int col = turned ? p.cols() - 1 - yx.get(1) : yx.get(1);
            if (r >= 0 && r < p.rows() && col >= 0 && col < p.cols()) {
                flags[p.index(r, col)] |= CellFlags.MARKED;
            }
        }
        return p.withFlags(flags);
    }

    private static GridPicture mark(GridPicture p, Set<List<Integer>> cells, int channel, int dy, int dx) {
        if (p == null || cells.isEmpty()) {
            return p;
        }
        int[] flags = p.flags();
        boolean any = false;
        for (List<Integer> cyx : cells) {
            if (cyx.get(0) != channel) {
                continue;
            }
            int r = cyx.get(1) + dy;
            int col = cyx.get(2) + dx;
            if (r >= 0 && r < p.rows() && col >= 0 && col < p.cols()) {
                flags[p.index(r, col)] |= CellFlags.MARKED;
                any = true;
            }
        }
        return any ? p.withFlags(flags) : p;
    }
}
