package org.convlens.ui.lesson;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlens.lesson.Highlight;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonSession;
import org.convlens.lesson.Localized;
import org.convlens.lesson.Question;
import org.convlens.lesson.RichText;
import org.convlens.lesson.Step;
import org.convlens.lesson.Verdict;
import org.convlens.ui.Views;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lesson player's controller (fxml/LessonPanel.fxml), beside the stepper: the step's text,
 * its photo or training panel, the question with hint, check and reveal, the feedback, and the
 * score at the end. It also rings the stepper's panels the step points at (found
 * by their ids in the scene). Thin: every decision is in {@link LessonPlayerViewModel}.
 */
public class LessonPanel {
    /** Where attention goes for a highlighted panel: the stepper's nodes (fx:ids in fxml/StepperView.fxml). */
    static final Map<Highlight.Panel, List<String>> FOCUS = Map.of(
            Highlight.Panel.INPUT, List.of("inputBox"),
            Highlight.Panel.KERNEL, List.of("kernelBox"),
            Highlight.Panel.OUTPUT, List.of("outputBox", "pooledBox"),
            Highlight.Panel.SUM, List.of("arithmeticPane"),
            Highlight.Panel.SHAPE, List.of("shapePane"));
    static final String FOCUS_CLASS = "lesson-focus";

    private final LessonPlayerViewModel vm;
    private final FitViewModel fitVm;
    private final LessonPhotoViewModel photoVm;
    private final Locale locale;
    private final Runnable showList;
    private final Runnable hidePanel;
    private final Runnable nextLesson;
    private final List<Runnable> unbind = new ArrayList<>();
    private final List<Node> decorated = new ArrayList<>();
    private FitPanel fitPanel;
    private LessonPhotoPanel photoPanel;

    @FXML private VBox root;
    @FXML private Label lessonTitle;
    @FXML private Label lessonMeta;
    @FXML private Button listButton;
    @FXML private Button hideButton;
    @FXML private ProgressBar stepProgress;
    @FXML private ToggleGroup modeGroup;
    @FXML private ToggleButton selfStudyButton;
    @FXML private ToggleButton teacherButton;
    @FXML private ScrollPane scroll;
    @FXML private Label emptyText;
    @FXML private VBox stepPage;
    @FXML private Label stepTitle;
    @FXML private RichTextView narration;
    @FXML private VBox divergedBox;
    @FXML private Button restoreButton;
    @FXML private VBox extras;
    @FXML private VBox questionBox;
    @FXML private RichTextView ask;
    @FXML private HBox answerRow;
    @FXML private TextField answerField;
    @FXML private Button checkButton;
    @FXML private VBox options;
    @FXML private Label inputMessage;
    @FXML private Button hintButton;
    @FXML private Button revealButton;
    @FXML private RichTextView hintText;
    @FXML private Label coverNote;
    @FXML private Label verdictLabel;
    @FXML private Label answerLabel;
    @FXML private RichTextView explanation;
    @FXML private VBox scorePage;
    @FXML private Button backButton;
    @FXML private Button nextButton;

    public LessonPanel(LessonPlayerViewModel vm, FitViewModel fitVm, LessonPhotoViewModel photoVm, Locale locale,
                       Runnable showList, Runnable hidePanel, Runnable nextLesson) {
        this.vm = vm;
        this.fitVm = fitVm;
        this.photoVm = photoVm;
        this.locale = locale;
        this.showList = showList;
        this.hidePanel = hidePanel;
        this.nextLesson = nextLesson;
    }

    /** Loads the panel from its FXML in {@code locale}. */
    public static LessonPanel load(LessonPlayerViewModel vm, FitViewModel fit, LessonPhotoViewModel photo, Locale locale,
                                   Runnable showList, Runnable hide, Runnable nextLesson) {
        Views.Loaded<LessonPanel> l = Views.load("LessonPanel", LessonText.bundle(locale),
                c -> new LessonPanel(vm, fit, photo, locale, showList, hide, nextLesson));
        l.root().getStylesheets().add(Views.css("LessonPanel"));
        return l.controller();
    }

