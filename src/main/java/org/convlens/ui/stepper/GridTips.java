package org.convlens.ui.stepper;

import org.convlens.engine.ConvPlan;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.GridView;
import org.convlens.ui.grid.NumberText;

import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The tooltips of the stepper's grids: each cell's exact float32 value and where it comes from
 * (an input cell, a padding cell copying one or holding zero, a zero the stride inserts, a
 * kernel weight, an output still to come), and nothing that a cover hides. The Compare tab's
 * panes show the same tips over their frames.
 */
public final class GridTips {
    private final Supplier<Computation> computation;
    private final Supplier<Frame> frame;
    private final BiFunction<String, Object[], String> texts;

    /**
     * @param computation the computation the grids show
     * @param frame the frame they show
     * @param texts bundle key and arguments to text, in the view's language
     */
    public GridTips(Supplier<Computation> computation, Supplier<Frame> frame, BiFunction<String, Object[], String> texts) {
        this.computation = computation;
        this.frame = frame;
        this.texts = texts;
    }

    private String text(String key, Object... args) {
        return texts.apply(key, args);
    }

    void install(GridView inputGrid, GridView kernelGrid, GridView enteredKernelGrid, GridView outputGrid,
                 GridView pooledGrid) {
        installMaps(inputGrid, outputGrid, pooledGrid);
        kernelGrid.cellTooltipProperty().set((r, c) -> text("tip.kernel.sliding", r, c,
                NumberText.exact(kernelGrid.getPicture().value(r, c))));
        enteredKernelGrid.cellTooltipProperty().set((r, c) -> text("tip.kernel", r, c,
                NumberText.exact(enteredKernelGrid.getPicture().value(r, c))));
    }

    /** The tips of the input, the feature map and the pooled map (a view without kernel grids). */
    public void installMaps(GridView inputGrid, GridView outputGrid, GridView pooledGrid) {
        inputGrid.cellTooltipProperty().set((r, c) -> {
            ConvPlan p = computation.get().plan();
            Frame f = frame.get();
            GridPicture pic = f.input();
            String v = NumberText.exact(pic.value(r, c));
            int sy = p.rows().source(r);
            int sx = p.cols().source(c);
            switch (p.kind(r, c)) {
                case INPUT:
                    return text("tip.input", f.inChannel(), sy, sx, v);
                case INSERTED:
                    return text("tip.inserted");
                default:
                    return sy >= 0 && sx >= 0 ? text("tip.padding.copy", p.rows().coordinate(r), p.cols().coordinate(c),
                            v, sy, sx) : text("tip.padding.zero", p.rows().coordinate(r), p.cols().coordinate(c));
            }
        });
        outputGrid.cellTooltipProperty().set((r, c) -> tip(outputGrid, true, "tip.output", r, c));
        pooledGrid.cellTooltipProperty().set((r, c) -> tip(pooledGrid, false, "tip.pooled", r, c));
    }

    /** An output or pooled cell: hidden while covered, pending until its step, else its exact value. */
    private String tip(GridView g, boolean featureMap, String key, int r, int c) {
        GridPicture p = g.getPicture();
        Frame f = frame.get();
        int co = f.outChannel();
        if (featureMap && f.covers().hidesFeatureMap(co, r, c)
                || !featureMap && Covers.HIDDEN_TEXT.equals(p.text(r, c))) {
            return text("tip.hidden");
        }
        if (CellFlags.has(p.flags(r, c), CellFlags.PENDING)) {
            return text("tip.pending");
        }
        return text(key, co, r, c, NumberText.exact(p.value(r, c)));
    }
}
