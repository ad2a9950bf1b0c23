package org.convlens.ui.train;

import org.convlens.network.Network;
import org.convlens.train.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a run tells the window, throttled: the training thread calls {@link #batch} after every
 * batch, and at most once per interval (and after every epoch) the batches since the last report
 * go out as one point of each curve, with the latest weights. However fast the batches, the
 * JavaFX thread gets a few reports a second.
 */
final class RunReporter implements Trainer.Observer {
    /**
     * One report.
     *
     * @param loss the training loss since the last report (one point: the batches' mean)
     * @param accuracy the training accuracy since the last report
     * @param epochs the epochs finished since the last report
     * @param batch the last batch (null if none yet)
     * @param progress the share of the run done
     * @param network the weights after the last step
     * @param firstLoss the run's first batch's loss (before any step; NaN before it)
     */
    record Report(Trainer trainer, List<TrainingViewModel.Point> loss, List<TrainingViewModel.Point> accuracy,
                  List<Trainer.EpochResult> epochs, Trainer.BatchProgress batch, double progress, Network network,
                  double firstLoss, double largestLoss) {
    }

    private final Trainer trainer;
    private final int totalEpochs;
    private final long intervalNanos;
    private final Consumer<Report> sink;
    private double lossSum;
    private double accuracySum;
    private int count;
    private Trainer.BatchProgress last;
    private double firstLoss = Double.NaN;
    private double largestLoss = Double.NaN;
    private final List<Trainer.EpochResult> epochs = new ArrayList<>();
    private long lastPush = System.nanoTime();

    RunReporter(Trainer trainer, int totalEpochs, int intervalMillis, Consumer<Report> sink) {
        this.trainer = trainer;
        this.totalEpochs = totalEpochs;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.sink = sink;
    }

    @Override
    public synchronized void batch(Trainer.BatchProgress p) {
        if (Double.isNaN(firstLoss)) {
            firstLoss = p.loss();
        }
        if (Float.isFinite(p.loss()) && !(p.loss() <= largestLoss)) {
            largestLoss = p.loss();
        }
        lossSum += p.loss();
        accuracySum += p.accuracy();
        count++;
        last = p;
        long now = System.nanoTime();
        if (now - lastPush >= intervalNanos) {
            lastPush = now;
            sink.accept(take());
        }
    }

    @Override
    public synchronized void epoch(Trainer.EpochResult e) {
        epochs.add(e);
        lastPush = System.nanoTime();
        sink.accept(take());
    }

    /** What has not been reported yet (at the end of the run). */
    synchronized Report flush() {
        return take();
    }

    private Report take() {
        List<TrainingViewModel.Point> loss = new ArrayList<>(1);
        List<TrainingViewModel.Point> acc = new ArrayList<>(1);
        double x = last == null ? 0 : last.epoch() - 1 + (double) last.batch() / last.batches();
        if (count > 0) {
            loss.add(new TrainingViewModel.Point(x, lossSum / count));
            acc.add(new TrainingViewModel.Point(x, accuracySum / count));
        }
        lossSum = 0;
        accuracySum = 0;
        count = 0;
        List<Trainer.EpochResult> done = List.copyOf(epochs);
        epochs.clear();
        return new Report(trainer, loss, acc, done, last, Math.min(1, x / totalEpochs), trainer.snapshot(), firstLoss,
                largestLoss);
    }

    static String fixed(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "\u2014";
    }

    /** 5.3e+04 style for large numbers, 3 significant digits otherwise. */
    static String shortNumber(double v) {
        return Math.abs(v) >= 1e4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