    @FXML
    private void initialize() {
        root.setId("lessonPanel");
        root.getProperties().put(LessonPlayerViewModel.class, vm);
        root.getProperties().put(FitViewModel.class, fitVm);
        answerField.setId("lessonAnswer");
        checkButton.setId("lessonCheck");
        hintButton.setId("lessonHint");
        revealButton.setId("lessonReveal");
        backButton.setId("lessonBack");
        nextButton.setId("lessonNext");
        verdictLabel.setId("lessonVerdict");
        answerLabel.setId("lessonAnswerIs");
        explanation.setId("lessonExplanation");
        narration.setId("lessonNarration");
        stepTitle.setId("lessonStepTitle");
        lessonMeta.setId("lessonMeta");
        inputMessage.setId("lessonInputMessage");
        restoreButton.setId("lessonRestore");
        selfStudyButton.setId("lessonSelfStudy");
        teacherButton.setId("lessonTeacher");
        scorePage.setId("lessonScore");
        coverNote.setId("lessonCoverNote");
        divergedBox.setId("lessonDivergedBox");
        scroll.setId("lessonScroll");

        answerField.textProperty().bindBidirectional(vm.answerProperty());
        unbind.add(() -> answerField.textProperty().unbindBidirectional(vm.answerProperty()));
        backButton.disableProperty().bind(vm.canGoBackProperty().not());
        nextButton.disableProperty().bind(vm.canGoForwardProperty().not());
        selfStudyButton.setSelected(vm.modeProperty().get() == LessonPlayerViewModel.Mode.SELF_STUDY);
        teacherButton.setSelected(vm.modeProperty().get() == LessonPlayerViewModel.Mode.TEACHER);
        modeGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            vm.modeProperty().set(b == teacherButton ? LessonPlayerViewModel.Mode.TEACHER
                    : LessonPlayerViewModel.Mode.SELF_STUDY);
        });
        watch(this::refreshAll, vm.stepProperty(), vm.lessonProperty(), vm.atEndProperty());
        watch(this::refreshQuestion, vm.verdictProperty(), vm.revealedProperty(), vm.hintShownProperty(),
                vm.notUnderstoodProperty(), vm.chosenProperty(), vm.explainedProperty(), vm.coveredProperty());
        watch(this::refreshMode, vm.modeProperty());
        watch(this::decorate, vm.coveredProperty(), vm.divergedProperty());
        watch(this::refreshDiverged, vm.divergedProperty());
        root.sceneProperty().addListener((o, a, b) -> decorate());
        refreshMode();
        refreshAll();
    }

    private void watch(Runnable r, Observable... on) {
        InvalidationListener l = o -> r.run();
        for (Observable x : on) {
            x.addListener(l);
            unbind.add(() -> x.removeListener(l));
        }
    }

    public VBox root() {
        return root;
    }

    /** Stops listening to the view-models and takes the decorations off the stepper (the window is being rebuilt). */
    public void dispose() {
        unbind.forEach(Runnable::run);
        unbind.clear();
        undecorate();
        if (fitPanel != null) {
            fitPanel.dispose();
        }
        backButton.disableProperty().unbind();
        nextButton.disableProperty().unbind();
    }

    private <T> T text(Localized<T> t) {
        return t == null ? null : t.get(locale);
    }

    private String msg(String key, Object... args) {
        return LessonText.get(locale, key, args);
    }

    // Showing

    private void refreshMode() {
        boolean teacher = vm.modeProperty().get() == LessonPlayerViewModel.Mode.TEACHER;
        // the mode may change from the menu or a key: the toggles follow
        (teacher ? teacherButton : selfStudyButton).setSelected(true);
        root.getStyleClass().remove("teacher");
        if (teacher) {
            root.getStyleClass().add("teacher");
        }
        refreshQuestion();
    }

    private void refreshAll() {
        Lesson l = vm.getLesson();
        boolean has = l != null;
        emptyText.setVisible(!has);
        emptyText.setManaged(!has);
        boolean end = vm.atEndProperty().get();
        show(stepPage, has && !end);
        show(scorePage, has && end);
        if (!has) {
            lessonTitle.setText(msg("tab.lessons"));
            lessonMeta.setText("");
            stepProgress.setProgress(0);
            extras.getChildren().clear();
            undecorate();
            return;
        }
        lessonTitle.setText(text(l.title()));
        int n = l.steps().size();
        int i = vm.indexProperty().get();
        lessonMeta.setText(msg("level." + l.level().id()) + "  \u00B7  " + (end ? msg("score.title")
                : msg("panel.step", i + 1, n)));
        stepProgress.setProgress(end ? 1 : (i + 1) / (double) n);
        nextButton.setText(msg(!end && i == n - 1 ? "panel.finish" : "panel.next"));
        if (end) {
            showScore(l);
            undecorate();
            return;
        }
        Step s = vm.getStep();
        if (s == null) {
            return;
        }
        String title = text(s.title());
        stepTitle.setText(title == null ? "" : title);
        show(stepTitle, title != null);
        narration.setText(text(s.text()));
        showExtras(s);
        showQuestion(s);
        refreshDiverged();
        decorate();
        scroll.setVvalue(0);
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    private void showExtras(Step s) {
        extras.getChildren().clear();
        if (fitPanel != null) {
            fitPanel.dispose();
            fitPanel = null;
        }
        photoVm.show(s.photo(), locale);
        if (s.photo() != null) {
            if (photoPanel == null) {
                photoPanel = new LessonPhotoPanel(photoVm, locale);
                photoPanel.setId("lessonPhotoPanel");
            }
            mark(photoPanel, s.highlight().panels().contains(Highlight.Panel.PHOTO));
            extras.getChildren().add(photoPanel);
        }
        fitVm.set(s.fit());
        if (s.fit() != null) {
            fitPanel = new FitPanel(fitVm, locale);
            fitPanel.setId("lessonFitPanel");
            mark(fitPanel, s.highlight().panels().contains(Highlight.Panel.FIT));
            extras.getChildren().add(fitPanel);
        }
    }

    private static void mark(Node n, boolean focus) {
        n.getStyleClass().remove(FOCUS_CLASS);
        if (focus) {
            n.getStyleClass().add(FOCUS_CLASS);
        }
    }

    private void showQuestion(Step s) {
        Question q = s.question();
        show(questionBox, q != null);
        if (q == null) {
            return;
        }
        ask.setText(text(q.ask()));
        boolean choice = q instanceof Question.Choice;
        show(answerRow, !choice);
        show(options, choice);
        options.getChildren().clear();
        if (choice) {
            Question.Choice c = (Question.Choice) q;
            for (int i = 0; i < c.options().size(); i++) {
                int index = i;
                Button b = new Button();
                b.setId("lessonOption" + i);
                b.getStyleClass().add("lesson-option");
                b.setMaxWidth(Double.MAX_VALUE);
                b.setWrapText(true);
                Label letter = new Label(org.convlens.lesson.Answers.letter(i));
                letter.getStyleClass().add("lesson-option-letter");
                RichTextView t = new RichTextView(text(c.options().get(i).text()));
                t.setMouseTransparent(true);
                HBox g = new HBox(10, letter, t);
                HBox.setHgrow(t, javafx.scene.layout.Priority.ALWAYS);
                b.setGraphic(g);
                b.setOnAction(e -> vm.choose(index));
                options.getChildren().add(b);
            }
        } else {
            answerField.setPromptText(msg(prompt(q)));
        }
        hintButton.setVisible(q.hint() != null);
        hintButton.setManaged(q.hint() != null);
        refreshQuestion();
    }

    private static String prompt(Question q) {
        if (q instanceof Question.Shape s) {
            return s.channels() ? "question.prompt.shapeChannels" : "question.prompt.shape";
        }
        return q instanceof Question.Count ? "question.prompt.count" : "question.prompt.value";
    }

    private void refreshQuestion() {
        Step s = vm.getStep();
        if (s == null || s.question() == null || vm.atEndProperty().get()) {
            return;
        }
        Question q = s.question();
        boolean teacher = vm.modeProperty().get() == LessonPlayerViewModel.Mode.TEACHER;
        boolean explained = vm.explainedProperty().get();
        Verdict v = vm.verdictProperty().get();
        Verdict first = vm.firstVerdictProperty().get();
        revealButton.setVisible(teacher && !vm.revealedProperty().get());
        revealButton.setManaged(teacher && !vm.revealedProperty().get());
        boolean hint = vm.hintShownProperty().get() && q.hint() != null;
        hintText.setText(hint ? text(q.hint()) : RichText.EMPTY);
        show(hintText, hint);
        String bad = vm.notUnderstoodProperty().get();
        inputMessage.setText(bad == null ? "" : q instanceof Question.Choice ? msg("question.notUnderstood.choice")
                : msg(notUnderstoodKey(q), bad));
        show(inputMessage, bad != null);
        Set<Highlight.Panel> covered = vm.coveredProperty().get();
        coverNote.setText(covered.isEmpty() ? "" : msg(teacher ? "question.covered.teacher" : "question.covered",
                String.join(", ", covered.stream().sorted().map(p -> msg("cover." + p.id())).toList())));
        show(coverNote, !covered.isEmpty());
        verdictLabel.getStyleClass().removeAll("right", "wrong");
        if (v != null && vm.verdictShownProperty().get()) {
            verdictLabel.getStyleClass().add(v.correct() ? "right" : "wrong");
            if (v.correct()) {
                verdictLabel.setText(first != null && !first.correct()
                        ? msg("question.rightAfter", first.given()) : msg("question.right"));
            } else {
                verdictLabel.setText(msg("question.wrong", v.given()) + (explained ? "" : " " + msg("question.tryAgain")));
            }
            show(verdictLabel, true);
        } else if (v != null && teacher) {
            verdictLabel.setText(msg("question.teacherWaiting"));
            show(verdictLabel, true);
        } else {
            verdictLabel.setText("");
            show(verdictLabel, false);
        }
        if (explained) {
            answerLabel.setText(msg(q instanceof Question.Choice ? "question.answerIsChoice" : "question.answerIs",
                    q.expected(locale)));
            explanation.setText(text(q.explain()));
        } else {
            answerLabel.setText("");
            explanation.setText(RichText.EMPTY);
        }
        show(answerLabel, explained);
        show(explanation, explained);
        for (Node n : options.getChildren()) {
            n.getStyleClass().removeAll("chosen", "right", "wrong");
        }
        if (q instanceof Question.Choice c) {
            Integer chosen = vm.chosenProperty().get();
            for (int i = 0; i < options.getChildren().size(); i++) {
                Node n = options.getChildren().get(i);
                if (chosen != null && chosen == i) {
                    n.getStyleClass().add("chosen");
                }
                if (explained && c.correct().contains(i)) {
                    n.getStyleClass().add("right");
                } else if (explained && chosen != null && chosen == i) {
                    n.getStyleClass().add("wrong");
                }
            }
        }
    }

    private static String notUnderstoodKey(Question q) {
        if (q instanceof Question.Shape s) {
            return s.channels() ? "question.notUnderstood.shapeChannels" : "question.notUnderstood.shape";
        }
        return q instanceof Question.Count ? "question.notUnderstood.count" : "question.notUnderstood.value";
    }

    private void refreshDiverged() {
        show(divergedBox, vm.divergedProperty().get() && !vm.atEndProperty().get());
    }

    private void showScore(Lesson l) {
        scorePage.getChildren().clear();
        LessonSession s = vm.session();
        LessonSession.Score sc = vm.scoreProperty().get();
        Label title = new Label(msg("score.title"));
        title.getStyleClass().add("lesson-step-title");
        scorePage.getChildren().add(title);
        if (sc == null || sc.questions() == 0) {
            scorePage.getChildren().add(new Label(msg("score.none")));
        } else {
            Label big = new Label(sc.correct() + " / " + sc.questions());
            big.setId("lessonScoreValue");
            big.getStyleClass().add("lesson-score-value");
            Label line = new Label(msg("score.line", sc.correct(), sc.questions()));
            line.setWrapText(true);
            scorePage.getChildren().addAll(big, line);
            for (Step st : l.steps()) {
                if (st.question() == null) {
                    continue;
                }
                LessonSession.Attempt a = s == null ? null : s.attempt(st.number() - 1);
                String mark = a == null ? "\u2013" : a.first().correct() ? "\u2713" : "\u2717";
                String name = st.title() == null ? msg("panel.step", st.number(), l.steps().size()) : text(st.title());
                String given = a == null ? msg("score.unanswered") : a.first().given();
                Label row = new Label(mark + "  " + name + ":  " + given + "  (" + st.question().expected(locale) + ")");
                row.setWrapText(true);
                row.getStyleClass().add(a == null ? "unanswered" : a.first().correct() ? "right" : "wrong");
                row.getStyleClass().add("lesson-score-row");
                scorePage.getChildren().add(row);
            }
        }
        Button again = new Button(msg("score.restart"));
        again.setId("lessonRestart");
        again.setOnAction(e -> vm.restart());
        Button next = new Button(msg("score.nextLesson"));
        next.setId("lessonNextLesson");
        next.setOnAction(e -> nextLesson.run());
        Button all = new Button(msg("score.list"));
        all.setOnAction(e -> showList.run());
        scorePage.getChildren().add(new HBox(8, again, next, all));
    }

    // Decorating the stepper

    /**
     * Rings the stepper's panels the step points at (those not covered). Covering is the
     * stepper's own ({@link org.convlens.ui.stepper.Covers}, set by the view-model), so it holds
     * whatever the window does.
     */
    private void decorate() {
        undecorate();
        Scene scene = root.getScene();
        Step s = vm.getStep();
        if (scene == null || s == null || vm.atEndProperty().get() || vm.divergedProperty().get()) {
            return;
        }
        Set<Highlight.Panel> focus = EnumSet.noneOf(Highlight.Panel.class);
        focus.addAll(s.highlight().panels());
        focus.removeAll(vm.coveredProperty().get());
        for (Highlight.Panel p : focus) {
            for (String id : FOCUS.getOrDefault(p, List.of())) {
                Node n = scene.lookup("#" + id);
                if (n != null && n.isVisible()) {
                    n.getStyleClass().add(FOCUS_CLASS);
                    decorated.add(n);
                }
            }
        }
        if (!scene.getStylesheets().contains(Views.css("LessonStepper"))) {
            scene.getStylesheets().add(Views.css("LessonStepper"));
        }
    }

    private void undecorate() {
        for (Node n : decorated) {
            n.getStyleClass().remove(FOCUS_CLASS);
        }
        decorated.clear();
    }

    // Handlers

    @FXML
    private void check() {
        vm.check();
    }

    @FXML
    private void hint() {
        vm.showHint();
    }

    @FXML
    private void reveal() {
        vm.reveal();
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void next() {
        vm.next();
    }

    @FXML
    private void restore() {
        vm.restoreStep();
    }

    @FXML
    private void showList() {
        showList.run();
    }

    @FXML
    private void hide() {
        hidePanel.run();
    }
}
