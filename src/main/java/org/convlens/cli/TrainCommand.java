package org.convlens.cli;

import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.engine.WorkLimitException;
import org.convlens.image.DatasetImages;
import org.convlens.io.IoText;
import org.convlens.network.Network;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Shape;
import org.convlens.spec.Numbers;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code train [NET.json] [--data fashion|IDX_DIR|FOLDER] [--epochs N] [--batch N] [--lr X]
 * [--optimizer sgd|adam] [--momentum X] [--weight-decay X] [--seed N] [--weights FILE] [--out DIR]
 * [--json] [--threads N]}: trains a network (the default one without NET.json) with
 * {@link Trainer}, one line per epoch, the trained network written to {@code --out} as
 * {@link NetworkFiles} lays it out.
 */
@Command(name = "train", sortOptions = false)
final class TrainCommand implements Callable<Integer> {
    /** Images of a class folder are read at this size for the default network. */
    static final Shape DEFAULT_INPUT = Shape.of(1, 28, 28);

    private final CliContext ctx;

    @Mixin
    ConvLensCommand.HelpOption help;

    @Option(names = "--data", paramLabel = "fashion|IDX_DIR|FOLDER", descriptionKey = "train.data")
    String data = "fashion";

    @Option(names = "--images", paramLabel = "N", descriptionKey = "train.images")
    String images;

    @Option(names = "--epochs", paramLabel = "N", descriptionKey = "train.epochs")
    String epochs;

    @Option(names = "--batch", paramLabel = "N", descriptionKey = "train.batch")
    String batch;

    @Option(names = "--lr", paramLabel = "X", descriptionKey = "train.lr")
    String lr;

    @Option(names = "--optimizer", paramLabel = "sgd|adam", descriptionKey = "train.optimizer")
    String optimizer = "adam";

    @Option(names = "--momentum", paramLabel = "X", descriptionKey = "train.momentum")
    String momentum;

