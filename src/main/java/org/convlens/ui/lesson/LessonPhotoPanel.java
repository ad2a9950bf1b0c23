package org.convlens.ui.lesson;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import org.convlens.lesson.PhotoStep;
import org.convlens.ui.grid.NumberText;

import java.util.Locale;

/** A lesson step's photo beside the engine's result of filtering it with the step's settings. */
public final class LessonPhotoPanel extends VBox {
    private static final double SIDE = 300;

    private final LessonPhotoViewModel vm;
    private final Locale locale;
    private final ImageView photo = new ImageView();
    private final ImageView result = new ImageView();
    private final Label title = new Label();
    private final Label range = new Label();
    private final Label message = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();

    public LessonPhotoPanel(LessonPhotoViewModel vm, Locale locale) {
        this.vm = vm;
        this.locale = locale;
        getStyleClass().add("photo-panel");
        setSpacing(6);
        title.getStyleClass().add("lesson-subtitle");
        title.setWrapText(true);
        photo.setId("lessonPhoto");
        result.setId("lessonPhotoResult");
        for (ImageView v : new ImageView[] {photo, result}) {
            v.setPreserveRatio(true);
            v.setFitWidth(SIDE);
            v.setFitHeight(SIDE);
            v.setSmooth(true);
        }
        Label a = new Label(LessonText.get(locale, "photo.original"));
        Label b = new Label(LessonText.get(locale, "photo.result"));
        a.getStyleClass().add("lesson-muted");
        b.getStyleClass().add("lesson-muted");
        VBox images = new VBox(6, a, photo, b, result);
        busy.setMaxSize(28, 28);
        message.setWrapText(true);
        message.getStyleClass().add("lesson-error");
        range.getStyleClass().add("lesson-muted");
        getChildren().addAll(title, images, range, busy, message);
        vm.renderedProperty().addListener(o -> refresh());
        vm.busyProperty().addListener(o -> refresh());
        vm.errorProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        LessonPhotoViewModel.Rendered r = vm.renderedProperty().get();
        boolean working = vm.busyProperty().get();
        busy.setVisible(working);
        busy.setManaged(working);
        String err = vm.errorProperty().get();
        message.setText(err == null ? "" : err);
        message.setVisible(err != null);
        message.setManaged(err != null);
        if (r == null) {
            photo.setImage(null);
            result.setImage(null);
            title.setText(working ? LessonText.get(locale, "photo.loading") : "");
            range.setText("");
            return;
        }
        title.setText(LessonText.get(locale, "photo.title", name(r.view())));
        photo.setImage(image(r.width(), r.height(), r.photo()));
        result.setImage(image(r.resultWidth(), r.resultHeight(), r.result()));
        range.setText(LessonText.get(locale, "photo.range", NumberText.format(r.lo(), 3), NumberText.format(r.hi(), 3)));
    }

    private static String name(PhotoStep v) {
        String f = v.file();
        return f.substring(f.lastIndexOf('/') + 1);
    }

    private static WritableImage image(int w, int h, int[] argb) {
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }
}
