package org.convlens.ui.lesson;

import org.convlens.engine.Tensor;
import org.convlens.lesson.Highlight;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.LessonLoader;
import org.convlens.lesson.LessonSession;
import org.convlens.lesson.ProgressStore;
import org.convlens.lesson.Question;
import org.convlens.lesson.Verdict;
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
import static org.junit.jupiter.api.Assertions.assertSame;
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
        assertEquals(LessonSession.Stage.TRY_AGAIN, vm.stageProperty().get());
        assertFalse(vm.explainedProperty().get(), "self-study: one wrong answer gets 'try again', not the answer");
        assertTrue(vm.hintShownProperty().get(), "and the hint");
        assertFalse(vm.coveredProperty().get().isEmpty() && stepper.getStep() >= 1,
                "the answer stays out of sight");
        vm.answerProperty().set("2*1 + 3*2 + 5*3 + 6*4");
        assertTrue(vm.check().correct());
        assertTrue(vm.explainedProperty().get());
        assertEquals(1, stepper.getStep(), "the stepper shows the step that computes the cell asked about");
        assertFalse(vm.firstVerdictProperty().get().correct());
        assertEquals(0, vm.session().score().correct());
    }

    @Test
    void aSecondWrongAnswerShowsTheAnswerAndExplanation() {
        vm.open(lesson("01"), "01-kernel");
        vm.goTo(2);
        vm.answerProperty().set("46");
        vm.check();
        assertFalse(vm.explainedProperty().get());
        vm.answerProperty().set("45");
        vm.check();
        assertEquals(LessonSession.Stage.SHOWN, vm.stageProperty().get());
        assertTrue(vm.explainedProperty().get(), "after the second wrong try: the answer and the explanation");
        assertEquals(1, stepper.getStep());
        ProgressStore saved = new ProgressStore(home.resolve("progress.json"));
        assertEquals(Set.of(2), saved.get("01-kernel").shown(), "remembered as shown");
    }

    @Test
    void showAnswerGivesTheAnswerAtOnceAndNoFirstTryPoint() {
        Lesson l = lesson("01");
        vm.open(l, l.id());
        vm.goTo(6);
        assertFalse(vm.coveredProperty().get().isEmpty());
        vm.showAnswer();
        assertEquals(LessonSession.Stage.SHOWN, vm.stageProperty().get());
        assertTrue(vm.explainedProperty().get());
        assertEquals(Set.of(), vm.coveredProperty().get(), "the covers lift with the answer");
        vm.answerProperty().set(vm.getStep().question().expected(Locale.ROOT));
        assertTrue(vm.check().correct());
        assertEquals(0, vm.session().score().correct(), "a right answer after the answer was shown does not score");
        assertEquals(1, vm.session().score().answered());
    }

    private static Lesson fixture(String name) throws Exception {
        Path file = Path.of(LessonPlayerViewModelTest.class.getResource(name).toURI());
        LessonLoader.Result r = new LessonLoader(Locale.ROOT).load(file);
        assertTrue(r.ok(), r.problems().toString());
        return r.lesson();
    }

    @Test
    void severalRightOptionsNeedEveryOneTickedAndNoWrongOne() throws Exception {
        vm.open(fixture("several-right.yaml"), "fixture");
        assertTrue(((Question.Choice) vm.getStep().question()).multiple());
        assertFalse(vm.check().understood(), "nothing ticked is no answer");
        assertNotNull(vm.notUnderstoodProperty().get());
        vm.tick(0, true);
        assertFalse(vm.check().correct(), "one right option of two is not enough");
        assertEquals(Set.of(0), vm.chosenProperty().get());
        assertEquals(LessonSession.Stage.TRY_AGAIN, vm.stageProperty().get());
        vm.tick(2, true);
        vm.tick(1, true);
        assertFalse(vm.check().correct(), "a wrong one spoils it");
        assertEquals(LessonSession.Stage.SHOWN, vm.stageProperty().get());
        vm.tick(1, false);
        assertTrue(vm.check().correct());
        assertEquals(Set.of(0, 2), vm.chosenProperty().get());
        vm.goTo(1);
        assertTrue(vm.ticked().isEmpty());
        vm.goTo(0);
        assertEquals(Set.of(0, 2), vm.ticked(), "the boxes come back as last checked");
    }

    /** The first step of {@code l} with a build task. */
    private int buildStep(Lesson l) {
        for (int i = 0; i < l.steps().size(); i++) {
            if (l.steps().get(i).question() instanceof Question.Build) {
                return i;
            }
        }
        throw new AssertionError(l.id() + " has no build task");
    }

    @Test
    void aBuildTaskChecksTheStepperSettingsAndSaysWhatIsOff() {
        Lesson l = lesson("06");
        vm.open(l, l.id());
        vm.goTo(buildStep(l));
        Question.Build q = (Question.Build) vm.getStep().question();
        assertEquals(List.of("padding", "padding_mode"), q.change());
        Verdict v = vm.check();
        assertEquals(Verdict.Outcome.WRONG, v.outcome(), "padding 1 as the step starts");
        assertEquals(new BuildCheck.Note("build.shape", List.of("3 x 3", "4 x 4")), vm.buildNoteProperty().get());
        assertEquals(LessonSession.Stage.TRY_AGAIN, vm.stageProperty().get());

        scenario.layer().strideXProperty().set(1);
        assertEquals(Verdict.Outcome.NOT_ALLOWED, vm.check().outcome());
        assertEquals("build.offLimits", vm.buildNoteProperty().get().key());
        assertEquals("stride", vm.buildNoteProperty().get().args().get(0));
        assertEquals(LessonSession.Stage.TRY_AGAIN, vm.stageProperty().get(), "a try with a setting off limits does not count");
        scenario.layer().strideXProperty().set(2);

        scenario.load(withPadding(2));
        assertTrue(vm.divergedProperty().get(), "the student changed the settings");
        assertTrue(vm.check().correct());
        assertNull(vm.buildNoteProperty().get());
        assertTrue(vm.explainedProperty().get());
        assertEquals(0, vm.session().score().correct(), "the first check counts");
        ProgressStore saved = new ProgressStore(home.resolve("progress.json"));
        assertEquals("{}", saved.get(l.id()).answers().get(buildStep(l)), "the first try as the changed settings");
    }

    @Test
    void aBuildTaskWithATargetMapSaysHowManyValuesAreOffAndWhere() {
        Lesson l = lesson("02");
        vm.open(l, l.id());
        vm.goTo(buildStep(l));
        assertFalse(vm.check().correct());
        assertEquals(new BuildCheck.Note("build.values", List.of(8, 16, 0, 1, "-30", "30")),
                vm.buildNoteProperty().get(), "the map has the wrong sign in its middle columns");
        assertEquals("8 of 16 output values differ from the target: at row 0, column 1 the output is -30, the target 30.",
                LessonText.get(Locale.ENGLISH, "build.values", vm.buildNoteProperty().get().argArray()));
    }

    /** The step's problem with {@code padding: p}, as the settings panel would make it. */
    private org.convlens.spec.Problem withPadding(int p) {
        var tree = org.convlens.spec.SpecWriter.toTree(vm.getStep().scenario().problem());
        tree.put("padding", p);
        return org.convlens.spec.SpecReader.read(tree);
    }

    @Test
    void theReviewOffersNewNumbersKeptForTheNextStart() {
        long[] seed = {77};
        LessonPlayerViewModel player = new LessonPlayerViewModel(scenario, stepper,
                new ProgressStore(home.resolve("progress.json")), failures::add, () -> seed[0]);
        Lesson review = lesson("21-review");
        assertTrue(review.fresh());
        player.open(review, review.id());
        assertEquals(0, player.getLesson().variant(), "first played as written");
        float[][] before = scenario.inputProperty().get().rows(0);
        player.answerProperty().set("0");
        player.check();
        player.newNumbers();
        assertEquals(77, player.getLesson().variant());
        assertFalse(java.util.Arrays.deepEquals(before, scenario.inputProperty().get().rows(0)), "other numbers");
        assertNull(player.session().attempt(0), "the answers to the old numbers are forgotten");
        assertEquals(0, player.indexProperty().get());
        Question.Value q = (Question.Value) player.getStep().question();
        player.answerProperty().set(q.expected(Locale.ROOT));
        assertTrue(player.check().correct(), "answers are worked out again for the new numbers");

        LessonPlayerViewModel later = new LessonPlayerViewModel(scenario, stepper,
                new ProgressStore(home.resolve("progress.json")), failures::add, () -> 5);
        later.open(review, review.id());
        assertEquals(77, later.getLesson().variant(), "the next start plays the same numbers");
        assertTrue(later.session().attempt(0).first().correct(), "so the saved answer is still right");
        assertEquals(77, later.played(review, review.id()).variant(), "as the lesson list scores it");
        Lesson kernel = lesson("01");
        assertSame(kernel, later.played(kernel, kernel.id()), "a lesson that is not fresh is played as written");
        seed[0] = 77;
        player.newNumbers();
        assertFalse(player.getLesson().variant() == 77, "new numbers are never the same numbers");
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
