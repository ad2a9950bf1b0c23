package org.convlens.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped lesson files in the repository's {@code lessons/} folder, for tests that read their text. */
final class LessonLibraryFiles {
    private LessonLibraryFiles() {
    }

    static List<Path> shipped() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            return s.filter(p -> LessonLibrary.isLessonFile(p.getFileName().toString())).sorted().toList();
        }
    }
}
