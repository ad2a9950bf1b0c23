package org.convlens.ui.grid;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Draws a {@link GridPicture} with a {@link GridStyle} at a {@link GridGeometry}: each cell's fill
 * (its value on the colour scale, tinted by its kind and states), hatching, number, grid lines and
 * state outlines; the line around the real input; the coordinates. What a cell looks like
 * ({@link #look}, {@link #outlines}) and which cells a change repaints ({@link #changedCells}) are
 * plain computations, tested without a window; the {@code paint} methods only issue them to a
 * {@link GraphicsContext}.
 *
 * <p>Every pixel belongs to one cell (its top and left grid lines; the last row and column also
 * own the outer edge), so repainting some cells in any order gives the same picture as painting
 * all of them: that is what lets a step repaint only the cells it changes. Lines are filled
 * rectangles on whole pixels: no stroking, which software rendering does slowly.
 */
public final class GridPainter {
    /** Outline order, weakest first so the strongest is drawn on top: selected, marked, linked, source, in-window, read, chosen, current. */
    private static final int[] OUTLINE_ORDER = {7, 9, 3, 8, 0, 2, 6, 1};
    private static final int PENDING_BIT = Integer.numberOfTrailingZeros(CellFlags.PENDING);
    private static final int SELECTED_BIT = Integer.numberOfTrailingZeros(CellFlags.SELECTED);
    /** Below this luminance a cell's number is drawn in the style's text-on-dark colour. */
    static final double DARK = 0.45;

    private final GridStyle style;
    private final double charWidth;
    private final Map<Integer, Font> fonts = new HashMap<>();

    /**
     * @param style     what to draw with
     * @param charWidth the width of a bold digit per pixel of font size (see {@link #measureCharWidth})
     */
    public GridPainter(GridStyle style, double charWidth) {
        this.style = Objects.requireNonNull(style);
        this.charWidth = charWidth;
    }

    /** A painter for {@code style}, its digit width measured with the JavaFX text engine. */
    public static GridPainter of(GridStyle style) {
        return new GridPainter(style, measureCharWidth(style.fontFamily()));
    }

    /** Width of a bold "8" per pixel of font size in {@code family} (needs the JavaFX toolkit). */
    public static double measureCharWidth(String family) {
        Text t = new Text("8");
        t.setFont(Font.font(family, FontWeight.BOLD, 100));
        return t.getLayoutBounds().getWidth() / 100;
    }

    public GridStyle style() {
        return style;
    }

    // What a cell looks like

    /**
     * How one cell looks.
     *
     * @param fill     its fill
     * @param text     its number and font size, or null for none
     * @param italic   true for a padding cell's number
     * @param textFill the number's colour
     */
    public record Look(Color fill, TextFit.Fit text, boolean italic, Color textFill) {
    }

    /** How cell (r, c) of {@code p} looks in cells of side {@code s}. */
    public Look look(GridPicture p, int r, int c, double s) {
        Color fill = fill(p, r, c, style);
        int f = p.flags(r, c);
        byte kind = p.kind(r, c);
        String text = p.text(r, c);
        TextFit.Fit fit = null;
        if (text != null && !text.isEmpty() && !CellFlags.has(f, CellFlags.PENDING)) {
            fit = TextFit.number(text, p.value(r, c), s, style, charWidth);
        }
        Color ink;
        if (luminance(fill) < DARK) {
            ink = style.textOnDark();
        } else {
            ink = kind == GridPicture.PADDING ? style.paddingText()
                    : kind == GridPicture.INSERTED ? style.insertedText() : style.textFill();
        }
        return new Look(fill, fit, kind == GridPicture.PADDING, ink);
    }

    /** The fill of cell (r, c): its value on the colour scale, or its kind's, tinted by its states. */
    public static Color fill(GridPicture p, int r, int c, GridStyle st) {
        int f = p.flags(r, c);
        byte kind = p.kind(r, c);
        float v = p.value(r, c);
        Color fill;
        if (CellFlags.has(f, CellFlags.PENDING)) {
            fill = st.state(PENDING_BIT).fill();
        } else if (kind == GridPicture.INSERTED) {
            fill = st.insertedFill();
        } else if (Float.isNaN(v)) {
            fill = st.cellFill();
        } else {
            double scale = p.scale() > 0 ? p.scale() : 1f;
            double t = Math.min(1.0, Math.abs(v) / scale);
            fill = st.cellFill().interpolate(v < 0 ? st.negativeFill() : st.positiveFill(), t * 0.85);
        }
        if (kind == GridPicture.PADDING) {
            fill = blend(fill, st.paddingFill());
        }
        for (int i = 0; i < st.states().size(); i++) {
            if (i != PENDING_BIT && (f & (1 << i)) != 0) {
                fill = blend(fill, st.state(i).fill());
            }
        }
        return fill;
    }

    /** The state bits whose outline a cell with {@code flags} gets, in drawing order (strongest last). */
    public static int[] outlines(int flags, GridStyle st) {
        int[] out = new int[OUTLINE_ORDER.length];
        int n = 0;
        for (int i : OUTLINE_ORDER) {
            if ((flags & (1 << i)) != 0 && st.state(i).borderWidth() > 0) {
                out[n++] = i;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** Width of an outline of {@code width} in cells of side {@code s}: whole pixels, at most a fifth of the cell. */
    static double outlineWidth(double width, double s) {
        return Math.max(1, Math.round(Math.min(width, s / 5)));
    }

    /**
     * The cells that differ between two pictures of the same shape, row-major; null when the
     * whole grid must be drawn (another shape, colour scale or input frame, or a third of the
     * cells or more changed: then one full pass is cheaper).
     */
    public static int[] changedCells(GridPicture old, GridPicture now) {
        if (old == null || now == null || old.rows() != now.rows() || old.cols() != now.cols()
                || old.scale() != now.scale() || !java.util.Arrays.equals(old.inner(), now.inner())) {
            return null;
        }
        int n = now.rows() * now.cols();
        int[] changed = new int[n];
        int count = 0;
        for (int r = 0; r < now.rows(); r++) {
            for (int c = 0; c < now.cols(); c++) {
                if (old.flags(r, c) != now.flags(r, c) || old.kind(r, c) != now.kind(r, c)
                        || Float.compare(old.value(r, c), now.value(r, c)) != 0
                        || !Objects.equals(old.text(r, c), now.text(r, c))) {
                    changed[count++] = now.index(r, c);
                }
            }
        }
        return count * 3 < n ? java.util.Arrays.copyOf(changed, count) : null;
    }

    // Painting

    /** Paints cell (r, c): fill, hatching, number, its grid lines and its state outlines. */
    public void paintCell(GraphicsContext g, GridPicture p, GridGeometry geo, int r, int c) {
        double s = geo.cell();
        double x = geo.cellX(c);
        double y = geo.cellY(r);
        int f = p.flags(r, c);
        Look look = look(p, r, c, s);
        g.setLineDashes((double[]) null);
        g.setFill(look.fill());
        g.fillRect(x, y, s, s);
        if (CellFlags.has(f, CellFlags.UNCOVERED)) {
            hatch(g, x + 1, y + 1, s - 2, style.state(Integer.numberOfTrailingZeros(CellFlags.UNCOVERED)).border());
        }
        if (look.text() != null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(font(look.text().size(), look.italic()));
            g.setFill(look.textFill());
            g.fillText(look.text().text(), x + s / 2, y + s / 2 + 0.5);
        }
        double lw = geo.line();
        g.setFill(style.gridLine());
        g.fillRect(x, y, s, lw);
        g.fillRect(x, y, lw, s);
        if (c == p.cols() - 1) {
            g.fillRect(x + s, y, lw, s + lw);
        }
        if (r == p.rows() - 1) {
            g.fillRect(x, y + s, s + lw, lw);
        }
        if (p.kind(r, c) == GridPicture.PADDING) {
            g.setStroke(style.paddingBorder());
            g.setLineWidth(Math.max(2, s / 14));
            g.setLineDashes(Math.max(3, s / 6), Math.max(3, s / 8));
            g.strokeRect(x + 2.5, y + 2.5, s - 5, s - 5);
            g.setLineDashes((double[]) null);
        }
        for (int i : outlines(f, style)) {
            GridStyle.StateLook st = style.state(i);
            double w = outlineWidth(st.borderWidth(), s);
            if (i == SELECTED_BIT) {
                g.setStroke(st.border());
                g.setLineWidth(w);
                g.setLineDashes(Math.max(3, s / 8), Math.max(2, s / 12));
                g.strokeRect(x + w / 2, y + w / 2, s - w, s - w);
                g.setLineDashes((double[]) null);
            } else {
                frame(g, st.border(), x, y, s, s, w);
            }
        }
        g.setLineDashes((double[]) null);
    }

    /** Paints the line between the input and its padding ring, if the picture has one. */
    public void paintInner(GraphicsContext g, GridPicture p, GridGeometry geo) {
        int[] inner = p.inner();
        if (inner == null) {
            return;
        }
        double s = geo.cell();
        g.setLineDashes((double[]) null);
        g.setStroke(style.innerLine());
        g.setLineWidth(Math.max(2, s / 16));
        g.strokeRect(geo.cellX(inner[2]), geo.cellY(inner[0]), (inner[3] - inner[2]) * s, (inner[1] - inner[0]) * s);
    }

    /** Paints the row and column coordinates in the header band (those that fit). */
    public void paintHeaders(GraphicsContext g, GridPicture p, GridGeometry geo) {
        if (geo.header() <= 0) {
            return;
        }
        double s = geo.cell();
        double size = TextFit.headerSize(s, geo.header(), style);
        g.setFont(Font.font(style.fontFamily(), FontWeight.NORMAL, size));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(style.headerText());
        int every = TextFit.headerStride(p, size, s);
        for (int c = 0; c < p.cols(); c += every) {
            String h = p.colHeader(c);
            if (h != null) {
                g.fillText(h, geo.cellX(c) + s / 2, geo.originY() - geo.header() / 2);
            }
        }
        for (int r = 0; r < p.rows(); r++) {
            String h = p.rowHeader(r);
            if (h != null && TextFit.fits(h, size, geo.header())) {
                g.fillText(h, geo.originX() - geo.header() / 2, geo.cellY(r) + s / 2);
            }
        }
    }

    private Font font(double size, boolean italic) {
        return fonts.computeIfAbsent((int) size * 2 + (italic ? 1 : 0), k -> Font.font(style.fontFamily(),
                FontWeight.BOLD, italic ? FontPosture.ITALIC : FontPosture.REGULAR, size));
    }

    /** A rectangle outline of width {@code w} inside (x, y, width, height), drawn as four fills. */
    private static void frame(GraphicsContext g, Paint paint, double x, double y, double width, double height,
                              double w) {
        g.setFill(paint);
        g.fillRect(x, y, width, w);
        g.fillRect(x, y + height - w, width, w);
        g.fillRect(x, y + w, w, height - 2 * w);
        g.fillRect(x + width - w, y + w, w, height - 2 * w);
    }

    private static void hatch(GraphicsContext g, double x, double y, double s, Paint paint) {
        g.setStroke(paint);
        g.setLineWidth(1.5);
        double step = Math.max(s / 4, 4);
        for (double d = step; d < 2 * s; d += step) {
            g.strokeLine(x + Math.max(0, d - s), y + Math.min(d, s), x + Math.min(d, s), y + Math.max(0, d - s));
        }
    }

    /** {@code over} laid on {@code under} with {@code over}'s opacity; the result is opaque. */
    static Color blend(Color under, Color over) {
        double a = over.getOpacity();
        if (a <= 0) {
            return under;
        }
        return new Color(under.getRed() * (1 - a) + over.getRed() * a, under.getGreen() * (1 - a)
                + over.getGreen() * a, under.getBlue() * (1 - a) + over.getBlue() * a, 1.0);
    }

    static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
