package org.convlens.cli;

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
     * What to do about a refused computation, appended to the engine's line (with its separator): the {@code --max-work}
     * that would allow it, or, for memory the heap does not have, a larger {@code -Xmx}.
     */
    String hint(CliContext ctx, WorkLimitException e) {
        double needed = factor * e.over();
        if (e.kind() == WorkLimitException.Kind.MEMORY && needed * WorkLimit.HEAP_SHARE > 0.9) {
            return ctx.text("error.limit.heap", Runtime.getRuntime().maxMemory() >> 20);
        }
        // Rounded up as the engine's "N times" is: two digits below 10 (3.6, 0.012), whole numbers above.
        String f = needed < 10 ? new BigDecimal(needed).round(new MathContext(2, RoundingMode.CEILING)).stripTrailingZeros()
                .toPlainString() : String.format(Locale.ROOT, "%.0f", Math.ceil(needed));
        return ctx.text("error.limit.raise", f);
    }

    /** {@code FILE: $: the engine's line; the hint}. */
    String line(CliContext ctx, String file, WorkLimitException e) {
        return Options.where(ctx, file, e) + hint(ctx, e);
    }
}
