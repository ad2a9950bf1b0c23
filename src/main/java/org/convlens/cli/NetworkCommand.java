package org.convlens.cli;

import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.network.FieldTracer;
import org.convlens.network.Forward;
import org.convlens.network.LayerPlan;
import org.convlens.network.NetworkException;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Shape;
import org.convlens.network.grad.NetworkBackward;
import org.convlens.spec.NetworkFiles;
import org.convlens.spec.NetworkProblem;
import org.convlens.spec.NetworkReader;

import org.convlens.engine.WorkLimitException;
import org.convlens.io.InputFiles;
import org.convlens.io.IoText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code network NET.json [--json] [--cell L,C,Y,X] [--loss sum|cross_entropy:K] [--threads N]}: runs a
 * network file and prints its summary table (shapes, parameters, multiply-adds, receptive fields) or
 * one JSON line; with {@code --cell}, the rectangle that cell reads in every earlier map; with
 * {@code --loss}, the loss and the backward pass's gradients.
 */
@Command(name = "network", sortOptions = false)
final class NetworkCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConvLensCommand.HelpOption help;

    @Option(names = "--json", descriptionKey = "network.json")
    boolean json;

    @Option(names = "--cell", paramLabel = "L,C,Y,X", descriptionKey = "network.cellOption")
    String cellArg;

    @Option(names = "--loss", paramLabel = "sum|cross_entropy:K", descriptionKey = "network.lossOption")
    String lossArg;

    @Option(names = "--weights", paramLabel = "FILE", descriptionKey = "network.weightsOption")
    String weightsFile;

    @Option(names = "--export", paramLabel = "DIR", descriptionKey = "network.exportOption")
    String exportDir;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.Threads.class, descriptionKey = "option.threads")
    int threads = Parallel.availableThreads();

    @Mixin
    WorkOption work = new WorkOption();

    @Parameters(paramLabel = "NET.json", arity = "0..*", descriptionKey = "network.file")
    List<String> files = new ArrayList<>();

    NetworkCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        if (files.size() != 1) {
            err.println(ctx.text(files.isEmpty() ? "error.noNetwork" : "error.oneNetwork", files.size()));
            return Cli.BAD_INPUT;
        }
        int[] cell = null;
        if (cellArg != null) {
            cell = cell(cellArg);
            if (cell == null) {
                err.println(ctx.text("error.cellFormat", cellArg));
                return Cli.BAD_INPUT;
            }
        }
        NetworkBackward.Loss loss = null;
        if (lossArg != null) {
            loss = loss(lossArg);
            if (loss == null) {
                err.println(ctx.text("error.lossFormat", lossArg));
                return Cli.BAD_INPUT;
            }
        }
        String f = files.get(0);
        NetworkProblem p;
        NetworkPlan plan;
        try {
            byte[] bytes = f.equals("-") ? InputFiles.readBytes(System.in, f, InputFiles.TEXT_LIMIT)
                    : InputFiles.readBytes(Path.of(f), InputFiles.TEXT_LIMIT);
            p = NetworkReader.read(new ByteArrayInputStream(bytes));
            plan = NetworkPlan.of(p.network(), work.limit(), threads);
        } catch (WorkLimitException e) {
            err.println(f + ": $: " + work.refusal(ctx, e));
            return Cli.BAD_INPUT;
        } catch (SpecException e) {
            err.println(Options.where(ctx, f, e));
            return Cli.BAD_INPUT;
        } catch (IOException e) {
            err.println(ctx.text("error.read", f, IoText.reason(e, ctx.locale())));
            return Cli.BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println(Options.outOfMemory(ctx, f));
            return Cli.BAD_INPUT;
        }
        if (weightsFile != null) {
            try {
                p = new NetworkProblem(p.input(), NetworkFiles.withWeights(p.network(), Path.of(weightsFile)));
                plan = NetworkPlan.of(p.network());
            } catch (SpecException e) {
                err.println(Options.where(ctx, weightsFile, e));
                return Cli.BAD_INPUT;
            } catch (IOException e) {
                err.println(ctx.text("error.read", weightsFile, IoText.reason(e, ctx.locale())));
                return Cli.BAD_INPUT;
            } catch (OutOfMemoryError e) {
                err.println(Options.outOfMemory(ctx, weightsFile));
                return Cli.BAD_INPUT;
            }
        }
        if (exportDir != null) {
            try {
                NetworkFiles.save(Path.of(exportDir), p);
            } catch (SpecException e) {
                err.println(Options.where(ctx, f, e));
                return Cli.BAD_INPUT;
            } catch (IOException e) {
                err.println(ctx.text("error.write", IoText.reason(e, ctx.locale())));
                return Cli.FAILED;
            }
        }
        NetworkSummary.Cell chosen = null;
        if (cell != null) {
            try {
                chosen = chosen(plan, cell);
            } catch (NetworkException e) {
                err.println(ctx.text("error.cell", e.message(ctx.locale())));
                return Cli.BAD_INPUT;
            }
        }
        if (loss instanceof NetworkBackward.CrossEntropy ce) {
            Shape o = plan.output();
            if (!o.flat()) {
                err.println(ctx.text("error.lossVector", lossArg, o.toString()));
                return Cli.BAD_INPUT;
            }
            if (ce.k() >= o.channels()) {
                err.println(ctx.text("error.lossClass", lossArg, o.channels(), o.channels() - 1));
                return Cli.BAD_INPUT;
            }
        }
        NetworkMaps maps;
        try {
            maps = Forward.run(plan, p.input(), threads);
        } catch (OutOfMemoryError e) {
            err.println(Options.outOfMemory(ctx, f));
            return Cli.BAD_INPUT;
        }
        for (int m = 1; m < plan.maps().size(); m++) {
            String notFinite = Options.firstNonFinite(ctx, maps.map(m));
            if (notFinite != null) {
                err.println(f + ": " + plan.layer(plan.maps().get(m).layer()).path() + ": " + notFinite);
                return Cli.BAD_INPUT;
            }
        }
        NetworkBackward.Result grads = null;
        if (loss != null) {
            try {
                grads = NetworkBackward.run(maps, loss, threads);
            } catch (OutOfMemoryError e) {
                err.println(Options.outOfMemory(ctx, f));
                return Cli.BAD_INPUT;
            }
        }
        if (json) {
            out.print(NetworkSummary.json(plan, maps, chosen, grads) + "\n");
        } else {
            out.print(NetworkSummary.text(ctx.locale(), plan, maps, chosen));
            if (grads != null) {
                out.println(ctx.text("network.loss", lossArg, org.convlens.spec.Numbers.shortest(grads.loss())));
            }
        }
        out.flush();
        return Cli.OK;
    }

    /** {@code sum} or {@code cross_entropy:K} (K a whole number from 0), or null. */
    static NetworkBackward.Loss loss(String s) {
        if (s.equals("sum")) {
            return new NetworkBackward.Sum();
        }
        String prefix = "cross_entropy:";
        if (!s.startsWith(prefix)) {
            return null;
        }
        String k = s.substring(prefix.length());
        if (k.isEmpty() || k.length() > 9 || !k.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        return new NetworkBackward.CrossEntropy(Integer.parseInt(k));
    }

    /** {@code L,C,Y,X} as four whole numbers, or null. */
    static int[] cell(String s) {
        String[] parts = s.split(",", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] v = new int[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return v;
    }

    /** The cell of layer {@code L}'s output and what it reads; refused with a message if there is no such cell. */
    private static NetworkSummary.Cell chosen(NetworkPlan plan, int[] c) {
        int n = plan.layers().size();
        if (c[0] < 0 || c[0] >= n) {
            throw new NetworkException("$", "error.cell.layer", c[0], n - 1);
        }
        LayerPlan l = plan.layer(c[0]);
        Shape s = l.out();
        if (c[1] < 0 || c[1] >= s.channels() || c[2] < 0 || c[2] >= s.height() || c[3] < 0 || c[3] >= s.width()) {
            throw new NetworkException("$", "error.cell.outside", c[1], c[2], c[3], c[0], s.toString());
        }
        return new NetworkSummary.Cell(c[0], c[1], c[2], c[3],
                new FieldTracer(plan).reads(l.lastMap(), c[1], c[2], c[3]));
    }
}
