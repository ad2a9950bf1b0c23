package org.convlens.engine;

import java.util.Arrays;

/**
 * A float32 tensor of shape channels x height x width, stored row-major in one array
 * ({@code data[(c * height + y) * width + x]}), as PyTorch stores a contiguous C x H x W tensor.
 *
 * <p>The array is owned by the tensor: constructors copy nothing, so callers that hand an array
 * in must not change it afterwards. {@link #get} and {@link #set} are for small grids and tests;
 * the fast engine reads {@link #data()} directly.
 */
public final class Tensor {
    private final int channels;
    private final int height;
    private final int width;
    private final float[] data;

    /** A zero-filled tensor. */
    public Tensor(int channels, int height, int width) {
        this(channels, height, width, new float[checkedSize(channels, height, width)]);
    }

    /**
     * Wraps {@code data} (not copied) as a channels x height x width tensor.
     *
     * @throws IllegalArgumentException if a dimension is below 1 or the array length does not match
     */
    public Tensor(int channels, int height, int width, float[] data) {
        long size = checkedSize(channels, height, width);
        if (data.length != size) {
            throw new IllegalArgumentException("data has " + data.length + " values, shape "
                    + channels + "x" + height + "x" + width + " needs " + size);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.data = data;
    }

    private static int checkedSize(int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("tensor dimensions must be at least 1, got "
                    + channels + "x" + height + "x" + width);
        }
        long size = (long) channels * height * width;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("tensor of " + size + " values is too large");
        }
        return (int) size;
    }

    /** A single-channel tensor from rows of equal length (copied). */
    public static Tensor of(float[][] rows) {
        int h = rows.length;
        int w = h == 0 ? 0 : rows[0].length;
        Tensor t = new Tensor(1, h, w);
        for (int y = 0; y < h; y++) {
            if (rows[y].length != w) {
                throw new IllegalArgumentException("row " + y + " has " + rows[y].length + " values, row 0 has " + w);
            }
            System.arraycopy(rows[y], 0, t.data, y * w, w);
        }
        return t;
    }

    /** A single-channel tensor from integer rows, for worked examples. */
    public static Tensor of(int[][] rows) {
        float[][] f = new float[rows.length][];
        for (int y = 0; y < rows.length; y++) {
            f[y] = new float[rows[y].length];
            for (int x = 0; x < rows[y].length; x++) {
                f[y][x] = rows[y][x];
            }
        }
        return of(f);
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Values per channel plane, height x width. */
    public int planeSize() {
        return height * width;
    }

    /** The backing array, row-major C x H x W; not a copy. */
    public float[] data() {
        return data;
    }

    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    public void set(int c, int y, int x, float value) {
        data[(c * height + y) * width + x] = value;
    }

    /** Shape as {@code [C, H, W]}. */
    public int[] shape() {
        return new int[] {channels, height, width};
    }

    public Tensor copy() {
        return new Tensor(channels, height, width, data.clone());
    }

    /** One channel as its own single-channel tensor (copied). */
    public Tensor channel(int c) {
        float[] plane = new float[planeSize()];
        System.arraycopy(data, c * planeSize(), plane, 0, planeSize());
        return new Tensor(1, height, width, plane);
    }

    /** Rows of one channel as a 2-D array (copied). */
    public float[][] rows(int c) {
        float[][] r = new float[height][width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(data, (c * height + y) * width, r[y], 0, width);
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.channels == channels && t.height == height && t.width == width
                && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor[" + channels + "x" + height + "x" + width + "]";
    }
}
