package org.convlens.engine;

/**
 * Whether the vector path runs: only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the packaged app and {@code mvn javafx:run} are;
 * {@code java -jar} is not, so the command line prints no incubator warning), and not turned off
 * with {@code -Dconvlens.vector=false}. As Lucene does, the class that uses the module is loaded
 * only after the module is found, so without it {@link VectorConvolution} is never linked.
 */
final class VectorPath {
    /** Off with {@code -Dconvlens.vector=false}, to measure the other path on the same JVM. */
    static final boolean ENABLED = !"false".equals(System.getProperty("convlens.vector"));
    private static final boolean AVAILABLE = ENABLED && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorPath() {
    }

    /** True when {@link ConvEngine} takes the vector path. */
    static boolean available() {
        return AVAILABLE;
    }

    /** Runs {@link VectorConvolution}; call only when {@link #available()}. */
    static void run(ConvPlan plan, Tensor input, Tensor out, int threads, Runnable rowDone, long smallWork) {
        VectorConvolution.run(plan, input, out, threads, rowDone, smallWork);
    }

    /**
     * Average pooling's two-by-two windows, stride 2 across, with {@link VectorPooling} where
     * that pays; returns the first output of {@code [first, last)} left to the caller (all of
     * them when the vector path is off).
     */
    static int averagePairs(float[] a, int at, int w, float[] o, int ob, int first, int last, long d) {
        return AVAILABLE && VectorPooling.WORTH_IT ? VectorPooling.pairs(a, at, w, o, ob, first, last, d) : first;
    }

    /** A line for {@code bench} and the README: which path runs and with what vectors. */
    static String describe() {
        return AVAILABLE ? VectorConvolution.describe() : "scalar (C2 auto-vectorised)";
    }
}
