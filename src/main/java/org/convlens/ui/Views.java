package org.convlens.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;

/**
 * The one loader for views and resources (as Scene Builder's AbstractFxmlController and
 * AtlantaFX's Resources): an FXML file from {@code /fxml/}, its texts from a bundle, its controller
 * from a factory; a missing or broken file fails with its path in the message.
 */
public final class Views {
    private Views() {
    }

    /** A loaded view: its root node and its controller. */
    public record Loaded<T>(Parent root, T controller) {
    }

    /**
     * Loads {@code /fxml/NAME.fxml}.
     *
     * @param name file name without folder and extension, e.g. {@code StepperView}
     * @param bundle the texts {@code %key} refers to
     * @param controllers makes the controller the file names (may be null for the no-argument constructor)
     */
    public static <T> Loaded<T> load(String name, ResourceBundle bundle, Callback<Class<?>, Object> controllers) {
        String path = "/fxml/" + name + ".fxml";
        URL url = resource(path);
        FXMLLoader loader = new FXMLLoader(url, bundle);
        if (controllers != null) {
            loader.setControllerFactory(controllers);
        }
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + path + ": " + e.getMessage(), e);
        }
    }

    /** A classpath resource that must exist. */
    public static URL resource(String path) {
        URL url = Views.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        return url;
    }

    /** A stylesheet URL for {@code /css/NAME.css}. */
    public static String css(String name) {
        return resource("/css/" + name + ".css").toExternalForm();
    }

    /**
     * Puts {@code prefix} before the id of {@code n} and of every node under it (titled panes' and
     * scroll panes' content included, skinned or not), so that several copies of one view in a window keep their ids apart.
     */
    public static void prefixIds(javafx.scene.Node n, String prefix) {
        if (n.getId() != null && !n.getId().startsWith(prefix)) {
            n.setId(prefix + n.getId());
        }
        if (n instanceof Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                prefixIds(c, prefix);
            }
        }
        if (n instanceof javafx.scene.control.TitledPane t && t.getContent() != null) {
            prefixIds(t.getContent(), prefix);
        }
        if (n instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            prefixIds(s.getContent(), prefix);
        }
    }
}
