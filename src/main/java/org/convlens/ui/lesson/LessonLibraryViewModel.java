package org.convlens.ui.lesson;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.LessonLoader;
import org.convlens.lesson.LessonProblem;
import org.convlens.lesson.UserFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The lessons on offer: the shipped ones, a teacher's own in the per-user {@code lessons/}
 * folder, and any folder or file given with {@code --lessons DIR} / {@code --lesson FILE}. Loaded in
 * the background; a bad lesson is listed with its problems and skipped. No JavaFX nodes.
 */
public final class LessonLibraryViewModel {
    // Properties
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ObservableList<LessonProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final Map<Lesson, String> keys = new IdentityHashMap<>();
    private final List<Path> extra;
    private final boolean wantsLesson;
    private final boolean noLesson;
    /** The {@code --lesson} value that starts the app with no lesson open. */
    public static final String NONE = "none";
    private Lesson requested;
    /** The lesson the app opened with, loaded alone first; the full load keeps this object. */
    private Opening opened;

    /**
     * @param parameters the app's arguments: {@code --lessons DIR} and {@code --lesson FILE} add
     *                   lessons ({@code --lesson} also opens that lesson first); {@code --lesson=none}
     *                   starts with no lesson open
     */
    public LessonLibraryViewModel(List<String> parameters) {
        List<Path> x = new ArrayList<>();
        boolean none = parameters.contains("--screenshots") || parameters.contains("--measure-fps");
        for (int i = 0; i < parameters.size(); i++) {
            String p = parameters.get(i);
            String value = null;
            if ((p.equals("--lessons") || p.equals("--lesson")) && i + 1 < parameters.size()) {
                value = parameters.get(++i);
            } else if (p.startsWith("--lessons=") || p.startsWith("--lesson=")) {
                value = p.substring(p.indexOf('=') + 1);
            }
            if (value != null && !value.equals(NONE)) {
                x.add(Path.of(value));
            }
            if (NONE.equals(value)) {
                none = true;
            }
        }
        this.extra = new ArrayList<>(x);
        this.noLesson = none;
        this.wantsLesson = !none && parameters.stream().anyMatch(p -> p.equals("--lesson") || p.startsWith("--lesson="));
    }

    /**
     * True if the app was started with {@code --lesson=none} (or for one of the window's tool runs,
     * {@code --screenshots}, {@code --measure-fps}): no lesson opens at start.
     */
    public boolean noLessonAtStart() {
        return noLesson;
    }

    /** True if the app was started with {@code --lesson FILE}. */
    public boolean wantsLesson() {
        return wantsLesson;
    }

    /** Adds a folder (or file) of lessons for the next {@link #load}. */
    public void addFolder(Path p) {
        if (!extra.contains(p)) {
            extra.add(p);
        }
    }

    /** The lessons that loaded, shipped first. */
    public ObservableList<Lesson> lessons() {
        return FXCollections.unmodifiableObservableList(lessons);
    }

    /** Problems of lessons that did not load (and warnings of those that did). */
    public ObservableList<LessonProblem> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The key a lesson's progress is kept under: its id if shipped, else its file. */
    public String keyOf(Lesson l) {
        String k = keys.get(l);
        return k != null ? k : l.id();
    }

    /** The lesson saved under {@code key}, or null. */
    public Lesson byKey(String key) {
        for (Lesson l : lessons) {
            if (keyOf(l).equals(key)) {
                return l;
            }
        }
        return null;
    }

    /** The lesson a {@code --lesson FILE} argument asked for, or null. */
    public Lesson requested() {
        return requested;
    }

    /** What one load found. */
    record Found(List<Lesson> lessons, List<String> keys, List<LessonProblem> problems, Lesson requested) {
    }

    /** A lesson loaded alone, under the key the full load files it under. */
    record Opening(Lesson lesson, String key, boolean requested) {
    }

    /**
     * Loads, on {@code executor}, only the lesson the app opens with: the one {@code --lesson}
     * asks for, else (with {@code fallBack}) the shipped lesson {@code lastKey} names, else the
     * first shipped one. Loading it alone shows it seconds sooner than waiting for every lesson.
     * {@code then} gets it on the JavaFX thread, or null (none asked for, or it did not load:
     * the full {@link #load} then says why and picks as before). Call {@link #load} next; it
     * keeps this lesson object, so the lesson open in the player stays the library's.
     */
    public void loadOpening(Executor executor, Locale locale, String lastKey, boolean fallBack, Consumer<Lesson> then) {
        loading.set(true);
        Task<Opening> task = new Task<>() {
            @Override
            protected Opening call() {
                return opening(locale, lastKey, fallBack);
            }
        };
        task.setOnSucceeded(e -> {
            opened = task.getValue();
            if (opened != null) {
                keys.put(opened.lesson(), opened.key());
                if (opened.requested()) {
                    requested = opened.lesson();
                }
            }
            then.accept(opened == null ? null : opened.lesson());
        });
        task.setOnFailed(e -> then.accept(null));
        executor.execute(task);
    }

