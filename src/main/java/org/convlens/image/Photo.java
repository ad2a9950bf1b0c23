package org.convlens.image;

import org.convlens.engine.Tensor;

import java.util.List;

/**
 * A decoded photo as the engine sees it: a C x H x W float32 tensor in [0, 1].
 *
 * @param name the file name (or sample name) it came from
 * @param format the file's format
 * @param fileWidth width the file declares
 * @param fileHeight height the file declares
 * @param subsample 1 if every pixel was read; n if only every n-th row and column was (a photo over the size limit)
 * @param fileGray true if the file itself has one (gray) channel
 * @param mode how pixels became channels
 * @param tensor the pixels, channels x height x width, values in [0, 1]
 * @param notices things the user should know about how it was read (localised, may be empty)
 */
public record Photo(String name, ImageFormat format, int fileWidth, int fileHeight, int subsample, boolean fileGray,
                    ColorMode mode, Tensor tensor, List<String> notices) {
    public Photo {
        notices = List.copyOf(notices);
    }

    public int width() {
        return tensor.width();
    }

    public int height() {
        return tensor.height();
    }

    public int channels() {
        return tensor.channels();
    }

    /** True if it was scaled down while reading. */
    public boolean scaledDown() {
        return subsample > 1;
    }
}
