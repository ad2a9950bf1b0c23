package org.convlens.engine;

import java.util.Objects;

/**
 * Every setting of one convolution layer, with PyTorch's meanings. Immutable; build with
 * {@link #builder(Kernel)}. Stages run in this order: pad, convolve (+ bias), activate, pool.
 *
 * <p>As in deep learning, "convolution" here is cross-correlation: the kernel is not flipped.
 * {@link Builder#flip(boolean) flip(true)} rotates it 180 degrees first, which gives true
 * (signal-processing) convolution.
 *
 * <p>A spec is checked against an input's shape by {@link ConvPlan#of(ConvSpec, int, int, int)}.
 */
public final class ConvSpec {
    private final Kernel kernel;
    private final float[] bias;
    private final int strideY;
    private final int strideX;
    private final int dilationY;
    private final int dilationX;
    private final Padding padding;
    private final PaddingMode paddingMode;
    private final int groups;
    private final boolean flip;
    private final Activation activation;
    private final PoolSpec pool;
    private final boolean transposed;
    private final int outputPaddingY;
    private final int outputPaddingX;

    private ConvSpec(Builder b) {
        this.kernel = b.kernel;
        this.bias = b.bias;
        this.strideY = b.strideY;
        this.strideX = b.strideX;
        this.dilationY = b.dilationY;
        this.dilationX = b.dilationX;
        this.padding = b.padding;
        this.paddingMode = b.paddingMode;
        this.groups = b.groups;
        this.flip = b.flip;
        this.activation = b.activation;
        this.pool = b.pool;
        this.transposed = b.transposed;
        this.outputPaddingY = b.outputPaddingY;
        this.outputPaddingX = b.outputPaddingX;
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

    public Kernel kernel() {
        return kernel;
    }

    /** One bias per output channel, or null for none (all zero). Not a copy. */
    public float[] bias() {
        return bias;
    }

    public int strideY() {
        return strideY;
    }

    public int strideX() {
        return strideX;
    }

    public int dilationY() {
        return dilationY;
    }

    public int dilationX() {
        return dilationX;
    }

    public Padding padding() {
        return padding;
    }

    public PaddingMode paddingMode() {
        return paddingMode;
    }

    public int groups() {
        return groups;
    }

    public boolean flip() {
        return flip;
    }

    public Activation activation() {
        return activation;
    }

    /** The pooling stage, or null for none. */
    public PoolSpec pool() {
        return pool;
    }

    public boolean transposed() {
        return transposed;
    }

    public int outputPaddingY() {
        return outputPaddingY;
    }

    public int outputPaddingX() {
        return outputPaddingX;
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
            if (b != null) {
                for (int i = 0; i < b.length; i++) {
                    if (!Float.isFinite(b[i])) {
                        throw new SpecException("$.bias[" + i + "]", "error.notFinite");
                    }
                }
            }
            this.bias = b;
            return this;
        }

        public Builder stride(int s) {
            return stride(s, s);
        }

        public Builder stride(int sy, int sx) {
            if (sy < 1 || sx < 1) {
                throw new SpecException("$.stride", "error.atLeastOne", sy + "x" + sx);
            }
            this.strideY = sy;
            this.strideX = sx;
            return this;
        }

        public Builder dilation(int d) {
            return dilation(d, d);
        }

        public Builder dilation(int dy, int dx) {
            if (dy < 1 || dx < 1) {
                throw new SpecException("$.dilation", "error.atLeastOne", dy + "x" + dx);
            }
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
            if (oy < 0 || ox < 0) {
                throw new SpecException("$.output_padding", "error.padding.negative", oy, oy, ox, ox);
            }
            this.outputPaddingY = oy;
            this.outputPaddingX = ox;
            return this;
        }

        public ConvSpec build() {
            for (int i = 0; i < kernel.size(); i++) {
                if (!Float.isFinite(kernel.data()[i])) {
                    throw new SpecException("$.kernel", "error.notFinite");
                }
            }
            return new ConvSpec(this);
        }
    }
}
