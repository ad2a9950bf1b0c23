package org.convlens.ui.lesson;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.convlens.engine.Kernel;
import org.convlens.engine.KernelFit;
import org.convlens.engine.Tensor;
import org.convlens.lesson.Answers;
import org.convlens.lesson.FitDemo;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.GridView;
import org.convlens.ui.grid.NumberText;

import java.util.List;
import java.util.Locale;

/**
 * The training panel of a lesson step: the loss falling on a log scale, the weights as they are
 * now beside the kernel that made the target, the map they make beside the target map, the
 * learning rate as a multiple of the step's (large enough to make the loss blow up), and play,
 * step, reset. A Timeline only calls
 * {@link FitViewModel#tick()}; tests set {@link #tickProperty()} to zero and tick by hand.
 */
public final class FitPanel extends VBox {
    private static final ObjectProperty<Duration> TICK = new SimpleObjectProperty<>(Duration.millis(60));

    private final FitViewModel vm;
    private final Locale locale;
    private final LossChart chart;
    private final GridView weights = new GridView();
    private final GridView target = new GridView();
    private final GridView map = new GridView();
    private final GridView targetMap = new GridView();
    private final ToggleGroup rates = new ToggleGroup();
    private final javafx.beans.property.BooleanProperty ratesLocked = new javafx.beans.property.SimpleBooleanProperty();
    private final Label iteration = new Label();
    private final Label loss = new Label();
    private final Label rate = new Label();
    private final Label weightsTitle = new Label();
    private final Label trend = new Label();
    private final Button play = new Button();
    private final Timeline timer = new Timeline();

