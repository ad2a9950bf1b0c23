package org.convlens.ui.photo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The photo view's and the image package's texts exist in English and Chinese with the same arguments. */
class PhotoBundlesTest {
    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (var r = Files.newBufferedReader(p)) {
            props.load(r);
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

    @ParameterizedTest
    @ValueSource(strings = {"src/main/resources/org/convlens/ui/photo", "src/main/resources/org/convlens/image"})
    void chineseHasEveryKeyWithTheSameArguments(String dir) throws IOException {
        Properties en = load(Path.of(dir, "messages.properties"));
        Properties zh = load(Path.of(dir, "messages_zh_CN.properties"));
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String k : en.stringPropertyNames()) {
            assertEquals(arguments(en.getProperty(k)), arguments(zh.getProperty(k)), k);
            new MessageFormat(en.getProperty(k));
            new MessageFormat(zh.getProperty(k));
        }
    }
}
