package org.convlens.ui.files;

import org.convlens.io.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The window's preferences (theme, language, zoom...) as {@code settings.properties}, written atomically. */
public final class SettingsStore {
    private final Path file;

    public SettingsStore(Path dir) {
        this.file = dir.resolve("settings.properties");
    }

    /** The saved preferences; empty if none or unreadable (preferences are never worth an error). */
    public Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                p.clear();
            }
        }
        return p;
    }

    public void save(Properties p) throws IOException {
        StringWriter w = new StringWriter();
        p.store(w, "ConvLens window settings");
        AtomicFiles.write(file, w.toString());
    }
}
