package org.convlens.engine;

/**
 * Pooling after the activation, as PyTorch's max_pool2d / avg_pool2d: window kh x kw, stride
 * (default: the window size), symmetric zero-or-minus-infinity padding per axis, {@code ceil_mode},
 * and for average pooling {@code count_include_pad}.
 */
public final class PoolSpec {
    /** max or avg. */
    public enum Type implements Named {
        MAX("max"), AVG("avg");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Type fromId(String id) {
            return Named.byId(Type.class, id);
        }
    }

    private final Type type;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int ph;
    private final int pw;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    /**
     * @throws SpecException for sizes or strides below 1, negative padding, or padding over half the window
     */
    public PoolSpec(Type type, int kh, int kw, int sh, int sw, int ph, int pw, boolean ceilMode, boolean countIncludePad) {
        if (kh < 1 || kw < 1) {
            throw new SpecException("$.pool.size", "error.atLeastOne", kh + "x" + kw);
        }
        if (sh < 1 || sw < 1) {
            throw new SpecException("$.pool.stride", "error.atLeastOne", sh + "x" + sw);
        }
        if (ph < 0 || pw < 0) {
            throw new SpecException("$.pool.padding", "error.padding.negative", ph, ph, pw, pw);
        }
        if (2 * ph > kh || 2 * pw > kw) {
            throw new SpecException("$.pool.padding", "error.pool.paddingOverHalf", ph, pw, kh, kw);
        }
        this.type = type;
        this.kh = kh;
        this.kw = kw;
        this.sh = sh;
        this.sw = sw;
        this.ph = ph;
        this.pw = pw;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    /** A size x size window with stride = size and no padding. */
    public static PoolSpec of(Type type, int size) {
        return new PoolSpec(type, size, size, size, size, 0, 0, false, true);
    }

    public Type type() {
        return type;
    }

    public int kernelHeight() {
        return kh;
    }

    public int kernelWidth() {
        return kw;
    }

    public int strideY() {
        return sh;
    }

    public int strideX() {
        return sw;
    }

    public int padY() {
        return ph;
    }

    public int padX() {
        return pw;
    }

    public boolean ceilMode() {
        return ceilMode;
    }

    public boolean countIncludePad() {
        return countIncludePad;
    }
}
