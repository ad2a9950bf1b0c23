package org.convlens.ui.files;

import org.convlens.io.AtomicFiles;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.spec.SpecWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioStoreTest {
    @TempDir
    Path dir;

    @Test
    void savedScenarioComesBackTheSame() throws Exception {
        Problem p = SpecReader.read(Path.of("examples/everything.json"));
        ScenarioStore s = new ScenarioStore(dir.resolve("home"));
        assertEquals(null, s.restore(160).problem());
        s.save(p);
        assertEquals(SpecWriter.toJson(p), SpecWriter.toJson(s.restore(160).problem()));
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
    void aCorruptFileIsMovedAsideWithWhyAndEveryRescuedCopyIsKept() throws Exception {
        ScenarioStore s = new ScenarioStore(dir);
        Files.writeString(s.file(), "{\"input\": [[1, 2], [3");
        ScenarioStore.Restored r = s.restore(160);
        assertTrue(r.failed());
        assertTrue(r.why().apply(Locale.ENGLISH).contains("line"), r.why().apply(Locale.ENGLISH));
        assertEquals(dir.resolve("autosave.json.bad"), r.movedTo());
        assertFalse(Files.exists(s.file()));
        Files.writeString(s.file(), "second");
        assertEquals(dir.resolve("autosave.json.bad.2"), s.restore(160).movedTo());
        Files.writeString(s.file(), "{}");
        assertEquals(dir.resolve("autosave.json.bad.3"), s.restore(160).movedTo());
        assertTrue(Files.readString(dir.resolve("autosave.json.bad")).startsWith("{\"input\""));
        assertEquals("second", Files.readString(dir.resolve("autosave.json.bad.2")));
        assertEquals(null, s.restore(160).problem(), "nothing left to read");
    }

    @Test
    void aSpecialFileIsNeverReadAndAHugeOneIsNotRead() throws Exception {
        ScenarioStore s = new ScenarioStore(dir);
        Process mk = new ProcessBuilder("mkfifo", s.file().toString()).start();
        assertEquals(0, mk.waitFor());
        ScenarioStore.Restored fifo = s.restore(160);
        assertTrue(fifo.failed(), "a FIFO would block the start forever");
        assertTrue(fifo.why().apply(Locale.ENGLISH).contains("not a regular file"));
        try (var out = Files.newOutputStream(s.file())) {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i <= ScenarioStore.MAX_BYTES >> 20; i++) {
                out.write(chunk);
            }
        }
        ScenarioStore.Restored big = s.restore(160);
        assertTrue(big.why().apply(Locale.ENGLISH).contains("more than an autosave ever holds"));
    }

    @Test
    void aScenarioTooLargeToDrawIsMovedAsideNotComputed() throws Exception {
        ScenarioStore s = new ScenarioStore(dir);
        Files.writeString(s.file(), "{\"input\": [[1, 2, 3]], \"kernel\": [[1]], \"padding\": [0, 0, 200, 0]}");
        ScenarioStore.Restored r = s.restore(160);
        assertTrue(r.failed());
        assertTrue(r.why().apply(Locale.ENGLISH).contains("more than the stepper draws"), r.why().apply(Locale.ENGLISH));
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
