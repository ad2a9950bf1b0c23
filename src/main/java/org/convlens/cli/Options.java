package org.convlens.cli;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.SpecException;
import org.convlens.io.InputFiles;
import org.convlens.io.IoText;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Small helpers shared by the subcommands. */
final class Options {
    private Options() {
    }

    /** A spec file read and checked against its input. */
    record Checked(String file, Problem problem, ConvPlan plan) {
    }

    /**
     * Reads spec file {@code f} ("-" for standard input) and checks it; for bad input prints its one
     * line to {@code err} and returns null. Only a regular file of at most
     * {@link InputFiles#TEXT_LIMIT} is read (a pipe or a device is refused, never waited on).
     */
    static Checked check(CliContext ctx, String f) {
        try {
            Problem p;
            if (f.equals("-")) {
                p = SpecReader.read(new ByteArrayInputStream(InputFiles.readBytes(System.in, f, InputFiles.TEXT_LIMIT)));
            } else {
                InputFiles.check(Path.of(f), InputFiles.TEXT_LIMIT);
                p = SpecReader.read(Path.of(f));
            }
            return new Checked(f, p, ConvPlan.of(p.spec(), p.input()));
        } catch (SpecException e) {
            ctx.err().println(where(ctx, f, e));
        } catch (IOException e) {
            ctx.err().println(ctx.text("error.read", f, IoText.reason(e, ctx.locale())));
        } catch (OutOfMemoryError e) {
            ctx.err().println(outOfMemory(ctx, f));
        }
        return null;
    }

    /** {@code FILE: $: out of memory ...}: the line for an input too big for the memory Java has. */
    static String outOfMemory(CliContext ctx, String file) {
        return file + ": $: " + ctx.text("error.memoryFile", Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Where a tensor first holds NaN or an infinity, as an engine message; null if all finite. */
    static String firstNonFinite(CliContext ctx, org.convlens.engine.Tensor t) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                int x = i % t.width();
                int y = i / t.width() % t.height();
                int c = i / t.planeSize();
                return org.convlens.engine.Messages.get(ctx.locale(), "error.output.notFinite", c, y, x, d[i]);
            }
        }
        return null;
    }

    /** {@code FILE: $.field: message}, the one line a bad spec gets. */
    static String where(CliContext ctx, String file, SpecException e) {
        return file + ": " + e.field() + ": " + e.message(ctx.locale());
    }
}
