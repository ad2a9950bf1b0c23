package org.convlens.lesson;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Both languages have every message, and every message formats (braces quoted, arguments in range). */
class MessagesTest {
    private static Properties read(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/org/convlens/lesson/messages"})
    void everyMessageIsTranslatedAndFormats(String base) throws IOException {
        Properties en = read(base + ".properties");
        Properties zh = read(base + "_zh_CN.properties");
        assertEquals(new java.util.TreeSet<>(en.stringPropertyNames()), new java.util.TreeSet<>(zh.stringPropertyNames()));
        Object[] args = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
        for (String key : en.stringPropertyNames()) {
            for (Locale l : new Locale[] {Locale.ROOT, Locale.SIMPLIFIED_CHINESE}) {
                // Messages.text formats only when given arguments, so a pattern without {0} is shown as written.
                boolean takesArgs = en.getProperty(key).matches("(?s).*\\{\\d.*");
                String s = takesArgs ? Text.get(l, key, args) : Text.get(l, key);
                assertFalse(s.matches("(?s).*\\{\\d.*"), key + " in " + l + ": " + s);
            }
        }
    }
}
