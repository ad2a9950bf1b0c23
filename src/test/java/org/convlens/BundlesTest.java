package org.convlens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every resource bundle the project ships in Chinese (found by its {@code _zh_CN} file): there is a
 * Traditional Chinese {@code _zh_TW} file beside it, each Chinese file has every English key, each
 * pair takes the same arguments, and all parse as MessageFormat patterns. One test for every
 * package's bundle and script, so a new bundle is covered too, and a key added in English and
 * Simplified Chinese only fails here.
 */
class BundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");

    static List<Path> bilingualBundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.getFileName().toString().endsWith("_zh_CN.properties")).sorted().toList();
        }
    }

    @Test
    void everyPackageWithTextShipsBothLanguages() throws IOException {
        List<String> dirs = bilingualBundles().stream().map(p -> RESOURCES.relativize(p.getParent()).toString()).toList();
        for (String must : List.of("org/convlens/cli", "org/convlens/engine", "org/convlens/image", "org/convlens/lesson",
                "org/convlens/ui", "org/convlens/ui/photo", "org/convlens/ui/lesson")) {
            assertTrue(dirs.contains(must), "no Chinese bundle in " + must + ": " + dirs);
        }
    }

    static List<Path> traditionalBundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.getFileName().toString().endsWith("_zh_TW.properties")).sorted().toList();
        }
    }

    @Test
    void everySimplifiedChineseBundleHasATraditionalOne() throws IOException {
        List<Path> missing = bilingualBundles().stream()
                .filter(p -> !Files.exists(p.resolveSibling(p.getFileName().toString().replace("_zh_CN", "_zh_TW"))))
                .toList();
        assertEquals(List.of(), missing, "Simplified Chinese bundles without a Traditional Chinese (_zh_TW) one");
        assertTrue(traditionalBundles().size() >= bilingualBundles().size(), traditionalBundles().toString());
    }

    @ParameterizedTest
    @MethodSource("bilingualBundles")
    void chineseHasEveryEnglishKeyWithTheSameArguments(Path zhFile) throws IOException {
        assertSameKeysAndArguments(zhFile, "_zh_CN");
    }

    @ParameterizedTest
    @MethodSource("traditionalBundles")
    void traditionalChineseHasEveryEnglishKeyWithTheSameArguments(Path twFile) throws IOException {
        assertSameKeysAndArguments(twFile, "_zh_TW");
    }

    /**
     * Traditional text written in Traditional characters and Taiwan's quotation marks: none of
     * these characters, which only Simplified Chinese writes, and no curly quotes (「」 instead).
     */
    @ParameterizedTest
    @MethodSource("traditionalBundles")
    void traditionalChineseIsWrittenInTraditionalCharacters(Path twFile) throws IOException {
        Properties tw = load(twFile);
        for (String k : new TreeSet<>(tw.stringPropertyNames())) {
            String v = tw.getProperty(k);
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                assertTrue(SIMPLIFIED_ONLY.indexOf(c) < 0, twFile + ": " + k + " has the Simplified character " + c + ": " + v);
                assertTrue(c != '\u201c' && c != '\u201d', twFile + ": " + k + " quotes with \u201c\u201d, not \u300c\u300d: " + v);
            }
        }
    }

    /** Common characters that Traditional Chinese writes differently (这 for 這, 输 for 輸...). */
    private static final String SIMPLIFIED_ONLY = "这们个网输设积应对将数为让从还进过时间发现样边级线组显码图层转换则错误类页说读写开钮击"
            + "请无该会动画选项态宽长张处实际单帮键杂览暂随机滤频响绝颜练损习迭尽简体载课问题记师隐档资储启汇压缩终释视义务专业给规标签块变";

    private static void assertSameKeysAndArguments(Path zhFile, String suffix) throws IOException {
        String name = zhFile.getFileName().toString();
        Properties en = load(zhFile.resolveSibling(name.replace(suffix, "")));
        Properties zh = load(zhFile);
        assertTrue(!en.isEmpty(), zhFile + ": no English bundle beside it");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), zhFile.toString());
        // The lesson loader's messages quote YAML with literal braces in patterns that take no
        // arguments (Messages shows those as written); lesson/MessagesTest checks how they format.
        boolean literalBraces = zhFile.getParent().endsWith(Path.of("org/convlens/lesson"));
        for (String k : en.stringPropertyNames()) {
            assertEquals(arguments(en.getProperty(k)), arguments(zh.getProperty(k)), zhFile + ": " + k);
            if (!literalBraces || !arguments(en.getProperty(k)).isEmpty()) {
                new MessageFormat(en.getProperty(k));
                new MessageFormat(zh.getProperty(k));
            }
        }
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        if (Files.exists(p)) {
            try (var r = Files.newBufferedReader(p)) {
                props.load(r);
            }
        }
        return props;
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> a = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            a.add(Integer.parseInt(m.group(1)));
        }
        return a;
    }
}