    Opening opening(Locale locale, String lastKey, boolean fallBack) {
        List<String> ids = LessonLibrary.shippedIds();
        Opening asked = null;
        boolean askedFor = false;
        for (Path p : List.copyOf(extra)) {
            if (Files.isRegularFile(p)) {
                askedFor = true;
                LessonLoader.Result r = new LessonLoader(locale).load(p);
                asked = r.ok() ? new Opening(r.lesson(), keyFor(p.toAbsolutePath().normalize()), true) : null;
            } else if (!Files.isDirectory(p)) {
                askedFor = true;
                String id = shippedIdNamed(ids, p.toString());
                Lesson l = id == null ? null : LessonLibrary.shippedLesson(id, locale);
                asked = l == null ? null : new Opening(l, id, true);
            }
        }
        if (askedFor || !fallBack) {
            return asked;
        }
        // A lesson from a file opened last waits for the full load, which knows whether it is still on offer.
        String id = lastKey != null && ids.contains(lastKey) ? lastKey : lastKey == null && !ids.isEmpty() ? ids.get(0) : null;
        Lesson l = id == null ? null : LessonLibrary.shippedLesson(id, locale);
        return l == null ? null : new Opening(l, id, false);
    }

    /** Loads every lesson on {@code executor}; {@code done} runs on the JavaFX thread when they are in. */
    public void load(Executor executor, Locale locale, Consumer<LessonLibraryViewModel> done) {
        loading.set(true);
        Opening keep = opened;
        opened = null;
        Task<Found> task = new Task<>() {
            @Override
            protected Found call() {
                return find(locale, keep);
            }
        };
        task.setOnSucceeded(e -> {
            Found f = task.getValue();
            keys.clear();
            for (int i = 0; i < f.lessons().size(); i++) {
                keys.put(f.lessons().get(i), f.keys().get(i));
            }
            lessons.setAll(f.lessons());
            problems.setAll(f.problems());
            requested = f.requested();
            loading.set(false);
            done.accept(this);
        });
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            problems.setAll(new LessonProblem(LessonLibrary.SHIPPED, 1, false, String.valueOf(t)));
            loading.set(false);
            done.accept(this);
        });
        executor.execute(task);
    }

    Found find(Locale locale, Opening keep) {
        List<Lesson> all = new ArrayList<>();
        List<String> k = new ArrayList<>();
        List<LessonProblem> probs = new ArrayList<>();
        LessonLibrary.Loaded shipped = LessonLibrary.shipped(locale);
        all.addAll(shipped.lessons());
        shipped.lessons().forEach(l -> k.add(l.id()));
        probs.addAll(shipped.problems());
        Lesson req = null;
        List<Path> places = new ArrayList<>();
        places.add(UserFiles.lessons());
        places.addAll(List.copyOf(extra));
        for (Path p : places) {
            if (Files.isDirectory(p)) {
                LessonLibrary.Loaded l = LessonLibrary.load(p, locale);
                for (Lesson x : l.lessons()) {
                    all.add(x);
                    k.add(keyFor(Path.of(x.source()).toAbsolutePath().normalize()));
                }
                probs.addAll(l.problems());
            } else if (Files.isRegularFile(p)) {
                LessonLoader.Result r = new LessonLoader(locale).load(p);
                probs.addAll(r.problems());
                if (r.ok()) {
                    all.add(r.lesson());
                    k.add(keyFor(p.toAbsolutePath().normalize()));
                    req = r.lesson();
                }
            } else if (!p.equals(UserFiles.lessons())) {
                // --lesson 17, --lesson 17-receptive-field: a shipped lesson by its number or id
                Lesson named = shippedNamed(shipped.lessons(), p.toString());
                if (named != null) {
                    req = named;
                } else {
                    probs.add(new LessonProblem(p.toString(), 1, false, LessonText.get(locale, "library.noPlace")));
                }
            }
        }
        if (keep != null) {
            int i = k.indexOf(keep.key());
            if (i >= 0) {
                if (req == all.get(i)) {
                    req = keep.lesson();
                }
                all.set(i, keep.lesson());
            }
        }
        return new Found(all, k, probs, req);
    }

    /** The shipped lesson {@code name} means: its id ({@code 17-receptive-field}), its number ({@code 17}), or null. */
    static Lesson shippedNamed(List<Lesson> shipped, String name) {
        List<String> ids = shipped.stream().map(Lesson::id).toList();
        String id = shippedIdNamed(ids, name);
        return id == null ? null : shipped.get(ids.indexOf(id));
    }

    /** The id among {@code ids} that {@code name} means: the id itself, or its number; null if none. */
    static String shippedIdNamed(List<String> ids, String name) {
        String n = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
        for (String id : ids) {
            if (id.equals(n) || id.startsWith(n + "-") && n.matches("\\d+")
                    || n.matches("\\d") && id.startsWith("0" + n + "-")) {
                return id;
            }
        }
        return null;
    }

    private static String keyFor(Path file) {
        return "file:" + file;
    }
}
