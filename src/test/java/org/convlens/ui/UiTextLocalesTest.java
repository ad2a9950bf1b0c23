package org.convlens.ui;

import org.convlens.ui.files.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window's three languages: which one a locale gets, that the choice is kept, and that each bundle is its own. */
class UiTextLocalesTest {
    private static Locale tag(String languageTag) {
        return Locale.forLanguageTag(languageTag);
    }

    @Test
    void theWindowShipsEnglishSimplifiedAndTraditionalChinese() {
        assertEquals(List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE), UiText.LOCALES);
        assertEquals(new Locale("zh", "TW"), Locale.TRADITIONAL_CHINESE);
        for (Locale l : UiText.LOCALES) {
            assertEquals(l, UiText.supported(l), "a shipped language maps to itself");
        }
    }

    @Test
    void taiwanHongKongMacauAndHantReadTraditional() {
        for (String t : List.of("zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK", "zh-Hant-CN", "zh-Hant-SG")) {
            assertEquals(Locale.TRADITIONAL_CHINESE, UiText.supported(tag(t)), t);
        }
        assertEquals(Locale.TRADITIONAL_CHINESE, UiText.supported(new Locale("zh", "HK")), "zh_HK as the JVM makes it from LANG");
    }

    @Test
    void otherChineseReadsSimplified() {
        for (String t : List.of("zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN", "zh-Hans-TW", "zh-Hans-HK", "zh-MY")) {
            assertEquals(Locale.SIMPLIFIED_CHINESE, UiText.supported(tag(t)), t);
        }
    }

    @Test
    void everyOtherLanguageReadsEnglish() {
        for (String t : List.of("en", "en-US", "en-TW", "fr-FR", "ja-JP", "ko-KR", "und")) {
            assertEquals(Locale.ENGLISH, UiText.supported(tag(t)), t);
        }
        assertEquals(Locale.ENGLISH, UiText.supported(null));
        assertEquals(Locale.ENGLISH, UiText.supported(Locale.ROOT));
    }

    @Test
    void traditionalChineseIsSavedAndRestored(@TempDir Path home) throws Exception {
        WindowViewModel w = new WindowViewModel();
        w.localeProperty().set(Locale.TRADITIONAL_CHINESE);
        SettingsStore store = new SettingsStore(home);
        store.save(w.toProperties());
        assertEquals("zh-TW", store.load().getProperty("locale"));
        WindowViewModel v = new WindowViewModel();
        v.load(store.load());
        assertEquals(Locale.TRADITIONAL_CHINESE, v.localeProperty().get());
        for (String saved : List.of("zh-HK", "zh-Hant")) {
            Properties p = new Properties();
            p.setProperty("locale", saved);
            WindowViewModel u = new WindowViewModel();
            u.load(p);
            assertEquals(Locale.TRADITIONAL_CHINESE, u.localeProperty().get(), saved);
        }
    }

    /** FXML reads the bundle itself: English must not fall back to a Chinese machine's own language. */
    @Test
    void eachLanguageGetsItsOwnBundleWhateverTheMachinesLanguage() {
        Locale machine = Locale.getDefault();
        try {
            for (Locale def : List.of(Locale.TRADITIONAL_CHINESE, Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                Locale.setDefault(def);
                assertEquals("File", UiText.bundle(Locale.ENGLISH).getString("menu.file"), "default " + def);
                assertEquals("文件", UiText.bundle(Locale.SIMPLIFIED_CHINESE).getString("menu.file"), "default " + def);
                assertEquals("檔案", UiText.bundle(Locale.TRADITIONAL_CHINESE).getString("menu.file"), "default " + def);
                assertEquals("Photos", org.convlens.ui.photo.PhotoText.bundle(Locale.ENGLISH).getString("tab"), "default " + def);
                assertEquals("Lessons", org.convlens.ui.lesson.LessonText.bundle(Locale.ENGLISH).getString("tab.lessons"),
                        "default " + def);
                assertEquals("步進器", UiText.get(Locale.TRADITIONAL_CHINESE, "tab.stepper"));
            }
        } finally {
            Locale.setDefault(machine);
        }
    }
}
