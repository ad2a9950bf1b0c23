package org.convlens.ui.lesson;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonSession;
import org.convlens.lesson.Step;

import java.util.Locale;

/**
 * The lesson panel's page after the last step: the first-try score, each question with the first
 * answer and the engine's, and the ways on (again, new numbers for the review, the next lesson).
 */
final class LessonScorePage {
    private LessonScorePage() {
    }

    static void fill(VBox page, LessonPlayerViewModel vm, Lesson l, Locale locale, Runnable nextLesson,
                     Runnable showList) {
        page.getChildren().clear();
        LessonSession s = vm.session();
        LessonSession.Score sc = vm.scoreProperty().get();
        Label title = new Label(LessonText.get(locale, "score.title"));
        title.getStyleClass().add("lesson-step-title");
        page.getChildren().add(title);
        if (sc == null || sc.questions() == 0) {
            page.getChildren().add(new Label(LessonText.get(locale, "score.none")));
        } else {
            Label big = new Label(sc.correct() + " / " + sc.questions());
            big.setId("lessonScoreValue");
            big.getStyleClass().add("lesson-score-value");
            Label line = new Label(LessonText.get(locale, "score.line", sc.correct(), sc.questions()));
            line.setWrapText(true);
            page.getChildren().addAll(big, line);
            for (Step st : l.steps()) {
                if (st.question() != null) {
                    page.getChildren().add(row(s, l, st, locale));
                }
            }
        }
        Button again = new Button(LessonText.get(locale, "score.restart"));
        again.setId("lessonRestart");
        again.setOnAction(e -> vm.restart());
        Button next = new Button(LessonText.get(locale, "score.nextLesson"));
        next.setId("lessonNextLesson");
        next.setOnAction(e -> nextLesson.run());
        Button all = new Button(LessonText.get(locale, "score.list"));
        all.setOnAction(e -> showList.run());
        HBox buttons = new HBox(8, again, next, all);
        if (l.fresh()) {
            Button fresh = new Button(LessonText.get(locale, "panel.newNumbers"));
            fresh.setId("lessonScoreNewNumbers");
            fresh.setOnAction(e -> vm.newNumbers());
            buttons.getChildren().add(1, fresh);
        }
        page.getChildren().add(buttons);
    }

    /** ✓ right at the first try, ✗ wrong or its answer shown first, – not answered. */
    private static Label row(LessonSession s, Lesson l, Step st, Locale locale) {
        int i = st.number() - 1;
        LessonSession.Attempt a = s == null ? null : s.attempt(i);
        boolean shown = s != null && s.stage(i) == LessonSession.Stage.SHOWN;
        boolean right = a != null && a.first().correct() && !shown;
        String mark = right ? "\u2713" : a == null && !shown ? "\u2013" : "\u2717";
        String name = st.title() == null ? LessonText.get(locale, "panel.step", st.number(), l.steps().size())
                : st.title().get(locale);
        String given = a != null ? a.first().given()
                : LessonText.get(locale, shown ? "score.shown" : "score.unanswered");
        Label row = new Label(mark + "  " + name + ":  " + given + "  (" + st.question().expected(locale) + ")");
        row.setWrapText(true);
        row.getStyleClass().add(right ? "right" : a == null && !shown ? "unanswered" : "wrong");
        row.getStyleClass().add("lesson-score-row");
        return row;
    }
}
