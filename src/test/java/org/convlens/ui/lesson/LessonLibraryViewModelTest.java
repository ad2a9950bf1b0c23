package org.convlens.ui.lesson;

import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --lesson} names a shipped lesson the way a teacher would type it; the lesson the app
 * opens with is loaded alone first, and the full load keeps that very lesson.
 */
class LessonLibraryViewModelTest {
    private static final List<Lesson> SHIPPED = LessonLibrary.shipped(Locale.ENGLISH).lessons();

    private static String id(String name) {
        Lesson l = LessonLibraryViewModel.shippedNamed(SHIPPED, name);
        return l == null ? null : l.id();
    }

    @Test
    void aShippedLessonByIdOrNumber() {
        assertEquals("17-receptive-field", id("17-receptive-field"));
        assertEquals("17-receptive-field", id("17"));
        assertEquals("17-receptive-field", id("17-receptive-field.yaml"));
        assertEquals("01-kernel", id("1"));
        assertEquals("01-kernel", id("01"));
        assertNull(id("99"));
        assertNull(id("receptive"));
        assertNull(id("lessons/nowhere.yaml"));
    }

    @Test
    void theOpeningLessonIsTheOneAskedForElseTheLastElseTheFirst() {
        LessonLibraryViewModel none = new LessonLibraryViewModel(List.of());
        LessonLibraryViewModel.Opening first = none.opening(Locale.ENGLISH, null, true);
        assertEquals("01-kernel", first.lesson().id());
        assertEquals("01-kernel", first.key());
        assertFalse(first.requested());
        assertEquals("06-output-size", none.opening(Locale.ENGLISH, "06-output-size", true).lesson().id());
        // the panel was closed: nothing opens; a file lesson waits for the full load
        assertNull(none.opening(Locale.ENGLISH, null, false));
        assertNull(none.opening(Locale.ENGLISH, "file:/nowhere/x.yaml", true));

        LessonLibraryViewModel asked = new LessonLibraryViewModel(List.of("--lesson", "17"));
        LessonLibraryViewModel.Opening o = asked.opening(Locale.ENGLISH, "06-output-size", true);
        assertEquals("17-receptive-field", o.lesson().id());
        assertTrue(o.requested());
        assertNull(new LessonLibraryViewModel(List.of("--lesson", "99")).opening(Locale.ENGLISH, null, true));
    }

    @Test
    void aLessonFromAFileOpensFirstUnderItsFileKey() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("opening");
        java.nio.file.Path f = dir.resolve("mine.yaml");
        try (var in = LessonLibrary.class.getClassLoader().getResourceAsStream("lessons/01-kernel.yaml")) {
            java.nio.file.Files.write(f, in.readAllBytes());
        }
        LessonLibraryViewModel vm = new LessonLibraryViewModel(List.of("--lesson", f.toString()));
        LessonLibraryViewModel.Opening o = vm.opening(Locale.ENGLISH, null, true);
        assertEquals("file:" + f.toAbsolutePath().normalize(), o.key());
        assertTrue(o.requested());
        LessonLibraryViewModel.Found all = vm.find(Locale.ENGLISH, o);
        assertSame(o.lesson(), all.requested());
        assertSame(o.lesson(), all.lessons().get(all.keys().indexOf(o.key())));
    }

    @Test
    void theFullLoadKeepsTheOpeningLessonObject() {
        LessonLibraryViewModel vm = new LessonLibraryViewModel(List.of());
        LessonLibraryViewModel.Opening o = vm.opening(Locale.ENGLISH, "06-output-size", true);
        LessonLibraryViewModel.Found all = vm.find(Locale.ENGLISH, o);
        int at = all.keys().indexOf("06-output-size");
        assertSame(o.lesson(), all.lessons().get(at));
        assertEquals(SHIPPED.size(), all.lessons().stream().filter(l -> l.source().startsWith("lessons/")).count());
        // without one to keep, every lesson is loaded afresh
        assertFalse(vm.find(Locale.ENGLISH, null).lessons().get(at) == o.lesson());
    }
}
