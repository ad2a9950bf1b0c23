package org.convlens.cli;

import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.engine.WorkLimit;
import org.convlens.network.FieldTracer;
import org.convlens.network.Forward;
import org.convlens.network.LayerPlan;
import org.convlens.network.NetworkException;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Shape;
import org.convlens.spec.NetworkProblem;
import org.convlens.spec.NetworkReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code network NET.json [--json] [--cell L,C,Y,X] [--threads N]}: runs a network file and prints
 * its summary table (shapes, parameters, multiply-adds, receptive fields) or one JSON line; with
 * {@code --cell}, the rectangle that cell reads in every earlier map.
 */
final class NetworkCommand {
    private final PrintStream out;
    private final PrintStream err;

    NetworkCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        boolean json = false;
        String cellArg = null;
        int threads = Parallel.availableThreads();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Cli.isHelp(a)) {
                out.println(Cli.TEXT.text("help.network"));
                return Cli.OK;
            } else if (a.equals("--json")) {
                json = true;
            } else if ((a.equals("--cell") || a.equals("--threads")) && i + 1 == args.length) {
                err.println(Cli.TEXT.text("error.needsValue", a, "network"));
                return Cli.BAD_INPUT;
            } else if (a.equals("--cell")) {
                cellArg = args[++i];
            } else if (a.equals("--threads")) {
                threads = Options.threads(args[++i]);
                if (threads < 1) {
                    err.println(Cli.TEXT.text("error.threads", args[i]));
                    return Cli.BAD_INPUT;
                }
            } else if (a.startsWith("-") && !a.equals("-")) {
                err.println(Cli.TEXT.text("error.option", a, "network"));
                return Cli.BAD_INPUT;
            } else {
                files.add(a);
            }
        }
        if (files.size() != 1) {
            err.println(Cli.TEXT.text(files.isEmpty() ? "error.noNetwork" : "error.oneNetwork", files.size()));
            return Cli.BAD_INPUT;
        }
        int[] cell = null;
        if (cellArg != null) {
            cell = cell(cellArg);
            if (cell == null) {
                err.println(Cli.TEXT.text("error.cellFormat", cellArg));
                return Cli.BAD_INPUT;
            }
        }
        String f = files.get(0);
        NetworkProblem p;
        NetworkPlan plan;
        try {
            p = f.equals("-") ? NetworkReader.read(System.in) : NetworkReader.read(Path.of(f));
            plan = NetworkPlan.of(p.network(), WorkLimit.standard(), threads);
        } catch (SpecException e) {
            err.println(Options.where(f, e));
            return Cli.BAD_INPUT;
        } catch (IOException e) {
            err.println(Cli.TEXT.text("error.read", f, e.getMessage()));
            return Cli.BAD_INPUT;
        }
        NetworkSummary.Cell chosen = null;
        if (cell != null) {
            try {
                chosen = chosen(plan, cell);
            } catch (NetworkException e) {
                err.println(Cli.TEXT.text("error.cell", e.localizedMessage()));
                return Cli.BAD_INPUT;
            }
        }
        NetworkMaps maps = Forward.run(plan, p.input(), threads);
        for (int m = 1; m < plan.maps().size(); m++) {
            String notFinite = Options.firstNonFinite(maps.map(m));
            if (notFinite != null) {
                err.println(f + ": " + plan.layer(plan.maps().get(m).layer()).path() + ": " + notFinite);
                return Cli.BAD_INPUT;
            }
        }
        out.print(json ? NetworkSummary.json(plan, maps, chosen) + "\n" : NetworkSummary.text(plan, maps, chosen));
        out.flush();
        return Cli.OK;
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
