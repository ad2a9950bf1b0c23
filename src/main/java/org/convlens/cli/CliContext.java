package org.convlens.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What every subcommand of one run shares: where it prints and in which language. Made once per
 * {@link Cli#run} and handed to each command and converter through their constructor.
 *
 * @param out standard output: results
 * @param err standard error: one line per bad input, notes, progress
 * @param locale the language of every message (from {@code --lang}, else the system's)
 * @param terminal true when stderr is a terminal (a progress bar is redrawn in place)
 */
record CliContext(PrintStream out, PrintStream err, Locale locale, boolean terminal) {
    /** A message of the command line's bundle in this run's language. */
    String text(String key, Object... args) {
        return Cli.TEXT.text(locale, key, args);
    }
}
