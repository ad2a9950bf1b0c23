package org.convlens.cli;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.Parallel;
import org.convlens.engine.StepTrace;
import org.convlens.spec.Problem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code compute SPEC.json [SPEC.json ...] [--trace]}: one JSON object per spec, one per line, in order. */
final class ComputeCommand {
    /** Traces beyond this many steps are refused unless a range is asked for: each step is a few hundred bytes. */
    static final long MAX_TRACE_STEPS = 100_000;

    private final PrintStream out;
    private final PrintStream err;

    ComputeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        boolean trace = false;
        long[] range = null;
        int threads = Parallel.availableThreads();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Cli.isHelp(a)) {
                out.println(Cli.TEXT.text("help.compute"));
                return Cli.OK;
            } else if (a.equals("--trace")) {
                trace = true;
            } else if ((a.equals("--threads") || a.equals("--steps")) && i + 1 == args.length) {
                err.println(Cli.TEXT.text("error.needsValue", a, "compute"));
                return Cli.BAD_INPUT;
            } else if (a.equals("--steps")) {
                range = Options.range(args[++i]);
                if (range == null) {
                    err.println(Cli.TEXT.text("error.steps", args[i]));
                    return Cli.BAD_INPUT;
                }
                trace = true;
            } else if (a.equals("--threads")) {
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
        List<Options.Checked> checked = new ArrayList<>();
        for (String f : files) {
            Options.Checked c = Options.check(f, err);
            if (c == null) {
                return Cli.BAD_INPUT;
            }
            checked.add(c);
        }
        for (Options.Checked c : checked) {
            StepTrace t = new StepTrace(c.plan(), c.problem().input(), null);
            long steps = range != null ? Math.max(0, Math.min(range[1], t.convSteps()) - range[0]) : t.convSteps() + t.poolSteps();
            if (trace && steps > MAX_TRACE_STEPS) {
                err.println(Cli.TEXT.text("error.traceTooLong", c.file(), steps, MAX_TRACE_STEPS));
                return Cli.BAD_INPUT;
            }
        }
        try {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (Options.Checked c : checked) {
                Problem p = c.problem();
                ConvEngine.Result r = ConvEngine.run(c.plan(), p.input(), threads);
                String notFinite = Options.firstNonFinite(r.output());
                if (notFinite != null) {
                    err.println(c.file() + ": $: " + notFinite);
                    return Cli.BAD_INPUT;
                }
                try (JsonOut j = new JsonOut(w)) {
                    j.generator().writeStartObject();
                    j.tensor("output", r.output());
                    j.ints("shape", r.output().shape());
                    if (trace) {
                        j.trace(new StepTrace(r.plan(), p.input(), r.featureMap()), range);
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
