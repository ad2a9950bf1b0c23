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
 * Every resource bundle the project ships in two languages (found by its {@code _zh_CN} file):
 * Chinese has every English key, each pair takes the same arguments, and both parse as
 * MessageFormat patterns. One test for every package's bundle, so a new bundle is covered too.
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

    @ParameterizedTest
    @MethodSource("bilingualBundles")
    void chineseHasEveryEnglishKeyWithTheSameArguments(Path zhFile) throws IOException {
        String name = zhFile.getFileName().toString();
        Properties en = load(zhFile.resolveSibling(name.replace("_zh_CN", "")));
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
