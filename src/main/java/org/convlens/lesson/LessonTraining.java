package org.convlens.lesson;

import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Node;
import org.convlens.train.TrainSettings;

import java.util.Set;

/**
 * A step's {@code train}: the Training tab opens with these settings, on the shipped
 * Fashion-MNIST subset and a fresh default network, for the student to start, watch, pause and
 * change. Nothing is trained while the lesson loads; the run is the student's.
 *
 * <pre>
 * train: {images: 300, epochs: 20, batch: 32, learning_rate: 0.002, optimizer: adam, seed: 1}
 * </pre>
 *
 * @param images how many training images the run learns from (the test set is always all of it)
 * @param epochs passes over those images
 * @param batch images per step
 * @param learningRate the step size
 * @param optimizer SGD with momentum or Adam
 * @param seed the seed of the initial weights and the order of the images
 */
public record LessonTraining(int images, int epochs, int batch, double learningRate,
                             TrainSettings.OptimizerKind optimizer, long seed) {
    static final Set<String> KEYS = Set.of("images", "epochs", "batch", "learning_rate", "optimizer", "seed");
    /** The shipped subset's training images: a step may ask for fewer, not more. */
    static final int MAX_IMAGES = 10_000;
    /** A lesson's run must fit in a class: at most this many epochs. */
    static final int MAX_EPOCHS = 100;

    /** The Training tab's own defaults ({@link TrainSettings#defaults()}) on the whole subset. */
    public static final LessonTraining DEFAULTS = of(TrainSettings.defaults());

    private static LessonTraining of(TrainSettings d) {
        return new LessonTraining(MAX_IMAGES, d.epochs(), d.batchSize(), TrainSettings.DEFAULT_LEARNING_RATE,
                d.optimizer(), d.seed());
    }

    /** Reads a step's {@code train}, each key optional ({@link #DEFAULTS}), or null after reporting. */
    static LessonTraining read(Node n, Report r) {
        Mapping m = Keys.map(n, r);
        if (m == null || !Keys.check(m, KEYS, "error.key.train", r)) {
            return null;
        }
        LessonTraining d = DEFAULTS;
        Integer images = wholeOr(m, "images", d.images, 10, MAX_IMAGES, r);
        Integer epochs = wholeOr(m, "epochs", d.epochs, 1, MAX_EPOCHS, r);
        Integer batch = wholeOr(m, "batch", d.batch, 1, TrainSettings.MAX_BATCH, r);
        Long seed = m.value("seed") == null ? Long.valueOf(d.seed) : Keys.whole(m.value("seed"), r);
        Double rate = d.learningRate;
        if (m.value("learning_rate") != null) {
            rate = Keys.number(m.value("learning_rate"), r);
            if (rate != null && !(rate > 0 && rate <= 100)) {
                r.error(m.value("learning_rate").line(), "error.train.rate", rate);
                rate = null;
            }
        }
        TrainSettings.OptimizerKind optimizer = d.optimizer;
        if (m.value("optimizer") != null) {
            String name = Keys.name(m.value("optimizer"), r);
            optimizer = name == null ? null : TrainSettings.OptimizerKind.fromId(name);
            if (name != null && optimizer == null) {
                r.error(m.value("optimizer").line(), "error.train.optimizer", name);
            }
        }
        if (images == null || epochs == null || batch == null || seed == null || rate == null || optimizer == null) {
            return null;
        }
        return new LessonTraining(images, epochs, batch, rate, optimizer, seed);
    }

    /** The key's whole number in [min, max], {@code otherwise} if it is absent, or null after reporting. */
    private static Integer wholeOr(Mapping m, String key, int otherwise, int min, int max, Report r) {
        return m.value(key) == null ? Integer.valueOf(otherwise) : Keys.whole(m.value(key), min, max, r);
    }
}
