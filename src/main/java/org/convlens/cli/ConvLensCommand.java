package org.convlens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code convlens [--lang L] SUBCOMMAND}: the root of the command line and its list of
 * subcommands. A new subcommand is one more class in {@code subcommands} (see {@link Cli}).
 * {@code --lang} and {@code --help} are taken by every subcommand.
 */
@Command(name = "convlens", sortOptions = false,
        subcommands = {ComputeCommand.class, ShapeCommand.class, BenchCommand.class, ApplyCommand.class,
            LessonsCommand.class, NetworkCommand.class, TrainCommand.class, HelpCommand.class})
final class ConvLensCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    /** Read by {@link Cli} before parsing (the help depends on it); declared here to be checked and listed. */
    @Option(names = "--lang", paramLabel = "LANG", scope = ScopeType.INHERIT, converter = Converters.Lang.class,
            descriptionKey = "option.lang")
    Locale lang;

    @Mixin
    HelpOption help;

    /** {@code -h}, {@code --help}: mixed into every command (picocli's help command has its own). */
    static final class HelpOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "option.help")
        boolean help;
    }

    ConvLensCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** No subcommand: the help, and status 2 (nothing was done). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Cli.BAD_INPUT;
    }
}
