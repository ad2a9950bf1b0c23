package org.convlens.engine;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text from a resource bundle (the engine's own is
 * {@code org/convlens/engine/messages*.properties}). Arguments are turned into strings first,
 * so numbers print as typed (4096, not 4,096); an argument that is itself text to translate (a
 * {@link Phrase}, such as the word "rows") is looked up in the same locale as the message around
 * it, so a message can be made once and shown in any language. Other packages make their own
 * with {@link #bundle}.
 */
public final class Messages {
    private static final Messages ENGINE = new Messages("org.convlens.engine.messages");
    /**
     * Without this, a locale with no bundle of its own (English: the base bundle is English) falls
     * back to the JVM's default locale first, so on a Chinese machine English text came out Chinese.
     */
    private static final ResourceBundle.Control NO_DEFAULT_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String bundleName;

    private Messages(String bundleName) {
        this.bundleName = bundleName;
    }

    /** Text from the named bundle, e.g. {@code org.convlens.cli.messages}. */
    public static Messages bundle(String name) {
        return new Messages(name);
    }

    /**
     * Text to be translated when it is shown: a key of a bundle and its arguments. Put it among
     * a message's arguments and it comes out in that message's locale.
     */
    public static final class Phrase {
        private final Messages bundle;
        private final String key;
        private final Object[] args;

        private Phrase(Messages bundle, String key, Object[] args) {
            this.bundle = bundle;
            this.key = key;
            this.args = args.clone();
        }

        /** The phrase in {@code locale}. */
        public String in(Locale locale) {
            return bundle.text(locale, key, args);
        }

        public String key() {
            return key;
        }

        @Override
        public String toString() {
            return in(Locale.ROOT);
        }
    }

    /** An engine phrase, translated when the message holding it is. */
    public static Phrase phrase(String key, Object... args) {
        return ENGINE.phraseOf(key, args);
    }

    /** A phrase of this bundle, translated when the message holding it is. */
    public Phrase phraseOf(String key, Object... args) {
        return new Phrase(this, key, args);
    }

    /** The engine's own bundle. */
    static Messages engine() {
        return ENGINE;
    }

    /** An engine message in the default locale (for callers outside the engine that have no locale yet). */
    public static String get(String key, Object... args) {
        return ENGINE.text(Locale.getDefault(), key, args);
    }

    /** An engine message in {@code locale}. */
    public static String get(Locale locale, String key, Object... args) {
        return ENGINE.text(locale, key, args);
    }

    /** A message of this bundle in the default locale (for callers outside the engine that have no locale yet). */
    public String text(String key, Object... args) {
        return text(Locale.getDefault(), key, args);
    }

    /**
     * The bundle itself in {@code locale}, for code that reads keys on its own (FXML's
     * {@code %key}): like {@link #text}, without falling back to the JVM's default locale.
     */
    public ResourceBundle resources(Locale locale) {
        return ResourceBundle.getBundle(bundleName, locale, NO_DEFAULT_FALLBACK);
    }

    public String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundleName, locale, NO_DEFAULT_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("missing message '" + key + "' in " + bundleName, e);
        }
        if (args.length == 0) {
            return pattern.replace("''", "'");
        }
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = args[i] instanceof Phrase p ? p.in(locale) : args[i] == null ? "null" : String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, locale).format(text);
    }
}