    @Option(names = "--weight-decay", paramLabel = "X", descriptionKey = "train.weightDecay")
    String weightDecay;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "train.seed")
    String seed;

    @Option(names = "--weights", paramLabel = "FILE", descriptionKey = "train.weights")
    String weightsFile;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "train.out")
    String out;

    @Option(names = "--json", descriptionKey = "train.json")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.Threads.class, descriptionKey = "option.threads")
    int threads = Parallel.availableThreads();

    @Mixin
    WorkOption work = new WorkOption();

    @Parameters(paramLabel = "NET.json", arity = "0..*", descriptionKey = "train.file")
    List<String> files = new ArrayList<>();

    TrainCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintStream err = ctx.err();
        if (files.size() > 1) {
            err.println(ctx.text("error.train.oneNetwork", files.size()));
            return Cli.BAD_INPUT;
        }
        TrainSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Cli.BAD_INPUT;
        }
        String netFile = files.isEmpty() ? null : files.get(0);
        NetworkProblem given = null;
        if (netFile != null) {
            try {
                given = NetworkReader.read(Path.of(netFile));
                NetworkPlan.of(given.network(), work.limit(), threads);
            } catch (WorkLimitException e) {
                err.println(netFile + ": $: " + work.refusal(ctx, e));
                return Cli.BAD_INPUT;
            } catch (SpecException e) {
                err.println(Options.where(ctx, netFile, e));
                return Cli.BAD_INPUT;
            } catch (IOException e) {
                err.println(ctx.text("error.read", netFile, IoText.reason(e, ctx.locale())));
                return Cli.BAD_INPUT;
            } catch (OutOfMemoryError e) {
                err.println(Options.outOfMemory(ctx, netFile));
                return Cli.BAD_INPUT;
            }
        }
        Shape input = given != null ? given.network().input() : DEFAULT_INPUT;
        DataSplit split;
        try {
            split = data(input);
            if (images != null) {
                int n = (int) whole("--images", images, 1, Integer.MAX_VALUE);
                split = new DataSplit(split.train().first(n), split.test());
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Cli.BAD_INPUT;
        } catch (DataException e) {
            err.println(e.line(ctx.locale()));
            return Cli.BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println(Options.outOfMemory(ctx, data));
            return Cli.BAD_INPUT;
        }
        Network net;
        String where = netFile != null ? netFile : data;
        try {
            net = given != null ? Weights.heInitialised(given.network(), s.seed())
                    : Weights.defaultNetwork(Shape.of(split.train().channels(), split.train().height(),
                    split.train().width()), split.train().classCount(), s.seed());
        } catch (IllegalArgumentException e) {
            err.println(ctx.text("error.train.tooSmall", where, split.train().channels() + " x "
                    + split.train().height() + " x " + split.train().width()));
            return Cli.BAD_INPUT;
        }
        if (weightsFile != null) {
            try {
                net = NetworkFiles.withWeights(net, Path.of(weightsFile));
            } catch (SpecException e) {
                err.println(Options.where(ctx, weightsFile, e));
                return Cli.BAD_INPUT;
            } catch (IOException e) {
                err.println(ctx.text("error.read", weightsFile, IoText.reason(e, ctx.locale())));
                return Cli.BAD_INPUT;
            }
        }
        Trainer trainer;
        try {
            trainer = new Trainer(net, split, s);
        } catch (DataException e) {
            err.println(netFile != null ? netFile + ": " + e.where() + ": " + e.reason(ctx.locale())
                    : e.line(ctx.locale()));
            return Cli.BAD_INPUT;
        } catch (WorkLimitException e) {
            err.println(where + ": $: " + work.refusal(ctx, e));
            return Cli.BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println(Options.outOfMemory(ctx, where));
            return Cli.BAD_INPUT;
        }
        PrintStream o = ctx.out();
        int[] lastBatch = new int[2];
        Trainer.Outcome outcome = trainer.run(new Trainer.Observer() {
            @Override
            public void batch(Trainer.BatchProgress p) {
                lastBatch[0] = p.epoch();
                lastBatch[1] = p.batch();
            }

            @Override
            public void epoch(Trainer.EpochResult e) {
                o.println(json ? epochJson(e) : ctx.text("train.epoch", e.epoch(), s.epochs(), fixed(e.loss(), 4),
                        percent(e.trainAccuracy()), percent(e.testAccuracy()), fixed((float) e.seconds(), 1)));
                o.flush();
            }
        });
        if (outcome == Trainer.Outcome.DIVERGED) {
            err.println(ctx.text("error.train.diverged", lastBatch[0], lastBatch[1], Numbers.shortest(s.learningRate())));
            return Cli.FAILED;
        }
        if (out != null) {
            try {
                Network trained = trainer.snapshot();
                NetworkFiles.save(Path.of(out), new NetworkProblem(split.test().image(0), trained));
            } catch (SpecException e) {
                err.println(Options.where(ctx, where, e));
                return Cli.BAD_INPUT;
            } catch (IOException e) {
                err.println(ctx.text("error.write", IoText.reason(e, ctx.locale())));
                return Cli.FAILED;
            }
            if (!json) {
                o.println(ctx.text("train.saved", out));
            }
        }
        return Cli.OK;
    }

    private TrainSettings settings() {
        TrainSettings.OptimizerKind kind = TrainSettings.OptimizerKind.fromId(optimizer);
        if (kind == null) {
            throw new IllegalArgumentException(ctx.text("error.train.optimizer", optimizer));
        }
        TrainSettings d = TrainSettings.defaults();
        float defaultLr = kind == TrainSettings.OptimizerKind.ADAM ? d.learningRate() : 0.02f;
        int e = epochs == null ? d.epochs() : (int) whole("--epochs", epochs, 1, TrainSettings.MAX_EPOCHS);
        int b = batch == null ? d.batchSize() : (int) whole("--batch", batch, 1, TrainSettings.MAX_BATCH);
        float rate = lr == null ? defaultLr : number("--lr", lr, false, Float.MAX_VALUE);
        float m = momentum == null ? d.momentum() : number("--momentum", momentum, true, Math.nextDown(1f));
        float wd = weightDecay == null ? 0f : number("--weight-decay", weightDecay, true, Float.MAX_VALUE);
        long sd = seed == null ? d.seed() : whole("--seed", seed, Long.MIN_VALUE, Long.MAX_VALUE);
        return new TrainSettings(e, b, rate, kind, m, wd, sd, threads, work.limit());
    }

    private long whole(String option, String s, long min, long max) {
        try {
            long v = Long.parseLong(s.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(ctx.text("error.train.whole", option, s, String.valueOf(min), String.valueOf(max)));
    }

    /** A finite number above 0 (or from 0 with {@code zeroAllowed}) up to {@code max}. */
    private float number(String option, String s, boolean zeroAllowed, float max) {
        try {
            float v = Float.parseFloat(s.trim());
            if (Float.isFinite(v) && (zeroAllowed ? v >= 0 : v > 0) && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(ctx.text(zeroAllowed ? (max < 1 ? "error.train.fraction" : "error.train.nonNegative")
                : "error.train.positive", option, s));
    }

    /** "fashion", an IDX folder (or prefix), or a folder of class folders read at {@code input}'s size. */
    private DataSplit data(Shape input) {
        if (data.equals("fashion")) {
            return IdxFiles.fashion();
        }
        Path p = Path.of(data);
        try {
            return IdxFiles.open(p);
        } catch (DataException e) {
            if (!e.key().equals("data.idx.none") || !Files.isDirectory(p)) {
                throw e;
            }
        }
        return ClassFolders.read(p, input.channels(), input.height(), input.width(), DatasetImages::decode,
                (done, total) -> {
                });
    }

    static String epochJson(Trainer.EpochResult e) {
        return "{\"epoch\": " + e.epoch() + ", \"loss\": " + Numbers.shortest(e.loss()) + ", \"train_accuracy\": "
                + Numbers.shortest(e.trainAccuracy()) + ", \"test_accuracy\": " + Numbers.shortest(e.testAccuracy())
                + ", \"seconds\": " + String.format(Locale.ROOT, "%.3f", e.seconds()) + "}";
    }

    private static String fixed(float v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String percent(float v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
