package org.convlens.ui.train;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlens.train.Dataset;

import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The confusion matrix of the last test pass: a row per true class, a column per predicted class,
 * each cell its count, shaded by its share of the row. A click on a cell lists its test images
 * (thumbnails; a click on one chooses it as the test image shown).
 */
public final class ConfusionPane extends VBox {
    private final GridPane grid = new GridPane();
    private final Label cellTitle = new Label();
    private final FlowPane images = new FlowPane(4, 4);
    private final HBox cellBar;
    private Inspector inspector;
    private Locale locale = Locale.ENGLISH;
    private IntConsumer choose = i -> { };

    public ConfusionPane() {
        setSpacing(6);
        getStyleClass().add("confusion");
        grid.getStyleClass().add("confusion-grid");
        grid.setId("train-confusion");
        images.setId("train-cell-images");
        images.setPrefWrapLength(460);
        Button close = new Button("\u00d7");
        close.setOnAction(e -> inspector.closeCell());
        close.setId("train-cell-close");
        cellBar = new HBox(6, cellTitle, close);
        cellBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(grid, cellBar, images);
    }

    void bind(Inspector in, Locale l, IntConsumer chooseImage) {
        this.inspector = in;
        this.locale = l;
        this.choose = chooseImage;
        in.confusionProperty().addListener((o, a, b) -> draw());
        in.cellProperty().addListener((o, a, b) -> draw());
        in.cellImages().addListener((ListChangeListener<Integer>) c -> showImages());
        draw();
        showImages();
    }

    private String text(String key, Object... args) {
        return TrainText.get(locale, key, args);
    }

    private void draw() {
        grid.getChildren().clear();
        int[][] c = inspector.confusionProperty().get();
        Dataset test = inspector.test();
        if (c == null || test == null) {
            grid.add(new Label(text("train.confusion.empty")), 0, 0);
            return;
        }
        int k = c.length;
        Inspector.Cell open = inspector.cellProperty().get();
        for (int p = 0; p < k; p++) {
            Label h = new Label(Integer.toString(p));
            h.getStyleClass().add("confusion-head");
            h.setTooltip(new Tooltip(test.className(p, locale)));
            grid.add(h, p + 1, 0);
        }
        for (int a = 0; a < k; a++) {
            Label name = new Label(a + " " + test.className(a, locale));
            name.getStyleClass().add("confusion-head");
            grid.add(name, 0, a + 1);
            int row = 0;
            for (int v : c[a]) {
                row += v;
            }
            for (int p = 0; p < k; p++) {
                int n = c[a][p];
                Label cell = new Label(Integer.toString(n));
                cell.setId("train-confusion-" + a + "-" + p);
                cell.getStyleClass().addAll("confusion-cell", a == p ? "right" : "wrong");
                double share = row == 0 ? 0 : (double) n / row;
                double alpha = Math.min(1, a == p ? share : 3 * share);
                cell.setStyle("-fx-background-color: " + (a == p ? "rgba(0,114,178," : "rgba(230,159,0,")
                        + String.format(Locale.ROOT, "%.3f", alpha) + ");");
                if (open != null && open.actual() == a && open.predicted() == p) {
                    cell.getStyleClass().add("open");
                }
                int aa = a;
                int pp = p;
                cell.setOnMouseClicked(e -> inspector.openCell(aa, pp));
                cell.setTooltip(new Tooltip(text("train.confusion.cell", n, test.className(a, locale),
                        test.className(p, locale))));
                grid.add(cell, p + 1, a + 1);
            }
        }
    }

    private void showImages() {
        images.getChildren().clear();
        Inspector.Cell open = inspector.cellProperty().get();
        Dataset test = inspector.test();
        cellBar.setVisible(open != null);
        cellBar.setManaged(open != null);
        if (open == null || test == null) {
            return;
        }
        cellTitle.setText(text("train.confusion.cell", inspector.cellImages().size(),
                test.className(open.actual(), locale), test.className(open.predicted(), locale)));
        if (inspector.cellImages().isEmpty()) {
            images.getChildren().add(new Label(text("train.confusion.none")));
        }
        for (int i : inspector.cellImages()) {
            ImageView v = new ImageView(thumbnail(test, i));
            v.setFitWidth(2 * test.width());
            v.setPreserveRatio(true);
            v.setSmooth(false);
            v.setId("train-cell-image-" + i);
            v.getStyleClass().add("thumbnail");
            Tooltip.install(v, new Tooltip("#" + i));
            v.setOnMouseClicked(e -> choose.accept(i));
            images.getChildren().add(v);
        }
    }

    /** Test image {@code i} as a picture (gray, or RGB from three planes). */
    static WritableImage thumbnail(Dataset d, int i) {
        byte[] s = d.samples(i);
        int w = d.width();
        int h = d.height();
        int plane = w * h;
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int j = y * w + x;
                int r = s[j] & 0xff;
                int g = d.channels() >= 3 ? s[plane + j] & 0xff : r;
                int b = d.channels() >= 3 ? s[2 * plane + j] & 0xff : r;
                pw.setArgb(x, y, 0xff000000 | r << 16 | g << 8 | b);
            }
        }
        return img;
    }
}
