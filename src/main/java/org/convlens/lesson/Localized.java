package org.convlens.lesson;

import java.util.Locale;
import java.util.function.Function;

/**
 * A text in English and Simplified Chinese. Either may be missing (null) in a lesson that was
 * not translated (the loader warns); {@link #get} then falls back to the other.
 *
 * @param en the English text, or null
 * @param zh the Simplified Chinese text, or null
 * @param <T> the text's type: a plain string or {@link RichText}
 */
public record Localized<T>(T en, T zh) {
    public Localized {
        if (en == null && zh == null) {
            throw new IllegalArgumentException("a text needs at least one language");
        }
    }

    /** The same value in both languages (numbers, names). */
    public static <T> Localized<T> both(T value) {
        return new Localized<>(value, value);
    }

    /** The text for {@code locale}: Chinese for any {@code zh} locale, English otherwise. */
    public T get(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        T first = chinese ? zh : en;
        return first != null ? first : (chinese ? en : zh);
    }

    /** Both texts mapped by {@code f} (nulls stay null). */
    public <R> Localized<R> map(Function<T, R> f) {
        return new Localized<>(en == null ? null : f.apply(en), zh == null ? null : f.apply(zh));
    }
}
