package org.convlens.ui.grid;

/**
 * The states a grid cell can be in, as bits of one int. Each has the CSS pseudo-class a
 * {@link GridView} styles it with ({@code .grid-view .cell:in-window} and so on). Pure Java, so
 * view-models can use it.
 */
public final class CellFlags {
    /** The cell is under the current window (kernel or pooling). */
    public static final int IN_WINDOW = 1;
    /** The cell is being read by the current term (term-by-term pace), or is the cell being written. */
    public static final int CURRENT = 1 << 1;
    /** The cell has already been read in this step (term-by-term pace). */
    public static final int READ = 1 << 2;
    /** The cell is linked to the cell the user points at (its window, the outputs it feeds...). */
    public static final int LINKED = 1 << 3;
    /** No window ever reads this cell (the stride leaves it out). */
    public static final int UNCOVERED = 1 << 4;
    /** An output not computed yet at this step. */
    public static final int PENDING = 1 << 5;
    /** The value a max pooling window chose. */
    public static final int CHOSEN = 1 << 6;
    /** The cell the user selected (clicked). */
    public static final int SELECTED = 1 << 7;
    /** The input cell a hovered padding cell copies its value from. */
    public static final int SOURCE = 1 << 8;
    /** A cell another part of the app points at, such as a lesson step. */
    public static final int MARKED = 1 << 9;

    /** CSS pseudo-class names in bit order. */
    public static final java.util.List<String> NAMES = java.util.List.of("in-window", "current", "read", "linked",
            "uncovered", "pending", "chosen", "selected", "source", "marked");

    private CellFlags() {
    }

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
