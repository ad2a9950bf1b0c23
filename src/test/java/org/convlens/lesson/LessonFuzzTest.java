package org.convlens.lesson;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of the lesson loader (issue 14): thousands of lessons made by mutating real
 * ones (lines dropped, doubled, swapped or re-indented; numbers and words swapped for extreme
 * or wrong ones; YAML punctuation inserted; files cut short). Every case must either load or be
 * refused with problems of the form {@code file:line: message} on one line each, and never
 * throw, and never reach the loader's last-resort "cannot be checked" message, which would
 * mean an exception nobody foresaw. Messages in English ({@link Locale#ROOT}).
 */
class LessonFuzzTest {
    private static final long SEED = 20261202L;
    private static final int CASES = 2000;
    /** A small budget keeps each case fast; going over it is one of the outcomes checked. */
    private static final long BUDGET = 1L << 22;

    private static final String[] NUMBERS = {"0", "-1", "1", "2", "3", "7", "99", "1000", "65536", "2147483647",
        "-2147483648", "9223372036854775807", "1e308", "-0.5", "0.5", "1/0", "1/3", ".nan", "-.inf", "0x10", "1_000"};
    private static final String[] WORDS = {"padding", "stride", "dilation", "kernel", "input", "pool", "same",
        "full", "valid", "reflect", "circular", "replicate", "zeros", "max", "avg", "transposed", "groups", "true",
        "false", "null", "~", "end", "feature_map", "output", "choice", "value", "shape", "count", "state", "show",
        "question", "fit", "photo", "cells", "hide", "random", "count", "fill", "{}", "[]", "''", "samples/coins.png",
        "../x.png", "/etc/passwd", "relu", "sigmoid", "output_padding", "ceil_mode", "step", "check", "keeps_size"};
    private static final String PUNCTUATION = ":-[]{}|>&*!%#'\",?\t\n\\ ";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WORD = Pattern.compile("[a-z_]{3,}");

    static List<String> seeds() throws IOException {
        List<String> s = new ArrayList<>();
        s.add(LessonLoaderTest.lesson("""
                show: {step: 1, cells: {input: [[0, 0], [1, 1]], kernel: [0, 1]}, panel: sum, hide: output}
                question: {type: value, cell: [0, 1], ask: {en: q, zh: q}, explain: {en: e, zh: e}, answer: 47}
                """) + """
                  - text: {en: two, zh: 二}
                    state: {padding: 1, stride: 2, pool: {type: max, size: 2}}
                    question: {type: shape, ask: {en: q, zh: q}, explain: {en: e, zh: e}}
                  - text: {en: three, zh: 三}
                    state: {pool: null, dilation: 1, padding: same, stride: 1}
                    question:
                      type: choice
                      check: same_shape
                      ask: {en: q, zh: q}
                      explain: {en: e, zh: e}
                      options:
                        - {text: {en: a, zh: a}, state: {padding: 0}}
                        - {text: {en: b, zh: b}, state: {padding: full}}
                        - {text: {en: c, zh: c}, state: {padding: same}}
                  - text: {en: four, zh: 四}
                    state: {padding: 0}
                    fit: {seed: 3, iterations: 20}
                    show: {panel: fit}
                    question: {type: count, of: parameters, ask: {en: q, zh: q}, explain: {en: e, zh: e}}
                  - text: {en: five, zh: 五}
                    state: {transposed: true, stride: 2, output_padding: 1}
                    photo: {file: samples/coins.png, stride: 1, transposed: false, output_padding: 0}
                """);
        for (String f : List.of("01-kernel.yaml", "08-padding-modes.yaml")) {
            s.add(Files.readString(Path.of("lessons", f)));
        }
        return s;
    }

    @Test
    void everyMutatedLessonLoadsOrSaysWhereItIsWrong() throws IOException {
        Random rnd = new Random(SEED);
        List<String> seeds = seeds();
        LessonLoader loader = new LessonLoader(Locale.ROOT, BUDGET);
        int loaded = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String text = seeds.get(rnd.nextInt(seeds.size()));
            int mutations = 1 + rnd.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                text = mutate(text, rnd);
            }
            LessonLoader.Result r;
            try {
                r = loader.load("f.yaml", "f", text.getBytes(StandardCharsets.UTF_8), LessonFolder.NONE);
            } catch (RuntimeException | Error e) {
                failures.add("case " + i + " threw " + e + "\n" + text);
                continue;
            }
            List<String> lines = r.problems().stream().map(LessonProblem::toString).toList();
            if (r.ok()) {
                loaded++;
                assertTrue(r.problems().stream().allMatch(LessonProblem::warning), "case " + i + ": " + lines);
            } else {
                refused++;
                assertTrue(r.problems().stream().anyMatch(p -> !p.warning()), "case " + i + ": refused with no error");
            }
            for (String p : lines) {
                if (!p.matches("f\\.yaml:[1-9]\\d*: [^\\n\\r]+") || p.contains("cannot be checked")) {
                    failures.add("case " + i + ": " + p + "\n" + text);
                }
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failures");
        assertEquals(CASES, loaded + refused);
        assertTrue(loaded > CASES / 20 && refused > CASES / 2, loaded + " loaded, " + refused + " refused");
    }

    /** One random change of the text. */
    static String mutate(String text, Random rnd) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = rnd.nextInt(lines.size());
        switch (rnd.nextInt(9)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            case 2 -> {
                if (at + 1 < lines.size()) {
                    lines.add(at + 1, lines.remove(at));
                }
            }
            case 3 -> lines.set(at, rnd.nextBoolean() ? "  " + lines.get(at) : lines.get(at).replaceFirst("^  ", ""));
            case 4, 5 -> {
                return replaceOne(text, NUMBER, NUMBERS[rnd.nextInt(NUMBERS.length)], rnd);
            }
            case 6 -> {
                return replaceOne(text, WORD, WORDS[rnd.nextInt(WORDS.length)], rnd);
            }
            case 7 -> {
                int p = rnd.nextInt(text.length() + 1);
                return text.substring(0, p) + PUNCTUATION.charAt(rnd.nextInt(PUNCTUATION.length())) + text.substring(p);
            }
            default -> {
                return text.substring(0, rnd.nextInt(text.length() + 1));
            }
        }
        return String.join("\n", lines);
    }

    private static String replaceOne(String text, Pattern p, String with, Random rnd) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(rnd.nextInt(spans.size()));
        return text.substring(0, s[0]) + with + text.substring(s[1]);
    }
}
