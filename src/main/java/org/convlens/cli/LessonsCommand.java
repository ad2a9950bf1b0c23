package org.convlens.cli;

import org.convlens.engine.Tensor;
import org.convlens.io.InputFiles;
import org.convlens.io.IoText;
import org.convlens.lesson.Answers;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.LessonLoader;
import org.convlens.lesson.LessonProblem;
import org.convlens.lesson.Question;
import org.convlens.lesson.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lessons check [DIR|FILE ...]} and {@code lessons list [DIR|FILE ...]}: loads lessons as the
 * app does (the shipped ones when no folder is given) and prints each problem as
 * {@code file:line: message} with a summary, or one line per lesson. Exit 2 if any lesson is bad.
 */
@Command(name = "lessons", sortOptions = false)
final class LessonsCommand implements Callable<Integer> {
    private final CliContext ctx;
    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    ConvLensCommand.HelpOption help;

    @Spec
    CommandSpec spec;

    LessonsCommand(CliContext ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
        this.err = ctx.err();
    }

    /** No action: the help, and status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Cli.BAD_INPUT;
    }

    @Command(name = "check", sortOptions = false)
    int check(@Mixin ConvLensCommand.HelpOption help,
            @Parameters(paramLabel = "DIR|FILE", arity = "0..*", descriptionKey = "lessons.places") List<String> places) {
        return run("check", places);
    }

    @Command(name = "list", sortOptions = false)
    int list(@Mixin ConvLensCommand.HelpOption help,
            @Parameters(paramLabel = "DIR|FILE", arity = "0..*", descriptionKey = "lessons.places") List<String> places) {
        return run("list", places);
    }

    @Command(name = "show", sortOptions = false)
    int show(@Mixin ConvLensCommand.HelpOption help,
            @Parameters(paramLabel = "DIR|FILE", arity = "0..*", descriptionKey = "lessons.places") List<String> places) {
        return run("show", places);
    }

    private int run(String action, List<String> given) {
        List<String> places = given == null ? List.of() : given;
        Locale locale = ctx.locale();
        LessonLibrary.Loaded loaded;
        if (places.isEmpty()) {
            loaded = LessonLibrary.shipped(locale);
        } else {
            loaded = new LessonLibrary.Loaded(List.of(), List.of(), 0);
            for (String p : places) {
                Path path = Path.of(p);
                if (Files.isDirectory(path)) {
                    loaded = loaded.plus(LessonLibrary.load(path, locale));
                } else if (Files.isRegularFile(path)) {
                    LessonLoader.Result r = new LessonLoader(locale).load(path);
                    loaded = loaded.plus(new LessonLibrary.Loaded(r.ok() ? List.of(r.lesson()) : List.of(),
                            r.problems(), 1));
                } else if (Files.exists(path)) {
                    try {
                        InputFiles.check(path, InputFiles.TEXT_LIMIT);
                    } catch (IOException e) {
                        err.println(ctx.text("error.read", p, IoText.reason(e, ctx.locale())));
                    }
                    return Cli.BAD_INPUT;
                } else {
                    err.println(ctx.text("error.lessons.noPlace", p));
                    return Cli.BAD_INPUT;
                }
            }
        }
        if (action.equals("list")) {
            for (Lesson l : loaded.lessons()) {
                out.printf("%-22s %-13s %2d %s, %2d %s   %s%n", l.id(), l.level().id(), l.steps().size(),
                        ctx.text("lessons.steps"), l.questionCount(), ctx.text("lessons.questions"),
                        l.title().get(locale));
            }
        }
        if (action.equals("show")) {
            for (Lesson l : loaded.lessons()) {
                print(l, locale);
            }
        }
        int warnings = 0;
        for (LessonProblem p : loaded.problems()) {
            if (!action.equals("list") || !p.warning()) {
                (action.equals("check") ? out : err).println(p);
            }
            warnings += p.warning() ? 1 : 0;
        }
        if (action.equals("check")) {
            int questions = loaded.lessons().stream().mapToInt(Lesson::questionCount).sum();
            int steps = loaded.lessons().stream().mapToInt(l -> l.steps().size()).sum();
            out.println(ctx.text("lessons.summary", loaded.files(), loaded.lessons().size(), loaded.bad(),
                    warnings, steps, questions));
        }
        if (loaded.files() == 0) {
            err.println(ctx.text("error.lessons.none"));
            return Cli.BAD_INPUT;
        }
        return loaded.bad() > 0 ? Cli.BAD_INPUT : Cli.OK;
    }

    /** Every step as the window will show it: the output the engine computes and each question's answer. */
    private void print(Lesson l, Locale locale) {
        out.println(l.source() + ": " + l.title().get(locale));
        for (Step s : l.steps()) {
            Tensor o = s.scenario().result().output();
            out.println(ctx.text("lessons.show.step", s.number(), s.line(),
                    s.title() == null ? "" : s.title().get(locale), Answers.shape(o.shape())));
            if (o.data().length <= 400) {
                for (int c = 0; c < o.channels(); c++) {
                    for (int y = 0; y < o.height(); y++) {
                        StringBuilder row = new StringBuilder("    ");
                        for (int x = 0; x < o.width(); x++) {
                            row.append(String.format(Locale.ROOT, "%9s", Answers.format(o.get(c, y, x))));
                        }
                        out.println(row);
                    }
                    if (c < o.channels() - 1) {
                        out.println();
                    }
                }
            }
            if (s.network() != null) {
                org.convlens.network.NetworkPlan p = s.network().plan();
                StringBuilder shapes = new StringBuilder(p.input().toString());
                for (org.convlens.network.LayerPlan lp : p.layers()) {
                    shapes.append(" → ").append(lp.type()).append(' ').append(lp.out());
                }
                out.println(ctx.text("lessons.show.network", shapes, p.parameters(), p.macs()));
            }
            Question q = s.question();
            if (q != null) {
                out.println(ctx.text("lessons.show.question", q.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                        q.expected(locale)));
            }
            if (s.fit() != null) {
                out.println(ctx.text("lessons.show.fit", s.fit().iterations(),
                        Answers.format(s.fit().result().loss()),
                        java.util.Arrays.toString(s.fit().result().kernel().data())));
            }
        }
    }
}
