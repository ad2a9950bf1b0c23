package org.convlens.cli;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.SpecException;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Small helpers shared by the subcommands. */
final class Options {
    private Options() {
    }

    /** A thread count, or -1 if not a whole number of at least 1. */
    static int threads(String s) {
        try {
            int t = Integer.parseInt(s.trim());
            return t >= 1 && t <= 1024 ? t : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A spec file read and checked against its input. */
    record Checked(String file, Problem problem, ConvPlan plan) {
    }

    /**
     * Reads spec file {@code f} ("-" for standard input) and checks it; for bad input prints its one
     * line to {@code err} and returns null.
     */
    static Checked check(String f, PrintStream err) {
        try {
            Problem p = f.equals("-") ? SpecReader.read(System.in) : SpecReader.read(Path.of(f));
            return new Checked(f, p, ConvPlan.of(p.spec(), p.input()));
        } catch (SpecException e) {
            err.println(where(f, e));
        } catch (IOException e) {
            err.println(Cli.TEXT.text("error.read", f, e.getMessage()));
        }
        return null;
    }

    /** {@code FROM:TO} (TO exclusive, either may be left out) as {@code [from, to]}, or null. */
    static long[] range(String s) {
        int colon = s.indexOf(':');
        try {
            long from = colon == 0 ? 0 : Long.parseLong(colon < 0 ? s : s.substring(0, colon));
            long to = colon < 0 ? from + 1 : colon == s.length() - 1 ? Long.MAX_VALUE : Long.parseLong(s.substring(colon + 1));
            return from >= 0 && to > from ? new long[] {from, to} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Where a tensor first holds NaN or an infinity, as an engine message; null if all finite. */
    static String firstNonFinite(org.convlens.engine.Tensor t) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                int x = i % t.width();
                int y = i / t.width() % t.height();
                int c = i / t.planeSize();
                return org.convlens.engine.Messages.get("error.output.notFinite", c, y, x, d[i]);
            }
        }
        return null;
    }

    /** {@code FILE: $.field: message}, the one line a bad spec gets. */
    static String where(String file, SpecException e) {
        return file + ": " + e.field() + ": " + e.localizedMessage();
    }
}
