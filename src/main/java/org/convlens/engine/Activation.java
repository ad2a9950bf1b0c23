package org.convlens.engine;

/** The function applied to each convolution output after the bias: PyTorch's names and formulas. */
public final class Activation {
    /** The kinds, with their spec names. */
    public enum Type implements Named {
        NONE("none"), RELU("relu"), LEAKY_RELU("leaky_relu"), SIGMOID("sigmoid"), TANH("tanh");

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

    /** PyTorch's default negative slope for leaky_relu. */
    public static final float DEFAULT_SLOPE = 0.01f;

    public static final Activation NONE = new Activation(Type.NONE, DEFAULT_SLOPE);
    public static final Activation RELU = new Activation(Type.RELU, DEFAULT_SLOPE);
    public static final Activation SIGMOID = new Activation(Type.SIGMOID, DEFAULT_SLOPE);
    public static final Activation TANH = new Activation(Type.TANH, DEFAULT_SLOPE);

    private final Type type;
    private final float slope;

    private Activation(Type type, float slope) {
        this.type = type;
        this.slope = slope;
    }

    public static Activation of(Type type) {
        return type == Type.LEAKY_RELU ? leakyRelu(DEFAULT_SLOPE) : new Activation(type, DEFAULT_SLOPE);
    }

    /** leaky_relu(x) = x for x >= 0, slope * x below. */
    public static Activation leakyRelu(float slope) {
        if (!Float.isFinite(slope)) {
            throw new SpecException("$.activation.slope", "error.notFinite");
        }
        return new Activation(Type.LEAKY_RELU, slope);
    }

    public Type type() {
        return type;
    }

    /** The negative slope (only meaningful for leaky_relu). */
    public float slope() {
        return slope;
    }

    public float apply(float x) {
        switch (type) {
            case NONE:
                return x;
            case RELU:
                // As applyInPlace and PyTorch: NaN stays NaN (a test "x > 0 ? x : 0" would make it 0).
                return Math.max(x, 0f);
            case LEAKY_RELU:
                return x >= 0f ? x : x * slope;
            case SIGMOID:
                return (float) (1.0 / (1.0 + Math.exp(-x)));
            case TANH:
                return (float) Math.tanh(x);
            default:
                throw new AssertionError(type);
        }
    }

    /** Applies the function in place to {@code a[from, to)}. */
    public void applyInPlace(float[] a, int from, int to) {
        switch (type) {
            case NONE:
                return;
            case RELU:
                for (int i = from; i < to; i++) {
                    a[i] = Math.max(a[i], 0f);
                }
                return;
            case LEAKY_RELU:
                float s = slope;
                for (int i = from; i < to; i++) {
                    float v = a[i];
                    a[i] = v >= 0f ? v : v * s;
                }
                return;
            default:
                for (int i = from; i < to; i++) {
                    a[i] = apply(a[i]);
                }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation a && a.type == type && (type != Type.LEAKY_RELU || a.slope == slope);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + (type == Type.LEAKY_RELU ? Float.hashCode(slope) : 0);
    }

    @Override
    public String toString() {
        return type == Type.LEAKY_RELU ? type.id() + "(" + slope + ")" : type.id();
    }
}
