package org.convlens.ui.lesson;

import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.ProgressStore;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Which numbers a {@code fresh} lesson (the review) is played with. The seed of its variant is
 * kept beside the progress (setting {@code variant.KEY}), so the answers saved are checked again
 * against the same numbers at the next start, and the lesson list scores them right. "New
 * numbers" picks a fresh seed. Lessons that are not fresh are always played as written.
 */
final class LessonVariants {
    private static final String PREFIX = "variant.";

    private final ProgressStore store;
    private final LongSupplier seeds;
    /** Variants loaded so far, by progress key: loading one runs every step on the engine. */
    private final Map<String, Lesson> loaded = new HashMap<>();

    /** @param seeds gives fresh seeds (positive; 0 means the numbers as written) */
    LessonVariants(ProgressStore store, LongSupplier seeds) {
        this.store = store;
        this.seeds = seeds;
    }

    /** The seed {@code key} is played with (0: as written). */
    long seed(String key) {
        try {
            return Long.parseLong(store.setting(PREFIX + key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code l} (as listed, or any variant of it) with the numbers it is played with under {@code key}. */
    Lesson played(Lesson l, String key, Locale locale) {
        if (!l.fresh()) {
            return l;
        }
        long seed = seed(key);
        if (seed == l.variant()) {
            return l;
        }
        Lesson cached = loaded.get(key);
        if (cached != null && cached.variant() == seed && cached.source().equals(l.source())) {
            return cached;
        }
        Lesson v = LessonLibrary.variant(l, seed, locale);
        loaded.put(key, v);
        return v;
    }

    /**
     * {@code l} with new numbers, remembered for {@code key} (the caller forgets the answers given
     * to the old ones).
     */
    Lesson renew(Lesson l, String key, Locale locale) throws IOException {
        long seed = seeds.getAsLong();
        if (seed == 0 || seed == seed(key)) {
            seed = seed(key) + 1;
        }
        store.putSetting(PREFIX + key, Long.toString(seed));
        return played(l, key, locale);
    }
}
