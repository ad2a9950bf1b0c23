package org.convlens.ui.lesson;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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
    @FXML private Button newNumbersButton;
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
    @FXML private Label divergedText;
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
    @FXML private Button showAnswerButton;
    @FXML private RichTextView hintText;
    @FXML private Label coverNote;
    @FXML private Label verdictLabel;
    @FXML private Label buildNoteLabel;
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
        showAnswerButton.setId("lessonShowAnswer");
        buildNoteLabel.setId("lessonBuildNote");
        hintText.setId("lessonHintText");
        divergedText.setId("lessonDivergedText");
        newNumbersButton.setId("lessonNewNumbers");
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
                vm.notUnderstoodProperty(), vm.chosenProperty(), vm.explainedProperty(), vm.coveredProperty(),
                vm.stageProperty(), vm.buildNoteProperty(), vm.ticked());
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
            show(newNumbersButton, false);
            lessonTitle.setText(msg("tab.lessons"));
            lessonMeta.setText("");
            stepProgress.setProgress(0);
            extras.getChildren().clear();
            undecorate();
            return;
        }
        lessonTitle.setText(text(l.title()));
        show(newNumbersButton, l.fresh() && !end);
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
            if (s.question() != null) {
                fitPanel.ratesLockedProperty().bind(vm.explainedProperty().not());
            }
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
        boolean multiple = choice && ((Question.Choice) q).multiple();
        boolean build = q instanceof Question.Build;
        // a choice with one right option is answered by its button; the others by Check
        show(answerRow, !choice || multiple);
        show(answerField, !choice && !build);
        show(options, choice);
        options.getChildren().clear();
        if (choice) {
            Question.Choice c = (Question.Choice) q;
            for (int i = 0; i < c.options().size(); i++) {
                options.getChildren().add(option(i, text(c.options().get(i).text()), multiple));
            }
        } else if (!build) {
            answerField.setPromptText(msg(prompt(q)));
        }
        refreshQuestion();
    }

    /** Option {@code i}: a button that answers, or a check box to tick when several options are right. */
    private Node option(int i, RichText body, boolean multiple) {
        Label letter = new Label(org.convlens.lesson.Answers.letter(i));
        letter.getStyleClass().add("lesson-option-letter");
        RichTextView t = new RichTextView(body);
        t.setMouseTransparent(true);
        HBox g = new HBox(10, letter, t);
        HBox.setHgrow(t, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.ButtonBase b;
        if (multiple) {
            CheckBox box = new CheckBox();
            box.setSelected(vm.ticked().contains(i));
            box.selectedProperty().addListener((o, was, on) -> vm.tick(i, on));
            b = box;
        } else {
            Button button = new Button();
            button.setOnAction(e -> vm.choose(i));
            b = button;
        }
        b.setId("lessonOption" + i);
        b.getStyleClass().add("lesson-option");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setWrapText(true);
        b.setGraphic(g);
        return b;
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
        show(revealButton, teacher && !vm.revealedProperty().get());
        show(showAnswerButton, !teacher && !explained);
        boolean hint = vm.hintShownProperty().get() && q.hint() != null;
        show(hintButton, q.hint() != null && !hint);
        hintText.setText(hint ? text(q.hint()) : RichText.EMPTY);
        show(hintText, hint);
        String bad = vm.notUnderstoodProperty().get();
        inputMessage.setText(bad == null ? "" : q instanceof Question.Choice c
                ? msg(c.multiple() ? "question.notUnderstood.choices" : "question.notUnderstood.choice")
                : msg(notUnderstoodKey(q), bad));
        show(inputMessage, bad != null);
        Set<Highlight.Panel> covered = vm.coveredProperty().get();
        coverNote.setText(covered.isEmpty() ? "" : msg(teacher ? "question.covered.teacher" : "question.covered",
                String.join(", ", covered.stream().sorted().map(p -> msg("cover." + p.id())).toList())));
        show(coverNote, !covered.isEmpty());
        boolean shown = vm.verdictShownProperty().get();
        showVerdict(q, v, first, shown, explained, teacher);
        BuildCheck.Note note = vm.buildNoteProperty().get();
        // a note on settings the task does not allow tells nothing of the answer: teacher mode shows it too
        boolean noteShown = note != null && (shown || v == null || !teacher);
        buildNoteLabel.setText(noteShown ? msg(note.key(), note.argArray()) : "");
        show(buildNoteLabel, noteShown);
        if (explained) {
            answerLabel.setText(msg(answerKey(q), q.expected(locale)));
            explanation.setText(text(q.explain()));
        } else {
            answerLabel.setText("");
            explanation.setText(RichText.EMPTY);
        }
        show(answerLabel, explained);
        show(explanation, explained);
        if (q instanceof Question.Choice c) {
            markOptions(c, explained);
        }
    }

    private void showVerdict(Question q, Verdict v, Verdict first, boolean shown, boolean explained, boolean teacher) {
        verdictLabel.getStyleClass().removeAll("right", "wrong");
        if (v != null && shown) {
            verdictLabel.getStyleClass().add(v.correct() ? "right" : "wrong");
            if (v.correct()) {
                verdictLabel.setText(first != null && !first.correct()
                        ? msg(q instanceof Question.Build ? "build.rightAfter" : "question.rightAfter", first.given())
                        : msg("question.right"));
            } else {
                String said = q instanceof Question.Build ? msg("build.notYet") : msg("question.wrong", v.given());
                verdictLabel.setText(explained ? said : msg("question.then", said, msg(q.hint() != null && !teacher
                        ? "question.tryAgain.hint" : "question.tryAgain")));
            }
            show(verdictLabel, true);
        } else if (v != null && teacher) {
            verdictLabel.setText(msg("question.teacherWaiting"));
            show(verdictLabel, true);
        } else {
            verdictLabel.setText("");
            show(verdictLabel, false);
        }
    }

    private static String answerKey(Question q) {
        if (q instanceof Question.Choice c) {
            return c.multiple() ? "question.answerIsChoices" : "question.answerIsChoice";
        }
        return q instanceof Question.Build ? "question.answerIsBuild" : "question.answerIs";
    }

    /** The options chosen, and once explained the right ones and the wrong ones chosen. */
    private void markOptions(Question.Choice c, boolean explained) {
        Set<Integer> chosen = vm.chosenProperty().get();
        for (int i = 0; i < options.getChildren().size(); i++) {
            Node n = options.getChildren().get(i);
            n.getStyleClass().removeAll("chosen", "right", "wrong");
            if (chosen.contains(i)) {
                n.getStyleClass().add("chosen");
            }
            if (explained && c.correct().contains(i)) {
                n.getStyleClass().add("right");
            } else if (explained && chosen.contains(i)) {
                n.getStyleClass().add("wrong");
            }
            if (n instanceof CheckBox box && box.isSelected() != vm.ticked().contains(i)) {
                box.setSelected(vm.ticked().contains(i));
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
        Step s = vm.getStep();
        // a build task is done by changing the settings: the box then offers a fresh start, no warning
        boolean build = s != null && s.question() instanceof Question.Build;
        divergedText.setText(msg(build ? "build.diverged" : "panel.diverged"));
        show(divergedBox, vm.divergedProperty().get() && !vm.atEndProperty().get());
    }

    private void showScore(Lesson l) {
        LessonScorePage.fill(scorePage, vm, l, locale, nextLesson, showList);
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
    private void showAnswer() {
        vm.showAnswer();
    }

    @FXML
    private void newNumbers() {
        vm.newNumbers();
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
