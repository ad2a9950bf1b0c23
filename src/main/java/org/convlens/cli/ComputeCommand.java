package org.convlens.cli;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.engine.StepTrace;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code compute SPEC.json [SPEC.json ...] [--trace]}: one JSON object per spec, one per line, in order. */
final class ComputeCommand {
    private final PrintStream out;
    private final PrintStream err;

    ComputeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        boolean trace = false;
        int threads = Parallel.availableThreads();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Cli.isHelp(a)) {
                out.println(Cli.TEXT.text("help.compute"));
                return Cli.OK;
            } else if (a.equals("--trace")) {
                trace = true;
            } else if (a.equals("--threads") && i + 1 < args.length) {
                threads = Options.threads(args[++i]);
                if (threads < 1) {
                    err.println(Cli.TEXT.text("error.threads", args[i]));
                    return Cli.BAD_INPUT;
                }
            } else if (a.startsWith("-") && !a.equals("-")) {
                err.println(Cli.TEXT.text("error.option", a, "compute"));
                return Cli.BAD_INPUT;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            err.println(Cli.TEXT.text("error.noSpec", "compute"));
            return Cli.BAD_INPUT;
        }
        // Check every file first, so a bad one later in the list prints nothing half-done.
        List<Problem> problems = new ArrayList<>();
        List<ConvPlan> plans = new ArrayList<>();
        for (String f : files) {
            try {
                Problem p = f.equals("-") ? SpecReader.read(System.in) : SpecReader.read(Path.of(f));
                plans.add(ConvPlan.of(p.spec(), p.input()));
                problems.add(p);
            } catch (SpecException e) {
                err.println(Options.where(f, e));
                return Cli.BAD_INPUT;
            } catch (IOException e) {
                err.println(Cli.TEXT.text("error.read", f, e.getMessage()));
                return Cli.BAD_INPUT;
            }
        }
        try {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (int i = 0; i < problems.size(); i++) {
                Problem p = problems.get(i);
                ConvEngine.Result r = ConvEngine.run(plans.get(i), p.input(), threads);
                try (JsonOut j = new JsonOut(w)) {
                    j.generator().writeStartObject();
                    j.tensor("output", r.output());
                    j.ints("shape", r.output().shape());
                    if (trace) {
                        j.trace(new StepTrace(r.plan(), p.input(), r.featureMap()));
                    }
                    j.generator().writeEndObject();
                }
                w.write('\n');
                w.flush();
            }
        } catch (IOException e) {
            err.println(Cli.TEXT.text("error.write", e.getMessage()));
            return Cli.FAILED;
        }
        return Cli.OK;
    }
}
