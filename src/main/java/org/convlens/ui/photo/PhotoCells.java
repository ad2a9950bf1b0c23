package org.convlens.ui.photo;

import org.convlens.engine.ConvSpec;
import org.convlens.engine.Padding;
import org.convlens.engine.Tensor;
import org.convlens.image.Photo;
import org.convlens.spec.Problem;

import java.util.Locale;

/**
 * Cells of a photo and its result, one at a time: the numbers under the pointer, and a small
 * patch of pixels as a stepper scenario that computes exactly the result cells it came from.
 */
final class PhotoCells {
    private PhotoCells() {
    }

    /**
     * The values under point {@code (x, y)} of the input (continuous input coordinates): the input
     * pixel's channels, and the result cell centred there if {@code d} has one; "" off the photo.
     */
    static String probe(Photo p, PhotoViewModel.Display d, double x, double y, Locale locale) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        if (p == null || ix < 0 || iy < 0 || ix >= p.width() || iy >= p.height()) {
            return "";
        }
        StringBuilder in = new StringBuilder();
        for (int c = 0; c < p.channels(); c++) {
            in.append(c == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", p.tensor().get(c, iy, ix)));
        }
        String out = "";
        if (d != null) {
            int ox = (int) Math.floor(d.geometry().outputX(x - 0.5) + 0.5);
            int oy = (int) Math.floor(d.geometry().outputY(y - 0.5) + 0.5);
            if (ox >= 0 && oy >= 0 && ox < d.map().width() && oy < d.map().height()) {
                StringBuilder v = new StringBuilder();
                for (int c = 0; c < d.map().channels(); c++) {
                    v.append(c == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", d.map().get(c, oy, ox)));
                }
                out = PhotoText.get(locale, "probe.result", oy, ox, v);
            }
        }
        return PhotoText.get(locale, "probe.input", iy, ix, in) + out;
    }

    /** A patch: the scenario for the stepper, and its top-left pixel {@code [y, x]}. */
    record Patch(Problem problem, int y, int x, int size) {
    }

    /**
     * The {@code side} x {@code side} patch whose top-left pixel is {@code (x, y)} (moved inside the
     * photo if needed), with settings {@code s} and valid padding, no pooling: every cell the
     * stepper computes from it is exactly the result cell at that place.
     */
    static Patch patch(Photo p, ConvSpec s, int x, int y, int side) {
        int size = Math.min(side, Math.min(p.width(), p.height()));
        int x0 = Math.max(0, Math.min(x, p.width() - size));
        int y0 = Math.max(0, Math.min(y, p.height() - size));
        int c = p.channels();
        float[] d = new float[c * size * size];
        for (int ch = 0; ch < c; ch++) {
            for (int r = 0; r < size; r++) {
                for (int q = 0; q < size; q++) {
                    d[(ch * size + r) * size + q] = p.tensor().get(ch, y0 + r, x0 + q);
                }
            }
        }
        ConvSpec forPatch = s.toBuilder().padding(Padding.VALID).pool(null).build();
        return new Patch(new Problem(new Tensor(c, size, size, d), forPatch), y0, x0, size);
    }
}
