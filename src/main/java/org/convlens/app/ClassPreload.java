package org.convlens.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Loads, on a thread of its own, the classes the window needs for its first frame, in the order
 * it needs them, while the JavaFX thread is busy starting the toolkit and building the window: on
 * a machine with two cores the second core reads and links them, and the JavaFX thread finds
 * them ready. Loading only: no class is initialised here (no static code runs out of turn), but
 * for the few named in {@link #INITIALISE}, plain Java whose static set-up (a JSON mapper) is
 * safe on any thread.
 *
 * <p>The list, {@code startup-classes.txt} beside this class, is the window's own start-up, as
 * recorded by {@code tools/startup/classlist.sh}; a name that is no longer there is skipped
 * ({@code ClassPreloadTest} keeps the list from going stale). {@code -Dconvlens.preload=off} turns
 * it off (to measure what it gives, and to record the list).
 */
final class ClassPreload {
    static final String LIST = "startup-classes.txt";
    /** Classes whose static set-up builds a Jackson mapper, a few hundred classes the window needs. */
    static final Set<String> INITIALISE = Set.of("org.convlens.lesson.ProgressStore",
            "org.convlens.spec.SpecReader", "org.convlens.spec.SpecWriter");

    private ClassPreload() {
    }

    /** Starts the loading thread (a daemon: it never holds the app open), unless turned off. */
    static void start() {
        if ("off".equals(System.getProperty("convlens.preload"))) {
            return;
        }
        Thread t = new Thread(ClassPreload::run, "convlens-preload");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Loads every class of the list it can; returns how many it loaded. */
    static int run() {
        ClassLoader loader = ClassPreload.class.getClassLoader();
        int n = 0;
        try (InputStream in = ClassPreload.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return 0;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, INITIALISE.contains(name), loader);
                    n++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // gone since the list was made, or not loadable this early: the window loads it when needed
                }
            }
        } catch (IOException e) {
            // no list: the window loads its classes itself, as without this
        }
        return n;
    }
}
