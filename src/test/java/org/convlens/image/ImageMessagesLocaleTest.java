package org.convlens.image;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Image messages come whole in the asked language, whatever the default: no English list of formats in Chinese. */
class ImageMessagesLocaleTest {
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void theListOfFormatsIsInTheMessagesLanguage(@TempDir Path tmp) throws IOException {
        Locale.setDefault(Locale.ENGLISH);
        Path p = Files.writeString(tmp.resolve("notes.png"), "not a picture");
        PhotoException e = assertThrows(PhotoException.class, () -> new PhotoReader(ColorMode.COLOR, 1000, Locale.ROOT).read(p));
        String zh = e.reason(Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains("PNG、JPEG、BMP 或 GIF"), zh);
        assertFalse(zh.contains(" or "), zh);
        assertTrue(e.reason(Locale.ROOT).contains("PNG, JPEG, BMP or GIF"), e.reason(Locale.ROOT));
    }
}
