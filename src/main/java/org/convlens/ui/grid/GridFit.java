package org.convlens.ui.grid;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * One cell size for grids shown side by side, the largest that fits them all: so a kernel's cells
 * are as big as the input cells they slide over, and a 36 x 36 padded input shrinks with its
 * neighbours instead of squeezing them.
 */
public final class GridFit {
    /** Smallest cell side considered, in pixels. */
    public static final double MIN_CELL = 6;

    private GridFit() {
    }

    /**
     * A grid column: {@code cols} x {@code rows} cells (rows may include stacked grids), drawn at
     * least {@code minWidth} wide (its title's room), with {@code headers} header bands stacked.
     */
    public record Column(int cols, int rows, double minWidth, int headers) {
    }

    /**
     * The largest cell side up to {@code preferred} at which every column fits {@code width}
     * (with {@code gap} between columns and {@code padding} around each grid) and the tallest
     * fits {@code height}; {@link #MIN_CELL} if none does.
     *
     * @param header the header band's width for a cell side
     */
    public static double cellSize(List<Column> columns, double width, double height, double gap, double padding,
                                  double preferred, DoubleUnaryOperator header) {
        if (fits(columns, preferred, width, height, gap, padding, header)) {
            return Math.floor(preferred);
        }
        double lo = MIN_CELL;
        double hi = preferred;
        for (int i = 0; i < 30; i++) {
            double mid = (lo + hi) / 2;
            if (fits(columns, mid, width, height, gap, padding, header)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(MIN_CELL, Math.floor(lo));
    }

    static boolean fits(List<Column> columns, double s, double width, double height, double gap, double padding,
                        DoubleUnaryOperator header) {
        double h = header.applyAsDouble(s);
        double total = gap * Math.max(0, columns.size() - 1);
        double tallest = 0;
        for (Column c : columns) {
            total += Math.max(c.cols() * s + h + padding, c.minWidth());
            tallest = Math.max(tallest, c.rows() * s + c.headers() * h + padding);
        }
        return total <= width && tallest <= height;
    }
}
