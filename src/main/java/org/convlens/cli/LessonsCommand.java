package org.convlens.cli;

import org.convlens.engine.Tensor;
import org.convlens.lesson.Answers;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.LessonLoader;
import org.convlens.lesson.LessonProblem;
import org.convlens.lesson.Question;
import org.convlens.lesson.Step;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lessons check [DIR|FILE ...]} and {@code lessons list [DIR|FILE ...]}: loads lessons as the
 * app does (the shipped ones when no folder is given) and prints each problem as
 * {@code file:line: message} with a summary, or one line per lesson. Exit 2 if any lesson is bad.
 */
final class LessonsCommand {
    private final PrintStream out;
    private final PrintStream err;

    LessonsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length == 0 || Cli.isHelp(args[0])) {
            out.println(Cli.TEXT.text("help.lessons"));
            return args.length == 0 ? Cli.BAD_INPUT : Cli.OK;
        }
        String action = args[0];
        if (!action.equals("check") && !action.equals("list") && !action.equals("show")) {
            err.println(Cli.TEXT.text("error.lessons.action", action));
            return Cli.BAD_INPUT;
        }
        List<String> places = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (Cli.isHelp(args[i])) {
                out.println(Cli.TEXT.text("help.lessons"));
                return Cli.OK;
            }
            if (args[i].startsWith("-")) {
                err.println(Cli.TEXT.text("error.option", args[i], "lessons"));
                return Cli.BAD_INPUT;
            }
            places.add(args[i]);
        }
        Locale locale = Locale.getDefault();
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
                } else {
                    err.println(Cli.TEXT.text("error.lessons.noPlace", p));
                    return Cli.BAD_INPUT;
                }
            }
        }
        if (action.equals("list")) {
            for (Lesson l : loaded.lessons()) {
                out.printf("%-22s %-13s %2d %s, %2d %s   %s%n", l.id(), l.level().id(), l.steps().size(),
                        Cli.TEXT.text("lessons.steps"), l.questionCount(), Cli.TEXT.text("lessons.questions"),
                        l.title().get(locale));
            }
        }
        if (action.equals("show")) {
            for (Lesson l : loaded.lessons()) {
                show(l, locale);
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
            out.println(Cli.TEXT.text("lessons.summary", loaded.files(), loaded.lessons().size(), loaded.bad(),
                    warnings, steps, questions));
        }
        if (loaded.files() == 0) {
            err.println(Cli.TEXT.text("error.lessons.none"));
            return Cli.BAD_INPUT;
        }
        return loaded.bad() > 0 ? Cli.BAD_INPUT : Cli.OK;
    }

    /** Every step as the window will show it: the output the engine computes and each question's answer. */
    private void show(Lesson l, Locale locale) {
        out.println(l.source() + ": " + l.title().get(locale));
        for (Step s : l.steps()) {
            Tensor o = s.scenario().result().output();
            out.println(Cli.TEXT.text("lessons.show.step", s.number(), s.line(),
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
            Question q = s.question();
            if (q != null) {
                out.println(Cli.TEXT.text("lessons.show.question", q.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                        q.expected(locale)));
            }
            if (s.fit() != null) {
                out.println(Cli.TEXT.text("lessons.show.fit", s.fit().iterations(),
                        Answers.format(s.fit().result().loss()),
                        java.util.Arrays.toString(s.fit().result().kernel().data())));
            }
        }
    }
}
