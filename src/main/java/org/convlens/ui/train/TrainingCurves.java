package org.convlens.ui.train;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convlens.train.Trainer;

import java.util.Locale;
import java.util.function.Function;

/**
 * What a run draws as it goes: the training loss and accuracy (a point per report), the test loss
 * and accuracy (a point per epoch), and whether the loss blew up (a learning rate too large), with
 * the line that says so. Filled on the JavaFX thread from {@link RunReporter.Report}s.
 */
final class TrainingCurves {
    /** How many times its first value the training loss must grow to count as blown up. */
    static final double BLOW_UP = 10;

    private final ObservableList<TrainingViewModel.Point> trainLoss = FXCollections.observableArrayList();
    private final ObservableList<TrainingViewModel.Point> testLoss = FXCollections.observableArrayList();
    private final ObservableList<TrainingViewModel.Point> trainAccuracy = FXCollections.observableArrayList();
    private final ObservableList<TrainingViewModel.Point> testAccuracy = FXCollections.observableArrayList();
    /** The largest batch loss of the run once it passed {@link #BLOW_UP} times the first batch's (else NaN). */
    private final ReadOnlyDoubleWrapper blownUp = new ReadOnlyDoubleWrapper(Double.NaN);
    private double firstLoss;

    ObservableList<TrainingViewModel.Point> trainLoss() {
        return trainLoss;
    }

    ObservableList<TrainingViewModel.Point> testLoss() {
        return testLoss;
    }

    ObservableList<TrainingViewModel.Point> trainAccuracy() {
        return trainAccuracy;
    }

    ObservableList<TrainingViewModel.Point> testAccuracy() {
        return testAccuracy;
    }

    ReadOnlyDoubleProperty blownUpProperty() {
        return blownUp.getReadOnlyProperty();
    }

    /** Empties the curves; {@code newRun}: a run starts, so the blow-up is forgotten too. */
    void clear(boolean newRun) {
        trainLoss.clear();
        testLoss.clear();
        trainAccuracy.clear();
        testAccuracy.clear();
        if (newRun) {
            blownUp.set(Double.NaN);
        }
    }

    /** Adds a report's points (a loss that is no number is left out: the line stops there); true if it ended an epoch. */
    boolean add(RunReporter.Report r) {
        for (TrainingViewModel.Point p : r.loss()) {
            if (Double.isFinite(p.y())) {
                trainLoss.add(p);
            }
        }
        if (r.largestLoss() > BLOW_UP * r.firstLoss()) {
            blownUp.set(r.largestLoss());
            firstLoss = r.firstLoss();
        }
        trainAccuracy.addAll(r.accuracy());
        for (Trainer.EpochResult e : r.epochs()) {
            testLoss.add(new TrainingViewModel.Point(e.epoch(), e.testLoss()));
            testAccuracy.add(new TrainingViewModel.Point(e.epoch(), e.testAccuracy()));
        }
        return !r.epochs().isEmpty();
    }

    /** {@code line}, and if the loss blew up, that it did and why ({@code rate}: the learning rate as shown). */
    Function<Locale, String> withBlowUp(Function<Locale, String> line, String rate) {
        double max = blownUp.get();
        if (Double.isNaN(max)) {
            return line;
        }
        String big = RunReporter.shortNumber(max);
        String first = RunReporter.fixed(firstLoss, 2);
        return l -> line.apply(l) + " \u2014 " + TrainText.get(l, "train.status.blownUp", big, first, rate);
    }
}
