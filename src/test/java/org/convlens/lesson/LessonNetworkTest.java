package org.convlens.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Steps that show a network: read inline or from a file, checked by the network engine, questions it answers. */
class LessonNetworkTest {
    private static final String HEAD = """
            title: {en: T, zh: 标题, zh-Hant: 標題}
            level: beginner
            summary: {en: S, zh: 摘要, zh-Hant: 摘要}
            steps:
            """;

    /** A lesson of one network step: two 3 x 3 layers (no padding) over a 7 x 7 input, and {@code extra}. */
    static String twoLayers(String extra) {
        return HEAD + """
                  - text: {en: Net, zh: 网络, zh-Hant: 網路}
                    network:
                      input: {shape: [7, 7], fill: count}
                      layers:
                        - kernel: |
                            1 0 0
                            0 1 0
                            0 0 1
                          activation: relu
                        - kernel: {shape: [2, 1, 3, 3], fill: 1}
                          bias: 1
                """ + extra.stripTrailing().indent(4);
    }

    static LessonLoader.Result load(String text, long budget, LessonFolder folder) {
        return new LessonLoader(Locale.ROOT, budget).load("t.yaml", "t", text.getBytes(StandardCharsets.UTF_8),
                folder);
    }

    static LessonLoader.Result load(String text) {
        return load(text, WorkBudget.LESSON, LessonFolder.NONE);
    }

    static List<String> errors(String text) {
        return load(text).problems().stream().filter(p -> !p.warning()).map(LessonProblem::toString).toList();
    }

    private static long count(String question) {
        LessonLoader.Result r = load(twoLayers(question));
        assertTrue(r.ok(), r.problems().toString());
        return ((Question.Count) r.lesson().steps().get(0).question()).expected();
    }

    private static String question(String of, String layer) {
        return """
                question:
                  type: count
                  of: %s
                  %s
                  ask: {en: 'How many?', zh: 多少？, zh-Hant: 多少？}
                  explain: {en: So many., zh: 这么多。, zh-Hant: 這麼多。}
                """.formatted(of, layer == null ? "" : "layer: " + layer);
    }

