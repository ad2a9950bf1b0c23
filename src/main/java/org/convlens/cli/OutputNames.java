package org.convlens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output name of each photo of a folder run, without its extension: the photo's name without
 * its extension ({@code rocket.jpg -> rocket}) where that is unique, else its whole name with the
 * dots made underscores ({@code x.png -> x_png}, {@code x.jpg -> x_jpg}), as many times as needed
 * ({@code x_png.png} then becomes {@code x_png_png}). Every photo gets its own output, or the run
 * is refused before anything is written.
 */
final class OutputNames {
    private OutputNames() {
    }

    /** The outcome: a name for every photo, or two photos that would still share one. */
    record Names(Map<Path, String> names, Path first, Path second, String shared) {
        boolean ok() {
            return shared == null;
        }
    }

    static Names assign(List<Path> photos) {
        Map<Path, String> names = new LinkedHashMap<>();
        for (Path p : photos) {
            names.put(p, stem(p.getFileName().toString()));
        }
        while (true) {
            Map<String, List<Path>> byName = new HashMap<>();
            names.forEach((p, n) -> byName.computeIfAbsent(n, k -> new ArrayList<>()).add(p));
            boolean changed = false;
            List<Path> clash = null;
            for (List<Path> same : byName.values()) {
                if (same.size() < 2) {
                    continue;
                }
                clash = same;
                for (Path p : same) {
                    String whole = whole(p.getFileName().toString());
                    if (!names.get(p).equals(whole)) {
                        names.put(p, whole);
                        changed = true;
                    }
                }
            }
            if (clash == null) {
                return new Names(names, null, null, null);
            }
            if (!changed) {
                List<Path> sorted = clash.stream().sorted().toList();
                return new Names(names, sorted.get(0), sorted.get(1), names.get(sorted.get(0)));
            }
        }
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String whole(String name) {
        return name.replace('.', '_');
    }
}
