package org.convlens.engine;

import java.util.Locale;

/**
 * A convolution setting that cannot be used, with the spec field that caused it
 * (a JSON path such as {@code $.padding} or {@code $.pool.size}) and a message from the
 * engine's resource bundle that says what is wrong.
 */
public class SpecException extends RuntimeException {
    private final transient Messages bundle;
    private final String field;
    private final String key;
    private final transient Object[] args;

    public SpecException(String field, String key, Object... args) {
        this(Messages.engine(), field, key, args);
    }

    /**
     * A message from another package's bundle (a network's, say), so each package keeps its own
     * text while callers catch one exception type.
     */
    protected SpecException(Messages bundle, String field, String key, Object... args) {
        super(bundle.text(Locale.ROOT, key, args));
        this.bundle = bundle;
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
        return bundle.text(locale, key, args);
    }

    /** The message in the default locale. */
    public String localizedMessage() {
        return message(Locale.getDefault());
    }

    /**
     * The same problem with its path placed under {@code path}: {@code $.kernel} under
     * {@code $.layers[2]} is {@code $.layers[2].kernel} (a spec nested in a bigger file).
     */
    public SpecException under(String path) {
        String f = field.equals("$") ? path : path + field.substring(1);
        SpecException e = new SpecException(bundle, f, key, args);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