    public FitPanel(FitViewModel vm, Locale locale) {
        this.vm = vm;
        this.locale = locale;
        getStyleClass().add("fit-panel");
        setSpacing(8);
        Label title = new Label(LessonText.get(locale, "fit.title"));
        title.getStyleClass().add("lesson-subtitle");
        Label chartTitle = new Label(LessonText.get(locale, "fit.chart"));
        chartTitle.getStyleClass().add("lesson-muted");
        chart = new LossChart(vm.losses(), () -> vm.demoProperty().get() == null ? 1
                : vm.demoProperty().get().iterations());
        chart.setId("fitChart");
        weights.setId("fitWeights");
        target.setId("fitTarget");
        map.setId("fitMap");
        targetMap.setId("fitTargetMap");
        for (GridView g : List.of(weights, target, map, targetMap)) {
            g.showHeadersProperty().set(false);
            g.setMaxSize(140, 140);
            g.setPrefSize(135, 135);
            g.getStyleClass().add("fit-grid");
        }
        VBox w = new VBox(4, weightsTitle, weights);
        Label targetTitle = new Label(LessonText.get(locale, "fit.target"));
        targetTitle.getStyleClass().add("lesson-muted");
        targetTitle.setWrapText(true);
        VBox t = new VBox(4, targetTitle, target);
        w.setMaxWidth(145);
        t.setMaxWidth(145);
        HBox grids = new HBox(12, w, t);
        HBox maps = new HBox(12, titled("fit.map", map), titled("fit.map.target", targetMap));
        HBox rateRow = new HBox(6, new Label(LessonText.get(locale, "fit.rate.choose")));
        rateRow.setAlignment(Pos.CENTER_LEFT);
        rateRow.setId("fitRates");
        rateRow.disableProperty().bind(ratesLocked);
        Label locked = new Label(LessonText.get(locale, "fit.rate.locked"));
        locked.getStyleClass().add("lesson-muted");
        locked.setWrapText(true);
        locked.visibleProperty().bind(ratesLocked);
        locked.managedProperty().bind(ratesLocked);
        for (double f : FitViewModel.RATE_FACTORS) {
            ToggleButton b = new ToggleButton(factorText(f));
            b.setId("fitRate" + factorText(f).substring(1).replace('¼', 'q'));
            b.setUserData(f);
            b.setToggleGroup(rates);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setSelected(f == vm.rateFactorProperty().get());
            rateRow.getChildren().add(b);
        }
        rates.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // A rate is always chosen: clicking the chosen one again keeps it.
                rates.selectToggle(was);
            } else {
                vm.rateFactorProperty().set((Double) now.getUserData());
            }
        });
        vm.rateFactorProperty().addListener((o, was, now) -> rates.getToggles().stream()
                .filter(t2 -> t2.getUserData().equals(now.doubleValue())).findFirst().ifPresent(rates::selectToggle));
        play.setId("fitPlay");
        play.setOnAction(e -> vm.togglePlay());
        Button step = new Button(LessonText.get(locale, "fit.step"));
        step.setId("fitStep");
        step.setOnAction(e -> vm.stepOnce());
        Button reset = new Button(LessonText.get(locale, "fit.reset"));
        reset.setId("fitReset");
        reset.setOnAction(e -> vm.reset());
        Button end = new Button(LessonText.get(locale, "fit.end"));
        end.setId("fitEnd");
        end.setOnAction(e -> vm.toEnd());
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, play, step, end, reset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (Button x : List.of(play, step, end, reset)) {
            x.setMinWidth(Region.USE_PREF_SIZE);
        }
        iteration.setId("fitIteration");
        loss.setId("fitLoss");
        trend.getStyleClass().add("lesson-muted");
        javafx.scene.layout.FlowPane numbers = new javafx.scene.layout.FlowPane(14, 2, iteration, loss);
        trend.setWrapText(true);
        trend.setId("fitTrend");
        getChildren().addAll(title, buttons, rateRow, locked, numbers, chartTitle, chart, grids, maps, rate, trend);

        timer.getKeyFrames().setAll(new KeyFrame(TICK.get().greaterThan(Duration.ZERO) ? TICK.get() : Duration.millis(60),
                e -> vm.tick()));
        timer.setCycleCount(Animation.INDEFINITE);
        vm.playingProperty().addListener((o, a, on) -> {
            if (on && TICK.get().greaterThan(Duration.ZERO)) {
                timer.playFromStart();
            } else {
                timer.stop();
            }
            refresh();
        });
        vm.snapshotProperty().addListener(o -> refresh());
        vm.blownUpProperty().addListener(o -> refresh());
        refresh();
    }

    private VBox titled(String key, GridView g) {
        Label l = new Label(LessonText.get(locale, key));
        l.getStyleClass().add("lesson-muted");
        l.setWrapText(true);
        VBox box = new VBox(4, l, g);
        box.setMaxWidth(145);
        return box;
    }

    /** {@code ×4}, {@code ×¼}: a multiple of the step's rate. */
    static String factorText(double f) {
        return "×" + (f == 0.25 ? "¼" : Answers.format(f));
    }

    /**
     * True while the step's question is open: the rate stays the step's until the student has
     * answered, so trying another rate cannot answer a question about it.
     */
    public javafx.beans.property.BooleanProperty ratesLockedProperty() {
        return ratesLocked;
    }

    /** How often the timer ticks while playing; zero (tests) leaves ticking to the test. */
    public static ObjectProperty<Duration> tickProperty() {
        return TICK;
    }

    /** Stops the timer (the panel is being replaced). */
    public void dispose() {
        timer.stop();
        vm.playingProperty().set(false);
    }

    private void refresh() {
        FitDemo d = vm.demoProperty().get();
        KernelFit.Snapshot s = vm.getSnapshot();
        play.setText(LessonText.get(locale, vm.playingProperty().get() ? "fit.pause" : "fit.play"));
        if (d == null || s == null) {
            return;
        }
        iteration.setText(LessonText.get(locale, "fit.iteration", s.iteration(), d.iterations()));
        loss.setText(LessonText.get(locale, "fit.loss", lossText(s.loss())));
        rate.setText(LessonText.get(locale, "fit.rate", lossText(vm.learningRate())));
        weightsTitle.setText(LessonText.get(locale, "fit.weights", twoDecimals(s.bias()[0])));
        weights.setPicture(picture(s.kernel()));
        target.setPicture(picture(d.targetKernel()));
        float scale = largest(d.target());
        targetMap.setPicture(mapPicture(d.target(), scale));
        Tensor now = vm.mapProperty().get();
        map.setPicture(now == null ? null : mapPicture(now, scale));
        String key = vm.blownUpProperty().get() ? "fit.blown"
                : Boolean.TRUE.equals(vm.alwaysDownProperty().get()) ? "fit.down" : "fit.up";
        trend.setText(LessonText.get(locale, key));
        trend.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("warning"), vm.blownUpProperty().get());
    }

    /** The first channel of a map, one decimal, coloured on the target's scale so the two compare. */
    static GridPicture mapPicture(Tensor t, float scale) {
        GridPicture.Builder b = GridPicture.builder(t.height(), t.width()).noHeaders().scale(scale);
        for (int i = 0; i < t.planeSize(); i++) {
            float v = t.data()[i];
            b.value(i, v, oneDecimal(v));
        }
        return b.build();
    }

    private static float largest(Tensor t) {
        float m = 0;
        for (int i = 0; i < t.planeSize(); i++) {
            m = Math.max(m, Math.abs(t.data()[i]));
        }
        return m;
    }

    private static String oneDecimal(double v) {
        String s = Answers.format(Math.round(v * 10) / 10.0);
        return s.replace('-', NumberText.MINUS);
    }

    static String lossText(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 0.001) {
            return Answers.format(v);
        }
        return String.format(Locale.ROOT, "%.1e", v);
    }

    /** The first slice of a kernel, two decimals. */
    static GridPicture picture(Kernel k) {
        GridPicture.Builder b = GridPicture.builder(k.height(), k.width()).noHeaders();
        for (int i = 0; i < k.height() * k.width(); i++) {
            float v = k.data()[i];
            b.value(i, v, twoDecimals(v));
        }
        return b.build();
    }

    /** {@code -0.456} as {@code −0.46}, {@code 0.0003} as {@code 0}: what a weight reads as at a glance. */
    static String twoDecimals(double v) {
        String s = Answers.format(Math.round(v * 100) / 100.0);
        return s.replace('-', NumberText.MINUS);
    }
}
