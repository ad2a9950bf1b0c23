package org.convlens.cli;

import java.util.Locale;

/**
 * The command line's language: {@code --lang}, else the system's, narrowed to a language the
 * command line ships. Traditional Chinese falls back to Simplified Chinese until its bundles
 * exist (a Chinese reader reads either; the window does the same), any other language to English.
 */
final class CliLocale {
    /** The values {@code --lang} takes, as the help and the error show them. */
    static final String NAMES = "en, zh-CN, zh-TW";
    static final Locale TRADITIONAL = Locale.TRADITIONAL_CHINESE;

    private CliLocale() {
    }

    /** {@code en}, {@code zh-CN}, {@code zh-TW} (with - or _, any case; zh-Hans, zh-Hant too; {@code zh} alone is Simplified), else null. */
    static Locale parse(String s) {
        switch (s.trim().replace('_', '-').toLowerCase(Locale.ROOT)) {
            case "en":
                return Locale.ENGLISH;
            case "zh":
            case "zh-cn":
            case "zh-hans":
                return Locale.SIMPLIFIED_CHINESE;
            case "zh-tw":
            case "zh-hant":
                return TRADITIONAL;
            default:
                return null;
        }
    }

    /** The shipped language closest to {@code wanted}. */
    static Locale supported(Locale wanted) {
        if (wanted == null || !"zh".equals(wanted.getLanguage())) {
            return Locale.ENGLISH;
        }
        boolean traditional = "Hant".equals(wanted.getScript())
                || (wanted.getScript().isEmpty() && (wanted.getCountry().equals("TW") || wanted.getCountry().equals("HK")
                || wanted.getCountry().equals("MO")));
        return traditional && shipsTraditional() ? TRADITIONAL : Locale.SIMPLIFIED_CHINESE;
    }

    private static boolean shipsTraditional() {
        return CliLocale.class.getResource("/org/convlens/cli/messages_zh_TW.properties") != null;
    }

    /**
     * The value of the first {@code --lang} before {@code --} ({@code --lang X} or {@code --lang=X}),
     * or null: read before the command line is built, since the help and every message depend on it.
     */
    static String requested(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (a.equals("--lang")) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (a.startsWith("--lang=")) {
                return a.substring("--lang=".length());
            }
        }
        return null;
    }
}
