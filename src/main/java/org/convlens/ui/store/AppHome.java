package org.convlens.ui.store;

import java.nio.file.Path;

/**
 * Where the app keeps its per-user files: the system property {@code convlens.home} if set (the
 * tests set it to target/test-home), else {@code ~/.convlens}.
 */
public final class AppHome {
    private AppHome() {
    }

    public static Path dir() {
        String p = System.getProperty("convlens.home");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        return Path.of(System.getProperty("user.home"), ".convlens");
    }
}
