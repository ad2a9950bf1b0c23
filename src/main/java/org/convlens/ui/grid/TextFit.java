package org.convlens.ui.grid;

/**
 * How large a grid draws its numbers and coordinates for a cell side: text that grows with the
 * cell, so numbers stay readable from the back of a room when cells are large and at 1280 x 720
 * when they are small. Pure arithmetic over a {@link GridStyle}'s sizes.
 *
 * <p>A number's size for cells of side {@code s}, with F the style's font size and P its
 * preferred cell side (21 px and 69.3 px at the default zoom):
 * <ul>
 *   <li>{@code 0.46 s} for small cells, up to F; then F up to cells of side P; then {@code s F / P}
 *       (0.30 s), so a 120 px cell gets 36 px numbers and zoom (which scales F and P) scales both;</li>
 *   <li>never less than the style's minimum ({@value #MIN_FONT_DEFAULT} px by default) while the
 *       text fits the cell, then shrunk to fit the cell's width (90 %) and height (75 %);</li>
 *   <li>if even the minimum does not fit, a number with fewer decimals is tried (as long as a
 *       non-zero value does not read as 0), else the cell shows only its colour (the tooltip
 *       has the exact value).</li>
 * </ul>
 */
public final class TextFit {
    /** The default smallest number drawn, in pixels (DejaVu Sans Bold, on screen and projected). */
    public static final double MIN_FONT_DEFAULT = 9;
    /** Font size to cell side for small cells. */
    static final double SMALL_RATIO = 0.46;

    private TextFit() {
    }

    /**
     * A text to draw and its font size.
     *
     * @param text the text, possibly with fewer decimals than asked
     * @param size the font size in whole pixels
     */
    public record Fit(String text, double size) {
    }

    /** The size numbers get in cells of side {@code s} before fitting their text. */
    public static double numberSize(double s, GridStyle st) {
        double grown = st.prefCell() > 0 ? s * st.fontSize() / st.prefCell() : 0;
        return Math.max(Math.min(SMALL_RATIO * s, st.fontSize()), grown);
    }

    /**
     * What to draw in a cell of side {@code s} for {@code text}, the value {@code v} formatted.
     *
     * @param charWidth the width of one digit of the bold font, per pixel of font size
     * @return null when no form of the number is readable in the cell
     */
    public static Fit number(String text, float v, double s, GridStyle st, double charWidth) {
        double size = fitted(text, s, st, charWidth);
        if (size >= st.minFontSize()) {
            return new Fit(text, size);
        }
        for (int d = 2; d >= 0 && Float.isFinite(v); d--) {
            String shorter = NumberText.format(v, d);
            if (shorter.length() < text.length() && (v == 0 || !shorter.matches("\u2212?0"))) {
                text = shorter;
                size = fitted(text, s, st, charWidth);
                if (size >= st.minFontSize()) {
                    return new Fit(text, size);
                }
            }
        }
        return null;
    }

    /**
     * The smallest cell side at which every number of {@code p} is drawn in full (not shortened,
     * not left out), at least the style's minimum font size: a floor for a caller that fits
     * grids to a window and wants every number readable.
     */
    public static double smallestFullCell(GridPicture p, GridStyle st, double charWidth) {
        int longest = 1;
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.cols(); c++) {
                String t = p.text(r, c);
                longest = Math.max(longest, t == null ? 0 : t.length());
            }
        }
        double min = st.minFontSize();
        double s = Math.ceil(Math.max(min / 0.75, min * longest * charWidth / 0.9));
        while (fitted("8".repeat(longest), s, st, charWidth) < min) {
            s++;
        }
        return s;
    }

    private static double fitted(String text, double s, GridStyle st, double charWidth) {
        double size = Math.max(numberSize(s, st), st.minFontSize());
        double byWidth = 0.9 * s / Math.max(1, text.length() * charWidth);
        return Math.floor(Math.min(size, Math.min(byWidth, 0.75 * s)));
    }

    /** The coordinates' size before fitting the band: the style's, grown as numbers grow past the preferred side. */
    private static double headerBase(double s, GridStyle st) {
        return st.headerFontSize() * (st.prefCell() > 0 ? Math.max(1, s / st.prefCell()) : 1);
    }

    /**
     * Width of the header band for cells of side {@code s}: room for two coordinate heights, at
     * most 0.7 of a cell, and at least one and a half of the smallest font.
     */
    public static double headerExtent(double s, GridStyle st) {
        return Math.max(Math.min(0.7 * s, 2.2 * headerBase(s, st)), 1.5 * st.minFontSize());
    }

    /** The coordinates' font size for cells of side {@code s} in a band of width {@code band}. */
    public static double headerSize(double s, double band, GridStyle st) {
        double size = Math.min(headerBase(s, st), Math.max(0.5 * band, 0.32 * s));
        return Math.round(Math.max(st.minFontSize(), size));
    }

    /**
     * Every how many columns a coordinate is written over cells of side {@code s}, so that the
     * widest of them keeps a gap to the next: 1 when all fit, else 2, 5, 10... (the band shows
     * every second or fifth column rather than a run of digits).
     */
    public static int headerStride(GridPicture p, double size, double s) {
        double widest = 0;
        for (int c = 0; c < p.cols(); c++) {
            String h = p.colHeader(c);
            widest = Math.max(widest, h == null ? 0 : h.length() * size * 0.62);
        }
        double room = widest + 0.3 * size;
        for (int k : new int[] {1, 2, 5, 10, 20, 50, 100}) {
            if (k * s >= room) {
                return k;
            }
        }
        return Math.max(1, (int) Math.ceil(room / s));
    }

    /** True when {@code text} in a font of {@code size} fits {@code width} (regular digits are about 0.62 em). */
    public static boolean fits(String text, double size, double width) {
        return text.length() * size * 0.62 <= width * 0.98;
    }
}
