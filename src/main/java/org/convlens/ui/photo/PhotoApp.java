package org.convlens.ui.photo;

import javafx.application.Application;
import javafx.stage.Stage;

import java.util.Locale;

/**
 * The photo view on its own, until it is a tab of the main window:
 * {@code java -cp target/convlens.jar org.convlens.ui.photo.PhotoApp$Launcher [SAMPLE_OR_FILE]}.
 */
public final class PhotoApp extends Application {
    @Override
    public void start(Stage stage) {
        PhotoViewModel vm = PhotoView.defaultModel();
        Locale locale = org.convlens.ui.UiText.supported(Locale.getDefault());
        vm.localeProperty().set(locale);
        PhotoView v = PhotoView.load(vm, locale).withTheme("dark");
        v.handleKeysAlone();
        stage.setTitle("ConvLens \u2013 " + PhotoText.get(locale, "tab"));
        stage.setScene(new javafx.scene.Scene(v.root(), 1500, 920));
        stage.show();
        var args = getParameters().getRaw();
        if (args.isEmpty()) {
            vm.openSample("astronaut.png");
        } else if (org.convlens.image.Samples.names().contains(args.get(0))) {
            vm.openSample(args.get(0));
        } else {
            vm.open(java.nio.file.Path.of(args.get(0)));
        }
    }

    /** A plain main (a class extending Application cannot start from a plain classpath). */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(PhotoApp.class, args);
        }
    }
}