    @Test
    void anInlineNetworkIsCheckedAndRunAndItsFirstConvLayerGoesToTheStepper() {
        LessonLoader.Result r = load(twoLayers(""));
        assertTrue(r.ok(), r.problems().toString());
        Step s = r.lesson().steps().get(0);
        LessonNetwork net = s.network();
        assertNotNull(net);
        assertNull(net.file());
        assertEquals("2 x 3 x 3", net.plan().output().toString());
        // Layer 1 is the identity diagonal: 1 + 9 + 17 = 27 at (0, 0); layer 2 sums 3 x 3 of those plus 1.
        assertEquals(27f, net.maps().layerOutput(0).get(0, 0, 0));
        float sum = 0;
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                sum += net.maps().layerOutput(0).get(0, y, x);
            }
        }
        assertEquals(sum + 1, net.maps().output().get(1, 0, 0));
        // The stepper shows layer 1 on the network's input.
        assertEquals(7, s.scenario().problem().input().height());
        assertArrayEquals(net.maps().layerOutput(0).data(), s.scenario().result().output().data());
    }

    @Test
    void countsComeFromThePlan() {
        assertEquals(5, count(question("receptive_field", null)));
        assertEquals(3, count(question("receptive_field", "1")));
        assertEquals(9 + 18, count(question("weights", null)));
        assertEquals(18, count(question("weights", "2")));
        assertEquals(9 + 1 + 18 + 2, count(question("parameters", null)));
        // Layer 2: 2 x 3 x 3 outputs, each 1 x 3 x 3 multiply-adds.
        assertEquals(2 * 9 * 9, count(question("multiplications", "2")));
        assertEquals(2 * 3 * 3, count(question("values", null)));
    }

    @Test
    void aShapeQuestionAsksForALayersOutput() {
        LessonLoader.Result r = load(twoLayers("""
                question:
                  type: shape
                  layer: 1
                  ask: {en: 'Shape?', zh: 形状？, zh-Hant: 形狀？}
                  explain: {en: 5 x 5, zh: 5 x 5, zh-Hant: 5 x 5}
                """));
        assertTrue(r.ok(), r.problems().toString());
        Question q = r.lesson().steps().get(0).question();
        assertTrue(q.check("5 x 5").correct());
        assertTrue(!q.check("3 x 3").correct());
    }

    @Test
    void aStatedAnswerMustBeTheEngines() {
        assertEquals(List.of("t.yaml:20: step 1: the file says 9, but the engine gives 5"),
                errors(twoLayers(question("receptive_field", null).replace("  ask:", "  answer: 9\n  ask:"))));
    }

    @Test
    void countsOnlyANetworkHasAreRefusedOnAState() {
        String t = LessonLoaderTest.lesson(question("receptive_field", null));
        assertEquals(List.of("t.yaml:16: step 1: count of receptive_field needs a step that shows a network"),
                errors(t));
    }

    @Test
    void channelsThatDoNotChainAreReportedAtTheKernelLine() {
        String t = twoLayers("").replace("{shape: [2, 1, 3, 3], fill: 1}", "{shape: [2, 3, 3, 3], fill: 1}");
        List<String> e = errors(t);
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).startsWith("t.yaml:14: step 1: layers[1].kernel: "), e.get(0));
    }

    @Test
    void aNetworkFileIsReadFromTheBundledExamples() {
        LessonLoader.Result r = load(HEAD + """
                  - text: {en: Net, zh: 网络, zh-Hant: 網路}
                    network:
                      file: examples/two-3x3.json
                      trace: {layer: 2, cell: [4, 4]}
                    question:
                      type: count
                      of: receptive_field
                      ask: {en: 'How wide?', zh: 多宽？, zh-Hant: 多寬？}
                      explain: {en: Five., zh: 五。, zh-Hant: 五。}
                """);
        assertTrue(r.ok(), r.problems().toString());
        Step s = r.lesson().steps().get(0);
        assertEquals("examples/two-3x3.json", s.network().file());
        assertEquals(5, ((Question.Count) s.question()).expected());
        LessonNetwork.Trace tr = s.network().trace();
        assertEquals(new LessonNetwork.Trace(2, s.network().plan().outputMap(1), 0, 4, 4), tr);
    }

    @Test
    void networkReferencesFollowTheFileRules(@TempDir Path dir) throws IOException {
        String t = HEAD + """
                  - text: {en: Net, zh: 网络, zh-Hant: 網路}
                    network: {file: REF}
                """;
        assertEquals(List.of("t.yaml:6: step 1: " + Text.get(Locale.ROOT, "error.ref.parent", "../x.json")),
                errors(t.replace("REF", "../x.json")));
        assertEquals(List.of("t.yaml:6: step 1: no bundled network \"examples/nope.json\" (the bundled ones are "
                + "examples/NAME.json)"), errors(t.replace("REF", "examples/nope.json")));
        assertEquals(List.of("t.yaml:6: step 1: \"samples/coins.png\" is not a network file; use one of: json"),
                errors(t.replace("REF", "samples/coins.png")));
        Files.writeString(dir.resolve("mine.json"), """
                {"input": [[1, 2], [3, 4]], "layers": [{"kernel": [[1, 1, 1], [1, 1, 1], [1, 1, 1]]}]}""");
        LessonLoader.Result bad = load(t.replace("REF", "mine.json"), WorkBudget.LESSON, LessonFolder.of(dir));
        assertEquals(1, bad.problems().size(), bad.problems().toString());
        assertTrue(bad.problems().get(0).toString().startsWith("t.yaml:6: step 1: mine.json: $"),
                bad.problems().get(0).toString());
        Files.writeString(dir.resolve("mine.json"), """
                {"input": [[1, 2], [3, 4]], "layers": [{"kernel": [[1, 1], [1, 1]]}]}""");
        LessonLoader.Result good = load(t.replace("REF", "mine.json"), WorkBudget.LESSON, LessonFolder.of(dir));
        assertTrue(good.ok(), good.problems().toString());
        assertEquals(10f, good.lesson().steps().get(0).network().maps().output().get(0, 0, 0));
    }

    @Test
    void aNetworkStepHasNoStateAndTheNextStepTakesUpTheOneBefore() {
        String withState = twoLayers("""
                state: {stride: 2}
                """);
        assertEquals(List.of("t.yaml:16: step 1: a step that shows a network has no state: the next step takes up "
                + "the state before it"), errors(withState));
        String t = LessonLoaderTest.lesson("") + """
                  - text: {en: Net, zh: 网络, zh-Hant: 網路}
                    network: {file: examples/one-5x5.json}
                  - text: {en: Back, zh: 回来, zh-Hant: 回來}
                    state: {stride: 2}
                """;
        LessonLoader.Result r = load(t);
        assertTrue(r.ok(), r.problems().toString());
        Step back = r.lesson().steps().get(2);
        assertNull(back.network());
        assertEquals(3, back.scenario().problem().input().height());
        assertEquals(1, back.scenario().plan().outHeight());
    }

    @Test
    void aTraceOutsideItsLayerIsReported() {
        assertEquals(List.of("t.yaml:16: step 1: cell [5, 0] is outside layer 1's output (1 x 5 x 5)"),
                errors(twoLayers("""
                        trace: {layer: 1, cell: [5, 0]}
                        """).replace("\n    trace:", "\n      trace:")));
    }

    @Test
    void aShapeOfAVectorAsksForItsValuesInstead() {
        String t = twoLayers("""
                question:
                  type: shape
                  layer: 3
                  ask: {en: 'Shape?', zh: 形状？, zh-Hant: 形狀？}
                  explain: {en: x, zh: x, zh-Hant: x}
                """).replace("          bias: 1\n", "          bias: 1\n        - {type: flatten}\n");
        assertEquals(List.of("t.yaml:19: step 1: layer 3 outputs a vector of 18 values, not a map: ask count of: "
                + "values"), errors(t));
    }

    @Test
    void aNetworkTooCostlyForTheBudgetIsRefusedBeforeItRuns() {
        String t = twoLayers("").replace("{shape: [7, 7], fill: count}", "{shape: [300, 300], fill: 1}");
        LessonLoader.Result r = load(t, 1_000_000, LessonFolder.NONE);
        assertNull(r.lesson());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertInstanceOf(String.class, r.problems().get(0).toString());
        assertTrue(r.problems().get(0).toString().contains("more than 1000000 multiply-adds"),
                r.problems().get(0).toString());
    }

    @Test
    void aNetworkWithoutLayersShowsTheLastOneAgainWithItsOwnTrace() {
        LessonLoader.Result r = load(twoLayers("") + """
                  - text: {en: Again, zh: 再来, zh-Hant: 再來}
                    network:
                      trace: {layer: 2, cell: [1, 2, 2]}
                """);
        assertTrue(r.ok(), r.problems().toString());
        LessonNetwork first = r.lesson().steps().get(0).network();
        LessonNetwork again = r.lesson().steps().get(1).network();
        assertEquals(first.problem(), again.problem());
        assertNull(first.trace());
        assertEquals(2, again.trace().layer());
        String none = HEAD + """
                  - text: {en: Net, zh: 网络, zh-Hant: 網路}
                    network: {trace: {layer: 0, cell: [0, 0]}}
                """;
        assertEquals(List.of("t.yaml:6: step 1: a network without file, input and layers shows the last step's "
                + "network again, but no step before this one shows one"), errors(none));
    }
}
