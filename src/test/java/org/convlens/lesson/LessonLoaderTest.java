package org.convlens.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonLoaderTest {
    /** A lesson of one step over the 1..9 input with the [[1,2],[3,4]] kernel, and {@code extra} appended to the step. */
    static String lesson(String extra) {
        return """
                title: {en: T, zh: 标题, zh-Hant: 標題}
                level: beginner
                summary: {en: S, zh: 摘要, zh-Hant: 摘要}
                steps:
                  - text: {en: Hello, zh: 你好, zh-Hant: 你好}
                    state:
                      input: |
                        1 2 3
                        4 5 6
                        7 8 9
                      kernel: |
                        1 2
                        3 4
                """ + extra.stripTrailing().indent(4);
    }

    static LessonLoader.Result load(String text) {
        return new LessonLoader(Locale.ROOT).load("t.yaml", "t", text.getBytes(StandardCharsets.UTF_8),
                LessonFolder.NONE);
    }

    static List<String> errors(String text) {
        return load(text).problems().stream().filter(p -> !p.warning()).map(LessonProblem::toString).toList();
    }

    @Test
    void aGoodLessonLoadsWithItsStateFromTheEngine() {
        LessonLoader.Result r = load(lesson(""));
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of(), r.problems());
        Step s = r.lesson().steps().get(0);
        assertArrayEquals(new float[][] {{37, 47}, {67, 77}}, s.scenario().result().output().rows(0));
        assertEquals(4, s.scenario().traceSteps());
        assertEquals("Hello", s.text().en().plain());
        assertEquals("你好", s.text().get(Locale.SIMPLIFIED_CHINESE).plain());
    }

    @Test
    void aTrainStepTakesItsSettingsAndTheTabsDefaultsForTheRest() {
        LessonLoader.Result r = load(lesson("train: {images: 100, epochs: 40, optimizer: sgd, learning_rate: 0.02}"));
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(new LessonTraining(100, 40, 64, 0.02, org.convlens.train.TrainSettings.OptimizerKind.SGD, 1),
                r.lesson().steps().get(0).train());
        LessonLoader.Result d = load(lesson("train: {}"));
        assertEquals(LessonTraining.DEFAULTS, d.lesson().steps().get(0).train());
        assertNull(load(lesson("")).lesson().steps().get(0).train());
        assertEquals(List.of("t.yaml:14: step 1: a step that opens the Training tab has no fit"),
                errors(lesson("train: {epochs: 2}\nfit: {seed: 1}")));
    }

    @Test
    void raggedRowIsReportedAtItsLine() {
        String t = lesson("").replace("4 5 6", "4 5 6 7");
        assertEquals(List.of("t.yaml:9: step 1: row 2 has 4 values, row 1 has 3"), errors(t));
    }

    @Test
    void engineComplaintPointsAtTheFieldLine() {
        String t = lesson("") + """
                  - text: {en: two, zh: 二}
                    state:
                      padding: 3
                      padding_mode: reflect
                """;
        assertEquals(List.of("t.yaml:16: step 2: padding: reflect padding of 3 needs an input larger than that, "
                + "but it has 3 rows"), errors(t));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            typo in a step key       | titel: {en: a, zh: b}                  | 14 | unknown key "titel" in a step; did you mean "title"?
            value answer mismatch    | question: {type: value, cell: [0, 1], answer: 46, ask: {en: q, zh: q}, explain: {en: e, zh: e}} | 14 | the file says 46, but the engine gives 47
            cell outside the output  | question: {type: value, cell: [2, 0], ask: {en: q, zh: q}, explain: {en: e, zh: e}} | 14 | cell [2, 0] is outside the grid asked about (1 x 2 x 2)
            unknown question type    | question: {type: guess, ask: {en: q, zh: q}, explain: {en: e, zh: e}} | 14 | unknown question type "guess"
            step beyond the trace    | show: {step: 4}                        | 14 | the stepper has no step 4: this state has 4 steps, 0 to 3
            pool step without pool   | show: {step: {pool: [0, 0]}}           | 14 | this state does not pool
            input cell out of grid   | show: {cells: {input: [[3, 0]]}}      | 14 | cell [3, 0] is outside the grid the kernel slides over
            unknown panel            | show: {panel: graph}                   | 14 | unknown panel "graph"
            photo panel, no photo    | show: {panel: photo}                   | 14 | the photo panel needs a photo in this step
            feature map, no pool     | show: {cells: {feature_map: [0, 0]}}  | 14 | this state does not pool, so the feature map is the output
            parent folder escape     | photo: ../secret.png                   | 14 | ".." in "../secret.png" is not allowed
            absolute path            | photo: /etc/passwd.png                 | 14 | "/etc/passwd.png" is absolute or a URL
            url                      | photo: 'file:///etc/x.png'             | 14 | is absolute or a URL
            windows path             | photo: 'C:\\x.png'                     | 14 | use / in
            home path                | photo: ~/x.png                         | 14 | is absolute or a URL
            not an image type        | photo: notes.txt                       | 14 | "notes.txt" is not a photo
            missing sample           | photo: samples/nope.png                | 14 | no bundled photo "samples/nope.png"
            choice with none right   | question: {type: choice, ask: {en: q, zh: q}, explain: {en: e, zh: e}, options: [{text: {en: a, zh: a}}, {text: {en: b, zh: b}}]} | 14 | no option is marked correct: true
            unclosed math            | question: {type: value, cell: [0, 0], ask: {en: 'cost $n^2', zh: 代价}, explain: {en: e, zh: e}} | 14 | $ is opened but never closed
            fit with activation      | fit: {seed: 1}                         | 14 | x
            train unknown key        | 'train: {epoch: 3}'                    | 14 | train
            train optimizer          | 'train: {optimizer: rmsprop}'          | 14 | optimizer must be sgd or adam, got rmsprop
            train rate               | 'train: {learning_rate: 0}'            | 14 | learning_rate must be above 0 (and at most 100), got 0
            train too many images    | 'train: {images: 60000}'               | 14 | 60000 is out of range
            """)
    void badStepIsReportedAtItsLine(String what, String extra, int line, String message) {
        String text = lesson(extra);
        if (what.equals("fit with activation")) {
            text = lesson("fit: {seed: 1}").replace("      kernel: |", "      activation: relu\n      kernel: |");
            assertEquals(List.of("t.yaml:11: step 1: training here needs an output linear in the weights: "
                    + "remove activation from the state"), errors(text));
            return;
        }
        List<String> e = errors(text);
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).startsWith("t.yaml:" + line + ": step 1: " + message.substring(0, Math.min(message.length(), 12)))
                || e.get(0).contains(message), e.get(0));
        assertTrue(e.get(0).contains(message), e.get(0));
        assertTrue(e.get(0).startsWith("t.yaml:" + line + ":"), e.get(0));
        assertNull(load(text).lesson());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tag             | title: !!python/object:os.system {en: a}  | 1 | tags (tag:yaml.org,2002:python/object:os.system) are not allowed
            custom tag      | title: !thing x                           | 1 | tags (!thing) are not allowed
            anchor          | title: &a {en: a, zh: b}                  | 1 | anchors (&a) are not allowed
            duplicate key   | level: beginner                           | 4 | "level" is given twice (first on line 2)
            """)
    void unsafeOrAmbiguousYamlIsRefused(String what, String line, int at, String message) {
        String text = what.equals("duplicate key") ? lesson("").replace("steps:", line + "\nsteps:")
                : line + "\n" + lesson("").substring(lesson("").indexOf('\n') + 1);
        List<String> e = errors(text);
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).startsWith("t.yaml:" + at + ": " + message), e.get(0));
    }

    @Test
    void aliasIsRefused() {
        String text = lesson("").replace("summary: {en: S, zh: 摘要, zh-Hant: 摘要}", "summary: &s {en: S, zh: 摘要}")
                + "    title: *s\n";
        assertTrue(errors(text).get(0).contains("anchors (&s) are not allowed"), errors(text).toString());
        String alias = lesson("title: *s\n");
        assertTrue(errors(alias).get(0).startsWith("t.yaml:"), errors(alias).toString());
    }

    @Test
    void missingTranslationIsAWarningAndTheLessonStillLoads() {
        String text = lesson("").replace("summary: {en: S, zh: 摘要, zh-Hant: 摘要}", "summary: {en: S}");
        LessonLoader.Result r = load(text);
        assertTrue(r.ok());
        assertEquals(List.of("t.yaml:3: warning: 1 text(s) with no Simplified Chinese (zh), the first here: "
                        + "Traditional Chinese or English is shown instead",
                "t.yaml:3: warning: 1 text(s) with no Traditional Chinese (zh-Hant), the first here: "
                        + "Simplified Chinese or English is shown instead"),
                r.problems().stream().map(LessonProblem::toString).toList());
        assertEquals("S", r.lesson().summary().get(Locale.SIMPLIFIED_CHINESE).plain());
        assertEquals("S", r.lesson().summary().get(Locale.TAIWAN).plain());
    }

    @Test
    void eachStepMissingALanguageIsReportedOnceWithItsCount() {
        String text = lesson("question: {type: value, cell: [0, 0], ask: {en: q, zh: 问}, explain: {en: e, zh: 解}}");
        assertEquals(List.of("t.yaml:14: warning: step 1: 2 text(s) with no Traditional Chinese (zh-Hant), the first "
                + "here: Simplified Chinese or English is shown instead"),
                load(text).problems().stream().map(LessonProblem::toString).toList());
    }

    @Test
    void traditionalChineseIsShownToTaiwanAndFallsBackToSimplified() {
        String text = lesson("").replace("title: {en: T, zh: 标题, zh-Hant: 標題}", "title: {en: T, zh: 标题, zh-Hant: 標題}")
                + "  - text: {en: two, zh: 二}\n";
        Lesson l = load(text).lesson();
        assertEquals("標題", l.title().get(Locale.forLanguageTag("zh-Hant")));
        assertEquals("標題", l.title().get(Locale.TAIWAN));
        assertEquals("標題", l.title().get(Locale.forLanguageTag("zh-HK")));
        assertEquals("标题", l.title().get(Locale.SIMPLIFIED_CHINESE));
        assertEquals("标题", l.title().get(Locale.forLanguageTag("zh-Hans-TW")));
        assertEquals("T", l.title().get(Locale.ENGLISH));
        assertEquals("二", l.steps().get(1).text().get(Locale.TAIWAN).plain(), "no zh-Hant: Simplified");
    }

    @Test
    void laterStepsInheritTheStateAndNullRemovesAKey() {
        String text = lesson("") + """
                  - text: {en: two, zh: 二}
                    state: {padding: 1}
                  - text: {en: three, zh: 三}
                    state: {padding: null, stride: 2}
                """;
        LessonLoader.Result r = load(text);
        assertTrue(r.ok(), r.problems().toString());
        assertArrayEquals(new int[] {1, 4, 4}, r.lesson().steps().get(1).scenario().plan().outputShape());
        assertArrayEquals(new int[] {1, 1, 1}, r.lesson().steps().get(2).scenario().plan().outputShape());
    }

    @Test
    void questionsTakeTheirAnswersFromTheEngine() {
        String text = lesson("""
                question:
                  type: choice
                  check: keeps_size
                  ask: {en: 'Which keeps the size?', zh: 哪个保持大小？}
                  explain: {en: e, zh: e}
                  options:
                    - {text: {en: none, zh: 无}, state: {padding: 0}}
                    - {text: {en: same, zh: same}, state: {padding: same}}
                    - {text: {en: full, zh: full}, state: {padding: full}}
                """) + """
                  - text: {en: count, zh: 数}
                    state:
                      kernel: {shape: [12, 3, 3, 3], fill: random, seed: 3}
                      input: {shape: [3, 5, 5], fill: count}
                    question: {type: count, of: parameters, answer: 336, ask: {en: q, zh: q}, explain: {en: e, zh: e}}
                  - text: {en: shape, zh: 形状}
                    question: {type: shape, ask: {en: q, zh: q}, explain: {en: e, zh: e}}
                """;
        LessonLoader.Result r = load(text);
        assertTrue(r.ok(), r.problems().toString());
        Question.Choice c = assertInstanceOf(Question.Choice.class, r.lesson().steps().get(0).question());
        assertEquals(List.of(1), c.correct());
        assertTrue(c.check("B").correct());
        assertFalse(c.check("c").correct());
        Question.Count n = assertInstanceOf(Question.Count.class, r.lesson().steps().get(1).question());
        assertEquals(336, n.expected());
        assertTrue(n.check("3*12*9 + 12").correct());
        Question.Shape s = assertInstanceOf(Question.Shape.class, r.lesson().steps().get(2).question());
        assertTrue(s.check("12 x 3 x 3").correct());
        assertFalse(s.check("3 x 3").understood(), "12 channels: the answer must give them");
    }

    @Test
    void photoInsideTheLessonFolderIsFoundAndASymlinkOutIsRefused(@TempDir Path dir) throws IOException {
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(20, 10,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        javax.imageio.ImageIO.write(img, "png", lessons.resolve("mine.png").toFile());
        javax.imageio.ImageIO.write(img, "png", dir.resolve("secret.png").toFile());
        Files.createSymbolicLink(lessons.resolve("link.png"), dir.resolve("secret.png"));
        Files.writeString(lessons.resolve("a.yaml"), lesson("photo: mine.png"));
        Files.writeString(lessons.resolve("b.yaml"), lesson("photo: link.png"));
        LessonLibrary.Loaded l = LessonLibrary.load(lessons, Locale.ROOT);
        assertEquals(1, l.lessons().size(), l.problems().toString());
        PhotoStep p = l.lessons().get(0).steps().get(0).photo();
        assertNotNull(p);
        assertEquals(20, p.width());
        assertEquals(10, p.height());
        assertTrue(p.gray());
        assertEquals(1, l.problems().size());
        assertTrue(l.problems().get(0).toString().endsWith("b.yaml:14: step 1: \"link.png\" leads outside the lesson's folder"),
                l.problems().toString());
    }

    @Test
    void aBadLessonIsSkippedWhileTheOthersLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01-good.yaml"), lesson(""));
        Files.writeString(dir.resolve("02-bad.yaml"), lesson("").replace("level: beginner", "level: expert"));
        Files.writeString(dir.resolve("03-good.yaml"), lesson(""));
        Files.writeString(dir.resolve("notes.txt"), "not a lesson");
        LessonLibrary.Loaded l = LessonLibrary.load(dir, Locale.ROOT);
        assertEquals(3, l.files());
        assertEquals(List.of("01-good", "03-good"), l.lessons().stream().map(Lesson::id).toList());
        assertEquals(1, l.bad());
        assertTrue(l.problems().get(0).toString().endsWith("02-bad.yaml:2: unknown level \"expert\"; "
                + "choose beginner, intermediate or advanced"), l.problems().toString());
    }

    @Test
    void kernelsWrittenAsBlocksListsAndJsonAreTheSame() {
        String blocks = lesson("").replace("""
                      kernel: |
                        1 2
                        3 4
                """, """
                      input: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]
                      kernel:
                        - |
                          1 0
                          0 1

                          2 0
                          0 2
                        - |
                          0 1
                          1 0

                          1/2 0
                          0 1/2
                """).replace("""
                      input: |
                        1 2 3
                        4 5 6
                        7 8 9
                """, "");
        String json = lesson("").replace("""
                      kernel: |
                        1 2
                        3 4
                """, """
                      input: |
                        1 2
                        3 4

                        5 6
                        7 8
                      kernel: [[[[1, 0], [0, 1]], [[2, 0], [0, 2]]], [[[0, 1], [1, 0]], [[0.5, 0], [0, 0.5]]]]
                """).replace("""
                      input: |
                        1 2 3
                        4 5 6
                        7 8 9
                """, "");
        LessonLoader.Result a = load(blocks);
        LessonLoader.Result b = load(json);
        assertTrue(a.ok(), a.problems().toString());
        assertTrue(b.ok(), b.problems().toString());
        assertArrayEquals(b.lesson().steps().get(0).scenario().problem().spec().kernel().data(),
                a.lesson().steps().get(0).scenario().problem().spec().kernel().data());
        assertArrayEquals(new int[] {2, 2, 2, 2}, a.lesson().steps().get(0).scenario().problem().spec().kernel().shape());
        // 1*1 + 4*1 + 2*5 + 2*8 = 31; 2 + 3 + 0.5*5 + 0.5*8 ... = 11.5
        assertEquals(31f, a.lesson().steps().get(0).scenario().result().output().get(0, 0, 0));
        assertEquals(11.5f, a.lesson().steps().get(0).scenario().result().output().get(1, 0, 0));
    }
}
