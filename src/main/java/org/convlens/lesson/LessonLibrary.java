package org.convlens.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lessons of a folder: every {@code *.yaml} (or {@code *.yml}) file in it, in file-name
 * order, each loaded on its own so a bad one is reported and skipped while the others load
 * (the loader turns anything that goes wrong in one file into that file's problem, and bounds
 * the work of each; at most {@link #MAX_FILES} files of a folder are read).
 * The shipped lessons are the folder {@code lessons/} on the classpath (the repository's
 * {@code lessons/} folder, packed into the jar).
 */
public final class LessonLibrary {
    /** The classpath folder of the shipped lessons. */
    public static final String SHIPPED = "lessons";
    /**
     * Shipped lessons renamed when the course was reordered (issue 12; the review moved to the end
     * again when the network lessons came, issue 10, and the training lesson, issue 11), old id to new id:
     * progress saved under an old id is read as the new one's.
     */
    public static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("13-filters", "03-filters"), Map.entry("03-correlation", "04-correlation"),
            Map.entry("12-conv-vs-dense", "05-conv-vs-dense"), Map.entry("04-output-size", "06-output-size"),
            Map.entry("05-kernel-sizes", "07-kernel-sizes"), Map.entry("06-padding-modes", "08-padding-modes"),
            Map.entry("08-activation", "09-activation"), Map.entry("07-dilation", "10-dilation"),
            Map.entry("09-pooling", "11-pooling"), Map.entry("10-channels", "12-channels"),
            Map.entry("11-groups", "13-groups"), Map.entry("16-review", "21-review"),
            Map.entry("20-review", "21-review"));

    /** A folder's lessons after this many files (in name order) are not loaded, and that is said. */
    static final int MAX_FILES = 200;

    private LessonLibrary() {
    }

    /**
     * What a folder gave.
     *
     * @param lessons the lessons that loaded, in file-name order
     * @param problems every problem of every file (errors of skipped files and warnings)
     * @param files how many lesson files were read
     */
    public record Loaded(List<Lesson> lessons, List<LessonProblem> problems, int files) {
        public Loaded {
            lessons = List.copyOf(lessons);
            problems = List.copyOf(problems);
        }

        /** How many files had errors and were skipped. */
        public int bad() {
            return files - lessons.size();
        }

        /** This and {@code other} together. */
        public Loaded plus(Loaded other) {
            List<Lesson> l = new ArrayList<>(lessons);
            l.addAll(other.lessons);
            List<LessonProblem> p = new ArrayList<>(problems);
            p.addAll(other.problems);
            return new Loaded(l, p, files + other.files);
        }
    }

    static boolean isLessonFile(String name) {
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    /** The lesson files of a folder (on disk or in the jar, not its sub-folders), by file name. */
    private static List<Path> lessonFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (isLessonFile(p.getFileName().toString()) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    /** The lessons in a folder on disk (not its sub-folders). A missing folder has none. */
    public static Loaded load(Path dir, Locale locale) {
        if (!Files.isDirectory(dir)) {
            return new Loaded(List.of(), List.of(), 0);
        }
        List<Path> files;
        try {
            files = lessonFiles(dir);
        } catch (IOException e) {
            return new Loaded(List.of(), List.of(new LessonProblem(dir.toString(), 1, false,
                    Text.get(locale, "error.file.read", String.valueOf(e.getMessage())))), 0);
        }
        LessonLoader loader = new LessonLoader(locale);
        List<Lesson> lessons = new ArrayList<>();
        List<LessonProblem> problems = new ArrayList<>();
        if (files.size() > MAX_FILES) {
            problems.add(new LessonProblem(dir.toString(), 1, false,
                    Text.get(locale, "error.folder.tooMany", files.size(), MAX_FILES)));
            files = files.subList(0, MAX_FILES);
        }
        for (Path f : files) {
            LessonLoader.Result r = loader.load(f);
            problems.addAll(r.problems());
            if (r.ok()) {
                lessons.add(r.lesson());
            }
        }
        return new Loaded(lessons, problems, files.size());
    }

    /** The lessons shipped with the app. */
    public static Loaded shipped(Locale locale) {
        try {
            Path dir = shippedFolder();
            if (dir == null) {
                return new Loaded(List.of(), List.of(), 0);
            }
            return "file".equals(dir.toUri().getScheme()) ? named(load(dir, locale), dir) : fromJar(dir, locale);
        } catch (URISyntaxException | IOException | ProviderNotFoundException e) {
            return new Loaded(List.of(), List.of(new LessonProblem(SHIPPED, 1, false,
                    Text.get(locale, "error.file.read", String.valueOf(e.getMessage())))), 0);
        }
    }

    /** The ids of the shipped lessons, in order, without loading them (empty if they cannot be listed). */
    public static List<String> shippedIds() {
        List<String> ids = new ArrayList<>();
        try {
            Path dir = shippedFolder();
            if (dir != null) {
                for (Path p : lessonFiles(dir)) {
                    ids.add(LessonLoader.idOf(p.getFileName().toString()));
                }
            }
        } catch (URISyntaxException | IOException | ProviderNotFoundException e) {
            return List.of();
        }
        return ids;
    }

    /**
     * One shipped lesson loaded alone, as {@link #shipped} loads it (the app shows the lesson it
     * opens with before the others are in), or null if there is none of that id or it does not load.
     */
    public static Lesson shippedLesson(String id, Locale locale) {
        LessonLoader.Result r = loadShipped(new LessonLoader(locale), SHIPPED + "/" + id + ".yaml", id, 0);
        return r != null && r.ok() ? r.lesson() : null;
    }

    /** The shipped lesson file {@code name} read from the class path and loaded; null if it cannot be read. */
    private static LessonLoader.Result loadShipped(LessonLoader loader, String name, String id, long variant) {
        try (InputStream in = LessonLibrary.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : loader.load(name, id, in.readNBytes(YamlTree.MAX_BYTES + 1),
                    LessonFolder.onClasspath(SHIPPED), variant);
        } catch (IOException e) {
            return null;
        }
    }

    /** Where the shipped lessons are: a folder, or a folder inside the jar; null if nowhere. */
    private static Path shippedFolder() throws URISyntaxException, IOException {
        URL url = LessonLibrary.class.getClassLoader().getResource(SHIPPED);
        if (url == null) {
            return null;
        }
        URI uri = url.toURI();
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.getPath(SHIPPED);
        }
        return null;
    }

    /** Shipped lessons named {@code lessons/NAME.yaml} in messages rather than by their full path. */
    private static Loaded named(Loaded l, Path dir) {
        String prefix = dir.toString() + dir.getFileSystem().getSeparator();
        List<LessonProblem> p = l.problems().stream().map(x -> x.file().startsWith(prefix)
                ? new LessonProblem(SHIPPED + "/" + x.file().substring(prefix.length()), x.line(), x.warning(), x.message(),
                        x.locale())
                : x).toList();
        List<Lesson> lessons = l.lessons().stream().map(x -> x.source().startsWith(prefix)
                ? x.named(SHIPPED + "/" + x.source().substring(prefix.length())) : x).toList();
        return new Loaded(lessons, p, l.files());
    }

    /**
     * A {@code fresh} lesson loaded again as variant {@code variant}: its random grids get other
     * numbers and every answer is computed again by the engine. A lesson that is not fresh, or
     * whose file cannot be read again or does not load as that variant, comes back as it was.
     */
    public static Lesson variant(Lesson l, long variant, Locale locale) {
        if (!l.fresh() || variant == l.variant()) {
            return l;
        }
        LessonLoader loader = new LessonLoader(locale);
        LessonLoader.Result r;
        String name = l.source();
        if (name.startsWith(SHIPPED + "/")) {
            r = loadShipped(loader, name, l.id(), variant);
        } else {
            r = loader.load(Path.of(name), variant);
        }
        return r != null && r.ok() ? r.lesson() : l;
    }

    private static Loaded fromJar(Path dir, Locale locale) throws IOException {
        List<Path> files = lessonFiles(dir);
        LessonLoader loader = new LessonLoader(locale);
        List<Lesson> lessons = new ArrayList<>();
        List<LessonProblem> problems = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            LessonLoader.Result r;
            try (InputStream in = Files.newInputStream(f)) {
                r = loader.load(SHIPPED + "/" + name, LessonLoader.idOf(name), in.readNBytes(YamlTree.MAX_BYTES + 1),
                        LessonFolder.onClasspath(SHIPPED));
            } catch (IOException e) {
                problems.add(new LessonProblem(SHIPPED + "/" + name, 1, false,
                        Text.get(locale, "error.file.read", String.valueOf(e.getMessage()))));
                continue;
            }
            problems.addAll(r.problems());
            if (r.ok()) {
                lessons.add(r.lesson());
            }
        }
        return new Loaded(lessons, problems, files.size());
    }
}
