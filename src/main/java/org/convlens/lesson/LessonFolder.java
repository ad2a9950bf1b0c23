package org.convlens.lesson;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a lesson was loaded from: the only place, besides the bundled samples, its file
 * references may point into. {@link #find} takes a path already checked by {@link FileRefs}
 * (relative, no {@code ..}) and still refuses anything whose real location is outside the
 * folder (a symbolic link pointing out).
 */
public interface LessonFolder {
    /** No folder: only the bundled samples can be referred to. */
    LessonFolder NONE = relative -> null;

    /** The file at {@code relative} inside the folder, or null if there is none. */
    URL find(String relative) throws FileRefs.OutsideException;

    /** A folder on disk. */
    static LessonFolder of(Path dir) {
        return relative -> {
            try {
                Path base = dir.toAbsolutePath().normalize();
                Path p = base.resolve(relative).normalize();
                if (!p.startsWith(base)) {
                    throw new FileRefs.OutsideException();
                }
                if (!Files.isRegularFile(p)) {
                    return null;
                }
                if (!p.toRealPath().startsWith(base.toRealPath())) {
                    throw new FileRefs.OutsideException();
                }
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                return null;
            } catch (IOException e) {
                return null;
            }
        };
    }

    /** A folder on the classpath, e.g. {@code lessons/} for the shipped lessons. */
    static LessonFolder onClasspath(String folder) {
        String base = folder.endsWith("/") ? folder : folder + "/";
        return relative -> LessonFolder.class.getClassLoader().getResource(base + relative);
    }
}
