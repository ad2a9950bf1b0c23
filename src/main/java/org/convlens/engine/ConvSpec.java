package org.convlens.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Every setting of one convolution layer, with PyTorch's meanings. Immutable; build with
 * {@link #builder(Kernel)}. Stages run in this order: pad, convolve (+ bias), activate, pool.
 *
 * <p>As in deep learning, "convolution" here is cross-correlation: the kernel is not flipped.
 * {@link Builder#flip(boolean) flip(true)} rotates it 180 degrees first, which gives true
 * (signal-processing) convolution.
 *
 * <p>A value: two specs with the same settings are {@code equals} (the kernel and bias by
 * content), so "the same scenario" needs no hand-written comparison. A spec is checked against
 * an input's shape by {@link ConvPlan#of(ConvSpec, int, int, int)}; the group and channel checks
 * live there only.
 */
public record ConvSpec(Kernel kernel, float[] bias, int strideY, int strideX, int dilationY, int dilationX,
                       Padding padding, PaddingMode paddingMode, int groups, boolean flip, Activation activation,
                       PoolSpec pool, boolean transposed, int outputPaddingY, int outputPaddingX) {
    /**
     * Every setting, checked as the builder checks it (a {@link SpecException} naming the field).
     *
     * @param bias one bias per output channel (not copied), or null for none (all zero)
     * @param pool the pooling stage, or null for none
     */
    public ConvSpec {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(paddingMode, "paddingMode");
        Objects.requireNonNull(activation, "activation");
        checkBias(bias);
        checkAtLeastOne("$.stride", strideY, strideX);
        checkAtLeastOne("$.dilation", dilationY, dilationX);
        if (groups < 1) {
            throw new SpecException("$.groups", "error.atLeastOne", groups);
        }
        checkOutputPadding(outputPaddingY, outputPaddingX);
        for (float v : kernel.data()) {
            if (!Float.isFinite(v)) {
                throw new SpecException("$.kernel", "error.notFinite");
            }
        }
    }

    public static Builder builder(Kernel kernel) {
        return new Builder(kernel);
    }

    /** A builder holding this spec's settings. */
    public Builder toBuilder() {
        Builder b = new Builder(kernel);
        b.bias = bias;
        b.strideY = strideY;
        b.strideX = strideX;
        b.dilationY = dilationY;
        b.dilationX = dilationX;
        b.padding = padding;
        b.paddingMode = paddingMode;
        b.groups = groups;
        b.flip = flip;
        b.activation = activation;
        b.pool = pool;
        b.transposed = transposed;
        b.outputPaddingY = outputPaddingY;
        b.outputPaddingX = outputPaddingX;
        return b;
    }

    /** One bias per output channel, or null for none (all zero). Not a copy. */
    @Override
    public float[] bias() {
        return bias;
    }

    /** The pooling stage, or null for none. */
    @Override
    public PoolSpec pool() {
        return pool;
    }

    /**
     * Output channels the kernel gives: its first dimension, or for a transposed kernel the second
     * times the groups. (Whether the groups fit the input is {@link ConvPlan}'s to check.)
     */
    public int outChannels() {
        return transposed ? kernel.dim1() * groups : kernel.dim0();
    }

    /**
     * Equal when every setting is equal, the kernel and the bias by content. A missing bias
     * equals a bias of (positive) zeros, one per output channel: both compute the same layer.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConvSpec s && kernel.equals(s.kernel) && sameBias(s) && sameLayout(s)
                && activation.equals(s.activation) && Objects.equals(pool, s.pool);
    }

    /**
     * True when {@code s} lays out the same cells: the same kernel shape, stride, dilation,
     * padding and its mode, groups, flip and transposition. The kernel's values, the bias, the
     * activation and the pooling may differ (a training step's next weights).
     */
    public boolean sameLayout(ConvSpec s) {
        Kernel l = s.kernel;
        return kernel.dim0() == l.dim0() && kernel.dim1() == l.dim1() && kernel.height() == l.height()
                && kernel.width() == l.width()
                && strideY == s.strideY && strideX == s.strideX && dilationY == s.dilationY && dilationX == s.dilationX
                && padding.equals(s.padding) && paddingMode == s.paddingMode && groups == s.groups && flip == s.flip
                && transposed == s.transposed && outputPaddingY == s.outputPaddingY && outputPaddingX == s.outputPaddingX;
    }

    private boolean sameBias(ConvSpec s) {
        if (bias == null || s.bias == null) {
            float[] b = bias == null ? s.bias : bias;
            return b == null || b.length == outChannels() && allPositiveZero(b);
        }
        return Arrays.equals(bias, s.bias);
    }

    private static boolean allPositiveZero(float[] b) {
        for (float v : b) {
            if (Float.floatToRawIntBits(v) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = kernel.hashCode();
        h = 31 * h + (bias == null || allPositiveZero(bias) ? 0 : Arrays.hashCode(bias));
        h = 31 * h + Objects.hash(strideY, strideX, dilationY, dilationX, padding, paddingMode, groups, flip,
                activation, pool, transposed, outputPaddingY, outputPaddingX);
        return h;
    }

    @Override
    public String toString() {
        return "ConvSpec[kernel=" + kernel + ", bias=" + Arrays.toString(bias) + ", stride=" + strideY + "x" + strideX
                + ", dilation=" + dilationY + "x" + dilationX + ", padding=" + padding + " " + paddingMode.id()
                + ", groups=" + groups + ", flip=" + flip + ", activation=" + activation + ", pool=" + pool
                + ", transposed=" + transposed + ", outputPadding=" + outputPaddingY + "x" + outputPaddingX + "]";
    }

    private static void checkBias(float[] b) {
        if (b != null) {
            for (int i = 0; i < b.length; i++) {
                if (!Float.isFinite(b[i])) {
                    throw new SpecException("$.bias[" + i + "]", "error.notFinite");
                }
            }
        }
    }

    private static void checkAtLeastOne(String field, int y, int x) {
        if (y < 1 || x < 1) {
            throw new SpecException(field, "error.atLeastOne", y + "x" + x);
        }
    }

    private static void checkOutputPadding(int oy, int ox) {
        if (oy < 0 || ox < 0) {
            throw new SpecException("$.output_padding", "error.padding.negative", oy, oy, ox, ox);
        }
    }

    /** Builds a {@link ConvSpec}; each setter checks what it can without knowing the input. */
    public static final class Builder {
        private Kernel kernel;
        private float[] bias;
        private int strideY = 1;
        private int strideX = 1;
        private int dilationY = 1;
        private int dilationX = 1;
        private Padding padding = Padding.VALID;
        private PaddingMode paddingMode = PaddingMode.ZEROS;
        private int groups = 1;
        private boolean flip;
        private Activation activation = Activation.NONE;
        private PoolSpec pool;
        private boolean transposed;
        private int outputPaddingY;
        private int outputPaddingX;

        private Builder(Kernel kernel) {
            this.kernel = Objects.requireNonNull(kernel, "kernel");
        }

        public Builder kernel(Kernel k) {
            this.kernel = Objects.requireNonNull(k, "kernel");
            return this;
        }

        /** One bias per output channel (not copied), or null for none. */
        public Builder bias(float[] b) {
            checkBias(b);
            this.bias = b;
            return this;
        }

        public Builder stride(int s) {
            return stride(s, s);
        }

        public Builder stride(int sy, int sx) {
            checkAtLeastOne("$.stride", sy, sx);
            this.strideY = sy;
            this.strideX = sx;
            return this;
        }

        public Builder dilation(int d) {
            return dilation(d, d);
        }

        public Builder dilation(int dy, int dx) {
            checkAtLeastOne("$.dilation", dy, dx);
            this.dilationY = dy;
            this.dilationX = dx;
            return this;
        }

        public Builder padding(Padding p) {
            this.padding = Objects.requireNonNull(p, "padding");
            return this;
        }

        public Builder paddingMode(PaddingMode m) {
            this.paddingMode = Objects.requireNonNull(m, "paddingMode");
            return this;
        }

        public Builder groups(int g) {
            if (g < 1) {
                throw new SpecException("$.groups", "error.atLeastOne", g);
            }
            this.groups = g;
            return this;
        }

        public Builder flip(boolean f) {
            this.flip = f;
            return this;
        }

        public Builder activation(Activation a) {
            this.activation = Objects.requireNonNull(a, "activation");
            return this;
        }

        /** The pooling stage, or null for none. */
        public Builder pool(PoolSpec p) {
            this.pool = p;
            return this;
        }

        public Builder transposed(boolean t) {
            this.transposed = t;
            return this;
        }

        public Builder outputPadding(int oy, int ox) {
            checkOutputPadding(oy, ox);
            this.outputPaddingY = oy;
            this.outputPaddingX = ox;
            return this;
        }

        public ConvSpec build() {
            return new ConvSpec(kernel, bias, strideY, strideX, dilationY, dilationX, padding, paddingMode, groups, flip,
                    activation, pool, transposed, outputPaddingY, outputPaddingX);
        }
    }
}
