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
    record Checked(Problem problem, ConvPlan plan) {
    }

    /**
     * Reads spec file {@code f} ("-" for standard input) and checks it; for bad input prints its one
     * line to {@code err} and returns null.
     */
    static Checked check(String f, PrintStream err) {
        try {
            Problem p = f.equals("-") ? SpecReader.read(System.in) : SpecReader.read(Path.of(f));
            return new Checked(p, ConvPlan.of(p.spec(), p.input()));
        } catch (SpecException e) {
            err.println(where(f, e));
        } catch (IOException e) {
            err.println(Cli.TEXT.text("error.read", f, e.getMessage()));
        }
        return null;
    }

    /** {@code FILE: $.field: message}, the one line a bad spec gets. */
    static String where(String file, SpecException e) {
        return file + ": " + e.field() + ": " + e.localizedMessage();
    }
}
