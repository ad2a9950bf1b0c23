package org.convlens.network;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network package depends on the engine only: no JavaFX, AWT, Jackson or other ConvLens package. */
class NetworkArchitectureTest {
    @Test
    void networkImportsOnlyTheEngine() throws IOException {
        Path dir = Path.of("src/main/java/org/convlens/network");
        assertTrue(Files.isDirectory(dir));
        List<String> offenders;
        try (Stream<Path> files = Files.walk(dir)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.startsWith("import "))
                            .filter(l -> !l.startsWith("import java.") && !l.startsWith("import org.convlens.engine.")
                                    && !l.startsWith("import org.convlens.network."))
                            .map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
