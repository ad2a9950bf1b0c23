package org.convlens.ui.lesson;

import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code --lesson} names a shipped lesson the way a teacher would type it. */
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
}
