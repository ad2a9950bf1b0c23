package org.convlens.lesson;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Iterator;

/** The size of a photo a lesson refers to, read from its header (the pixels are decoded by the Photos panel). */
final class Photos {
    /** Photos larger than this on a side are refused. */
    static final int MAX_SIDE = 8192;

    private Photos() {
    }

    /** {@code [width, height]}, or null if the file is not an image of a sensible size. */
    static int[] size(URL url) {
        try (InputStream in = url.openStream(); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            if (iis == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                return w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE ? null : new int[] {w, h};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
