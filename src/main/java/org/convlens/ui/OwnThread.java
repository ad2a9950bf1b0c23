package org.convlens.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An executor of one daemon thread for work that must not queue behind the window's shared
 * background threads (a photo's live runs, a training run), nor keep the app alive at exit.
 */
public final class OwnThread {
    private OwnThread() {
    }

    /** One daemon thread named {@code name}, at {@code priority}. */
    public static ExecutorService named(String name, int priority) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        });
    }
}
