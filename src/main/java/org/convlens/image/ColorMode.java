package org.convlens.image;

/**
 * How a photo's pixels become input channels. Values are scaled to [0, 1] as torchvision's
 * {@code ToTensor} does (8-bit samples divided by 255, 16-bit by 65535).
 */
public enum ColorMode {
    /** The file's own channels: 3 (R, G, B) for a colour or palette image, 1 for a gray one; alpha is dropped. */
    COLOR("color"),
    /** One channel: {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601 luma) in float32, not rounded to 8 bits. */
    GRAY("gray");

    private final String id;

    ColorMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
