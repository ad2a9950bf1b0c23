package org.convlens.cli;

import org.convlens.engine.Messages;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The command line: {@code java -jar convlens.jar SUBCOMMAND ...}. The only package that prints to
 * standard output. Exit status 0 on success, 2 for bad input or usage (one line on stderr), 1 for
 * an internal failure.
 *
 * <p>Each subcommand is one picocli {@code @Command} class (listed in {@link ConvLensCommand})
 * that implements {@code Callable<Integer>} (the exit status) and takes the run's
 * {@link CliContext} in its constructor; its help text comes from {@code messages*.properties}
 * under {@code convlens.NAME.usage.*} and the options' {@code descriptionKey}s. A bad value is
 * refused by a converter of {@link Converters} with the line to print.
 */
public final class Cli {
    static final String BUNDLE = "org.convlens.cli.messages";
    static final Messages TEXT = Messages.bundle(BUNDLE);
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private Cli() {
    }

    /** A command-line message in the system's language (for the launcher, which prints before any subcommand runs). */
    public static String message(String key, Object... args) {
        return TEXT.text(CliLocale.supported(Locale.getDefault()), key, args);
    }

    /** Runs a subcommand and exits the JVM with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs a subcommand, printing to {@code out} and {@code err}; returns the exit status. The
     * language is {@code --lang}'s, else the system's (read here, once): every message is asked
     * for in it, and the JVM's default locale is left alone.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Locale locale = CliLocale.supported(Locale.getDefault());
        String lang = CliLocale.requested(args);
        if (lang != null) {
            Locale asked = CliLocale.parse(lang);
            if (asked == null) {
                err.println(TEXT.text(locale, "error.lang", lang, CliLocale.NAMES));
                return BAD_INPUT;
            }
            locale = CliLocale.supported(asked);
        }
        CliContext ctx = new CliContext(out, err, locale, err == System.err && System.console() != null);
        try {
            return commandLine(ctx).execute(args);
        } catch (OutOfMemoryError e) {
            // The subcommands name the file whose input was too big; this is the last net.
            err.println(ctx.text("error.memory"));
            return BAD_INPUT;
        }
    }

    /** The whole command line of one run, its help in the run's language, printing to the run's streams. */
    static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(ConvLensCommand.class, factory(ctx));
        cl.setResourceBundle(ResourceBundle.getBundle(BUNDLE, ctx.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        cl.setOut(writer(ctx.out()));
        cl.setErr(writer(ctx.err()));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(ctx.out() == System.out
                ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        cl.setSubcommandsCaseInsensitive(true);
        cl.setOverwrittenOptionsAllowed(true);
        // A spec file may be called @x.json: arguments are never read from files.
        cl.setExpandAtFiles(false);
        cl.setParameterExceptionHandler((e, args) -> {
            ctx.err().println(usageLine(ctx, e));
            return BAD_INPUT;
        });
        return cl;
    }

    /** The one line a usage error gets, naming the option or argument. */
    static String usageLine(CliContext ctx, ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String command = commandPath(spec);
        if (e.getCause() instanceof TypeConversionException t) {
            return t.getMessage();
        }
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            boolean option = arg.startsWith("-") && !arg.equals("-");
            if (!option && !spec.subcommands().isEmpty()) {
                return unknownSubcommand(ctx, spec, arg);
            }
            return ctx.text(option ? "error.option" : "error.argument", arg, command);
        }
        if (e.getArgSpec() == null && e.getValue() != null && !spec.subcommands().isEmpty()
                && !spec.subcommands().containsKey(e.getValue())) {
            return unknownSubcommand(ctx, spec, e.getValue()); // "help NAME" with an unknown NAME
        }
        if (e instanceof MissingParameterException m) {
            for (ArgSpec a : m.getMissing()) {
                if (a instanceof OptionSpec o) {
                    return ctx.text("error.needsValue", o.longestName(), command);
                }
            }
        }
        return (spec.parent() == null ? "convlens" : "convlens " + command) + ": " + e.getMessage();
    }

    private static String unknownSubcommand(CliContext ctx, CommandSpec spec, String name) {
        return spec.parent() == null ? ctx.text("error.subcommand", name)
                : ctx.text("error.action", name, commandPath(spec), String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code compute}, {@code lessons check}: the command's name as typed after {@code convlens}. */
    private static String commandPath(CommandSpec spec) {
        String q = spec.qualifiedName(" ");
        int space = q.indexOf(' ');
        return space < 0 ? q : q.substring(space + 1);
    }

    /** Commands and converters that take the run's context get it; others are made as usual. */
    private static IFactory factory(CliContext ctx) {
        IFactory plain = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
                    return c.newInstance(ctx);
                } catch (NoSuchMethodException e) {
                    return plain.create(cls);
                }
            }
        };
    }

    /** A writer onto a print stream that keeps the stream's own encoding. */
    private static PrintWriter writer(PrintStream s) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                s.print(new String(buf, off, len));
            }

            @Override
            public void flush() {
                s.flush();
            }

            @Override
            public void close() {
                s.flush();
            }
        }, true);
    }
}
