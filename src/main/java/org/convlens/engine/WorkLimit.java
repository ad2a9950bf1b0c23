package org.convlens.engine;

import java.util.Locale;

/**
 * How much a computation may take: heap bytes, seconds on this machine, and text a trace may
 * write. {@link #standard()} is sized for the JVM it runs in; {@link #times(double)} raises it
 * (the command line's flag and the window's setting); {@link #check} refuses an estimate over it
 * with one line saying what is too big and by how much.
 *
 * @param memoryBytes heap bytes a computation may allocate
 * @param seconds time it may take, as {@link WorkEstimate#seconds()} reckons it
 * @param traceBytes text a step trace may write
 */
public record WorkLimit(long memoryBytes, double seconds, long traceBytes) {
    /** The share of the maximum heap a computation may take by default: the rest is for the app itself. */
    public static final double HEAP_SHARE = 0.6;
    /** Seconds a computation may take by default. */
    public static final double STANDARD_SECONDS = 10;
    /** Text a trace may write by default: 256 MiB (a million steps of a 3 x 3 kernel take about 1.4 GB). */
    public static final long STANDARD_TRACE_BYTES = 256L << 20;

    public WorkLimit {
        if (memoryBytes < 0 || !(seconds >= 0) || traceBytes < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
    }

    /** {@link #HEAP_SHARE} of this JVM's maximum heap, {@link #STANDARD_SECONDS}, {@link #STANDARD_TRACE_BYTES}. */
    public static WorkLimit standard() {
        return new WorkLimit((long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE), STANDARD_SECONDS,
                STANDARD_TRACE_BYTES);
    }

    /** No limit at all (for tests and benchmarks that know their sizes). */
    public static WorkLimit unlimited() {
        return new WorkLimit(Long.MAX_VALUE, Double.POSITIVE_INFINITY, Long.MAX_VALUE);
    }

    /**
     * This limit raised (or lowered) {@code factor} times, every part of it. Memory beyond the
     * heap is not there to take: a larger {@code -Xmx} is the way to more.
     */
    public WorkLimit times(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a positive number, got " + factor);
        }
        return new WorkLimit(scale(memoryBytes, factor), seconds * factor, scale(traceBytes, factor));
    }

    private static long scale(long v, double factor) {
        double s = v * factor;
        return s >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) s;
    }

    /**
     * Refuses an estimate over this limit: memory first, then trace text, then time.
     *
     * @throws WorkLimitException saying what is too big and by how much
     */
    public void check(WorkEstimate e) {
        if (e.memoryBytes() > memoryBytes) {
            throw new WorkLimitException(WorkLimitException.Kind.MEMORY, ratio(e.memoryBytes(), memoryBytes),
                    "error.limit.memory", bytes(e.memoryBytes()), e.largestPart(), bytes(e.largestBytes()),
                    ratioText(ratio(e.memoryBytes(), memoryBytes)), bytes(memoryBytes));
        }
        if (e.traceBytes() > traceBytes) {
            throw new WorkLimitException(WorkLimitException.Kind.TRACE, ratio(e.traceBytes(), traceBytes),
                    "error.limit.trace", bytes(e.traceBytes()), ratioText(ratio(e.traceBytes(), traceBytes)),
                    bytes(traceBytes));
        }
        if (e.seconds() > seconds) {
            throw new WorkLimitException(WorkLimitException.Kind.TIME, e.seconds() / seconds,
                    "error.limit.time", count(e.multiplyAdds()), duration(e.seconds()),
                    ratioText(e.seconds() / seconds), duration(seconds));
        }
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.POSITIVE_INFINITY : (double) a / b;
    }

    /** A ratio as "2.4" or "12", rounded up; "1.5e7" when huge. */
    private static String ratioText(double r) {
        if (r >= 1e6 || Double.isInfinite(r)) {
            return String.format(Locale.ROOT, "%.1e", Math.min(r, 9.9e99));
        }
        return r < 10 ? String.format(Locale.ROOT, "%.1f", Math.ceil(r * 10) / 10) : String.format(Locale.ROOT, "%.0f", Math.ceil(r));
    }

    /** Bytes as "512 KB", "4.3 GB" (powers of 1000). */
    static String bytes(long b) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = b;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (u == 0 || v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }

    /** A count as digits below ten million, "2.5e12" above. */
    static String count(long n) {
        return n < 10_000_000 ? Long.toString(n) : String.format(Locale.ROOT, "%.1e", (double) n).replace("e+", "e");
    }

    /** Seconds as a phrase in seconds, minutes, hours or days. */
    static Messages.Phrase duration(double s) {
        if (s < 120) {
            return Messages.phrase("time.seconds", String.format(Locale.ROOT, s < 10 ? "%.1f" : "%.0f", s));
        }
        if (s < 7200) {
            return Messages.phrase("time.minutes", String.format(Locale.ROOT, "%.0f", s / 60));
        }
        if (s < 172800) {
            return Messages.phrase("time.hours", String.format(Locale.ROOT, "%.0f", s / 3600));
        }
        return Messages.phrase("time.days", String.format(Locale.ROOT, "%.0f", Math.min(s / 86400, 1e15)));
    }
}
