package org.convlens.network;

/**
 * The shape of one map of a network: {@code channels x height x width}, or after {@code flatten}
 * or {@code linear} a flat vector of {@code channels} values (height and width 1). A vector is held
 * in a {@link org.convlens.engine.Tensor} of {@code N x 1 x 1}, in PyTorch's flatten order
 * (channel, then row, then column), so flattening moves no value.
 *
 * @param channels channels, or the number of values of a vector
 * @param height rows (1 for a vector)
 * @param width columns (1 for a vector)
 * @param flat true for a vector
 */
public record Shape(int channels, int height, int width, boolean flat) {
    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("shape dimensions must be at least 1, got "
                    + channels + "x" + height + "x" + width);
        }
        if (flat && (height != 1 || width != 1)) {
            throw new IllegalArgumentException("a vector has height and width 1");
        }
    }

    /** A {@code c x h x w} map. */
    public static Shape of(int c, int h, int w) {
        return new Shape(c, h, w, false);
    }

    /** A vector of {@code n} values. */
    public static Shape vector(int n) {
        return new Shape(n, 1, 1, true);
    }

    /** Number of values. */
    public long size() {
        return (long) channels * height * width;
    }

    /** {@code [C, H, W]}, or {@code [N]} for a vector (the command line's {@code "shape"}). */
    public int[] dims() {
        return flat ? new int[] {channels} : new int[] {channels, height, width};
    }

    /** {@code 6 x 28 x 28}, or {@code 120} for a vector. */
    @Override
    public String toString() {
        return flat ? Integer.toString(channels) : channels + " x " + height + " x " + width;
    }
}
