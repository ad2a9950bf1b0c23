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

/**
 * English, Simplified and Traditional Chinese have every message, and every message formats
 * (braces quoted, arguments in range); the Chinese bundles quote with Chinese quotation marks.
 */
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
        Properties tw = read(base + "_zh_TW.properties");
        assertEquals(new java.util.TreeSet<>(en.stringPropertyNames()), new java.util.TreeSet<>(zh.stringPropertyNames()));
        assertEquals(new java.util.TreeSet<>(en.stringPropertyNames()), new java.util.TreeSet<>(tw.stringPropertyNames()));
        Object[] args = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
        for (String key : en.stringPropertyNames()) {
            for (Locale l : new Locale[] {Locale.ROOT, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE}) {
                // Messages.text formats only when given arguments, so a pattern without {0} is shown as written.
                boolean takesArgs = en.getProperty(key).matches("(?s).*\\{\\d.*");
                String s = takesArgs ? Text.get(l, key, args) : Text.get(l, key);
                assertFalse(s.matches("(?s).*\\{\\d.*"), key + " in " + l + ": " + s);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"_zh_CN", "_zh_TW"})
    void chineseMessagesUseChineseQuotationMarksAndSayElementForACell(String suffix) throws IOException {
        Properties zh = read("/org/convlens/lesson/messages" + suffix + ".properties");
        for (String key : zh.stringPropertyNames()) {
            String v = zh.getProperty(key);
            assertFalse(v.contains("\""), key + suffix + ": " + v);
            assertFalse(v.contains("单元") || v.contains("單元"), key + suffix + ": " + v);
        }
    }

    @org.junit.jupiter.api.Test
    void aTaiwaneseLocaleGetsTraditionalChinese() {
        assertEquals("警告", Text.get(Locale.forLanguageTag("zh-Hant"), "word.warning"));
        assertEquals("檔案是空的：課程需要 title、level、summary 和 steps", Text.get(Locale.TAIWAN, "error.file.empty"));
        assertEquals("文件为空：课程需要 title、level、summary 和 steps", Text.get(Locale.CHINA, "error.file.empty"));
    }
}
