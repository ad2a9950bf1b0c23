package org.convlens.cli;

import org.convlens.engine.SpecException;

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

    /** {@code FILE: $.field: message}, the one line a bad spec gets. */
    static String where(String file, SpecException e) {
        return file + ": " + e.field() + ": " + e.localizedMessage();
    }
}
