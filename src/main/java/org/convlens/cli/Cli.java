package org.convlens.cli;

import org.convlens.engine.Messages;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The command line: {@code java -jar convlens.jar SUBCOMMAND ...}. The only package that prints to
 * standard output. Exit status 0 on success, 2 for bad input or usage (one line on stderr), 1 for
 * an internal failure.
 */
public final class Cli {
    static final Messages TEXT = Messages.bundle("org.convlens.cli.messages");
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private Cli() {
    }

    /** A command-line message (for the launcher, which prints before any subcommand runs). */
    public static String message(String key, Object... args) {
        return TEXT.text(key, args);
    }

    /** Runs a subcommand and exits the JVM with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs a subcommand, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isHelp(args[0])) {
            out.println(TEXT.text("help.main"));
            return args.length == 0 ? BAD_INPUT : OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0].toLowerCase(Locale.ROOT)) {
                case "compute":
                    return new ComputeCommand(out, err).run(rest);
                case "shape":
                    return new ShapeCommand(out, err).run(rest);
                case "bench":
                    return new BenchCommand(out, err).run(rest);
                case "apply":
                    return new ApplyCommand(out, err).run(rest);
                case "lessons":
                    return new LessonsCommand(out, err).run(rest);
                case "network":
                    return new NetworkCommand(out, err).run(rest);
                default:
                    err.println(TEXT.text("error.subcommand", args[0]));
                    return BAD_INPUT;
            }
        } catch (OutOfMemoryError e) {
            err.println(TEXT.text("error.memory"));
            return FAILED;
        }
    }

    static boolean isHelp(String a) {
        return a.equals("--help") || a.equals("-h") || a.equals("help");
    }
}
