package org.convlens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.convlens.cli.CliTest.run;
import static org.convlens.cli.CliTest.runAsIs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's definition: values as typed, one-line usage errors, the language. */
class CommandLineTest {
    @TempDir
    Path dir;

    private static final CliContext EN = new CliContext(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()), Locale.ENGLISH, false);

    /** The subcommand object after parsing only (nothing runs). */
    private static Object parsed(String... args) {
        CommandLine.ParseResult r = Cli.commandLine(EN).parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r.commandSpec().userObject();
    }

    private Path spec(String json) throws Exception {
        return Files.writeString(dir.resolve("s.json"), json);
    }

    @Test
    void benchRunsAreNotCappedAtTheThreadLimit() {
        assertEquals(5000, ((BenchCommand) parsed("bench", "--runs", "5000")).runs);
        assertEquals(2, run("bench", "--runs", "0").status());
        assertEquals(2, run("bench", "--threads", "1025").status());
    }

    @Test
    void optionEqualsValueWorksLikeTwoWords() throws Exception {
        ComputeCommand c = (ComputeCommand) parsed("compute", "--threads=3", "--steps=4:9", "a.json");
        assertEquals(3, c.threads);
        assertEquals(new Converters.Steps(4, 9), c.steps);
        Path s = spec("{\"input\": [[1,2],[3,4]], \"kernel\": [[1]]}");
        CliTest.Run r = run("compute", "--threads=1", "--steps=1:3", s.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"steps\":[{\"step\":1,"), r.out());
        ApplyCommand a = (ApplyCommand) parsed("apply", "--kernel=sobel_x", "--padding-mode=reflect", "--bias=-1", "in.png", "o.png");
        assertEquals("sobel_x", a.settings.kernel);
        assertEquals("reflect", a.settings.paddingMode);
        assertEquals("-1", a.settings.bias);
    }

    @Test
    void applyReadsNumbersWithTheWindowsOneParser() throws Exception {
        ApplyCommand fraction = (ApplyCommand) parsed("apply", "--kernel", "box_blur", "--bias", "1/4",
                "--activation", "leaky_relu:1/10", "--stride", "2,1", "in.png", "o.png");
        ApplyCommand decimal = (ApplyCommand) parsed("apply", "--kernel", "box_blur", "--bias", "0.25",
                "--activation", "leaky_relu:0.1", "--stride", "2x1", "in.png", "o.png");
        assertEquals(decimal.request().spec(), fraction.request().spec());
        assertEquals(0.25f, fraction.request().spec().bias()[0]);
        ApplyCommand minus = (ApplyCommand) parsed("apply", "--kernel", "box_blur", "--bias", "\u22121/2", "in.png", "o.png");
        assertEquals(-0.5f, minus.request().spec().bias()[0], "a true minus sign, as the window shows numbers");
    }

    @Test
    void valuesThatLookLikeNegativeNumbersOrStdinAreValues() {
        ApplyCommand a = (ApplyCommand) parsed("apply", "--kernel", "-1 0 1", "--bias", "-0.5", "in.png", "o.png");
        assertEquals("-1 0 1", a.settings.kernel);
        assertEquals("-0.5", a.settings.bias);
        assertEquals(java.util.List.of("-"), ((ComputeCommand) parsed("compute", "-")).files);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "compute --frobnicate x.json|convlens compute: unknown option \"--frobnicate\"; run \"compute --help\"",
        "compute x.json --threads|convlens compute: --threads needs a value; run \"compute --help\"",
        "compute --threads many x.json|convlens: --threads takes a whole number from 1 to 1024, got \"many\"",
        "compute --steps 5:2 x.json|convlens compute: --steps takes FROM:TO",
        "shape|convlens shape: no spec file given",
        "bench --case|convlens bench: --case needs a value",
        "bench extra|convlens bench: unexpected argument \"extra\"",
        "bench --runs=1.5|convlens: --runs takes a whole number of at least 1, got \"1.5\"",
        "apply --show bright a.png o.png|convlens apply: --show takes one of raw, abs, clamp",
        "apply --kernel sobel_x --max-megapixels 0 a.png o.png|convlens apply: --max-megapixels takes",
        "apply --kernel sobel_x a.png|convlens apply: give IN and OUT",
        "apply --kernel sobel_x a.png b.png c.png|convlens apply: give IN and OUT",
        "lessons frob|convlens lessons: unknown action \"frob\"; use check, list, show",
        "lessons check --strict|convlens lessons check: unknown option \"--strict\"",
        "convolve|convlens: unknown subcommand \"convolve\"",
        "help convolve|convlens: unknown subcommand \"convolve\"",
        "--lang fr compute|convlens: --lang takes one of en, zh-CN, zh-TW, got \"fr\""})
    void everyUsageErrorIsOneLineNamingTheOptionWithStatusTwo(String args, String start) {
        CliTest.Run r = run(args.split(" "));
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertFalse(r.err().strip().contains("\n"), r.err());
        assertTrue(r.err().startsWith(start), r.err());
    }

    @Test
    void helpOfEveryCommandComesFromTheBundleAndIsOnStdout() {
        for (String[] args : new String[][] {{"--help"}, {"help"}, {"help", "apply"}, {"compute", "-h"}, {"shape", "--help"},
            {"bench", "--help"}, {"apply", "--help"}, {"lessons", "--help"}, {"lessons", "show", "--help"}}) {
            CliTest.Run r = run(args);
            assertEquals(0, r.status(), String.join(" ", args));
            assertTrue(r.out().startsWith("Usage: convlens"), r.out());
            assertFalse(r.out().contains("Display help information"), "picocli's own text: " + r.out());
            assertEquals("", r.err());
        }
        assertTrue(run("--help").out().contains("compute  Run specs and print one JSON result per line."));
        CliTest.Run none = run();
        assertEquals(2, none.status());
        assertTrue(none.out().contains("Subcommands:"), none.out());
        CliTest.Run lessons = run("lessons");
        assertEquals(2, lessons.status());
        assertTrue(lessons.out().contains("check"), lessons.out());
    }

    @Test
    void langChineseGivesChineseHelpAndMessages() throws Exception {
        CliTest.Run help = runAsIs("--lang", "zh-CN", "compute", "--help");
        assertTrue(help.out().startsWith("用法：convlens compute"), help.out());
        assertTrue(help.out().contains("运行规格"), help.out());
        Path bad = spec("{\"input\": [[1,2],[3,4]], \"kernel\": [[1]], \"stride\": 0}");
        CliTest.Run r = runAsIs("compute", bad.toString(), "--lang=zh-CN");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith(bad + ": $.stride: 必须"), r.err());
        assertTrue(runAsIs("--lang", "zh_cn", "bench", "--runs", "x").err().startsWith("convlens：--runs"));
        Path notPhoto = Files.writeString(dir.resolve("a.png"), "hello");
        CliTest.Run photo = runAsIs("--lang", "zh-CN", "apply", "--kernel", "box_blur", notPhoto.toString(),
                dir.resolve("o.png").toString());
        assertTrue(photo.err().startsWith(notPhoto + ": 不是图像"), "the photo reader's line too: " + photo.err());
    }

    @Test
    void shapeLinesLineUpInChineseToo() throws Exception {
        Path s = spec("{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[1,1],[1,1]], \"pool\": {\"type\": \"max\", \"size\": 2}}");
        for (String lang : new String[] {"en", "zh-CN"}) {
            CliTest.Run r = runAsIs("--lang", lang, "shape", s.toString());
            assertEquals(0, r.status(), r.err());
            String[] lines = r.out().strip().split("\n");
            for (String line : Arrays.copyOf(lines, 8)) {
                int gap = line.indexOf("  ");
                int value = gap + line.substring(gap).indexOf(line.substring(gap).strip());
                assertEquals(17, ShapeCommand.columns(line.substring(0, value)), "the value starts at column 17: " + line);
            }
        }
        assertEquals(4, ShapeCommand.columns("输入"));
        assertEquals(5, ShapeCommand.columns("input"));
    }

    @Test
    void traditionalChineseHelpAndMessagesAreTraditional() {
        assertTrue(Cli.class.getResource("/org/convlens/cli/messages_zh_TW.properties") != null, "the zh_TW bundle ships");
        CliTest.Run r = runAsIs("--lang", "zh-TW", "shape", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("用法：convlens shape"), r.out());
        assertTrue(r.out().contains("選項：") && !r.out().contains("选项"), "Traditional, not Simplified: " + r.out());
        assertTrue(runAsIs("--lang", "zh_tw", "bench", "--runs", "x").err().startsWith("convlens：--runs 必須是"));
        assertEquals(Locale.TRADITIONAL_CHINESE, CliLocale.supported(Locale.TAIWAN));
        assertEquals(Locale.SIMPLIFIED_CHINESE, CliLocale.supported(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Locale.ENGLISH, CliLocale.supported(Locale.FRANCE));
    }

    @Test
    void withoutLangTheSystemLanguageIsFollowedAndLeftAsItWas() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertTrue(runAsIs("shape", "--help").out().startsWith("用法："));
            assertEquals(Locale.SIMPLIFIED_CHINESE, Locale.getDefault(), "the run restores the default locale");
            Locale.setDefault(Locale.GERMANY);
            assertTrue(runAsIs("shape", "--help").out().startsWith("Usage: "));
            assertTrue(runAsIs("--lang", "zh-CN", "shape", "--help").out().startsWith("用法："));
            assertEquals(Locale.GERMANY, Locale.getDefault());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void englishIsEnglishOnAChineseMachine() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            CliTest.Run r = runAsIs("--lang", "en", "compute", "--threads", "0", "x.json");
            assertTrue(r.err().startsWith("convlens: --threads takes"), r.err());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anAtSignIsAFileNameNotAnArgumentFile() throws Exception {
        Files.writeString(dir.resolve("args.txt"), "--frobnicate");
        CliTest.Run r = run("compute", "@" + dir.resolve("args.txt"));
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("@" + dir.resolve("args.txt") + ": "), r.err());
    }

    @Test
    void outputIsInTheStreamsOwnEncoding() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.run(new String[] {"--lang", "zh-CN", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("子命令"));
    }
}
