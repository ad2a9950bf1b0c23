package org.convlens.ui.lesson;

import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.Localized;
import org.convlens.lesson.Question;
import org.convlens.lesson.RichText;
import org.convlens.lesson.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12: a hint helps a student find the answer and never contains it. Checked on every
 * shipped lesson in every language it has: a number or shape the engine expects does not occur
 * in the hint as a whole (47 in "4 + 7" would be fine; "= 47" is not).
 */
class HintsGiveNoAnswerTest {
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE,
            Locale.TRADITIONAL_CHINESE);

    @Test
    void noHintOfAShippedLessonContainsItsAnswer() {
        List<String> found = new ArrayList<>();
        for (Lesson l : LessonLibrary.shipped(Locale.ROOT).lessons()) {
            for (Step s : l.steps()) {
                Question q = s.question();
                if (q == null || q.hint() == null) {
                    continue;
                }
                Pattern answer = answer(q);
                if (answer == null) {
                    continue;
                }
                for (Locale loc : LANGUAGES) {
                    String hint = plain(q.hint(), loc);
                    if (answer.matcher(hint).find()) {
                        found.add(l.id() + " step " + s.number() + " (" + loc + "): " + hint);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "hints that give the answer away");
    }

    @Test
    void theCheckFindsAnAnswerInAHint() {
        assertEquals(true, Pattern.compile(wholeNumber("47")).matcher("2 + 6 + 15 + 24 = 47.").find());
        assertEquals(false, Pattern.compile(wholeNumber("47")).matcher("4 + 7 and 470").find());
        assertEquals(true, Pattern.compile(wholeNumber("3") + "\\s*[x\u00d7]\\s*" + wholeNumber("3"))
                .matcher("it is 3 × 3").find());
    }

    /** What would give the answer: its number, or its rows x columns; null for a choice. */
    private static Pattern answer(Question q) {
        if (q instanceof Question.Shape s) {
            int[] e = s.expected();
            return Pattern.compile(wholeNumber(Integer.toString(e[e.length - 2])) + "\\s*[x\u00d7]\\s*"
                    + wholeNumber(Integer.toString(e[e.length - 1])));
        }
        if (q instanceof Question.Value || q instanceof Question.Count) {
            String n = q.expected(Locale.ROOT);
            return Pattern.compile(wholeNumber(Pattern.quote(n).replace("-", "[-\u2212]")));
        }
        return null;
    }

    private static String wholeNumber(String n) {
        return "(?<![\\d.,/])" + n + "(?![\\d]|[.,]\\d|/)";
    }

    private static String plain(Localized<RichText> t, Locale loc) {
        RichText r = t.get(loc);
        return r == null ? "" : r.plain();
    }
}
