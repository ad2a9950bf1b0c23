package org.convlens.app;

import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * A JavaFX window holding one Label, started from the same jar as ConvLens: the yardstick that
 * {@code tools/bench/startup.sh} times the ConvLens window against (same JVM, same JavaFX, same
 * window size, nothing of ConvLens loaded).
 * {@code java -cp target/convlens.jar org.convlens.app.BareWindow}
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window: one Label. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Label label = new Label("ConvLens");
            label.setFont(Font.font(48));
            // Top left, where ConvLens shows its first text too (the script watches that corner).
            label.setAlignment(Pos.TOP_LEFT);
            stage.setScene(new Scene(label, 1440, 900));
            stage.setTitle("ConvLens");
            stage.show();
        }
    }
}
