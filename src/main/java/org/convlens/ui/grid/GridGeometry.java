package org.convlens.ui.grid;

import java.util.function.DoubleUnaryOperator;

/**
 * Where a {@link GridView}'s cells are, in the coordinates of its content area (inside its
 * insets): the side of a cell, the header band, the top-left corner of cell (0, 0), and the
 * square tiles the cells are painted in. Pure arithmetic, so mouse hits, tiles and layout are
 * tested without a window.
 *
 * <p>Everything is on whole pixels: cells, tiles and their edges never fall between two pixels.
 * Each cell owns its top and left grid line; the last row and column also own the outer edge.
 *
 * @param rows      rows of cells
 * @param cols      columns of cells
 * @param cell      side of one cell in pixels (whole)
 * @param header    width of the header band left of and above the cells (0 without headers)
 * @param originX   x of the left edge of column 0
 * @param originY   y of the top edge of row 0
 * @param tileCells cells along one side of a tile
 * @param line      width of a grid line in pixels (whole, at least 1)
 */
public record GridGeometry(int rows, int cols, double cell, double header, double originX, double originY,
                           int tileCells, int line) {
    /**
     * About this many pixels a side per tile: small enough that a step dirties little of the screen,
     * large enough for few canvases (README, "Frame rate").
     */
    public static final double TILE_PIXELS = 150;
    /** The smallest cell side drawn, in pixels. */
    public static final double SMALLEST_CELL = 2;

    /**
     * Lays out {@code rows} x {@code cols} cells in a content area of {@code width} x {@code height}:
     * cells of side {@code requested} when it fits, else the largest that does; with no request
     * (NaN or not positive) the largest that fits, with no upper limit. Cells are centred across
     * and start at the top.
     *
     * @param headerExtent the header band's width for a cell side
     */
    public static GridGeometry layout(int rows, int cols, double width, double height, double requested,
                                      DoubleUnaryOperator headerExtent, int line) {
        int r = Math.max(rows, 1);
        int c = Math.max(cols, 1);
        double limit = requested > 0 ? requested : Double.POSITIVE_INFINITY;
        double side = Math.min(limit, Math.min(width / c, height / r));
        double header = Math.ceil(headerExtent.applyAsDouble(side));
        side = Math.min(limit, Math.min((width - header) / c, (height - header) / r));
        double cell = Math.max(Math.floor(side), SMALLEST_CELL);
        double originX = header + Math.max(0, Math.floor((width - header - cell * c) / 2));
        int tile = Math.max(1, (int) Math.round(TILE_PIXELS / cell));
        return new GridGeometry(r, c, cell, header, originX, header, tile, Math.max(1, line));
    }

    /**
     * Row-major index of the cell at content point (x, y), or -1 off the cells. A point on a grid
     * line belongs to one cell: the line left of and above a cell is that cell's, and the outer
     * edge belongs to the last row or column.
     */
    public int cellAt(double x, double y) {
        int c = column(x);
        int r = row(y);
        return r < 0 || c < 0 ? -1 : r * cols + c;
    }

    private int column(double x) {
        double dx = x - originX;
        if (dx < 0 || dx >= cols * cell + line) {
            return -1;
        }
        return Math.min((int) Math.floor(dx / cell), cols - 1);
    }

    private int row(double y) {
        double dy = y - originY;
        if (dy < 0 || dy >= rows * cell + line) {
            return -1;
        }
        return Math.min((int) Math.floor(dy / cell), rows - 1);
    }

    /** Left edge of column {@code c}. */
    public double cellX(int c) {
        return originX + c * cell;
    }

    /** Top edge of row {@code r}. */
    public double cellY(int r) {
        return originY + r * cell;
    }

    /** Tiles down. */
    public int tileRows() {
        return (rows + tileCells - 1) / tileCells;
    }

    /** Tiles across. */
    public int tileCols() {
        return (cols + tileCells - 1) / tileCells;
    }

    public int tileCount() {
        return tileRows() * tileCols();
    }

    /** Index of the tile that holds cell (r, c). */
    public int tileOf(int r, int c) {
        return (r / tileCells) * tileCols() + c / tileCells;
    }

    /** Left edge of tile {@code i}. */
    public double tileX(int i) {
        return cellX(i % tileCols() * tileCells);
    }

    /** Top edge of tile {@code i}. */
    public double tileY(int i) {
        return cellY(i / tileCols() * tileCells);
    }

    /** Width of tile {@code i}; the last tile of a row also holds the grid's outer edge line. */
    public double tileWidth(int i) {
        int c0 = i % tileCols() * tileCells;
        return Math.min(tileCells, cols - c0) * cell + (c0 + tileCells >= cols ? line : 0);
    }

    /** Height of tile {@code i}; the last tile of a column also holds the grid's outer edge line. */
    public double tileHeight(int i) {
        int r0 = i / tileCols() * tileCells;
        return Math.min(tileCells, rows - r0) * cell + (r0 + tileCells >= rows ? line : 0);
    }

    /** Width of the cells with their outer edge. */
    public double cellsWidth() {
        return cols * cell + line;
    }

    /** Height of the cells with their outer edge. */
    public double cellsHeight() {
        return rows * cell + line;
    }
}
