package org.convlens.lesson;

import java.nio.file.Path;

/** The per-user folder: the system property {@code convlens.home} if set (tests set it), else {@code ~/.convlens}. */
public final class UserFiles {
    private UserFiles() {
    }

    public static Path home() {
        String h = System.getProperty("convlens.home");
        if (h != null && !h.isBlank()) {
            return Path.of(h);
        }
        return Path.of(System.getProperty("user.home"), ".convlens");
    }

    /** Where a teacher's own lessons go: {@code lessons/} in the per-user folder, loaded beside the shipped ones. */
    public static Path lessons() {
        return home().resolve("lessons");
    }
}
