package org.convlens.image;

import java.util.Locale;

/**
 * What a file's first bytes say it is. The four formats ConvLens reads (PNG, JPEG, BMP, GIF) and a
 * few common ones it does not, so an unsupported file gets its real name in the message instead
 * of "not an image".
 */
public enum ImageFormat {
    PNG("PNG", true),
    JPEG("JPEG", true),
    BMP("BMP", true),
    GIF("GIF", true),
    TIFF("TIFF", false),
    WEBP("WebP", false),
    HEIF("HEIF/HEIC/AVIF", false),
    PSD("Photoshop PSD", false),
    ICO("ICO", false),
    JPEG2000("JPEG 2000", false),
    PDF("PDF", false);

    /** The formats read, in the order messages list them (English; {@link #supportedFormats()} for a message). */
    public static final String SUPPORTED = "PNG, JPEG, BMP or GIF";

    /** The formats read as a phrase of the message it goes into, in that message's language. */
    public static org.convlens.engine.Messages.Phrase supportedFormats() {
        return ImageText.TEXT.phraseOf("formats.supported");
    }

    private final String displayName;
    private final boolean supported;

    ImageFormat(String displayName, boolean supported) {
        this.displayName = displayName;
        this.supported = supported;
    }

    public String displayName() {
        return displayName;
    }

    public boolean supported() {
        return supported;
    }

    /** Lower-case extensions of the supported formats, for file choosers and folder runs. */
    public static final java.util.List<String> EXTENSIONS = java.util.List.of("png", "jpg", "jpeg", "bmp", "gif");

    /** True if the file name ends in one of {@link #EXTENSIONS}. */
    public static boolean hasImageExtension(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(n.substring(dot + 1));
    }

    /**
     * The format the first bytes announce, or null if they match none.
     *
     * @param head the file's first bytes (16 are enough; fewer are allowed)
     */
    public static ImageFormat sniff(byte[] head, int n) {
        if (starts(head, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(head, n, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(head, n, 'G', 'I', 'F', '8') && n >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return GIF;
        }
        if (starts(head, n, 'B', 'M') && n >= 14) {
            return BMP;
        }
        if (starts(head, n, 'I', 'I', 0x2A, 0x00) || starts(head, n, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if (starts(head, n, 'R', 'I', 'F', 'F') && n >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B'
                && head[11] == 'P') {
            return WEBP;
        }
        if (n >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            String brand = new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.startsWith("avi") || brand.equals("mif1")
                    || brand.equals("msf1")) {
                return HEIF;
            }
        }
        if (starts(head, n, '8', 'B', 'P', 'S')) {
            return PSD;
        }
        if (starts(head, n, 0x00, 0x00, 0x01, 0x00) && n >= 6 && head[4] != 0) {
            return ICO;
        }
        if (starts(head, n, 0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' ') || starts(head, n, 0xFF, 0x4F, 0xFF, 0x51)) {
            return JPEG2000;
        }
        if (starts(head, n, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        return null;
    }

    /**
     * True if a file of this format with these last bytes (and {@code size} bytes in all) ends
     * where the format says a file ends: PNG with its IEND chunk, JPEG with the EOI marker, GIF
     * with its trailer byte, BMP at the size its header declares. A file that fails to decode and
     * does not end properly was cut short.
     *
     * @param head the first bytes (at least 6 for BMP)
     * @param tail the last bytes (up to 12)
     */
    public boolean endsProperly(byte[] head, byte[] tail, long size) {
        int n = tail.length;
        switch (this) {
            case PNG:
                return n >= 8 && tail[n - 8] == 'I' && tail[n - 7] == 'E' && tail[n - 6] == 'N' && tail[n - 5] == 'D';
            case JPEG:
                return n >= 2 && (tail[n - 2] & 0xFF) == 0xFF && (tail[n - 1] & 0xFF) == 0xD9;
            case GIF:
                return n >= 1 && tail[n - 1] == 0x3B;
            case BMP:
                long declared = (head[2] & 0xFFL) | (head[3] & 0xFFL) << 8 | (head[4] & 0xFFL) << 16 | (head[5] & 0xFFL) << 24;
                return declared == 0 || size >= declared;
            default:
                return true;
        }
    }

    private static boolean starts(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
