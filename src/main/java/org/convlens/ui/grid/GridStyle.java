package org.convlens.ui.grid;

import javafx.scene.paint.Color;

import java.util.List;

/**
 * The colours, fonts and sizes a {@link GridPainter} draws with, as one immutable value: what the
 * stylesheet gives a {@link GridView}'s CSS properties at one moment (see {@code css/GridView.css}
 * for the property of each). {@link #DEFAULT} holds the light theme's values, so a painter can be
 * used without a stylesheet (in tests) and every CSS property has its initial value here.
 *
 * @param cellFill       a cell with value 0 (and the middle of the colour scale)
 * @param textFill       numbers on light cells
 * @param textOnDark     numbers on dark cells
 * @param gridLine       the lines between cells
 * @param gridLineWidth  their width in pixels
 * @param negativeFill   the colour of the most negative value
 * @param positiveFill   the colour of the most positive value
 * @param paddingFill    the tint over padding cells
 * @param paddingBorder  the dashed line inside each padding cell
 * @param paddingText    numbers in padding cells (italic)
 * @param insertedFill   a zero inserted between input cells (transposed convolution)
 * @param insertedText   its number
 * @param innerLine      the line between the input and its padding ring
 * @param headerText     the row and column coordinates
 * @param fontFamily     the family of numbers and coordinates
 * @param fontSize       the numbers' size at the preferred cell side (grows with larger cells)
 * @param headerFontSize the coordinates' size at the preferred cell side
 * @param minFontSize    no number is drawn smaller: a shorter form or none (the tooltip has it)
 * @param prefCell       the cell side a grid asks for when its caller sets none
 * @param minCell        the smallest cell side a grid asks for when its caller sets none
 * @param states         the look of each {@link CellFlags} state, in bit order
 */
public record GridStyle(Color cellFill, Color textFill, Color textOnDark, Color gridLine, double gridLineWidth,
                        Color negativeFill, Color positiveFill, Color paddingFill, Color paddingBorder,
                        Color paddingText, Color insertedFill, Color insertedText, Color innerLine, Color headerText,
                        String fontFamily, double fontSize, double headerFontSize, double minFontSize,
                        double prefCell, double minCell, List<StateLook> states) {

    /**
     * How cells in one state look.
     *
     * @param fill        a tint laid over the cell (for {@code pending}: the cell's whole fill)
     * @param border      the outline (for {@code uncovered}: the hatching)
     * @param borderWidth the outline's width in pixels; 0 for none
     */
    public record StateLook(Color fill, Color border, double borderWidth) {
    }

    public GridStyle {
        states = List.copyOf(states);
        if (states.size() != CellFlags.NAMES.size()) {
            throw new IllegalArgumentException("a look for each of " + CellFlags.NAMES + ", got " + states.size());
        }
    }

    /** The light theme's look at the default zoom (a 14 px root font). */
    public static final GridStyle DEFAULT = new GridStyle(Color.web("#ffffff"), Color.web("#111111"),
            Color.web("#ffffff"), Color.web("#9a9a9a"), 1, Color.web("#0072b2"), Color.web("#e69f00"),
            Color.rgb(120, 120, 120, 0.28), Color.web("#6b6b6b"), Color.web("#333333"), Color.web("#e4e4e4"),
            Color.web("#6b6b6b"), Color.web("#111111"), Color.web("#5a5a5a"), "DejaVu Sans", 21, 11.9, 9, 69.3,
            18.9, List.of(
                    new StateLook(Color.rgb(213, 94, 0, 0.10), Color.web("#d55e00"), 3),   // in-window
                    new StateLook(Color.rgb(240, 228, 66, 0.55), Color.BLACK, 5),          // current
                    new StateLook(Color.rgb(213, 94, 0, 0.22), Color.web("#d55e00"), 3),   // read
                    new StateLook(Color.rgb(0, 158, 115, 0.30), Color.web("#009e73"), 4),  // linked
                    new StateLook(Color.TRANSPARENT, Color.web("#cc79a7"), 0),             // uncovered
                    new StateLook(Color.web("#eeeeee"), Color.TRANSPARENT, 0),             // pending
                    new StateLook(Color.rgb(240, 228, 66, 0.55), Color.BLACK, 5),          // chosen
                    new StateLook(Color.TRANSPARENT, Color.web("#cc79a7"), 3),             // selected
                    new StateLook(Color.rgb(0, 158, 115, 0.30), Color.web("#009e73"), 2),  // source
                    new StateLook(Color.rgb(0, 114, 178, 0.15), Color.web("#0072b2"), 5)));// marked

    /** The look of state {@code bit} (the index of a {@link CellFlags} bit: 0 for in-window...). */
    public StateLook state(int bit) {
        return states.get(bit);
    }
}
