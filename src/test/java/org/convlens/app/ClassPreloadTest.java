package org.convlens.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up class list is the window's own and is not stale: nearly every name in it is a
 * class of this build (else run {@code tools/startup/classlist.sh} again), and the window's first
 * classes are in it.
 */
class ClassPreloadTest {
    private static List<String> names() throws IOException {
        try (InputStream in = ClassPreload.class.getResourceAsStream(ClassPreload.LIST)) {
            assertNotNull(in, "the list is packaged beside ClassPreload");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void theListIsCurrent() throws IOException {
        List<String> names = names();
        assertTrue(names.size() > 1000, "a window's start loads thousands of classes: " + names.size());
        assertEquals(names.size(), names.stream().distinct().count(), "each class once");
        int loaded = ClassPreload.run();
        // a class renamed or removed since the list was made is skipped; many mean the list is stale
        assertTrue(loaded >= names.size() * 0.95, loaded + " of " + names.size()
                + " classes load: run tools/startup/classlist.sh");
        for (String first : List.of("org.convlens.ui.Shell", "org.convlens.ui.stepper.StepperView",
                "javafx.scene.control.Spinner", "com.fasterxml.jackson.databind.ObjectMapper")) {
            assertTrue(names.contains(first), first);
        }
        for (String init : ClassPreload.INITIALISE) {
            assertTrue(names.contains(init), init + " is initialised when the list reaches it");
        }
    }
}
