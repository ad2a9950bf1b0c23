package org.convlens.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The sample photos bundled in the jar under {@code /samples} (from scikit-image's data set; their
 * licences are in {@code /samples/SOURCES.md}).
 */
public final class Samples {
    private static final List<String> NAMES = List.of("camera.png", "astronaut.png", "chelsea.png", "coffee.png",
            "coins.png", "brick.png", "text.png", "rocket.jpg", "hubble_deep_field.jpg");

    private Samples() {
    }

    /** File names of the samples, gray ones and simple scenes first. */
    public static List<String> names() {
        return NAMES;
    }

    /** The bytes of sample {@code name}. */
    public static byte[] bytes(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no sample " + name);
        }
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample /samples/" + name + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
