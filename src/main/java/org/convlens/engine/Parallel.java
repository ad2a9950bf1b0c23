package org.convlens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a range of rows across threads (BoofCV's BoofConcurrency): the serial and the parallel
 * paths run the same body over different row ranges, so they compute the same values.
 */
public final class Parallel {
    /** Work below this many multiply-adds runs on the calling thread: starting threads costs more. */
    public static final long SMALL_WORK = 1L << 17;

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "convlens-engine-" + THREAD_NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    /** The number of processors, the default thread count. */
    public static int availableThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** A body run over rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)} in up to {@code threads} contiguous chunks, the last on
     * the calling thread; returns when all are done. Rethrows a chunk's unchecked exception.
     */
    public static void forRange(int n, int threads, long work, RangeBody body) {
        forRange(n, threads, work, SMALL_WORK, body);
    }

    /** As {@link #forRange(int, int, long, RangeBody)} with the small-work threshold given (tests set 0). */
    static void forRange(int n, int threads, long work, long smallWork, RangeBody body) {
        int parts = Math.max(1, Math.min(threads, n));
        if (parts == 1 || work < smallWork) {
            body.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        for (int p = 0; p < parts - 1; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            futures.add(POOL.submit(() -> body.run(from, to)));
        }
        body.run((int) ((long) n * (parts - 1) / parts), n);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Thrown when a computation stops because its thread was interrupted (a cancelled job). */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled");
        }
    }
}
