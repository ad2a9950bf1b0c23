package org.convlens.ui.store;

import org.convlens.io.AtomicFiles;

import org.convlens.engine.SpecException;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.spec.SpecWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The scenario kept across restarts: {@code autosave.json} in the app's folder, the same JSON spec
 * the command line reads, written atomically.
 */
public final class ScenarioStore {
    private final Path file;

    public ScenarioStore(Path dir) {
        this.file = dir.resolve("autosave.json");
    }

    public Path file() {
        return file;
    }

    /** Saves the scenario (atomically). */
    public void save(Problem p) throws IOException {
        AtomicFiles.write(file, SpecWriter.toJson(p));
    }

    /**
     * The saved scenario, or empty if there is none.
     *
     * @throws SpecException if the file is there but cannot be read as a spec (its message says why)
     * @throws IOException if the file cannot be read
     */
    public Optional<Problem> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(SpecReader.read(file));
    }

    /** Moves a file that cannot be read aside (autosave.json.bad), so it is kept for inspection but not read again. */
    public void quarantine() {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".bad"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // nothing more to do: the next autosave overwrites it
        }
    }
}
