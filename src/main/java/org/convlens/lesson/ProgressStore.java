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
import java.util.TreeMap;

/**
 * Remembers each lesson's progress in one JSON file ({@code progress.json} in the per-user
 * folder): the step reached, the first answer to each question, whether it was finished.
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
     * @param answers the first answer typed (or option letter) per 0-based step
     * @param finished whether the student reached the score
     */
    public record Entry(int step, int steps, Map<Integer, String> answers, boolean finished) {
        public Entry {
            answers = Map.copyOf(answers);
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
                        o.path("finished").asBoolean(false)));
            }
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

    private void write() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        ObjectNode settings = root.putObject("settings");
        app.forEach(settings::put);
        ObjectNode lessons = root.putObject("lessons");
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            ObjectNode o = lessons.putObject(e.getKey());
            o.put("step", e.getValue().step());
            o.put("steps", e.getValue().steps());
            ObjectNode a = o.putObject("answers");
            new TreeMap<>(e.getValue().answers()).forEach((k, v) -> a.put(Integer.toString(k), v));
            o.put("finished", e.getValue().finished());
        }
        AtomicFiles.write(file, MAPPER.writeValueAsString(root) + "\n");
    }
}
