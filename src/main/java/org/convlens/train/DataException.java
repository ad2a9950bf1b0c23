package org.convlens.train;

import java.util.Locale;

/**
 * A dataset that cannot be read, with the file or folder it concerns and a message from the train
 * bundle saying what is wrong. The message leaves the name out, so the command line prints
 * {@code WHERE: what is wrong} as one line.
 */
public class DataException extends RuntimeException {
    private final String where;
    private final String key;
    private final transient Object[] args;

    public DataException(String where, String key, Object... args) {
        super(where + ": " + TrainText.TEXT.text(Locale.ROOT, key, args));
        this.where = where;
        this.key = key;
        this.args = args.clone();
    }

    /** The file or folder as the user gave it. */
    public String where() {
        return where;
    }

    /** The bundle key, stable for tests. */
    public String key() {
        return key;
    }

    /** What is wrong in {@code locale}, without the name. */
    public String reason(Locale locale) {
        return TrainText.TEXT.text(locale, key, args);
    }

    /** {@code WHERE: what is wrong} in {@code locale}. */
    public String line(Locale locale) {
        return where + ": " + reason(locale);
    }
}
