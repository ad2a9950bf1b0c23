package org.convlens.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every visible string comes from the bundles (both languages have every key: BundlesTest). */
class UiBundleTest {
    private static java.util.Properties load(String name) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(Path.of("src/main/resources/org/convlens/ui", name))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyTheCodeAndFxmlUseExists() throws IOException {
        java.util.Properties en = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        Pattern code = Pattern.compile("(?:text|UiText\\.get\\([a-zA-Z().]+,)\\s*\\(?\"([a-z][a-zA-Z0-9_.-]+)\"");
        Pattern fxml = Pattern.compile("\"%([a-zA-Z0-9_.-]+)\"");
        for (Path root : new Path[] {Path.of("src/main/java/org/convlens/ui"), Path.of("fxml")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String file = f.getFileName().toString();
                    // The photo and lesson views have bundles of their own, tested beside them.
                    if (f.toString().contains("/photo/") || f.toString().contains("/lesson/")
                            || f.toString().contains("/network/") || f.toString().endsWith("NetworkView.fxml")
                            || f.toString().contains("/train/") || f.toString().endsWith("TrainingView.fxml")
                            || file.startsWith("Photo") || file.startsWith("Lesson")) {
                        continue;
                    }
                    String s = Files.readString(f);
                    Matcher m = (f.toString().endsWith(".fxml") ? fxml : code).matcher(s);
                    while (m.find()) {
                        String k = m.group(1);
                        if (!k.endsWith(".") && !en.containsKey(k)) {
                            missing.add(f.getFileName() + ": " + k);
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyCommandSaysWhatItDoesInEveryLanguage() {
        for (Locale l : UiText.LOCALES) {
            for (org.convlens.ui.actions.Command c : org.convlens.ui.actions.Command.values()) {
                assertTrue(!UiText.get(l, c.textKey()).isBlank(), c + " " + l);
            }
            for (org.convlens.ui.actions.Command.Scope s : org.convlens.ui.actions.Command.Scope.values()) {
                assertTrue(!UiText.get(l, "help.scope." + s.name().toLowerCase(Locale.ROOT)).isBlank());
            }
        }
    }
}
