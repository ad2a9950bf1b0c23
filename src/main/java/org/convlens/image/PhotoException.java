package org.convlens.image;

import java.util.Locale;

/**
 * A photo that cannot be read or written, with the file it concerns and a message from the image
 * bundle saying what is wrong ("truncated", "not an image", ...). The message never includes the
 * file name, so callers can put the name where it belongs ({@code FILE: message} on the command line).
 */
public class PhotoException extends Exception {
    private final String file;
    private final String key;
    private final transient Object[] args;

    public PhotoException(String file, String key, Object... args) {
        super(file + ": " + ImageText.TEXT.text(Locale.ROOT, key, args));
        this.file = file;
        this.key = key;
        this.args = args.clone();
    }

    /** The file (or sample) name as the user gave it. */
    public String file() {
        return file;
    }

    /** The bundle key: stable for tests. */
    public String key() {
        return key;
    }

    /** What is wrong, in the default locale, without the file name. */
    public String reason() {
        return reason(Locale.getDefault());
    }

    /** What is wrong, in {@code locale}, without the file name. */
    public String reason(Locale locale) {
        return ImageText.TEXT.text(locale, key, args);
    }

    /** {@code FILE: what is wrong}, the one line the command line prints. */
    public String line() {
        return line(Locale.getDefault());
    }

    /** {@code FILE: what is wrong} in {@code locale}. */
    public String line(Locale locale) {
        return file + ": " + reason(locale);
    }
}
