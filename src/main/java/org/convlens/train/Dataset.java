package org.convlens.train;

import org.convlens.engine.Tensor;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Labelled images in memory, each {@code C x H x W} with 8-bit samples (as IDX files and photos
 * hold them; a sample {@code v} is the value {@code v / 255}, torchvision's ToTensor), and one
 * class per image. Immutable.
 */
public final class Dataset {
    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> classes;
    private final String classKeyPrefix;

    private Dataset(String name, int channels, int height, int width, byte[] pixels, int[] labels,
                    List<String> classes, String classKeyPrefix) {
        this.name = name;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
        this.classes = List.copyOf(classes);
        this.classKeyPrefix = classKeyPrefix;
    }

    /**
     * Wraps the arrays (not copied).
     *
     * @param pixels {@code labels.length * channels * height * width} samples, image after image
     * @param labels each image's class, in {@code [0, classes.size())}
     * @param classes the classes' names
     * @throws IllegalArgumentException if the sizes or labels do not fit
     */
    public static Dataset of(String name, int channels, int height, int width, byte[] pixels, int[] labels,
                             List<String> classes) {
        return of(name, channels, height, width, pixels, labels, classes, null);
    }

    /** As {@link #of}, with class names looked up in the train bundle as {@code prefix + k} for each locale. */
    static Dataset of(String name, int channels, int height, int width, byte[] pixels, int[] labels,
                      List<String> classes, String classKeyPrefix) {
        Objects.requireNonNull(name, "name");
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape " + channels + "x" + height + "x" + width);
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " samples for " + labels.length + " images of "
                    + channels + "x" + height + "x" + width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is not one of "
                        + classes.size() + " classes");
            }
        }
        return new Dataset(name, channels, height, width, pixels, labels, classes, classKeyPrefix);
    }

    /** What the user called it: "fashion", a folder or a file prefix. */
    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Values per image, {@code C * H * W}. */
    public int imageSize() {
        return channels * height * width;
    }

    public int classCount() {
        return classes.size();
    }

    public int label(int i) {
        return labels[i];
    }

    /** The name of class {@code k} in {@code locale} (names read from files are shown as they are). */
    public String className(int k, Locale locale) {
        return classKeyPrefix != null ? TrainText.TEXT.text(locale, classKeyPrefix + k) : classes.get(k);
    }

    /** Writes image {@code i}'s values ({@code sample / 255}) into {@code into[offset, offset + imageSize())}. */
    public void read(int i, float[] into, int offset) {
        int n = imageSize();
        int from = i * n;
        for (int j = 0; j < n; j++) {
            into[offset + j] = (pixels[from + j] & 0xff) * (1f / 255f);
        }
    }

    /** Image {@code i} as a new tensor. */
    public Tensor image(int i) {
        float[] v = new float[imageSize()];
        read(i, v, 0);
        return new Tensor(channels, height, width, v);
    }

    /** Image {@code i}'s raw 8-bit samples (a copy). */
    public byte[] samples(int i) {
        int n = imageSize();
        return java.util.Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /** The first {@code n} images (all of them if there are fewer), sharing nothing that changes. */
    public Dataset first(int n) {
        int m = Math.min(n, size());
        return new Dataset(name, channels, height, width, java.util.Arrays.copyOf(pixels, m * imageSize()),
                java.util.Arrays.copyOf(labels, m), classes, classKeyPrefix);
    }

    @Override
    public String toString() {
        return name + ": " + size() + " images of " + channels + "x" + height + "x" + width + ", "
                + classCount() + " classes";
    }
}
