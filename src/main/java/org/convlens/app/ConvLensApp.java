package org.convlens.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public class ConvLensApp extends Application {
    static void launchApp(String[] args) {
        Application.launch(ConvLensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("ConvLens");
        stage.setScene(new Scene(new Label("ConvLens"), 800, 600));
        stage.show();
    }
}
