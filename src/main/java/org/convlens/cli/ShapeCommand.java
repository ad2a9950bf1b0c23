package org.convlens.cli;

import org.convlens.engine.AxisArithmetic;
import org.convlens.engine.ConvPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code shape SPEC.json [--json]}: the output size of each stage and the formulas with their numbers. */
@Command(name = "shape", sortOptions = false)
final class ShapeCommand implements Callable<Integer> {
    private final CliContext ctx;
    private final PrintStream out;

    @Mixin
    ConvLensCommand.HelpOption help;

    @Option(names = "--json", descriptionKey = "shape.json")
    boolean json;

    @Parameters(paramLabel = "SPEC.json", arity = "0..*", descriptionKey = "option.specs")
    List<String> files = new ArrayList<>();

    ShapeCommand(CliContext ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
    }

    @Override
    public Integer call() {
        if (files.isEmpty()) {
            ctx.err().println(ctx.text("error.noSpec", "shape"));
            return Cli.BAD_INPUT;
        }
        // Check every file first, as compute does, so a bad one prints nothing half-done.
        List<Options.Checked> checked = new ArrayList<>();
        for (String f : files) {
            Options.Checked c = Options.check(ctx, f);
            if (c == null) {
                return Cli.BAD_INPUT;
            }
            checked.add(c);
        }
        for (Options.Checked c : checked) {
            if (json) {
                out.println(json(c.plan(), ctx.locale()));
            } else {
                if (files.size() > 1) {
                    out.println(c.file() + ":");
                }
                text(c.plan());
            }
        }
        return Cli.OK;
    }

    private void text(ConvPlan plan) {
        String conv = plan.spec().transposed() ? "shape.transposed" : "shape.conv";
        line("shape.input", dims(plan.inChannels(), plan.inHeight(), plan.inWidth()));
        line(conv + ".rows", plan.convY().formulaWithNumbers());
        line(conv + ".columns", plan.convX().formulaWithNumbers());
        line("shape.featureMap", dims(plan.outChannels(), plan.outHeight(), plan.outWidth()));
        if (plan.hasPool()) {
            line("shape.pool.rows", plan.poolY().formulaWithNumbers());
            line("shape.pool.columns", plan.poolX().formulaWithNumbers());
        }
        int[] o = plan.outputShape();
        line("shape.output", dims(o[0], o[1], o[2]));
        line("shape.parameters", ctx.text("shape.parameterCount", plan.parameterCount(),
                plan.spec().kernel().size(), plan.outChannels()));
        for (AxisArithmetic a : axes(plan)) {
            for (String reason : a.reasons(ctx.locale())) {
                out.println(ctx.text("shape.note", reason));
            }
        }
    }

    private static List<AxisArithmetic> axes(ConvPlan plan) {
        List<AxisArithmetic> a = new ArrayList<>(List.of(plan.convY(), plan.convX()));
        if (plan.hasPool()) {
            a.add(plan.poolY());
            a.add(plan.poolX());
        }
        return a;
    }

    private void line(String key, String value) {
        String label = ctx.text(key);
        out.println(label + " ".repeat(Math.max(1, 17 - columns(label))) + value);
    }

    /** The columns a text takes on a terminal: two for each Chinese, Japanese or Korean character. */
    static int columns(String s) {
        return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA
                || b == Character.UnicodeBlock.HANGUL_SYLLABLES || (c >= 0xFF01 && c <= 0xFF60);
    }

    private static String dims(int c, int h, int w) {
        return c + " x " + h + " x " + w;
    }

    private static String json(ConvPlan plan, Locale locale) {
        StringWriter sw = new StringWriter();
        try (JsonOut j = new JsonOut(sw)) {
            var g = j.generator();
            g.writeStartObject();
            j.ints("input", plan.inChannels(), plan.inHeight(), plan.inWidth());
            j.ints("feature_map", plan.outChannels(), plan.outHeight(), plan.outWidth());
            j.ints("padding", plan.padding());
            axis(j, plan.spec().transposed() ? "transposed" : "conv", plan.convY(), plan.convX(), locale);
            if (plan.hasPool()) {
                axis(j, "pool", plan.poolY(), plan.poolX(), locale);
            }
            j.ints("shape", plan.outputShape());
            g.writeNumberField("parameters", plan.parameterCount());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }

    private static void axis(JsonOut j, String stage, AxisArithmetic y, AxisArithmetic x, Locale locale) throws IOException {
        var g = j.generator();
        g.writeObjectFieldStart(stage);
        for (AxisArithmetic a : List.of(y, x)) {
            g.writeObjectFieldStart(a.vertical() ? "height" : "width");
            g.writeNumberField("size", a.size());
            g.writeStringField("formula", a.formula());
            g.writeStringField("with_numbers", a.formulaWithNumbers());
            j.ints("never_read", a.uncovered());
            g.writeArrayFieldStart("why");
            for (String r : a.reasons(locale)) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
