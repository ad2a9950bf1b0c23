package org.convlens.ui;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;
import java.util.Properties;

/**
 * The window's own settings: theme, colour palette, zoom, presentation mode, language, frame-rate
 * display. Saved as properties; no JavaFX nodes.
 */
public final class WindowViewModel {
    /** Themes, each a stylesheet {@code css/theme-ID.css}. */
    public enum Theme {
        LIGHT("light"), DARK("dark"), CONTRAST("contrast");

        private final String id;

        Theme(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Colour-blind-safe palettes for values (negative, positive), each a style class {@code palette-ID}. */
    public enum Palette {
        BLUE_ORANGE("blue-orange"), PURPLE_ORANGE("purple-orange"), NONE("none");

        private final String id;

        Palette(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static final double MIN_ZOOM = 0.6;
    public static final double MAX_ZOOM = 3.0;
    /** What presentation mode zooms to. */
    public static final double PRESENTATION_ZOOM = 1.5;

    // Properties
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.BLUE_ORANGE);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.ENGLISH);
    private final BooleanProperty showFps = new SimpleBooleanProperty(this, "showFps", false);
    private Theme themeBeforePresentation;
    private double zoomBeforePresentation;
    private double presentationZoom = PRESENTATION_ZOOM;

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    /** 1 is normal size; everything in the window scales with it. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Full screen, large type, high contrast. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public BooleanProperty showFpsProperty() {
        return showFps;
    }

    /** Everything that is saved. */
    public Observable[] saved() {
        return new Observable[] {theme, palette, zoom, locale, showFps};
    }

    // Commands

    public void zoomIn() {
        zoom.set(Math.min(MAX_ZOOM, Math.round(zoom.get() * 1.15 * 100) / 100.0));
    }

    public void zoomOut() {
        zoom.set(Math.max(MIN_ZOOM, Math.round(zoom.get() / 1.15 * 100) / 100.0));
    }

    public void zoomReset() {
        zoom.set(1.0);
    }

    /** Turns presentation mode on (high contrast, large type) or off (back to what it was). */
    public void setPresentation(boolean on) {
        if (on == presentation.get()) {
            return;
        }
        if (on) {
            themeBeforePresentation = theme.get();
            zoomBeforePresentation = zoom.get();
            theme.set(Theme.CONTRAST);
            presentationZoom = Math.max(zoom.get(), PRESENTATION_ZOOM);
            zoom.set(presentationZoom);
        } else if (themeBeforePresentation != null) {
            theme.set(themeBeforePresentation);
            zoom.set(zoomBeforePresentation);
        }
        presentation.set(on);
    }

    /**
     * The zoom the current mode starts at: 1, or in presentation mode the zoom it set. Grids fill
     * the room they have at this zoom; zooming past it makes them larger still.
     */
    public double baseZoom() {
        return presentation.get() ? presentationZoom : 1.0;
    }

    public void togglePresentation() {
        setPresentation(!presentation.get());
    }

    public Properties toProperties() {
        Properties p = new Properties();
        Theme t = presentation.get() && themeBeforePresentation != null ? themeBeforePresentation : theme.get();
        double z = presentation.get() ? zoomBeforePresentation : zoom.get();
        p.setProperty("theme", t.name());
        p.setProperty("palette", palette.get().name());
        p.setProperty("zoom", Double.toString(z));
        p.setProperty("locale", locale.get().toLanguageTag());
        p.setProperty("showFps", Boolean.toString(showFps.get()));
        return p;
    }

    /** Takes what {@code p} holds; anything missing or unreadable keeps its default. */
    public void load(Properties p) {
        try {
            theme.set(Theme.valueOf(p.getProperty("theme", theme.get().name())));
        } catch (IllegalArgumentException e) {
            // keep the default
        }
        try {
            palette.set(Palette.valueOf(p.getProperty("palette", palette.get().name())));
        } catch (IllegalArgumentException e) {
            // keep the default
        }
        try {
            double z = Double.parseDouble(p.getProperty("zoom", "1"));
            if (z >= MIN_ZOOM && z <= MAX_ZOOM) {
                zoom.set(z);
            }
        } catch (NumberFormatException e) {
            // keep the default
        }
        if (p.getProperty("locale") != null) {
            locale.set(UiText.supported(Locale.forLanguageTag(p.getProperty("locale"))));
        }
        showFps.set(Boolean.parseBoolean(p.getProperty("showFps", "false")));
    }
}
