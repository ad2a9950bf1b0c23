package org.convlens.lesson;

import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.convlens.lesson.LessonLoaderTest.errors;
import static org.convlens.lesson.LessonLoaderTest.lesson;
import static org.convlens.lesson.LessonLoaderTest.load;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Construction tasks ({@code type: build}): the student changes real settings and the engine
 * checks what they built against the target. The step's state is the 1..9 input with the
 * [[1,2],[3,4]] kernel (output 2 x 2). Messages in English ({@link java.util.Locale#ROOT}).
 */
class BuildTaskTest {
    static final String PADDING_TASK = """
            question:
              type: build
              ask: {en: Set the padding so the output is 4 x 4., zh: 设置填充，使输出为 4 x 4。}
              change: [padding, padding_mode]
              target: {shape: [4, 4]}
              solution: {padding: 1}
              explain: {en: $3 + 2 - 2 + 1 = 4$, zh: $3 + 2 - 2 + 1 = 4$}
            """;

    private static Question.Build task(String yaml) {
        LessonLoader.Result r = load(lesson(yaml));
        assertTrue(r.ok(), r.problems().toString());
        return assertInstanceOf(Question.Build.class, r.lesson().steps().get(0).question());
    }

    /** The step's problem with other settings. */
    private static Problem with(Problem p, java.util.function.UnaryOperator<ConvSpec.Builder> change) {
        return new Problem(p.input(), change.apply(p.spec().toBuilder()).build());
    }

    @Test
    void theRightPaddingMeetsTheTargetAndAnyOtherDoesNot() {
        Question.Build q = task(PADDING_TASK);
        assertArrayEquals(new int[] {4, 4}, q.targetShape());
        assertEquals(List.of("padding", "padding_mode"), q.change());
        assertEquals("padding: 1", q.expected(null));
        Verdict right = q.check(with(q.start(), b -> b.padding(Padding.of(1))));
        assertTrue(right.correct(), right.toString());
        assertEquals("padding: 1", right.given());
        Verdict two = q.check(with(q.start(), b -> b.padding(Padding.of(2))));
        assertEquals(Verdict.Outcome.WRONG, two.outcome());
        assertEquals("padding: 2", two.given());
        assertEquals(Verdict.Outcome.WRONG, q.check(q.start()).outcome(), "nothing changed: still 2 x 2");
    }

    @Test
    void changingWhatTheTaskDoesNotLetYouChangeIsNotCounted() {
        Question.Build q = task(PADDING_TASK);
        Tensor edited = q.start().input().copy();
        edited.set(0, 0, 0, 100);
        Verdict v = q.check(new Problem(edited, q.start().spec()));
        assertEquals(Verdict.Outcome.NOT_ALLOWED, v.outcome());
        assertEquals("input", v.given());
        assertFalse(v.understood());
        Verdict stride = q.check(with(q.start(), b -> b.padding(Padding.of(2)).stride(2, 2)));
        assertEquals(Verdict.Outcome.NOT_ALLOWED, stride.outcome());
        assertEquals("stride", stride.given());
    }

    @Test
    void aTryWrittenAsJsonIsCheckedTheSameWay() {
        Question.Build q = task(PADDING_TASK);
        assertTrue(q.check("{\"padding\": 1}").correct());
        assertTrue(q.check("{\"padding\": \"full\"}").correct(), "full pads k - 1 = 1 on each side");
        assertEquals(Verdict.Outcome.WRONG, q.check("{\"padding\": [1, 0]}").outcome());
        assertEquals(Verdict.Outcome.NOT_ALLOWED, q.check("{\"kernel\": [[1]]}").outcome());
        assertEquals(Verdict.Outcome.NOT_UNDERSTOOD, q.check("padding 1").outcome());
        Problem built = with(q.start(), b -> b.padding(Padding.of(1)));
        assertEquals("{\"padding\":1}", q.changes(built));
        assertTrue(q.check(q.changes(built)).correct());
    }

    @Test
    void aKernelTaskCompareValuesWithinTheTolerance() {
        Question.Build q = task("""
                question:
                  type: build
                  ask: {en: Build a kernel that gives this map., zh: 构造一个能得到这张图的卷积核。}
                  change: kernel
                  target:
                    output_of:
                      kernel: |
                        0 1
                        -1 0
                  solution:
                    kernel: |
                      0 1
                      -1 0
                  explain: {en: e, zh: e}
                """);
        assertNull(q.targetShape());
        // 1..9 with [[0, 1], [-1, 0]]: each cell is the one right of it minus the one below it.
        assertArrayEquals(new float[][] {{-2, -2}, {-2, -2}}, q.targetOutput().rows(0));
        Problem close = with(q.start(), b -> b.kernel(new Kernel(1, 1, 2, 2, new float[] {0, 1.001f, -1, 0})));
        assertTrue(q.check(close).correct(), "within 0.01 on every value");
        Problem other = with(q.start(), b -> b.kernel(new Kernel(1, 1, 2, 2, new float[] {1, 0, 0, -1})));
        assertEquals(Verdict.Outcome.WRONG, q.check(other).outcome(), "-4 everywhere, not -2");
    }

    @Test
    void strideAndPoolingTogetherReachTheTargetShape() {
        Question.Build q = task("""
                question:
                  type: build
                  ask: {en: 'Choose stride and pooling so the output is 1 x 1.', zh: 选择步幅和池化，使输出为 1 x 1。}
                  change: [stride, pool]
                  target: {shape: [1, 1]}
                  solution: {stride: 2, pool: {type: max, size: 1}}
                  explain: {en: e, zh: e}
                """);
        Problem p = with(q.start(), b -> b.stride(1, 1).pool(PoolSpec.of(PoolSpec.Type.MAX, 2)));
        assertTrue(q.check(p).correct());
        assertEquals("stride: 2, pool: {\"type\":\"max\",\"size\":1}", q.expected(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            solution misses   | {padding: 2}    | [4, 4]  | padding     | 19 | by the engine, the solution does not meet the target (its output is 1 x 6 x 6)
            already met       | {padding: 1}    | [2, 2]  | padding     | 18 | the step's state already meets the target
            field not allowed | {stride: 2}     | [1, 1]  | padding     | 19 | the solution changes "stride", but the task lets the student change only: padding
            unknown field     | {padding: 1}    | [4, 4]  | paddings    | 17 | unknown setting "paddings"
            two kinds         | {padding: 1}    | [4, 4]  | padding     | 18 | a target is one of shape, output
            """)
    void aTaskTheEngineCannotConfirmIsAnError(String what, String solution, String target, String change, int line,
                                              String message) {
        String targetYaml = what.equals("two kinds") ? "{shape: " + target + ", output: '1'}" : "{shape: " + target + "}";
        String yaml = """
                question:
                  type: build
                  ask: {en: q, zh: q}
                  change: [CHANGE]
                  target: TARGET
                  solution: SOLUTION
                  explain: {en: e, zh: e}
                """.replace("CHANGE", change).replace("TARGET", targetYaml).replace("SOLUTION", solution);
        List<String> e = errors(lesson(yaml));
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).startsWith("t.yaml:" + line + ": step 1: " + message), e.get(0));
    }

    @Test
    void theSessionRecordsABuildTryAndRestoresIt() {
        LessonLoader.Result r = load(lesson(PADDING_TASK));
        LessonSession s = new LessonSession(r.lesson());
        Question.Build q = (Question.Build) s.current().question();
        Problem tampered = new Problem(new Tensor(1, 3, 3), q.start().spec());
        assertEquals(Verdict.Outcome.NOT_ALLOWED, s.build(tampered).outcome());
        assertNull(s.attempt(), "a try that changes the input does not count");
        assertFalse(s.build(with(q.start(), b -> b.padding(Padding.of(2)))).correct());
        assertTrue(s.build(with(q.start(), b -> b.padding(Padding.of(1)))).correct());
        assertEquals(new LessonSession.Score(0, 1, 1), s.score());
        LessonSession again = LessonSession.of(r.lesson(), s.progress());
        assertEquals("{\"padding\":2}", again.attempt(0).firstText());
        assertEquals(LessonSession.Stage.SOLVED, again.stage());
    }
}
