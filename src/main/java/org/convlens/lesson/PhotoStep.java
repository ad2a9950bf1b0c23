package org.convlens.lesson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.ConvSpec;

import java.net.URL;

/**
 * A photo a step filters with its settings, for the Photos panel.
 *
 * @param file the reference as written in the lesson ({@code samples/coins.png} or a path inside
 *             the lesson's folder)
 * @param location where the loader found it (inside the lesson's folder or the bundled samples)
 * @param settings the settings to filter it with: the step's, with the photo's own changes
 *                 (as spec JSON without {@code input})
 * @param spec the same settings read by the spec reader
 * @param width the photo's width in pixels
 * @param height the photo's height in pixels
 * @param gray whether to filter its gray levels (one channel) rather than red, green and blue
 * @param scale how the result's values become colours: {@code clamp} (0 black to 1 white, as the
 *              photo itself), {@code raw} (signed values blue-white-red) or {@code abs} (magnitude)
 */
public record PhotoStep(String file, URL location, ObjectNode settings, ConvSpec spec, int width, int height,
                        boolean gray, String scale) {
    /** The colour scalings a photo may ask for. */
    public static final java.util.List<String> SCALES = java.util.List.of("clamp", "raw", "abs");
}
