package org.convlens.cli;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.Parallel;
import org.convlens.engine.StepTrace;
import org.convlens.engine.WorkEstimate;
import org.convlens.engine.WorkLimit;
import org.convlens.engine.WorkLimitException;
import org.convlens.io.IoText;
import org.convlens.spec.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compute SPEC.json [SPEC.json ...] [--trace]}: one JSON object per spec, one per line, in order. */
@Command(name = "compute", sortOptions = false)
final class ComputeCommand implements Callable<Integer> {
    /** Traces beyond this many steps are refused unless a range is asked for: each step is a few hundred bytes. */
    static final long MAX_TRACE_STEPS = 100_000;

    private final CliContext ctx;

    @Mixin
    ConvLensCommand.HelpOption help;

    @Option(names = "--trace", descriptionKey = "compute.trace")
    boolean trace;

    @Option(names = "--steps", paramLabel = "FROM:TO", converter = Converters.StepRange.class, descriptionKey = "compute.steps")
    Converters.Steps steps;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.Threads.class, descriptionKey = "option.threads")
    int threads = Parallel.availableThreads();

    @Mixin
    WorkOption work = new WorkOption();

    @Parameters(paramLabel = "SPEC.json", arity = "0..*", descriptionKey = "option.specs")
    List<String> files = new ArrayList<>();

    ComputeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        boolean trace = this.trace || steps != null;
        long[] range = steps == null ? null : new long[] {steps.from(), steps.to()};
        if (files.isEmpty()) {
            err.println(ctx.text("error.noSpec", "compute"));
            return Cli.BAD_INPUT;
        }
        // Check every file first, so a bad one later in the list prints nothing half-done.
        List<Options.Checked> checked = new ArrayList<>();
        for (String f : files) {
            Options.Checked c = Options.check(ctx, f);
            if (c == null) {
                return Cli.BAD_INPUT;
            }
            checked.add(c);
        }
        // The work too, from each plan: memory and time of the run, text of the trace (steps are few
        // hundred bytes with a small kernel, a megabyte with a 100 x 100 one).
        WorkLimit limit = work.limit();
        for (Options.Checked c : checked) {
            StepTrace t = new StepTrace(c.plan(), c.problem().input(), null);
            long count = range != null ? Math.max(0, Math.min(range[1], t.convSteps()) - range[0]) : t.convSteps() + t.poolSteps();
            if (trace && count > MAX_TRACE_STEPS) {
                err.println(ctx.text("error.traceTooLong", c.file(), count, MAX_TRACE_STEPS));
                return Cli.BAD_INPUT;
            }
            WorkEstimate run = WorkEstimate.of(c.plan(), threads);
            String refused = trace ? work.refusal(ctx, run, WorkEstimate.trace(c.plan(), range == null ? 0 : range[0],
                    range == null ? Long.MAX_VALUE : range[1])) : work.refusal(ctx, run);
            if (refused != null) {
                err.println(c.file() + ": $: " + refused);
                return Cli.BAD_INPUT;
            }
        }
        try {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (Options.Checked c : checked) {
                Problem p = c.problem();
                ConvEngine.Result r;
                try {
                    r = ConvEngine.run(c.plan(), p.input(), threads, limit);
                } catch (WorkLimitException e) {
                    err.println(c.file() + ": $: " + work.refusal(ctx, e));
                    return Cli.BAD_INPUT;
                } catch (OutOfMemoryError e) {
                    err.println(Options.outOfMemory(ctx, c.file()));
                    return Cli.BAD_INPUT;
                }
                String notFinite = Options.firstNonFinite(ctx, r.output());
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
            err.println(ctx.text("error.write", IoText.reason(e, ctx.locale())));
            return Cli.FAILED;
        }
        return Cli.OK;
    }
}
