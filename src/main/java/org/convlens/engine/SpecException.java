package org.convlens.engine;

import java.util.Locale;

/**
 * A convolution setting that cannot be used, with the spec field that caused it
 * (a JSON path such as {@code $.padding} or {@code $.pool.size}) and a message from the
 * engine's resource bundle that says what is wrong.
 */
public class SpecException extends RuntimeException {
    private final String field;
    private final String key;
    private final transient Object[] args;

    public SpecException(String field, String key, Object... args) {
        super(Messages.get(Locale.ROOT, key, args));
        this.field = field;
        this.key = key;
        this.args = args.clone();
    }

    /** The spec field as a JSON path, {@code $} for the whole spec. */
    public String field() {
        return field;
    }

    /** The bundle key, stable for tests and for the UI to pick where to show the message. */
    public String key() {
        return key;
    }

    /** The message in the given locale. */
    public String message(Locale locale) {
        return Messages.get(locale, key, args);
    }

    /** The message in the default locale. */
    public String localizedMessage() {
        return message(Locale.getDefault());
    }
}
