package org.convlens.ui.lesson;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.convlens.lesson.Answers;
import org.convlens.lesson.LessonSession;
import org.convlens.lesson.Question;
import org.convlens.lesson.Step;
import org.convlens.lesson.Verdict;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the current step's question stands, as {@link LessonPlayerViewModel} shows it: the
 * verdicts, the options chosen and ticked, the self-study stage, a build task's note, the hint
 * and teacher mode's reveal. Filled from the {@link LessonSession}; no JavaFX nodes.
 */
final class AnswerState {
    final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    final ReadOnlyObjectWrapper<Verdict> firstVerdict = new ReadOnlyObjectWrapper<>(this, "firstVerdict");
    final ReadOnlyObjectWrapper<Set<Integer>> chosen = new ReadOnlyObjectWrapper<>(this, "chosen", Set.of());
    final ObservableSet<Integer> ticked = FXCollections.observableSet(new TreeSet<>());
    /** One read-only view for every listener (a view made per call would be collected with its listeners). */
    final ObservableSet<Integer> tickedView = FXCollections.unmodifiableObservableSet(ticked);
    final ReadOnlyObjectWrapper<LessonSession.Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage",
            LessonSession.Stage.OPEN);
    final ReadOnlyObjectWrapper<BuildCheck.Note> buildNote = new ReadOnlyObjectWrapper<>(this, "buildNote");
    final ReadOnlyStringWrapper notUnderstood = new ReadOnlyStringWrapper(this, "notUnderstood");
    final ReadOnlyBooleanWrapper hintShown = new ReadOnlyBooleanWrapper(this, "hintShown");
    final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");

    /** As the session has step {@code s} now (the boxes ticked as last checked). */
    void show(LessonSession session, Step s) {
        LessonSession.Attempt a = session.attempt();
        verdict.set(a == null ? null : a.last());
        firstVerdict.set(a == null ? null : a.first());
        chosenOf(s, a);
        ticked.clear();
        ticked.addAll(chosen.get());
        stage.set(session.stage());
        buildNote.set(null);
        notUnderstood.set(null);
        hintShown.set(session.hinted());
        revealed.set(session.revealed());
    }

    /** After an understood answer {@code v}. */
    void answered(LessonSession session, Step s, Verdict v) {
        notUnderstood.set(null);
        LessonSession.Attempt a = session.attempt();
        firstVerdict.set(a.first());
        verdict.set(v);
        chosenOf(s, a);
        stage.set(session.stage());
    }

    private void chosenOf(Step s, LessonSession.Attempt a) {
        List<Integer> c = a == null || !(s.question() instanceof Question.Choice q) ? null
                : Answers.options(a.last().given(), q.options().size());
        chosen.set(c == null ? Set.of() : Set.copyOf(c));
    }

    void tick(int i, boolean on) {
        if (on) {
            ticked.add(i);
        } else {
            ticked.remove(i);
        }
    }

    /** The options ticked as an answer ({@code A, C}), "" for none. */
    String tickedLetters() {
        return ticked.isEmpty() ? "" : Answers.letters(List.copyOf(ticked));
    }
}
