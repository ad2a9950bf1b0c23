package org.convlens.cli;

import org.convlens.engine.WorkEstimate;
import org.convlens.engine.WorkLimit;
import org.convlens.engine.WorkLimitException;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * {@code --max-work FACTOR}: the engine's {@link WorkLimit#standard() limit} (sized for this
 * machine's memory and a few seconds) raised, or lowered, that many times. Mixed into the
 * commands that run the engine on the user's input.
 */
final class WorkOption {
    @Option(names = "--max-work", paramLabel = "FACTOR", converter = Converters.WorkFactor.class,
            descriptionKey = "option.maxWork")
    double factor = 1;

    /** The limit this run computes within. */
    WorkLimit limit() {
        return factor == 1 ? WorkLimit.standard() : WorkLimit.standard().times(factor);
    }

    /**
     * Checks what a computation will take against the limit, every part of it; returns null when
     * it is within, else the engine's line saying what is over and by how much, followed by what
     * would allow all of it: the {@code --max-work} factor, or a larger {@code -Xmx} for memory
     * the heap does not have.
     */
    String refusal(CliContext ctx, WorkEstimate... estimates) {
        WorkLimit limit = limit();
        WorkLimitException over = null;
        for (WorkEstimate e : estimates) {
            try {
                limit.check(e);
            } catch (WorkLimitException x) {
                over = over == null ? x : over;
            }
        }
        return over == null ? null : over.message(ctx.locale()) + hint(ctx, estimates);
    }

    /**
     * The line for a refusal the estimates above did not foresee (the engine's own check, on the
     * path it actually takes): its message and the factor that allows what it names.
     */
    String refusal(CliContext ctx, WorkLimitException e) {
        if (e.kind() == WorkLimitException.Kind.MEMORY && factor * e.over() * WorkLimit.HEAP_SHARE > 0.9) {
            return e.message(ctx.locale()) + ctx.text("error.limit.heap", Runtime.getRuntime().maxMemory() >> 20);
        }
        return e.message(ctx.locale()) + ctx.text("error.limit.raise", factorText(factor * e.over()));
    }

    private static String hint(CliContext ctx, WorkEstimate... estimates) {
        WorkLimit standard = WorkLimit.standard();
        double memory = 0;
        double needed = 0;
        for (WorkEstimate e : estimates) {
            memory = Math.max(memory, (double) e.memoryBytes() / standard.memoryBytes());
            needed = Math.max(needed, Math.max(memory, Math.max(e.seconds() / standard.seconds(),
                    (double) e.traceBytes() / standard.traceBytes())));
        }
        if (memory * WorkLimit.HEAP_SHARE > 0.9) {
            return ctx.text("error.limit.heap", Runtime.getRuntime().maxMemory() >> 20);
        }
        return ctx.text("error.limit.raise", factorText(needed));
    }

    /** Rounded up as the engine's "N times" is: two digits below 10 (3.6, 0.012), whole numbers above. */
    private static String factorText(double needed) {
        return needed < 10 ? new BigDecimal(needed).round(new MathContext(2, RoundingMode.CEILING)).stripTrailingZeros()
                .toPlainString() : String.format(Locale.ROOT, "%.0f", Math.ceil(needed));
    }
}
