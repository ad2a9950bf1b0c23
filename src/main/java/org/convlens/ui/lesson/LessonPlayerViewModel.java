package org.convlens.ui.lesson;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableSet;
import org.convlens.lesson.Answers;
import org.convlens.lesson.Highlight;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonSession;
import org.convlens.lesson.ProgressStore;
import org.convlens.lesson.Question;
import org.convlens.lesson.Step;
import org.convlens.lesson.Verdict;
import org.convlens.spec.Problem;
import org.convlens.ui.stepper.Covers;
import org.convlens.ui.stepper.Marks;
import org.convlens.ui.stepper.ScenarioViewModel;
import org.convlens.ui.stepper.StepperViewModel;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Plays a lesson in the main window: each step loads its state into the stepper's scenario, moves
 * the stepper to the step it names, marks its cells and covers what would give an open question's
 * answer away. Answers are checked at once (a build task's on the stepper's own settings). In
 * self-study a wrong answer gets "try again" and the hint, the answer comes after a second wrong
 * one or on "Show answer"; in teacher mode nothing shows until revealed. Progress is saved after
 * every change. No JavaFX nodes.
 */
public final class LessonPlayerViewModel {
    /** Self-study shows feedback at once; teacher mode keeps answers hidden until revealed, in big type. */
    public enum Mode {
        SELF_STUDY("self-study"), TEACHER("teacher");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Mode fromId(String id) {
            return TEACHER.id.equals(id) ? TEACHER : SELF_STUDY;
        }
    }

    private final ScenarioViewModel scenario;
    private final StepperViewModel stepper;
    private final LessonProgress progress;

