package org.convlens.ui;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowViewModelTest {
    @Test
    void presentationModeIsHighContrastAndLargeAndGoesBackToWhatItWas() {
        WindowViewModel w = new WindowViewModel();
        w.themeProperty().set(WindowViewModel.Theme.DARK);
        w.setPresentation(true);
        assertEquals(WindowViewModel.Theme.CONTRAST, w.themeProperty().get());
        assertTrue(w.zoomProperty().get() >= WindowViewModel.PRESENTATION_ZOOM);
        assertEquals("DARK", w.toProperties().getProperty("theme"), "presentation is not saved as the theme");
        w.setPresentation(false);
        assertEquals(WindowViewModel.Theme.DARK, w.themeProperty().get());
        assertEquals(1.0, w.zoomProperty().get());
        assertFalse(w.presentationProperty().get());
    }

    @Test
    void zoomStaysWithinItsLimits() {
        WindowViewModel w = new WindowViewModel();
        for (int i = 0; i < 30; i++) {
            w.zoomIn();
        }
        assertEquals(WindowViewModel.MAX_ZOOM, w.zoomProperty().get());
        for (int i = 0; i < 30; i++) {
            w.zoomOut();
        }
        assertEquals(WindowViewModel.MIN_ZOOM, w.zoomProperty().get());
    }

    @Test
    void settingsRoundTripAndNonsenseKeepsDefaults() {
        WindowViewModel w = new WindowViewModel();
        w.localeProperty().set(Locale.SIMPLIFIED_CHINESE);
        w.paletteProperty().set(WindowViewModel.Palette.PURPLE_ORANGE);
        w.zoomProperty().set(1.3);
        WindowViewModel v = new WindowViewModel();
        v.load(w.toProperties());
        assertEquals(Locale.SIMPLIFIED_CHINESE, v.localeProperty().get());
        assertEquals(WindowViewModel.Palette.PURPLE_ORANGE, v.paletteProperty().get());
        assertEquals(1.3, v.zoomProperty().get());
        Properties junk = new Properties();
        junk.setProperty("theme", "PLAID");
        junk.setProperty("zoom", "eleven");
        WindowViewModel u = new WindowViewModel();
        u.load(junk);
        assertEquals(WindowViewModel.Theme.LIGHT, u.themeProperty().get());
        assertEquals(1.0, u.zoomProperty().get());
    }
}
