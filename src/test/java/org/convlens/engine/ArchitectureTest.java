package org.convlens.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The engine depends on nothing: no JavaFX, no AWT, no other ConvLens package (as JabRef's CommonArchitectureTest). */
class ArchitectureTest {
    @Test
    void engineImportsNoJavaFxAwtOrOtherConvLensPackage() throws IOException {
        Path dir = Path.of("src/main/java/org/convlens/engine");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(dir)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.startsWith("import "))
                            .filter(l -> l.contains("javafx.") || l.contains("java.awt") || l.contains("javax.swing")
                                    || l.contains("javax.imageio") || l.contains("com.fasterxml")
                                    || (l.contains("org.convlens.") && !l.contains("org.convlens.engine")))
                            .map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertFalse(Files.notExists(dir));
        assertEquals(List.of(), offenders);
    }
}
