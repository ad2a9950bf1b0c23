package org.convlens.ui.lesson;

import org.convlens.engine.Tensor;
import org.convlens.lesson.Highlight;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.ProgressStore;
import org.convlens.lesson.Question;
import org.convlens.ui.stepper.Marks;
import org.convlens.ui.stepper.ScenarioViewModel;
import org.convlens.ui.stepper.StepperViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The player without a window: what each step does to the stepper's view-models, answers, modes, progress. */
class LessonPlayerViewModelTest {
    private static final List<Lesson> LESSONS = LessonLibrary.shipped(Locale.ROOT).lessons();

    @TempDir
    Path home;
    private ScenarioViewModel scenario;
    private StepperViewModel stepper;
    private LessonPlayerViewModel vm;
    private final List<String> failures = new ArrayList<>();

    private static Lesson lesson(String prefix) {
        return LESSONS.stream().filter(l -> l.id().startsWith(prefix)).findFirst().orElseThrow();
    }

    @BeforeEach
    void setUp() {
        scenario = new ScenarioViewModel(new Random(1));
        stepper = new StepperViewModel(scenario);
        vm = new LessonPlayerViewModel(scenario, stepper, new ProgressStore(home.resolve("progress.json")),
                failures::add);
    }

    @Test
    void eachStepLoadsItsStateMovesTheStepperAndMarksItsCells() {
        vm.open(lesson("01"), "01-kernel");
        assertArrayEquals(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, scenario.inputProperty().get().rows(0));
        assertEquals(0, stepper.getStep());
        Marks m = stepper.marksProperty().get();
        assertEquals(Set.of(List.of(0, 0, 0), List.of(0, 0, 1), List.of(0, 1, 0), List.of(0, 1, 1)), m.input());
        vm.goTo(5);
        assertEquals(3, stepper.getStep(), "step: end is the last step, finished");
        vm.next();
        assertEquals(4, scenario.inputProperty().get().height(), "step 7 has the 4 x 4 input");
        assertFalse(vm.canGoBackProperty().get() && vm.indexProperty().get() == 0);
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aWrongThenRightAnswerScoresTheFirstAndShowsTheExplanation() {
        vm.open(lesson("01"), "01-kernel");
        vm.goTo(2);
        assertInstanceOf(Question.Value.class, vm.getStep().question());
        assertFalse(vm.explainedProperty().get());
        vm.answerProperty().set("forty-seven");
        assertFalse(vm.check().understood());
        assertEquals("forty-seven", vm.notUnderstoodProperty().get());
        assertNull(vm.verdictProperty().get());
        vm.answerProperty().set("46");
        assertFalse(vm.check().correct());
        assertTrue(vm.verdictShownProperty().get());
        assertTrue(vm.explainedProperty().get(), "self-study: the explanation shows after the first answer");
        assertEquals(1, stepper.getStep(), "the stepper shows the step that computes the cell asked about");
        vm.answerProperty().set("2*1 + 3*2 + 5*3 + 6*4");
        assertTrue(vm.check().correct());
        assertFalse(vm.firstVerdictProperty().get().correct());
        assertEquals(0, vm.session().score().correct());
    }

    @Test
    void teacherModeHidesTheVerdictUntilRevealed() {
        vm.modeProperty().set(LessonPlayerViewModel.Mode.TEACHER);
        vm.open(lesson("01"), "01-kernel");
        vm.goTo(6);
        assertEquals(Set.of(Highlight.Panel.OUTPUT, Highlight.Panel.SHAPE), vm.coveredProperty().get(),
                "a shape question covers the output and the shape panel");
        vm.answerProperty().set("3 x 3");
        assertTrue(vm.check().correct());
        assertFalse(vm.verdictShownProperty().get());
        assertFalse(vm.explainedProperty().get());
        assertFalse(vm.coveredProperty().get().isEmpty(), "still covered until revealed");
        vm.reveal();
        assertTrue(vm.verdictShownProperty().get());
        assertTrue(vm.explainedProperty().get());
        assertEquals(Set.of(), vm.coveredProperty().get());
    }

    @Test
    void countQuestionsCoverTheShapePanelWithItsParameterCount() {
        vm.open(lesson("12"), "12-channels");
        vm.goTo(3);
        assertInstanceOf(Question.Count.class, vm.getStep().question());
        assertEquals(Set.of(Highlight.Panel.SHAPE), vm.coveredProperty().get());
        assertEquals(12, scenario.layer().outChannelsProperty().get(), "12 output channels loaded, past the spinner's 8");
        assertEquals(3, scenario.inChannelsProperty().get());
        vm.answerProperty().set("3*12*9 + 12");
        assertTrue(vm.check().correct());
    }

    @Test
    void changingTheScenarioByHandIsNoticedAndCanBeUndone() {
        vm.open(lesson("02"), "02-edges");
        assertFalse(vm.divergedProperty().get());
        scenario.layer().strideXProperty().set(2);
        assertTrue(vm.divergedProperty().get());
        assertEquals(Marks.NONE, stepper.marksProperty().get(), "marks no longer fit: cleared");
        vm.restoreStep();
        assertFalse(vm.divergedProperty().get());
        assertEquals(1, scenario.layer().strideXProperty().get());
    }

    @Test
    void theScoreComesAfterTheLastStepAndProgressIsRemembered() {
        Lesson l = lesson("03");
        vm.open(l, l.id());
        int asked = 0;
        for (int i = 0; i < l.steps().size(); i++) {
            vm.goTo(i);
            Question q = vm.getStep().question();
            if (q instanceof Question.Choice c) {
                vm.choose(c.correct().get(0));
                asked++;
            } else if (q != null) {
                vm.answerProperty().set(q.expected(Locale.ROOT));
                assertTrue(vm.check().correct(), "step " + (i + 1));
                asked++;
            }
        }
        vm.next();
        assertTrue(vm.atEndProperty().get());
        assertEquals(asked, vm.scoreProperty().get().correct());
        assertEquals(l.questionCount(), vm.scoreProperty().get().questions());
        vm.back();
        assertFalse(vm.atEndProperty().get());

        ProgressStore again = new ProgressStore(home.resolve("progress.json"));
        assertTrue(again.get(l.id()).finished());
        assertEquals(asked, again.get(l.id()).answers().size());
        assertEquals(l.id(), again.setting("last", null));

        LessonPlayerViewModel later = new LessonPlayerViewModel(scenario, stepper, again, failures::add);
        later.open(l, l.id());
        assertEquals(0, later.indexProperty().get(), "a finished lesson opens at its start");
        assertNotNull(later.session().attempt(1), "with its answers");
    }

    /**
     * No shipped value question shows its answer before it is answered: either the output is
     * covered, or the stepper stands before the step that computes the cell asked about.
     */
    @Test
    void noShippedQuestionShowsItsAnswerBeforeItIsAnswered() {
        for (Lesson l : LESSONS) {
            vm.open(l, l.id());
            for (int i = 0; i < l.steps().size(); i++) {
                vm.goTo(i);
                if (!(vm.getStep().question() instanceof Question.Value q)) {
                    continue;
                }
                var plan = vm.getStep().scenario().plan();
                Highlight.Cell c = q.cell();
                long cellStep = q.grid() == Question.Grid.FEATURE_MAP || !plan.hasPool()
                        ? ((long) c.channel() * plan.outHeight() + c.y()) * plan.outWidth() + c.x()
                        : (long) plan.outChannels() * plan.outHeight() * plan.outWidth()
                        + ((long) c.channel() * plan.poolY().size() + c.y()) * plan.poolX().size() + c.x();
                boolean covered = vm.coveredProperty().get().contains(Highlight.Panel.OUTPUT);
                assertTrue(covered || stepper.getStep() < cellStep,
                        l.id() + " step " + (i + 1) + " shows the answer at stepper step " + stepper.getStep());
            }
        }
    }

    @Test
    void sameScenarioTreatsAMissingBiasAsZero() {
        vm.open(lesson("01"), "01-kernel");
        var p = vm.getStep().scenario().problem();
        assertTrue(StepDisplay.sameScenario(scenario.latestProblemProperty().get(), p));
        Tensor other = p.input().copy();
        other.set(0, 0, 0, 5);
        assertFalse(StepDisplay.sameScenario(new org.convlens.spec.Problem(other, p.spec()), p));
    }

    @Test
    void everyShippedStepLoadsIntoTheStepperUnchanged() {
        for (Lesson l : LESSONS) {
            vm.open(l, l.id());
            for (int i = 0; i < l.steps().size(); i++) {
                vm.goTo(i);
                assertFalse(vm.divergedProperty().get(), l.id() + " step " + (i + 1));
                assertNull(scenario.errorProperty().get(), l.id() + " step " + (i + 1));
                assertTrue(StepDisplay.sameScenario(scenario.getComputation().problem(),
                        vm.getStep().scenario().problem()), l.id() + " step " + (i + 1));
            }
        }
    }
}
