package org.convlens.ui.train;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.image.DatasetImages;
import org.convlens.network.Network;
import org.convlens.network.Shape;
import org.convlens.spec.NetworkFiles;
import org.convlens.spec.NetworkProblem;
import org.convlens.spec.NetworkReader;
import org.convlens.train.ClassFolders;
import org.convlens.train.DataException;
import org.convlens.train.DataSplit;
import org.convlens.train.IdxFiles;
import org.convlens.train.TrainSettings;
import org.convlens.train.Trainer;
import org.convlens.train.Weights;
import org.convlens.ui.LocalText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Training tab's state: the run's settings, its progress and curves, the network as it learns
 * (its kernels), and what it makes of one chosen test image ({@link Inspector}). A run trains on
 * its own executor's thread (the window's shared background threads stay free for photos and
 * the inspector while it runs); what it reports reaches the JavaFX thread (through {@code fx})
 * at most every {@link #pushIntervalProperty()} milliseconds, so the window never stalls however
 * fast the batches go. No JavaFX nodes.
 */
public final class TrainingViewModel {
    /** Where a run stands. */
    public enum State {
        IDLE, LOADING, RUNNING, PAUSED, FINISHED, CANCELLED, DIVERGED, FAILED;

        /** A run is going (paused included): the settings wait. */
        public boolean busy() {
            return this == LOADING || this == RUNNING || this == PAUSED;
        }
    }

    /** A point of a curve: x in epochs (1.5 = half-way through the second epoch). */
    public record Point(double x, double y) {
    }

    private final Executor executor;
    private final Executor runs;
    private final Consumer<Runnable> fx;
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Locale.ENGLISH);

    private static final TrainSettings DEFAULTS = TrainSettings.defaults();
    private final ObjectProperty<TrainSettings.OptimizerKind> optimizer = new SimpleObjectProperty<>(DEFAULTS.optimizer());
    private final DoubleProperty learningRate = new SimpleDoubleProperty(TrainSettings.DEFAULT_LEARNING_RATE);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(DEFAULTS.batchSize());
    private final IntegerProperty epochs = new SimpleIntegerProperty(DEFAULTS.epochs());
    private final IntegerProperty seed = new SimpleIntegerProperty((int) DEFAULTS.seed());
    private final IntegerProperty trainImages = new SimpleIntegerProperty(10_000);
    /** Null: the shipped Fashion-MNIST subset; else an IDX folder or a folder of class folders. */
    private final ObjectProperty<Path> dataPath = new SimpleObjectProperty<>();
    private final IntegerProperty pushInterval = new SimpleIntegerProperty(150);

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final LocalText message;
    private final TrainingCurves curves = new TrainingCurves();
    /** The network with its latest weights (null before any run or file). */
    private final ReadOnlyObjectWrapper<Network> network = new ReadOnlyObjectWrapper<>();
    /** The network the last run started from (or the one opened): what the kernels have moved from. */
    private final ReadOnlyObjectWrapper<Network> startNetwork = new ReadOnlyObjectWrapper<>();
    /** A network opened from a file: the next run starts from it (null: a fresh default network). */
    private final ObjectProperty<Network> opened = new SimpleObjectProperty<>();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final BooleanProperty startLocked = new SimpleBooleanProperty(this, "startLocked");

    /** How many times its first value the training loss must grow to count as blown up. */
    public static final double BLOW_UP = TrainingCurves.BLOW_UP;

    private final Inspector inspector;
    private volatile Trainer trainer;
    private volatile DataSplit data;
    private Path dataLoadedFrom;
    private int dataLoadedImages = -1;
    private int runId;

    public TrainingViewModel(Executor executor, Consumer<Runnable> fx) {
        this(executor, executor, fx);
    }

    /**
     * @param executor the window's background work: loading a network file, saving, the inspector
     * @param runs where runs train, one at a time (a thread of their own in the window)
     * @param fx runs a task on the JavaFX thread
     */
    public TrainingViewModel(Executor executor, Executor runs, Consumer<Runnable> fx) {
        this.executor = executor;
        this.runs = runs;
        this.fx = fx;
        this.message = new LocalText(locale);
        this.inspector = new Inspector(executor, fx);
    }

    // Settings

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public ObjectProperty<TrainSettings.OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    /** How many of the training images a run learns from (all if there are fewer). */
    public IntegerProperty trainImagesProperty() {
        return trainImages;
    }

    public ObjectProperty<Path> dataPathProperty() {
        return dataPath;
    }

    /** The least time between two reports of a run to the JavaFX thread, in ms (0: every batch). */
    public IntegerProperty pushIntervalProperty() {
        return pushInterval;
    }

    /**
     * Takes a lesson's settings (through {@link ShowTraining}): a run in progress is cancelled, the
     * data goes back to the shipped subset and the next run starts from a fresh network.
     */
    public void use(ShowTraining s) {
        cancel();
        startLocked.unbind();
        if (s.startLocked() != null) {
            startLocked.bind(s.startLocked());
        } else {
            startLocked.set(false);
        }
        opened.set(null);
        dataPath.set(null);
        trainImages.set(s.images());
        epochs.set(s.epochs());
        batchSize.set(s.batch());
        learningRate.set(s.learningRate());
        optimizer.set(s.optimizer());
        seed.set((int) Math.min(Integer.MAX_VALUE, Math.max(0, s.seed())));
    }

    /**
     * True while a lesson's question asks the student to predict what a run will do: Start waits
     * for the answer (a run already going is not stopped).
     */
    public BooleanProperty startLockedProperty() {
        return startLocked;
    }

    /** The settings a run takes, as {@link Trainer} checks them. */
    public TrainSettings settings() {
        return TrainSettings.defaults().withOptimizer(optimizer.get()).withLearningRate((float) learningRate.get())
                .withBatchSize(batchSize.get()).withEpochs(epochs.get()).withSeed(seed.get());
    }

    // The run

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The share of the run done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the run is doing, or why it stopped, in the window's language. */
    public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    /** The training loss, a point per report (the mean of the batches since the last). */
    public ObservableList<Point> trainLoss() {
        return curves.trainLoss();
    }

    /** The test loss after each epoch. */
    public ObservableList<Point> testLoss() {
        return curves.testLoss();
    }

    public ObservableList<Point> trainAccuracy() {
        return curves.trainAccuracy();
    }

    public ObservableList<Point> testAccuracy() {
        return curves.testAccuracy();
    }

    /**
     * The largest batch loss once a batch's loss went past {@link #BLOW_UP} times the first batch's
     * (a learning rate too large), else NaN. The run goes on (the weights may still come back, or
     * stop being numbers: then it ends as {@link State#DIVERGED}).
     */
    public ReadOnlyDoubleProperty blownUpProperty() {
        return curves.blownUpProperty();
    }

    public ReadOnlyObjectProperty<Network> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** The weights the last run started from (the opened network's after an open); null before. */
    public ReadOnlyObjectProperty<Network> startNetworkProperty() {
        return startNetwork.getReadOnlyProperty();
    }

    public ObjectProperty<Network> openedProperty() {
        return opened;
    }

    /** The chosen test image, its maps and probabilities, the confusion matrix and its cells. */
    public Inspector inspector() {
        return inspector;
    }

    /** The trainer of the last run or opened network (null before): kernels and backward steps come from it. */
    public Trainer trainer() {
        return trainer;
    }

    /**
     * Starts a run with the settings: loads the data (once per source), then trains the opened
     * network, or a default network He-initialised from the seed, in the background.
     */
    public void start() {
        if (state.get().busy() || startLocked.get()) {
            return;
        }
        TrainSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            fail(l -> TrainText.get(l, "train.error.settings", e.getMessage()));
            return;
        }
        int id = ++runId;
        Path path = dataPath.get();
        int images = trainImages.get();
        Network start = opened.get();
        curves.clear(true);
        progress.set(0);
        state.set(State.LOADING);
        message.set(l -> TrainText.get(l, "train.status.loading"));
        if (!Inspector.submit(runs, () -> run(id, path, images, start, s))) {
            fail(l -> TrainText.get(l, "train.error.closing"));
        }
    }

    private void run(int id, Path path, int images, Network start, TrainSettings s) {
        Trainer t;
        try {
            DataSplit split = load(path, images, start);
            Network net = start != null ? start
                    : Weights.defaultNetwork(Shape.of(split.train().channels(), split.train().height(),
                    split.train().width()), split.train().classCount(), s.seed());
            t = new Trainer(net, split, s);
        } catch (DataException e) {
            fx.accept(() -> fail(e::line));
            return;
        } catch (SpecException e) {
            fx.accept(() -> fail(l -> TrainText.get(l, "train.error.refused", e.message(l))));
            return;
        } catch (IllegalArgumentException e) {
            fx.accept(() -> fail(l -> TrainText.get(l, "train.error.settings", e.getMessage())));
            return;
        } catch (OutOfMemoryError e) {
            fx.accept(() -> fail(l -> TrainText.get(l, "train.error.memory")));
            return;
        }
        Trainer trained = t;
        fx.accept(() -> {
            if (id != runId) {
                return;
            }
            trainer = trained;
            inspector.use(trained, data);
            startNetwork.set(trained.snapshot());
            network.set(trained.snapshot());
            state.set(State.RUNNING);
            message.set(l -> TrainText.get(l, "train.status.started"));
        });
        RunReporter reporter = new RunReporter(t, s.epochs(), pushInterval.get(), this::report);
        Trainer.Outcome outcome;
        try {
            outcome = t.run(reporter);
        } catch (RuntimeException e) {
            fx.accept(() -> fail(l -> TrainText.get(l, "train.error.failed", String.valueOf(e.getMessage()))));
            return;
        }
        RunReporter.Report last = reporter.flush();
        fx.accept(() -> finish(id, last, outcome));
    }

    /** The data of a run: read once per source and size, kept for the next run. */
    private DataSplit load(Path path, int images, Network start) {
        synchronized (this) {
            if (data != null && java.util.Objects.equals(path, dataLoadedFrom) && images == dataLoadedImages) {
                return data;
            }
        }
        DataSplit split;
        if (path == null) {
            split = IdxFiles.fashion();
        } else {
            DataSplit idx = null;
            try {
                idx = IdxFiles.open(path);
            } catch (DataException e) {
                if (!e.key().equals("data.idx.none") || !Files.isDirectory(path)) {
                    throw e;
                }
            }
            if (idx != null) {
                split = idx;
            } else {
                Shape in = start != null ? start.input() : Shape.of(1, 28, 28);
                split = ClassFolders.read(path, in.channels(), in.height(), in.width(), DatasetImages::decode,
                        (done, total) -> { });
            }
        }
        DataSplit d = new DataSplit(split.train().first(images), split.test());
        synchronized (this) {
            data = d;
            dataLoadedFrom = path;
            dataLoadedImages = images;
        }
        return d;
    }

    /** A report of the run, on the JavaFX thread. */
    private void report(RunReporter.Report r) {
        fx.accept(() -> apply(r));
    }

    private void apply(RunReporter.Report r) {
        if (r.trainer() != trainer) {
            return;
        }
        if (curves.add(r)) {
            inspector.confusionChanged(trainer.confusion());
        }
        progress.set(r.progress());
        network.set(r.network());
        inspector.refresh();
        if (state.get() == State.RUNNING || state.get() == State.PAUSED) {
            Trainer.BatchProgress b = r.batch();
            if (b != null) {
                String loss = RunReporter.fixed(b.loss(), 4);
                int epochsAll = epochs.get();
                String key = trainer.isPaused() ? "train.status.paused" : "train.status.batch";
                Function<Locale, String> line = l -> TrainText.get(l, key, b.epoch(), epochsAll, b.batch(), b.batches(),
                        loss);
                message.set(withBlowUp(line));
            }
        }
    }

    private void finish(int id, RunReporter.Report last, Trainer.Outcome outcome) {
        apply(last);
        if (id != runId) {
            return;
        }
        Trainer.BatchProgress b = last.batch();
        int e = b == null ? 0 : b.epoch();
        int k = b == null ? 0 : b.batch();
        String lr = org.convlens.spec.Numbers.shortest((float) learningRate.get());
        List<Trainer.EpochResult> h = trainer.history();
        String acc = h.isEmpty() ? "" : RunReporter.percent(h.get(h.size() - 1).testAccuracy());
        switch (outcome) {
            case FINISHED -> {
                progress.set(1);
                message.set(withBlowUp(l -> TrainText.get(l, "train.status.finished", h.size(), acc)));
                state.set(State.FINISHED);
            }
            case CANCELLED -> {
                message.set(l -> TrainText.get(l, "train.status.cancelled", e, k));
                state.set(State.CANCELLED);
            }
            case DIVERGED -> {
                message.set(l -> TrainText.get(l, "train.status.diverged", e, k, lr));
                state.set(State.DIVERGED);
            }
        }
    }

    /** {@code line}, and if the loss blew up, that it did and why. */
    private Function<Locale, String> withBlowUp(Function<Locale, String> line) {
        return curves.withBlowUp(line, org.convlens.spec.Numbers.shortest((float) learningRate.get()));
    }

    private void fail(Function<Locale, String> why) {
        message.set(why);
        state.set(State.FAILED);
    }

    /** Holds the run before its next batch. */
    public void pause() {
        Trainer t = trainer;
        if (t != null && state.get() == State.RUNNING) {
            t.pause();
            state.set(State.PAUSED);
            message.set(l -> TrainText.get(l, "train.status.pausedNow"));
        }
    }

    public void resume() {
        Trainer t = trainer;
        if (t != null && state.get() == State.PAUSED) {
            state.set(State.RUNNING);
            t.resume();
        }
    }

    /** Stops the run before its next batch (the weights so far stay, to look at and save). */
    public void cancel() {
        Trainer t = trainer;
        if (state.get() == State.LOADING) {
            runId++;
            state.set(State.CANCELLED);
            message.set(l -> TrainText.get(l, "train.status.cancelled", 0, 0));
        } else if (t != null && (state.get() == State.RUNNING || state.get() == State.PAUSED)) {
            t.cancel();
        }
    }

    // Files

    public BooleanProperty savingProperty() {
        return saving;
    }

    /**
     * Writes the network as it is now into folder {@code dir} ({@link NetworkFiles}: network.json,
     * weights.safetensors, model.py; all three or none), in the background.
     */
    public void save(Path dir) {
        Network net = network.get();
        DataSplit d = data;
        if (net == null || dir == null) {
            return;
        }
        Tensor in = d != null ? d.test().image(inspector.imageProperty().get() % d.test().size())
                : new Tensor(net.input().channels(), net.input().height(), net.input().width());
        saving.set(true);
        Inspector.submit(executor, () -> {
            Function<Locale, String> said;
            try {
                NetworkFiles.save(dir, new NetworkProblem(in, net));
                said = l -> TrainText.get(l, "train.saved", dir);
            } catch (SpecException e) {
                said = l -> TrainText.get(l, "train.error.save", dir, e.message(l));
            } catch (IOException e) {
                said = l -> TrainText.get(l, "train.error.save", dir, org.convlens.io.IoText.reason(e, l));
            }
            Function<Locale, String> s = said;
            fx.accept(() -> {
                saving.set(false);
                message.set(s);
            });
        });
    }

    /**
     * Opens a trained network: {@code file} is a network.json (or a folder holding one); a
     * weights.safetensors beside it gives the weights (a PyTorch user's own). The network is shown
     * at once (its kernels, its answer for the chosen image) and the next run starts from it.
     */
    public void open(Path file) {
        if (file == null || state.get().busy()) {
            return;
        }
        Path json = Files.isDirectory(file) ? file.resolve(NetworkFiles.NETWORK) : file;
        Path path = dataPath.get();
        int images = trainImages.get();
        TrainSettings s = settings();
        int id = ++runId;
        state.set(State.LOADING);
        message.set(l -> TrainText.get(l, "train.status.opening", json));
        Inspector.submit(executor, () -> {
            Function<Locale, String> why;
            try {
                Network net = NetworkReader.read(json).network();
                Path weights = json.resolveSibling(NetworkFiles.WEIGHTS);
                if (Files.isRegularFile(weights)) {
                    net = NetworkFiles.withWeights(net, weights);
                }
                Network n = net;
                Trainer t = new Trainer(n, load(path, images, n), s);
                fx.accept(() -> opened(id, json, n, t));
                return;
            } catch (DataException e) {
                why = e::line;
            } catch (SpecException e) {
                why = l -> TrainText.get(l, "train.error.open", json, e.field() + ": " + e.message(l));
            } catch (IOException e) {
                why = l -> TrainText.get(l, "train.error.open", json, org.convlens.io.IoText.reason(e, l));
            } catch (RuntimeException e) {
                why = l -> TrainText.get(l, "train.error.open", json, String.valueOf(e.getMessage()));
            }
            Function<Locale, String> w = why;
            fx.accept(() -> {
                if (id == runId) {
                    fail(w);
                }
            });
        });
    }

    private void opened(int id, Path json, Network net, Trainer t) {
        if (id != runId) {
            return;
        }
        opened.set(net);
        trainer = t;
        inspector.use(t, data);
        startNetwork.set(net);
        network.set(net);
        curves.clear(false);
        progress.set(0);
        state.set(State.IDLE);
        message.set(l -> TrainText.get(l, "train.status.opened", json));
    }

    /** Forgets an opened network: the next run starts from fresh weights. */
    public void forgetOpened() {
        opened.set(null);
    }
}
