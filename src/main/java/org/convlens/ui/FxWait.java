package org.convlens.ui;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * For a thread that drives the window from outside (the {@code --measure-photo} tool, the photo
 * benchmark): work done on the JavaFX thread while the caller waits for it.
 */
public final class FxWait {
    private FxWait() {
    }

    /** Runs {@code r} on the JavaFX thread and waits for it, rethrowing what it throws. */
    public static void run(Runnable r) {
        get(() -> {
            r.run();
            return null;
        });
    }

    /** Evaluates {@code s} on the JavaFX thread and returns its value, rethrowing what it throws. */
    public static <T> T get(Supplier<T> s) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> fail = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(s.get());
            } catch (Throwable t) {
                fail.set(t);
            } finally {
                done.countDown();
            }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (fail.get() != null) {
            throw new IllegalStateException(fail.get());
        }
        return result.get();
    }

    /**
     * Waits until {@code cond}, evaluated on the JavaFX thread every {@code pollMillis}, holds;
     * after {@code seconds}, fails with "timed out" and what {@code why} adds (evaluated then).
     */
    public static void until(BooleanSupplier cond, int seconds, int pollMillis, Supplier<String> why)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!get(cond::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out" + why.get());
            }
            Thread.sleep(pollMillis);
        }
    }
}
