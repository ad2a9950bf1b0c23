package org.convlens.ui.stepper;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * One cell size for every grid the stepper shows, so a kernel's cells are as big as the input
 * cells they slide over. Pure arithmetic over the measured room, no JavaFX: the stepper's layout
 * ({@link StageLayout}) measures, this decides.
 *
 * <p>The rule (issue 12, "grids that fill the room"): the cells take the largest size at which
 * all grids fit the room they have, with no cap; never less than a readable size (the stage
 * scrolls instead); and zoom makes them larger, never smaller: at zoom {@code z} over the
 * mode's own zoom {@code b} (1, or the presentation zoom) they are at least {@code z / b} times
 * what they would be at {@code b}, estimated by fitting the same grids into the same window with
 * everything else (side panels, titles, arithmetic) scaled back by {@code b / z}.
 */
public final class StageFit {
    /** Smallest cell side considered, in pixels. */
    public static final double MIN_CELL = 6;

    private StageFit() {
    }

    /**
     * A box of grids shown side by side with the other boxes: {@code across} x {@code down}
     * grids of {@code cols} x {@code rows} cells each, each grid with its header bands (left and
     * top); the box is at least {@code minWidth} wide (its title's room) and needs
     * {@code reserve} of height besides its grids (titles, bars), plus {@code rowReserve} over
     * each row of grids (a subtitle), and {@code extraWidth} beside its grids (gaps, labels).
     */
    public record Block(int cols, int rows, int across, int down, double minWidth, double reserve,
                        double rowReserve, double extraWidth) {
        public Block(int cols, int rows, int across, int down, double minWidth, double reserve, double rowReserve) {
            this(cols, rows, across, down, minWidth, reserve, rowReserve, 0);
        }

        /** One grid. */
        public static Block of(int cols, int rows, double minWidth, double reserve) {
            return new Block(cols, rows, 1, 1, minWidth, reserve, 0);
        }

        double width(double s, double header, double pad, double inner) {
            return Math.max(across * (cols * s + header + pad) + (across - 1) * inner + extraWidth, minWidth);
        }

        double height(double s, double header, double pad, double inner) {
            return reserve + down * (rows * s + header + pad + rowReserve) + (down - 1) * inner;
        }

        /** The same block with its fixed sizes (title room, reserves) times {@code k}. */
        Block scaled(double k) {
            return new Block(cols, rows, across, down, minWidth * k, reserve * k, rowReserve * k, extraWidth * k);
        }
    }

    /**
     * The room for the row of boxes.
     *
     * @param width width for all boxes
     * @param height height for the tallest box
     * @param gap space between boxes
     * @param pad room around each grid (its padding and the box's)
     * @param inner space between grids inside a box
     */
    public record Room(double width, double height, double gap, double pad, double inner) {
    }

    /**
     * The largest cell side at which every block fits {@code room}; {@link #MIN_CELL} if none.
     *
     * @param header the header band's width for a cell side
     */
    public static double fit(List<Block> blocks, Room room, DoubleUnaryOperator header) {
        if (blocks.isEmpty()) {
            return MIN_CELL;
        }
        double lo = MIN_CELL;
        if (!fits(blocks, lo, room, header)) {
            return MIN_CELL;
        }
        double hi = Math.max(lo * 2, Math.min(room.width(), Math.min(room.height(), 1e6)));
        while (fits(blocks, hi, room, header)) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 40 && hi - lo > 0.01; i++) {
            double mid = (lo + hi) / 2;
            if (fits(blocks, mid, room, header)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double s = Math.floor(lo);
        return fits(blocks, s + 1, room, header) ? s + 1 : Math.max(MIN_CELL, s);
    }

    static boolean fits(List<Block> blocks, double s, Room room, DoubleUnaryOperator header) {
        double h = header.applyAsDouble(s);
        double tallest = 0;
        for (Block b : blocks) {
            tallest = Math.max(tallest, b.height(s, h, room.pad(), room.inner()));
        }
        return rowWidth(blocks, s, room, header) <= room.width() && tallest <= room.height();
    }

    /** The row's width at cell side {@code s}: every block and the gaps between them. */
    static double rowWidth(List<Block> blocks, double s, Room room, DoubleUnaryOperator header) {
        double h = header.applyAsDouble(s);
        double total = room.gap() * Math.max(0, blocks.size() - 1);
        for (Block b : blocks) {
            total += b.width(s, h, room.pad(), room.inner());
        }
        return total;
    }

    /**
     * The cell side to show: the fit; raised to {@code floor} as far as the width allows (the
     * stage scrolls down rather than shrink numbers past reading, but the row of grids stays in
     * the width: a 32 x 32 input keeps its output in view); and at least {@code z / b} times
     * the fit at the mode's zoom.
     *
     * @param blocks the boxes of grids, measured at the current zoom
     * @param room the room they have now
     * @param around the room the window spends on everything beside and above the row (side
     *               panels, bars, arithmetic): scaled back with the zoom to estimate the fit at {@code b}
     * @param zoomRatio {@code z / b}, 1 when the window shows its mode's own zoom
     * @param floor the smallest readable cell side
     * @param header the header band's width for a cell side at the current zoom
     */
    public static double cellSize(List<Block> blocks, Room room, Around around, double zoomRatio, double floor,
                                  DoubleUnaryOperator header) {
        double s = fit(blocks, room, header);
        if (s < floor) {
            Room anyHeight = new Room(room.width(), Double.MAX_VALUE / 4, room.gap(), room.pad(), room.inner());
            double byWidth = fit(blocks, anyHeight, header);
            if (!fits(blocks, MIN_CELL, anyHeight, header)) {
                // The row is wider than the room at any cell size: its titles and margins alone
                // are (presentation's large type beside the settings and a lesson). Smaller cells
                // would only be unreadable; cells as large as that width already allows cost nothing.
                Room overflow = new Room(rowWidth(blocks, MIN_CELL, room, header), anyHeight.height(), room.gap(),
                        room.pad(), room.inner());
                byWidth = fit(blocks, overflow, header);
            }
            s = Math.max(s, Math.min(Math.ceil(floor), byWidth));
        }
        if (zoomRatio > 1.0001) {
            double k = 1 / zoomRatio;
            List<Block> atBase = blocks.stream().map(b -> b.scaled(k)).toList();
            Room base = new Room(room.width() + around.width() * (1 - k), room.height() + around.height() * (1 - k),
                    room.gap() * k, room.pad() * k, room.inner() * k);
            // a header is a few coordinates' heights: at the mode's zoom, k times the band of s / k
            double atBaseFit = fit(atBase, base, x -> k * header.applyAsDouble(x / k));
            s = Math.max(s, Math.floor(atBaseFit * zoomRatio));
        }
        return s;
    }

    /** What the window spends beside ({@code width}) and above and below ({@code height}) the row of grids. */
    public record Around(double width, double height) {
    }
}
