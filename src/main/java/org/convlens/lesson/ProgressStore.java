package org.convlens.lesson;

import org.convlens.io.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Remembers each lesson's progress in one JSON file ({@code progress.json} in the per-user
 * folder): the step reached, the first answer to each question, which were solved or had their
 * answer shown, whether the student went past the last step.
 * Every change is written at once and atomically (a temporary file moved over the old one), so
 * a crash never leaves half a file. A file that cannot be read is set aside as
 * {@code progress.json.bad} and progress starts afresh.
 */
public final class ProgressStore {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One lesson's progress.
     *
     * @param step the 0-based step shown last
     * @param steps how many steps the lesson had
     * @param answers the first answer typed (option letters; for a build task the changed
     *                settings as JSON) per 0-based step
     * @param solved steps whose question was answered right (at any try)
     * @param shown steps whose answer was shown without being solved (two wrong tries, or
     *              "show answer")
     * @param finished whether the student pressed on past the last step
     */
    public record Entry(int step, int steps, Map<Integer, String> answers, Set<Integer> solved, Set<Integer> shown,
                        boolean finished) {
        public Entry {
            answers = Map.copyOf(answers);
            solved = Set.copyOf(solved);
            shown = Set.copyOf(shown);
        }

        /** Progress with first answers only (as files before version 2 held). */
        public Entry(int step, int steps, Map<Integer, String> answers, boolean finished) {
            this(step, steps, answers, Set.of(), Set.of(), finished);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> app = new LinkedHashMap<>();

    /** A store on {@code file}, read now (a missing file is an empty store). */
    public ProgressStore(Path file) {
        this.file = file;
        read();
    }

    /** The store in the per-user folder. */
    public static ProgressStore open() {
        return new ProgressStore(UserFiles.home().resolve("progress.json"));
    }

    public Path file() {
        return file;
    }

    /** A lesson's progress, or null if it was never opened. */
    public synchronized Entry get(String lessonId) {
        return entries.get(lessonId);
    }

    /** Records a lesson's progress and writes the file. */
    public synchronized void put(String lessonId, Entry e) throws IOException {
        entries.put(lessonId, e);
        write();
    }

    /**
     * A setting of the player kept beside the progress (the lesson open last, whether the panel
     * is shown, the mode), or {@code dflt} if none.
     */
    public synchronized String setting(String key, String dflt) {
        return app.getOrDefault(key, dflt);
    }

    /** Records a player setting and writes the file (nothing is written if it did not change). */
    public synchronized void putSetting(String key, String value) throws IOException {
        if (!value.equals(app.get(key))) {
            app.put(key, value);
            write();
        }
    }

    /** Forgets a lesson's progress and writes the file. */
    public synchronized void remove(String lessonId) throws IOException {
        if (entries.remove(lessonId) != null) {
            write();
        }
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode lessons = root == null ? null : root.get("lessons");
            if (lessons == null || !lessons.isObject()) {
                throw new IOException("no lessons object");
            }
            JsonNode settings = root.get("settings");
            if (settings != null && settings.isObject()) {
                settings.fields().forEachRemaining(f -> app.put(f.getKey(), f.getValue().asText()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = lessons.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode o = f.getValue();
                Map<Integer, String> answers = new HashMap<>();
                JsonNode a = o.get("answers");
                if (a != null && a.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> ai = a.fields(); ai.hasNext(); ) {
                        Map.Entry<String, JsonNode> x = ai.next();
                        answers.put(Integer.parseInt(x.getKey()), x.getValue().asText());
                    }
                }
                entries.put(f.getKey(), new Entry(o.path("step").asInt(0), o.path("steps").asInt(0), answers,
                        steps(o.get("solved")), steps(o.get("shown")), o.path("finished").asBoolean(false)));
            }
            renamed();
        } catch (IOException | RuntimeException e) {
            entries.clear();
            app.clear();
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the unreadable file stays; it is overwritten at the next change
            }
        }
    }

    /** Progress kept under a shipped lesson's old id moves to its new id (unless that has its own). */
    private void renamed() {
        for (Map.Entry<String, String> e : LessonLibrary.RENAMED.entrySet()) {
            Entry old = entries.remove(e.getKey());
            if (old != null) {
                entries.putIfAbsent(e.getValue(), old);
            }
            if (e.getKey().equals(app.get("last"))) {
                app.put("last", e.getValue());
            }
        }
    }

    /** A list of step numbers; anything else is none. */
    private static Set<Integer> steps(JsonNode list) {
        Set<Integer> out = new TreeSet<>();
        if (list != null && list.isArray()) {
            list.forEach(x -> {
                if (x.canConvertToInt()) {
                    out.add(x.asInt());
                }
            });
        }
        return out;
    }

    private void write() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 2);
        ObjectNode settings = root.putObject("settings");
        app.forEach(settings::put);
        ObjectNode lessons = root.putObject("lessons");
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            ObjectNode o = lessons.putObject(e.getKey());
            o.put("step", e.getValue().step());
            o.put("steps", e.getValue().steps());
            ObjectNode a = o.putObject("answers");
            new TreeMap<>(e.getValue().answers()).forEach((k, v) -> a.put(Integer.toString(k), v));
            new TreeSet<>(e.getValue().solved()).forEach(o.putArray("solved")::add);
            new TreeSet<>(e.getValue().shown()).forEach(o.putArray("shown")::add);
            o.put("finished", e.getValue().finished());
        }
        AtomicFiles.write(file, MAPPER.writeValueAsString(root) + "\n");
    }
}
