package org.convlens.lesson;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * File references in lessons (a photo to filter, a network to show). A reference is a relative
 * path with {@code /}: {@code samples/NAME} is a photo bundled with the app, {@code examples/NAME.json}
 * a bundled network file, anything else is inside the lesson's own folder. Absolute paths, drive letters, URLs, {@code ~}, backslashes and {@code ..} are refused
 * before anything is looked up, so a lesson from someone else cannot read other files.
 */
public final class FileRefs {
    /** The folder of the bundled photos on the classpath. */
    static final String SAMPLES = "samples/";
    static final List<String> IMAGE_TYPES = List.of("png", "jpg", "jpeg", "gif", "bmp");
    /** The folder of the bundled network files on the classpath (the project's {@code examples/}). */
    static final String EXAMPLES = "examples/";
    static final List<String> NETWORK_TYPES = List.of("json");

    private FileRefs() {
    }

    /** Thrown by a folder when a path's real location is outside it. */
    public static final class OutsideException extends Exception {
        public OutsideException() {
            super("outside the lesson's folder");
        }
    }

    /**
     * Finds the file a reference names.
     *
     * @return its location, or null after reporting what is wrong
     */
    static URL resolve(String ref, int line, LessonFolder folder, Report r) {
        return resolve(ref, line, folder, r, IMAGE_TYPES, SAMPLES, "error.ref.type", "error.ref.noSample");
    }

    /**
     * Finds the network file a reference names: {@code examples/NAME.json} is a network bundled
     * with the app (the project's {@code examples/} folder), anything else a {@code .json} file in
     * the lesson's own folder.
     *
     * @return its location, or null after reporting what is wrong
     */
    static URL resolveNetwork(String ref, int line, LessonFolder folder, Report r) {
        return resolve(ref, line, folder, r, NETWORK_TYPES, EXAMPLES, "error.ref.notNetwork", "error.ref.noExample");
    }

    private static URL resolve(String ref, int line, LessonFolder folder, Report r, List<String> types,
                               String bundled, String typeKey, String noBundledKey) {
        String norm = normalize(ref, line, r);
        if (norm == null) {
            return null;
        }
        String ext = norm.substring(norm.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (norm.lastIndexOf('.') < 0 || !types.contains(ext)) {
            r.error(line, typeKey, ref, String.join(", ", types));
            return null;
        }
        if (norm.startsWith(bundled)) {
            String name = norm.substring(bundled.length());
            URL u = name.contains("/") ? null : FileRefs.class.getClassLoader().getResource(bundled + name);
            if (u == null) {
                r.error(line, noBundledKey, ref);
            }
            return u;
        }
        try {
            URL u = folder.find(norm);
            if (u == null) {
                r.error(line, "error.ref.missing", ref);
            }
            return u;
        } catch (OutsideException e) {
            r.error(line, "error.ref.outside", ref);
            return null;
        }
    }

    /** The reference as clean relative segments joined by {@code /}, or null after reporting. */
    static String normalize(String ref, int line, Report r) {
        String s = ref.strip();
        if (s.isEmpty()) {
            r.error(line, "error.ref.empty");
            return null;
        }
        if (s.indexOf('\\') >= 0) {
            r.error(line, "error.ref.backslash", ref);
            return null;
        }
        if (s.startsWith("/") || s.startsWith("~") || s.indexOf(':') >= 0 || s.indexOf('\0') >= 0) {
            r.error(line, "error.ref.absolute", ref);
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String seg : s.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                r.error(line, "error.ref.parent", ref);
                return null;
            }
            parts.add(seg);
        }
        if (parts.isEmpty()) {
            r.error(line, "error.ref.empty");
            return null;
        }
        return String.join("/", parts);
    }
}
