package org.convlens.ui.files;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.SpecException;
import org.convlens.io.AtomicFiles;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.spec.SpecWriter;
import org.convlens.ui.UiText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.Function;

/**
 * The scenario kept across restarts: {@code autosave.json} in the app's folder, the same JSON spec
 * the command line reads, written atomically. A file that cannot be brought back is never read
 * again and never lost: it is moved aside to a name of its own ({@code autosave.json.bad},
 * {@code autosave.json.bad.2}, ...), each rescued copy kept.
 */
public final class ScenarioStore {
    /** An autosave is a few kilobytes; a file beyond this is not one the window wrote. */
    public static final long MAX_BYTES = 8L << 20;

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
     * What {@link #restore} found.
     *
     * @param problem the saved scenario, or null
     * @param movedTo where an autosave that could not be brought back now is, or null
     * @param why what was wrong with it, in a language
     */
    public record Restored(Problem problem, Path movedTo, Function<Locale, String> why) {
        static final Restored NOTHING = new Restored(null, null, null);

        /** True if the file was there and could not be used (and is now at {@link #movedTo}). */
        public boolean failed() {
            return why != null;
        }
    }

    /**
     * Brings back the saved scenario, checked before anything is built from it: a regular file of
     * at most {@link #MAX_BYTES}, a spec the reader accepts and the engine can plan, no side longer
     * than {@code maxSide}. Anything that fails (a bad spec, a special file, an impossible or
     * gigantic plan, even running out of memory) moves the file aside and says why. Safe to call
     * off the JavaFX thread.
     */
    public Restored restore(int maxSide) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Restored.NOTHING;
        }
        Function<Locale, String> why;
        try {
            if (!Files.isRegularFile(file)) {
                why = l -> UiText.get(l, "autosave.notAFile");
            } else if (Files.size(file) > MAX_BYTES) {
                long size = Files.size(file);
                why = l -> UiText.get(l, "autosave.tooBig", size, MAX_BYTES);
            } else {
                Problem p = SpecReader.read(file);
                ConvPlan plan = ConvPlan.of(p.spec(), p.input());
                int side = Math.max(Math.max(plan.rows().length(), plan.cols().length()),
                        Math.max(plan.outHeight(), plan.outWidth()));
                if (side <= maxSide) {
                    return new Restored(p, null, null);
                }
                why = l -> UiText.get(l, "autosave.tooLargeToShow", plan.outHeight() + " x " + plan.outWidth(),
                        maxSide);
            }
        } catch (SpecException e) {
            why = e::message;
        } catch (IOException | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            why = l -> m;
        } catch (OutOfMemoryError e) {
            why = l -> UiText.get(l, "autosave.memory");
        }
        return new Restored(null, quarantine(), why);
    }

    /**
     * Moves the autosave aside to the first free name of {@code autosave.json.bad},
     * {@code autosave.json.bad.2}, {@code autosave.json.bad.3}, ... so every rescued copy is kept.
     *
     * @return where it went, or null if it could not be moved (then it is deleted, so it is not read again)
     */
    public Path quarantine() {
        for (int n = 1; n < 10_000; n++) {
            Path to = file.resolveSibling(file.getFileName() + ".bad" + (n == 1 ? "" : "." + n));
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.move(file, to, StandardCopyOption.ATOMIC_MOVE);
                return to;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken meanwhile: try the next name
            } catch (IOException e) {
                break;
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more can be done; the window says the autosave could not be used
        }
        return null;
    }
}
