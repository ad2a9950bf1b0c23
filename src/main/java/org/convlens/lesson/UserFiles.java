package org.convlens.lesson;

import org.convlens.io.UserFolder;

import java.nio.file.Path;

/** The lesson files in the per-user folder ({@link UserFolder}). */
public final class UserFiles {
    private UserFiles() {
    }

    public static Path home() {
        return UserFolder.home();
    }

    /** Where a teacher's own lessons go: {@code lessons/} in the per-user folder, loaded beside the shipped ones. */
    public static Path lessons() {
        return home().resolve("lessons");
    }
}
