package org.convlens.ui.grid;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything a {@link GridView} draws, as plain immutable data: per cell the text, the value that
 * colours it, what kind of cell it is (input, padding, inserted zero) and its state flags
 * ({@link CellFlags}); plus row and column headers and the rectangle of the real input inside a
 * padding ring. A view-model builds pictures; the view only draws them, so equal pictures look
 * the same.
 */
public final class GridPicture {
    /** Cell kinds, as bytes. */
    public static final byte INPUT = 0;
    public static final byte PADDING = 1;
    public static final byte INSERTED = 2;

    private final int rows;
    private final int cols;
    private final String[] text;
    private final float[] values;
    private final byte[] kinds;
    private final int[] flags;
    private final float scale;
    private final String[] rowHeaders;
    private final String[] colHeaders;
    private final int[] inner;
    private final int hash;

    private GridPicture(int rows, int cols, String[] text, float[] values, byte[] kinds, int[] flags, float scale,
                        String[] rowHeaders, String[] colHeaders, int[] inner) {
        int n = rows * cols;
        if (text.length != n || values.length != n || kinds.length != n || flags.length != n) {
            throw new IllegalArgumentException("picture arrays do not match " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.text = text;
        this.values = values;
        this.kinds = kinds;
        this.flags = flags;
        this.scale = scale;
        this.rowHeaders = rowHeaders;
        this.colHeaders = colHeaders;
        this.inner = inner;
        this.hash = Objects.hash(rows, cols, Arrays.hashCode(text), Arrays.hashCode(values), Arrays.hashCode(kinds),
                Arrays.hashCode(flags), scale, Arrays.hashCode(rowHeaders), Arrays.hashCode(colHeaders),
                Arrays.hashCode(inner));
    }

    /**
     * A picture of plain input cells: values formatted with {@link NumberText#cell}, headers 0, 1, 2...
     */
    public static GridPicture of(int rows, int cols, float[] values) {
        Builder b = builder(rows, cols);
        for (int i = 0; i < values.length; i++) {
            b.value(i, values[i], NumberText.cell(values[i]));
        }
        return b.build();
    }

    public static Builder builder(int rows, int cols) {
        return new Builder(rows, cols);
    }

    /** The same cells with other state flags (the arrays of text and values are shared, not copied). */
    public GridPicture withFlags(int[] newFlags) {
        return new GridPicture(rows, cols, text, values, kinds, newFlags.clone(), scale, rowHeaders, colHeaders, inner);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int index(int r, int c) {
        return r * cols + c;
    }

    /** The text of cell (r, c); null or empty for none. */
    public String text(int r, int c) {
        return text[index(r, c)];
    }

    /** The value that colours cell (r, c); NaN for no colour. */
    public float value(int r, int c) {
        return values[index(r, c)];
    }

    public byte kind(int r, int c) {
        return kinds[index(r, c)];
    }

    public int flags(int r, int c) {
        return flags[index(r, c)];
    }

    /** A copy of all flags, row-major. */
    public int[] flags() {
        return flags.clone();
    }

    /** The largest absolute value: the colour scale runs from -scale to scale. */
    public float scale() {
        return scale;
    }

    /** Header over column {@code c} (its coordinate), or null. */
    public String colHeader(int c) {
        return colHeaders == null ? null : colHeaders[c];
    }

    public String rowHeader(int r) {
        return rowHeaders == null ? null : rowHeaders[r];
    }

    public boolean hasHeaders() {
        return rowHeaders != null;
    }

    /** The real input inside the padding ring as {@code [row0, row1, col0, col1)}, or null when there is no ring. */
    public int[] inner() {
        return inner == null ? null : inner.clone();
    }

    /** Count of cells that have {@code flag}. */
    public int count(int flag) {
        int n = 0;
        for (int f : flags) {
            n += (f & flag) != 0 ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof GridPicture p && p.hash == hash && p.rows == rows && p.cols == cols
                && Float.compare(p.scale, scale) == 0 && Arrays.equals(p.flags, flags) && Arrays.equals(p.kinds, kinds)
                && Arrays.equals(p.values, values) && Arrays.equals(p.text, text)
                && Arrays.equals(p.rowHeaders, rowHeaders) && Arrays.equals(p.colHeaders, colHeaders)
                && Arrays.equals(p.inner, inner);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("GridPicture " + rows + "x" + cols + "\n");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : "\t").append(text(r, c)).append(flags(r, c) != 0 ? "*" + flags(r, c) : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Fills a picture cell by cell. */
    public static final class Builder {
        private final int rows;
        private final int cols;
        private final String[] text;
        private final float[] values;
        private final byte[] kinds;
        private final int[] flags;
        private String[] rowHeaders;
        private String[] colHeaders;
        private int[] inner;
        private float scale = Float.NaN;

        private Builder(int rows, int cols) {
            if (rows < 1 || cols < 1) {
                throw new IllegalArgumentException("a picture needs at least one cell, got " + rows + "x" + cols);
            }
            this.rows = rows;
            this.cols = cols;
            int n = rows * cols;
            text = new String[n];
            values = new float[n];
            Arrays.fill(values, Float.NaN);
            kinds = new byte[n];
            flags = new int[n];
            rowHeaders = numbers(rows, 0);
            colHeaders = numbers(cols, 0);
        }

        private static String[] numbers(int n, int origin) {
            String[] s = new String[n];
            for (int i = 0; i < n; i++) {
                s[i] = NumberText.format(i + origin, 0);
            }
            return s;
        }

        public Builder value(int i, float v, String t) {
            values[i] = v;
            text[i] = t;
            return this;
        }

        public Builder kind(int i, byte k) {
            kinds[i] = k;
            return this;
        }

        public Builder flag(int i, int f) {
            flags[i] |= f;
            return this;
        }

        public Builder headers(String[] rowH, String[] colH) {
            this.rowHeaders = rowH;
            this.colHeaders = colH;
            return this;
        }

        public Builder noHeaders() {
            this.rowHeaders = null;
            this.colHeaders = null;
            return this;
        }

        public Builder inner(int r0, int r1, int c0, int c1) {
            this.inner = new int[] {r0, r1, c0, c1};
            return this;
        }

        /** The colour scale; by default the largest absolute value of the cells. */
        public Builder scale(float s) {
            this.scale = s;
            return this;
        }

        public GridPicture build() {
            float s = scale;
            if (Float.isNaN(s)) {
                s = 0f;
                for (float v : values) {
                    if (Float.isFinite(v)) {
                        s = Math.max(s, Math.abs(v));
                    }
                }
            }
            return new GridPicture(rows, cols, text, values, kinds, flags, s, rowHeaders, colHeaders, inner);
        }
    }
}
