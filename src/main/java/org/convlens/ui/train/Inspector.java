package org.convlens.ui.train;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Tensor;
import org.convlens.network.Forward;
import org.convlens.network.Network;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.grad.BackwardStep;
import org.convlens.network.grad.Losses;
import org.convlens.spec.Problem;
import org.convlens.train.DataSplit;
import org.convlens.train.Dataset;
import org.convlens.train.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the network being trained makes of the test set: one chosen test image (its maps at every
 * layer and the class probabilities, worked out again as the weights change), the last confusion
 * matrix, and the test images of one of its cells. The forward passes run on the executor, one at
 * a time, the newest request winning; results come back through {@code fx}. No JavaFX nodes.
 */
public final class Inspector {
    /**
     * The network's answer for one test image.
     *
     * @param image the test image's index
     * @param label its true class
     * @param maps every map of the forward pass (input first)
     * @param probabilities the softmax of the output
     * @param predicted the most probable class
     */
    public record Answer(int image, int label, NetworkMaps maps, float[] probabilities, int predicted) {
    }

    /** A cell of the confusion matrix: true class, predicted class. */
    public record Cell(int actual, int predicted) {
    }

    /** Most images a confusion cell lists. */
    public static final int MAX_LISTED = 200;

    private final Executor executor;
    private final Consumer<Runnable> fx;
    private final IntegerProperty image = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Answer> answer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<int[][]> confusion = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Cell> cell = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> cellImages = FXCollections.observableArrayList();
    private Trainer trainer;
    private Dataset test;
    private boolean computing;
    private boolean again;

    Inspector(Executor executor, Consumer<Runnable> fx) {
        this.executor = executor;
        this.fx = fx;
        image.addListener(o -> refresh());
    }

    /** The chosen test image (index into the test set). */
    public IntegerProperty imageProperty() {
        return image;
    }

    /** The network's answer for the chosen image (null before a network). */
    public ReadOnlyObjectProperty<Answer> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** The last test pass's confusion matrix, {@code [true][predicted]} (null before one). */
    public ReadOnlyObjectProperty<int[][]> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    /** The confusion cell whose images are listed (null: none). */
    public ReadOnlyObjectProperty<Cell> cellProperty() {
        return cell.getReadOnlyProperty();
    }

    /** The test images of {@link #cellProperty()}, at most {@link #MAX_LISTED}. */
    public ObservableList<Integer> cellImages() {
        return cellImages;
    }

    /** The test set (null before a run or file). */
    public Dataset test() {
        return test;
    }

    void use(Trainer t, DataSplit data) {
        this.trainer = t;
        this.test = data == null ? null : data.test();
        confusion.set(t.confusion());
        cell.set(null);
        cellImages.clear();
        if (test != null && image.get() >= test.size()) {
            image.set(0);
        } else {
            refresh();
        }
    }

    void confusionChanged(int[][] c) {
        confusion.set(c);
        Cell open = cell.get();
        if (open != null) {
            openCell(open.actual(), open.predicted());
        }
    }

    /** Works out the chosen image's answer again with the latest weights. */
    public void refresh() {
        if (trainer == null || test == null) {
            return;
        }
        if (computing) {
            again = true;
            return;
        }
        computing = true;
        Network net = trainer.snapshot();
        int i = Math.min(Math.max(image.get(), 0), test.size() - 1);
        Dataset d = test;
        boolean sent = submit(executor, () -> {
            Answer a = null;
            try {
                a = answer(net, d, i);
            } catch (RuntimeException e) {
                // A diverged network's maps may not be numbers: no answer to show.
            }
            Answer done = a;
            fx.accept(() -> {
                computing = false;
                if (done != null) {
                    answer.set(done);
                }
                if (again) {
                    again = false;
                    refresh();
                }
            });
        });
        if (!sent) {
            computing = false;
        }
    }

    /**
     * Runs {@code work} on {@code executor}: false if it takes no more work (the window is
     * closing), which is then nothing to report.
     */
    static boolean submit(Executor executor, Runnable work) {
        try {
            executor.execute(work);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    static Answer answer(Network net, Dataset d, int i) {
        NetworkMaps maps = Forward.run(NetworkPlan.of(net), d.image(i), 1);
        float[] p = Losses.softmax(maps.output().data());
        return new Answer(i, d.label(i), maps, p, argmax(p));
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Lists the test images of class {@code actual} the network now takes for {@code predicted}. */
    public void openCell(int actual, int predicted) {
        if (trainer == null || test == null) {
            return;
        }
        cell.set(new Cell(actual, predicted));
        Network net = trainer.snapshot();
        Dataset d = test;
        submit(executor, () -> {
            NetworkPlan plan = NetworkPlan.of(net);
            Forward f = new Forward(plan);
            List<Integer> found = new ArrayList<>();
            NetworkMaps reuse = null;
            for (int i = 0; i < d.size() && found.size() < MAX_LISTED; i++) {
                if (d.label(i) != actual) {
                    continue;
                }
                reuse = f.run(d.image(i), reuse, 1);
                if (argmax(reuse.output().data()) == predicted) {
                    found.add(i);
                }
            }
            fx.accept(() -> {
                if (new Cell(actual, predicted).equals(cell.get())) {
                    cellImages.setAll(found);
                }
            });
        });
    }

    /** Chooses the next test image after {@code from} (wrapping round) that the network gets wrong. */
    public void nextWrong(int from) {
        if (trainer == null || test == null) {
            return;
        }
        Network net = trainer.snapshot();
        Dataset d = test;
        submit(executor, () -> {
            Forward f = new Forward(NetworkPlan.of(net));
            NetworkMaps reuse = null;
            for (int j = 1; j <= d.size(); j++) {
                int i = (from + j) % d.size();
                reuse = f.run(d.image(i), reuse, 1);
                if (argmax(reuse.output().data()) != d.label(i)) {
                    fx.accept(() -> image.set(i));
                    return;
                }
            }
        });
    }

    public void closeCell() {
        cell.set(null);
        cellImages.clear();
    }

    /**
     * Learned kernel {@code out} of conv layer {@code layer} in the stepper, on the chosen test
     * image's maps that layer reads (the image itself for the first layer); null before a network.
     */
    public Problem kernelProblem(int layer, int out) {
        Answer a = answer.get();
        if (trainer == null || a == null) {
            return null;
        }
        ConvSpec spec = trainer.kernelSpec(layer, out);
        Tensor in = a.maps().layerOutput(layer - 1);
        return new Problem(in.copy(), spec);
    }

    /** The backward step of conv layer {@code layer} for the chosen image, as the convolution it is. */
    public Problem backwardProblem(int layer, BackwardStep.Kind kind) {
        if (trainer == null || test == null) {
            return null;
        }
        BackwardStep b = trainer.backwardStep(layer, Math.min(image.get(), test.size() - 1), kind);
        return new Problem(b.input().copy(), b.spec());
    }
}
