package org.convlens.lesson;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A text in English, Simplified Chinese and Traditional Chinese (the lesson file's {@code en},
 * {@code zh} and {@code zh-Hant}). Any may be missing (null) in a lesson not fully translated
 * (the loader warns); {@link #get} then falls back: Traditional to Simplified, Simplified to
 * Traditional, then English; English to Simplified, then Traditional.
 *
 * @param en the English text, or null
 * @param zh the Simplified Chinese text, or null
 * @param zhHant the Traditional Chinese text (Taiwan usage), or null
 * @param <T> the text's type: a plain string or {@link RichText}
 */
public record Localized<T>(T en, T zh, T zhHant) {
    /** Regions whose Chinese is written in Traditional characters when a locale names no script. */
    private static final Set<String> TRADITIONAL_REGIONS = Set.of("TW", "HK", "MO");

    public Localized {
        if (en == null && zh == null && zhHant == null) {
            throw new IllegalArgumentException("a text needs at least one language");
        }
    }

    /** English and Simplified Chinese only. */
    public Localized(T en, T zh) {
        this(en, zh, null);
    }

    /** The same value in every language (numbers, names). */
    public static <T> Localized<T> both(T value) {
        return new Localized<>(value, value, value);
    }

    /**
     * True if {@code locale} reads Traditional Chinese: script {@code Hant}, or no script and a
     * region that writes it (Taiwan, Hong Kong, Macau).
     */
    public static boolean traditional(Locale locale) {
        if (locale == null || !"zh".equals(locale.getLanguage())) {
            return false;
        }
        String script = locale.getScript();
        return script.isEmpty() ? TRADITIONAL_REGIONS.contains(locale.getCountry()) : script.equals("Hant");
    }

    /** The text for {@code locale}: Traditional or Simplified Chinese for a {@code zh} locale, English otherwise. */
    public T get(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        if (traditional(locale)) {
            return first(zhHant, zh, en);
        }
        return chinese ? first(zh, zhHant, en) : first(en, zh, zhHant);
    }

    private static <T> T first(T a, T b, T c) {
        return a != null ? a : b != null ? b : c;
    }

    /** Every text mapped by {@code f} (nulls stay null). */
    public <R> Localized<R> map(Function<T, R> f) {
        return new Localized<>(en == null ? null : f.apply(en), zh == null ? null : f.apply(zh),
                zhHant == null ? null : f.apply(zhHant));
    }
}
