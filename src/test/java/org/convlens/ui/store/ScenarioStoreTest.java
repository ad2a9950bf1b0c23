package org.convlens.ui.store;

import org.convlens.io.AtomicFiles;
import org.convlens.engine.SpecException;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.spec.SpecWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioStoreTest {
    @TempDir
    Path dir;

    @Test
    void savedScenarioComesBackTheSame() throws Exception {
        Problem p = SpecReader.read(Path.of("examples/everything.json"));
        ScenarioStore s = new ScenarioStore(dir.resolve("home"));
        assertTrue(s.load().isEmpty());
        s.save(p);
        assertEquals(SpecWriter.toJson(p), SpecWriter.toJson(s.load().orElseThrow()));
        assertEquals(SpecWriter.toJson(p), Files.readString(s.file()), "the autosave is the command line's spec");
    }

    @Test
    void writingLeavesNoTemporaryFileBehindAndReplacesTheOldOne() throws Exception {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, "old");
        AtomicFiles.write(f, "new");
        assertEquals("new", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aCorruptFileIsReportedAndCanBeMovedAside() throws Exception {
        ScenarioStore s = new ScenarioStore(dir);
        Files.writeString(s.file(), "{\"input\": [[1, 2], [3");
        SpecException e = assertThrows(SpecException.class, s::load);
        assertTrue(e.getMessage().contains("line"), e.getMessage());
        s.quarantine();
        assertFalse(Files.exists(s.file()));
        assertTrue(Files.exists(dir.resolve("autosave.json.bad")));
        assertTrue(s.load().isEmpty());
    }

    @Test
    void settingsSurviveAndUnreadableSettingsAreIgnored() throws Exception {
        SettingsStore st = new SettingsStore(dir);
        Properties p = new Properties();
        p.setProperty("theme", "DARK");
        st.save(p);
        assertEquals("DARK", st.load().getProperty("theme"));
        Files.writeString(dir.resolve("settings.properties"), "theme=\\u12");
        assertTrue(st.load().isEmpty());
    }
}
