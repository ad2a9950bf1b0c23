package org.convlens.engine;

import java.util.Arrays;

/**
 * Convolution weights as PyTorch lays them out: for an ordinary convolution
 * {@code out_channels x (in_channels / groups) x kh x kw}; for a transposed one
 * {@code in_channels x (out_channels / groups) x kh x kw}. Row-major in one array, owned (not copied).
 * A value: two kernels of the same shape and weights are {@code equals}.
 *
 * @param dim0 output channels (ordinary) or input channels (transposed)
 * @param dim1 input channels per group (ordinary) or output channels per group (transposed)
 * @param data the weights, row-major; not a copy
 */
public record Kernel(int dim0, int dim1, int height, int width, float[] data) {
    public Kernel {
        if (dim0 < 1 || dim1 < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("kernel dimensions must be at least 1, got "
                    + dim0 + "x" + dim1 + "x" + height + "x" + width);
        }
        long size = (long) dim0 * dim1 * height * width;
        if (data.length != size) {
            throw new IllegalArgumentException("kernel data has " + data.length + " values, needs " + size);
        }
    }

    /** A 1 x 1 x kh x kw kernel from rows (copied). */
    public static Kernel of(float[][] rows) {
        Tensor t = Tensor.of(rows);
        return new Kernel(1, 1, t.height(), t.width(), t.data());
    }

    public static Kernel of(int[][] rows) {
        Tensor t = Tensor.of(rows);
        return new Kernel(1, 1, t.height(), t.width(), t.data());
    }

    public float get(int i0, int i1, int ky, int kx) {
        return data[((i0 * dim1 + i1) * height + ky) * width + kx];
    }

    /** Number of weights. */
    public int size() {
        return data.length;
    }

    /** The same kernel rotated 180 degrees in each kh x kw slice: true convolution. */
    public Kernel rotated180() {
        float[] r = new float[data.length];
        int plane = height * width;
        for (int s = 0; s < dim0 * dim1; s++) {
            for (int i = 0; i < plane; i++) {
                r[s * plane + i] = data[s * plane + plane - 1 - i];
            }
        }
        return new Kernel(dim0, dim1, height, width, r);
    }

    /** Shape as {@code [dim0, dim1, kh, kw]}. */
    public int[] shape() {
        return new int[] {dim0, dim1, height, width};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kernel k && k.dim0 == dim0 && k.dim1 == dim1 && k.height == height && k.width == width
                && Arrays.equals(k.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Kernel[" + dim0 + "x" + dim1 + "x" + height + "x" + width + "]";
    }
}
