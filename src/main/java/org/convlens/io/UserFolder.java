package org.convlens.io;

import java.nio.file.Path;

/**
 * Where ConvLens keeps a person's files (the autosave, settings, lesson progress, their own
 * lessons): the system property {@code convlens.home} if set (the tests set it to a folder under
 * target/), else {@code ~/.convlens}. The one place that decides it.
 */
public final class UserFolder {
    private UserFolder() {
    }

    public static Path home() {
        String h = System.getProperty("convlens.home");
        if (h != null && !h.isBlank()) {
            return Path.of(h);
        }
        return Path.of(System.getProperty("user.home"), ".convlens");
    }
}
