package org.convlens.engine;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text from a resource bundle (the engine's own is
 * {@code org/convlens/engine/messages*.properties}). Arguments are turned into strings first,
 * so numbers print as typed (4096, not 4,096). Other packages make their own with {@link #bundle}.
 */
public final class Messages {
    private static final Messages ENGINE = new Messages("org.convlens.engine.messages");

    private final String bundleName;

    private Messages(String bundleName) {
        this.bundleName = bundleName;
    }

    /** Text from the named bundle, e.g. {@code org.convlens.cli.messages}. */
    public static Messages bundle(String name) {
        return new Messages(name);
    }

    /** An engine message in the default locale. */
    public static String get(String key, Object... args) {
        return ENGINE.text(Locale.getDefault(), key, args);
    }

    /** An engine message in {@code locale}. */
    public static String get(Locale locale, String key, Object... args) {
        return ENGINE.text(locale, key, args);
    }

    /** A message of this bundle in the default locale. */
    public String text(String key, Object... args) {
        return text(Locale.getDefault(), key, args);
    }

    public String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundleName, locale).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("missing message '" + key + "' in " + bundleName, e);
        }
        if (args.length == 0) {
            return pattern.replace("''", "'");
        }
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = args[i] == null ? "null" : String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, locale).format(text);
    }
}
