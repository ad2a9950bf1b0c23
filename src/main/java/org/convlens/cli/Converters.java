package org.convlens.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * The typed values of the command line. Each converter refuses a bad value with the whole line to
 * print (in the run's language), which {@link Cli} prints as it is.
 */
final class Converters {
    private Converters() {
    }

    /** {@code --threads N}: a whole number from 1 to 1024. */
    static final class Threads implements ITypeConverter<Integer> {
        private final CliContext ctx;

        Threads(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer convert(String s) {
            long t = whole(s);
            if (t < 1 || t > 1024) {
                throw new TypeConversionException(ctx.text("error.threads", s));
            }
            return (int) t;
        }
    }

    /** {@code --runs N}: a whole number of at least 1. */
    static final class Runs implements ITypeConverter<Integer> {
        private final CliContext ctx;

        Runs(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer convert(String s) {
            long t = whole(s);
            if (t < 1 || t > Integer.MAX_VALUE) {
                throw new TypeConversionException(ctx.text("error.runs", s));
            }
            return (int) t;
        }
    }

    /** {@code --max-work FACTOR}: a number above 0 (below 1 lowers the limit). */
    static final class WorkFactor implements ITypeConverter<Double> {
        private final CliContext ctx;

        WorkFactor(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Double convert(String s) {
            try {
                double f = Double.parseDouble(s.trim());
                if (f > 0 && f <= 1e6) {
                    return f;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException(ctx.text("error.maxWork", s));
        }
    }

    /** {@code --steps FROM:TO} (TO exclusive, either may be left out) or one step number. */
    static final class StepRange implements ITypeConverter<Steps> {
        private final CliContext ctx;

        StepRange(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Steps convert(String s) {
            int colon = s.indexOf(':');
            try {
                long from = colon == 0 ? 0 : Long.parseLong(colon < 0 ? s : s.substring(0, colon));
                long to = colon < 0 ? from + 1 : colon == s.length() - 1 ? Long.MAX_VALUE : Long.parseLong(s.substring(colon + 1));
                if (from >= 0 && to > from) {
                    return new Steps(from, to);
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException(ctx.text("error.steps", s));
        }
    }

    /** Steps {@code from} to {@code to - 1} of a trace. */
    record Steps(long from, long to) {
    }

    /** {@code --lang en|zh-CN|zh-TW} (also with {@code _}, any case). */
    static final class Lang implements ITypeConverter<Locale> {
        private final CliContext ctx;

        Lang(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Locale convert(String s) {
            Locale l = CliLocale.parse(s);
            if (l == null) {
                throw new TypeConversionException(ctx.text("error.lang", s, CliLocale.NAMES));
            }
            return l;
        }
    }

    /** A whole number, or -1 if the text is not one (or does not fit a long). */
    private static long whole(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
