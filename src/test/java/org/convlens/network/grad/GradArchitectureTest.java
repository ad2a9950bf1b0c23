package org.convlens.network.grad;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gradients are engine code: they import the engine (and the network) only, and print nothing. */
class GradArchitectureTest {
    @Test
    void gradientsImportOnlyTheEngineAndTheNetwork() throws IOException {
        Path dir = Path.of("src/main/java/org/convlens/network/grad");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(dir)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.startsWith("import ") && (l.contains("javafx.") || l.contains("java.awt")
                                    || l.contains("javax.") || l.contains("com.fasterxml")
                                    || l.contains("org.convlens.") && !l.contains("org.convlens.engine.")
                                    && !l.contains("org.convlens.network.")) || l.contains("System.out"))
                            .map(l -> p.getFileName() + ": " + l.trim());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
