package org.convlens.ui.lesson;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonProblem;
import org.convlens.lesson.ProgressStore;
import org.convlens.lesson.LessonSession;
import org.convlens.lesson.UserFiles;
import org.convlens.ui.Views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Lessons tab's controller (fxml/LessonList.fxml): each lesson as a card with its level,
 * size, summary and progress, and an Open button; below, the lesson files that did not load,
 * each problem as {@code file:line: message}.
 */
public class LessonListView {
    private final LessonLibraryViewModel library;
    private final LessonPlayerViewModel player;
    private final Locale locale;
    private final Consumer<Lesson> open;
    private final Runnable reload;
    private final List<Runnable> unbind = new ArrayList<>();

    @FXML private ScrollPane root;
    @FXML private VBox content;
    @FXML private Button reloadButton;
    @FXML private Label loadingLabel;
    @FXML private VBox cards;
    @FXML private VBox problemsBox;
    @FXML private Label folderNote;

    public LessonListView(LessonLibraryViewModel library, LessonPlayerViewModel player, Locale locale,
                          Consumer<Lesson> open, Runnable reload) {
        this.library = library;
        this.player = player;
        this.locale = locale;
        this.open = open;
        this.reload = reload;
    }

    public static LessonListView load(LessonLibraryViewModel library, LessonPlayerViewModel player, Locale locale,
                                      Consumer<Lesson> open, Runnable reload) {
        Views.Loaded<LessonListView> l = Views.load("LessonList", LessonText.bundle(locale),
                c -> new LessonListView(library, player, locale, open, reload));
        l.root().getStylesheets().add(Views.css("LessonPanel"));
        return l.controller();
    }

    @FXML
    private void initialize() {
        root.setId("lessonList");
        reloadButton.setId("lessonReload");
        InvalidationListener l = o -> refresh();
        for (Observable x : List.of(library.lessons(), library.problems(), library.loadingProperty(),
                player.savesProperty(), player.lessonProperty())) {
            x.addListener(l);
            unbind.add(() -> x.removeListener(l));
        }
        folderNote.setText(LessonText.get(locale, "list.folder", UserFiles.lessons()));
        refresh();
    }

    public ScrollPane root() {
        return root;
    }

    public void dispose() {
        unbind.forEach(Runnable::run);
        unbind.clear();
    }

    private String msg(String key, Object... args) {
        return LessonText.get(locale, key, args);
    }

    private void refresh() {
        loadingLabel.setVisible(library.loadingProperty().get());
        loadingLabel.setManaged(library.loadingProperty().get());
        cards.getChildren().clear();
        int n = 0;
        for (Lesson l : library.lessons()) {
            cards.getChildren().add(card(l, ++n));
        }
        problemsBox.getChildren().clear();
        List<LessonProblem> errors = library.problems().stream().filter(p -> !p.warning()).toList();
        List<LessonProblem> warnings = library.problems().stream().filter(LessonProblem::warning).toList();
        for (Map.Entry<String, List<LessonProblem>> part : List.of(Map.entry("list.problems", errors),
                Map.entry("list.warnings", warnings))) {
            if (part.getValue().isEmpty()) {
                continue;
            }
            Label head = new Label(msg(part.getKey()));
            head.getStyleClass().add("lesson-subtitle");
            head.setWrapText(true);
            problemsBox.getChildren().add(head);
            for (LessonProblem p : part.getValue()) {
                Label line = new Label(p.toString());
                line.setWrapText(true);
                line.getStyleClass().add("lesson-problem");
                problemsBox.getChildren().add(line);
            }
        }
    }

    private HBox card(Lesson l, int number) {
        Label num = new Label(Integer.toString(number));
        num.getStyleClass().add("lesson-number");
        Label title = new Label(l.title().get(locale));
        title.getStyleClass().add("lesson-subtitle");
        title.setWrapText(true);
        Label meta = new Label(msg("level." + l.level().id()) + "  \u00B7  "
                + msg("list.steps", l.steps().size(), l.questionCount()));
        meta.getStyleClass().add("lesson-muted");
        RichTextView summary = new RichTextView(l.summary().get(locale));
        String key = library.keyOf(l);
        ProgressStore.Entry e = player.store().get(key);
        // the answers are scored against the numbers they were given for (the review's variant)
        LessonSession.Score score = e == null ? null : LessonSession.of(player.played(l, key), e).score();
        ProgressBar bar = new ProgressBar(progress(l, e, score));
        bar.getStyleClass().add("lesson-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("lessonBar-" + l.id());
        Label state = new Label(state(l, e, score));
        state.getStyleClass().add("lesson-muted");
        state.setId("lessonState-" + l.id());
        VBox text = new VBox(4, title, meta, summary, bar, state);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button go = new Button(msg("list.open"));
        go.setId("lessonOpen-" + l.id());
        go.setOnAction(x -> open.accept(l));
        go.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox card = new HBox(12, num, text, go);
        card.getStyleClass().add("lesson-card");
        if (key.equals(player.keyProperty().get())) {
            card.getStyleClass().add("current");
        }
        return card;
    }

    /** How far through: the questions answered (the steps seen for a lesson without questions). */
    private static double progress(Lesson l, ProgressStore.Entry e, LessonSession.Score score) {
        if (e == null) {
            return 0;
        }
        if (score.questions() == 0) {
            return e.finished() ? 1 : (e.step() + 1) / (double) Math.max(1, l.steps().size());
        }
        return score.fraction();
    }

    /** Not started; the questions answered and right at the first try; done once every question is answered. */
    private String state(Lesson l, ProgressStore.Entry e, LessonSession.Score score) {
        if (e == null) {
            return msg("list.progress.new");
        }
        if (score.questions() > 0 ? score.done() : e.finished()) {
            return msg("list.progress.done", score.correct(), score.questions());
        }
        return msg("list.progress.going", score.answered(), score.questions(), score.correct());
    }

    @FXML
    private void reload() {
        reload.run();
    }
}
