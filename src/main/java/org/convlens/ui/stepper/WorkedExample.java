package org.convlens.ui.stepper;

import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The scenario the window opens with: the 6 x 6 image and the vertical-edge kernel (examples/vertical-edge.json). */
public final class WorkedExample {
    private static final String RESOURCE = "/org/convlens/ui/vertical-edge.json";

    private WorkedExample() {
    }

    public static Problem problem() {
        try (InputStream in = WorkedExample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return SpecReader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }
}
