package org.convlens.engine;

/**
 * Pooling after the activation, as PyTorch's max_pool2d / avg_pool2d: window kh x kw, stride
 * (default: the window size), symmetric zero-or-minus-infinity padding per axis, {@code ceil_mode},
 * and for average pooling {@code count_include_pad}. A value: equal settings are {@code equals}.
 *
 * @param kernelHeight window rows
 * @param kernelWidth window columns
 * @param padY padding above and below
 * @param padX padding left and right
 */
public record PoolSpec(Type type, int kernelHeight, int kernelWidth, int strideY, int strideX, int padY, int padX,
                       boolean ceilMode, boolean countIncludePad) {
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

    /**
     * @throws SpecException for sizes or strides below 1, negative padding, or padding over half the window
     */
    public PoolSpec {
        java.util.Objects.requireNonNull(type, "type");
        if (kernelHeight < 1 || kernelWidth < 1) {
            throw new SpecException("$.pool.size", "error.atLeastOne", kernelHeight + "x" + kernelWidth);
        }
        if (strideY < 1 || strideX < 1) {
            throw new SpecException("$.pool.stride", "error.atLeastOne", strideY + "x" + strideX);
        }
        if (padY < 0 || padX < 0) {
            throw new SpecException("$.pool.padding", "error.padding.negative", padY, padY, padX, padX);
        }
        if (2L * padY > kernelHeight || 2L * padX > kernelWidth) {
            throw new SpecException("$.pool.padding", "error.pool.paddingOverHalf", padY, padX, kernelHeight, kernelWidth);
        }
    }

    /** A size x size window with stride = size and no padding. */
    public static PoolSpec of(Type type, int size) {
        return new PoolSpec(type, size, size, size, size, 0, 0, false, true);
    }
}