    // Properties
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyStringWrapper key = new ReadOnlyStringWrapper(this, "key");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SELF_STUDY);
    private final StringProperty answer = new SimpleStringProperty(this, "answer", "");
    private final AnswerState answers = new AnswerState();
    private final ReadOnlyBooleanWrapper diverged = new ReadOnlyBooleanWrapper(this, "diverged");
    private final ReadOnlyBooleanWrapper atEnd = new ReadOnlyBooleanWrapper(this, "atEnd");
    private final ReadOnlyObjectWrapper<LessonSession.Score> score = new ReadOnlyObjectWrapper<>(this, "score");
    private final ReadOnlyObjectWrapper<Set<Highlight.Panel>> covered = new ReadOnlyObjectWrapper<>(this, "covered",
            Set.of());
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoForward;
    private final BooleanBinding explained;
    private final BooleanBinding verdictShown;

    private final LessonVariants variants;
    private LessonSession session;
    private boolean applying;

    /**
     * @param saveFailed receives a message when progress cannot be written (the status bar)
     */
    public LessonPlayerViewModel(ScenarioViewModel scenario, StepperViewModel stepper, ProgressStore store,
                                 Consumer<String> saveFailed) {
        this(scenario, stepper, store, saveFailed, () -> ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    /** As above; {@code seeds} gives the seeds of "new numbers" (positive). */
    LessonPlayerViewModel(ScenarioViewModel scenario, StepperViewModel stepper, ProgressStore store,
                          Consumer<String> saveFailed, LongSupplier seeds) {
        this.variants = new LessonVariants(store, seeds);
        this.scenario = scenario;
        this.stepper = stepper;
        this.progress = new LessonProgress(store, saveFailed, scenario.localeProperty()::get);
        mode.set(Mode.fromId(progress.setting("mode", Mode.SELF_STUDY.id())));
        canGoBack = Bindings.createBooleanBinding(() -> lesson.get() != null && (index.get() > 0 || atEnd.get()),
                lesson, index, atEnd);
        canGoForward = Bindings.createBooleanBinding(() -> lesson.get() != null && !atEnd.get(), lesson, atEnd);
        explained = Bindings.createBooleanBinding(() -> step.get() != null && step.get().question() != null
                && (answers.revealed.get() || mode.get() == Mode.SELF_STUDY && (answers.stage.get() == LessonSession.Stage.SOLVED
                || answers.stage.get() == LessonSession.Stage.SHOWN)), step, answers.revealed, mode, answers.stage);
        verdictShown = Bindings.createBooleanBinding(() -> answers.verdict.get() != null
                && (mode.get() == Mode.SELF_STUDY || answers.revealed.get()), answers.verdict, mode, answers.revealed);
        explained.addListener(o -> refreshCover());
        atEnd.addListener(o -> refreshCover());
        diverged.addListener(o -> refreshMarks());
        mode.addListener((o, a, b) -> saveSetting("mode", b.id()));
        scenario.latestProblemProperty().addListener((o, a, b) -> checkDiverged(b));
    }

    // Properties (accessors)

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public Lesson getLesson() {
        return lesson.get();
    }

    /** The key progress is kept under: the lesson's id for shipped lessons, its file otherwise. */
    public ReadOnlyStringProperty keyProperty() {
        return key.getReadOnlyProperty();
    }

    /** The 0-based step shown. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step getStep() {
        return step.get();
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** What is typed in the answer field. */
    public StringProperty answerProperty() {
        return answer;
    }

    /** The latest understood answer to this step's question, or null. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return answers.verdict.getReadOnlyProperty();
    }

    /** The first understood answer (the one that scores), or null. */
    public ReadOnlyObjectProperty<Verdict> firstVerdictProperty() {
        return answers.firstVerdict.getReadOnlyProperty();
    }

    /** The options of the latest understood answer to a choice question (none before one). */
    public ReadOnlyObjectProperty<Set<Integer>> chosenProperty() {
        return answers.chosen.getReadOnlyProperty();
    }

    /** The check boxes ticked of a choice with several right options, not yet checked. */
    public ObservableSet<Integer> ticked() {
        return answers.tickedView;
    }

    /**
     * Where the question stands in self-study: open, "try again" (with the hint), solved, or its
     * answer shown (after a second wrong try or "Show answer").
     */
    public ReadOnlyObjectProperty<LessonSession.Stage> stageProperty() {
        return answers.stage.getReadOnlyProperty();
    }

    /** After a build task's Check: what is still off, or null. */
    public ReadOnlyObjectProperty<BuildCheck.Note> buildNoteProperty() {
        return answers.buildNote.getReadOnlyProperty();
    }

    /** The text just typed if it was not an answer the question takes, else null. */
    public ReadOnlyStringProperty notUnderstoodProperty() {
        return answers.notUnderstood.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hintShownProperty() {
        return answers.hintShown.getReadOnlyProperty();
    }

    /** Teacher mode: the answer and explanation were revealed. */
    public ReadOnlyBooleanProperty revealedProperty() {
        return answers.revealed.getReadOnlyProperty();
    }

    /** The scenario was changed by hand after the step loaded it: the step's text no longer describes it. */
    public ReadOnlyBooleanProperty divergedProperty() {
        return diverged.getReadOnlyProperty();
    }

    /** The score page after the last step is shown. */
    public ReadOnlyBooleanProperty atEndProperty() {
        return atEnd.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LessonSession.Score> scoreProperty() {
        return score.getReadOnlyProperty();
    }

    /** Panels covered until the question is answered (the file's {@code hide}, and what would give the answer away). */
    public ReadOnlyObjectProperty<Set<Highlight.Panel>> coveredProperty() {
        return covered.getReadOnlyProperty();
    }

    /** Counts successful saves of progress (lists showing progress refresh on it). */
    public ReadOnlyIntegerProperty savesProperty() {
        return progress.savesProperty();
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoForwardProperty() {
        return canGoForward;
    }

    /** The explanation (and the engine's answer) is shown. */
    public BooleanBinding explainedProperty() {
        return explained;
    }

    /** Right or wrong is shown. */
    public BooleanBinding verdictShownProperty() {
        return verdictShown;
    }

    /** The session being played, or null (for tests and the score page). */
    public LessonSession session() {
        return session;
    }

    // Commands

    /**
     * Opens a lesson where its saved progress left off (a finished one from the start) and shows
     * that step in the window.
     *
     * @param progressKey the key its progress is saved under
     */
    public void open(Lesson l, String progressKey) {
        open(l, progressKey, false);
    }

    /**
     * As {@link #open(Lesson, String)}; with {@code keepScenario} the stepper keeps what it shows
     * (the user's own scenario, brought back at start) and the panel offers the step's state one
     * click away ({@link #restoreStep()}) instead of loading it over the user's work.
     */
    public void open(Lesson l, String progressKey, boolean keepScenario) {
        l = variants.played(l, progressKey, scenario.localeProperty().get());
        session = new LessonSession(l);
        ProgressStore.Entry e = progress.get(progressKey);
        if (e != null) {
            session.restore(e);
            if (e.finished() && session.isLast()) {
                session.goTo(0);
            }
        }
        lesson.set(l);
        key.set(progressKey);
        atEnd.set(false);
        show(!keepScenario);
        saveSetting("last", progressKey);
        save();
    }

    /** Forgets the lesson; the stepper keeps its scenario, unmarked. */
    public void close() {
        session = null;
        lesson.set(null);
        step.set(null);
        stepper.marksProperty().set(Marks.NONE);
        stepper.coversProperty().set(Covers.NONE);
        covered.set(Set.of());
        diverged.set(false);
    }

    public void next() {
        if (session == null || atEnd.get()) {
            return;
        }
        if (!session.next()) {
            session.finish();
            score.set(session.score());
            atEnd.set(true);
            save();
            return;
        }
        show();
        save();
    }

    public void back() {
        if (session == null) {
            return;
        }
        if (atEnd.get()) {
            atEnd.set(false);
            show();
            return;
        }
        if (session.back()) {
            show();
            save();
        }
    }

    /** Shows step {@code i} (0-based). */
    public void goTo(int i) {
        if (session == null) {
            return;
        }
        atEnd.set(false);
        session.goTo(i);
        show();
        save();
    }

    /** Starts the lesson again: answers forgotten, first step. */
    public void restart() {
        if (lesson.get() == null) {
            return;
        }
        Lesson l = lesson.get();
        progress.forget(key.get());
        open(l, key.get());
    }

    /**
     * A fresh lesson (the review) with new random numbers: the engine works out every answer
     * again; the answers to the old numbers are forgotten and it starts at its first step.
     */
    public void newNumbers() {
        Lesson l = lesson.get();
        if (l == null || !l.fresh()) {
            return;
        }
        try {
            Lesson v = variants.renew(l, key.get(), scenario.localeProperty().get());
            if (progress.forget(key.get())) {
                open(v, key.get());
            }
        } catch (IOException e) {
            progress.failed(e);
        }
    }

    /** {@code l} with the numbers it is played with under {@code key} (another variant for the review). */
    public Lesson played(Lesson l, String key) {
        return variants.played(l, key, scenario.localeProperty().get());
    }

    /**
     * Check: the typed answer; for a choice with several right options the boxes ticked; for a
     * build task the stepper's settings.
     */
    public Verdict check() {
        Question q = step.get() == null ? null : step.get().question();
        if (q instanceof Question.Build) {
            return checkBuild();
        }
        if (q instanceof Question.Choice c && c.multiple()) {
            return checkTicked();
        }
        return submit(answer.get());
    }

    /** Chooses option {@code i} (0-based) of a choice question with one right option. */
    public Verdict choose(int i) {
        return submit(Answers.letter(i));
    }

    /** Ticks or unticks option {@code i} of a choice with several right options (checked by {@link #checkTicked}). */
    public void tick(int i, boolean on) {
        answers.tick(i, on);
    }

    /** Checks the options ticked: right only if they are all the right ones and no other. */
    public Verdict checkTicked() {
        return submit(answers.tickedLetters());
    }

    /** A build task's Check: the engine runs the stepper's settings as they are now. */
    public Verdict checkBuild() {
        if (session == null || atEnd.get() || step.get() == null
                || !(step.get().question() instanceof Question.Build q)) {
            return null;
        }
        Problem built = scenario.latestProblemProperty().get();
        if (built == null) {
            answers.buildNote.set(new BuildCheck.Note("build.noOutput", List.of()));
            return null;
        }
        Verdict v = session.build(built);
        answers.buildNote.set(BuildCheck.of(q, v, built));
        return v.understood() ? answered(v) : v;
    }

    private Verdict submit(String text) {
        if (session == null || atEnd.get() || step.get() == null || step.get().question() == null) {
            return null;
        }
        Verdict v = session.answer(text == null ? "" : text);
        if (!v.understood()) {
            answers.notUnderstood.set(text == null ? "" : text);
            return v;
        }
        return answered(v);
    }

    /** After an understood answer: the verdict, the stage, the hint or answer in self-study; saved. */
    private Verdict answered(Verdict v) {
        answers.answered(session, step.get(), v);
        if (mode.get() == Mode.SELF_STUDY) {
            answers.hintShown.set(session.hinted() && step.get().question().hint() != null);
            if (explained.get()) {
                showAnswerInStepper();
            }
        }
        save();
        return v;
    }

    /** Self-study's "Show answer": the answer and explanation now (the question then scores no first-try point). */
    public void showAnswer() {
        if (session == null || atEnd.get() || step.get() == null || step.get().question() == null) {
            return;
        }
        session.showAnswer();
        answers.stage.set(session.stage());
        showAnswerInStepper();
        save();
    }

    public void showHint() {
        if (session != null && step.get() != null && step.get().question() != null
                && step.get().question().hint() != null) {
            session.hint();
            answers.hintShown.set(true);
        }
    }

    /** Teacher mode: shows the answer, the verdict of what was typed, and the explanation. */
    public void reveal() {
        if (session == null || step.get() == null || step.get().question() == null) {
            return;
        }
        session.reveal();
        answers.revealed.set(true);
        answers.stage.set(session.stage());
        showAnswerInStepper();
        save();
    }

    /** Loads the step's state again after the user changed it by hand. */
    public void restoreStep() {
        if (session != null && !atEnd.get()) {
            show();
        }
    }

    // Showing a step

    private void show() {
        show(true);
    }

    /** Shows the current step; {@code apply}: load its state into the stepper (else leave the stepper as it is). */
    private void show(boolean apply) {
        Step s = session.current();
        index.set(session.index());
        step.set(s);
        LessonSession.Attempt a = session.attempt();
        answers.show(session, s);
        answer.set(a == null || s.question() instanceof Question.Choice || s.question() instanceof Question.Build ? ""
                : a.last().given());
        if (!apply) {
            diverged.set(false);
            checkDiverged(scenario.latestProblemProperty().get());
            refreshMarks();
            refreshCover();
            return;
        }
        applying = true;
        try {
            scenario.load(s.scenario().problem());
        } finally {
            applying = false;
        }
        diverged.set(false);
        long at = s.highlight().step();
        if (at == Highlight.END) {
            stepper.last();
        } else if (at >= 0) {
            stepper.jumpTo((int) at);
        } else {
            stepper.first();
        }
        stepper.pinnedLinkProperty().set(null);
        refreshMarks();
        refreshCover();
    }

    /** After answering: the stepper shows the step that computes the cell asked about. */
    private void showAnswerInStepper() {
        Step s = step.get();
        if (!diverged.get() && s != null && s.question() instanceof Question.Value q) {
            stepper.jumpTo(StepDisplay.stepOf(s, q));
        }
    }

    private void refreshMarks() {
        Step s = step.get();
        if (s == null || diverged.get()) {
            stepper.marksProperty().set(Marks.NONE);
            return;
        }
        stepper.marksProperty().set(StepDisplay.marksOf(s));
    }

    /**
     * What the open question covers, until it is answered (self-study: the answer shown; teacher
     * mode: revealed). Nothing else lifts it: not an edit of the scenario, a step, a new language.
     */
    private void refreshCover() {
        Step s = step.get();
        if (s == null || s.question() == null || explained.get() || atEnd.get()) {
            covered.set(Set.of());
            stepper.coversProperty().set(Covers.NONE);
            return;
        }
        Set<Highlight.Panel> c = StepDisplay.coveredPanels(s);
        covered.set(c);
        stepper.coversProperty().set(StepDisplay.stepperCovers(s, c));
    }

    private void checkDiverged(Problem latest) {
        Step s = step.get();
        if (applying || s == null || atEnd.get()) {
            return;
        }
        if (s.showsOtherTab()) {
            // A network or training step shows its own tab: the stepper's scenario is not what it is about.
            diverged.set(false);
            return;
        }
        diverged.set(latest == null || !StepDisplay.sameScenario(latest, s.scenario().problem()));
    }

    // Saving

    private void save() {
        if (session != null) {
            progress.save(key.get(), session);
        }
    }

    private void saveSetting(String k, String v) {
        progress.putSetting(k, v);
    }

    /** Records whether the lesson panel is shown (the next start opens a lesson only if it was). */
    public void rememberPanel(boolean shown) {
        saveSetting("panel", Boolean.toString(shown));
    }

    public boolean panelWasShown() {
        return Boolean.parseBoolean(progress.setting("panel", "true"));
    }

    /** The key of the lesson open last, or null. */
    public String lastKey() {
        return progress.setting("last", null);
    }

    public ProgressStore store() {
        return progress.store();
    }
}
