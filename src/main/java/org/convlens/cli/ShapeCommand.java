package org.convlens.cli;

import org.convlens.engine.AxisArithmetic;
import org.convlens.engine.ConvPlan;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code shape SPEC.json [--json]}: the output size of each stage and the formulas with their numbers. */
final class ShapeCommand {
    private final PrintStream out;
    private final PrintStream err;

    ShapeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        boolean json = false;
        List<String> files = new ArrayList<>();
        for (String a : args) {
            if (Cli.isHelp(a)) {
                out.println(Cli.TEXT.text("help.shape"));
                return Cli.OK;
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("-") && !a.equals("-")) {
                err.println(Cli.TEXT.text("error.option", a, "shape"));
                return Cli.BAD_INPUT;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            err.println(Cli.TEXT.text("error.noSpec", "shape"));
            return Cli.BAD_INPUT;
        }
        // Check every file first, as compute does, so a bad one prints nothing half-done.
        List<Options.Checked> checked = new ArrayList<>();
        for (String f : files) {
            Options.Checked c = Options.check(f, err);
            if (c == null) {
                return Cli.BAD_INPUT;
            }
            checked.add(c);
        }
        for (Options.Checked c : checked) {
            if (json) {
                out.println(json(c.plan()));
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
        line("shape.parameters", Cli.TEXT.text("shape.parameterCount", plan.parameterCount(),
                plan.spec().kernel().size(), plan.outChannels()));
        for (AxisArithmetic a : axes(plan)) {
            for (String reason : a.reasons(Locale.getDefault())) {
                out.println(Cli.TEXT.text("shape.note", reason));
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
        out.printf("%-16s %s%n", Cli.TEXT.text(key), value);
    }

    private static String dims(int c, int h, int w) {
        return c + " x " + h + " x " + w;
    }

    private static String json(ConvPlan plan) {
        StringWriter sw = new StringWriter();
        try (JsonOut j = new JsonOut(sw)) {
            var g = j.generator();
            g.writeStartObject();
            j.ints("input", plan.inChannels(), plan.inHeight(), plan.inWidth());
            j.ints("feature_map", plan.outChannels(), plan.outHeight(), plan.outWidth());
            j.ints("padding", plan.padding());
            axis(j, plan.spec().transposed() ? "transposed" : "conv", plan.convY(), plan.convX());
            if (plan.hasPool()) {
                axis(j, "pool", plan.poolY(), plan.poolX());
            }
            j.ints("shape", plan.outputShape());
            g.writeNumberField("parameters", plan.parameterCount());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }

    private static void axis(JsonOut j, String stage, AxisArithmetic y, AxisArithmetic x) throws IOException {
        var g = j.generator();
        g.writeObjectFieldStart(stage);
        for (AxisArithmetic a : List.of(y, x)) {
            g.writeObjectFieldStart(a.vertical() ? "height" : "width");
            g.writeNumberField("size", a.size());
            g.writeStringField("formula", a.formula());
            g.writeStringField("with_numbers", a.formulaWithNumbers());
            j.ints("never_read", a.uncovered());
            g.writeArrayFieldStart("why");
            for (String r : a.reasons(Locale.getDefault())) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
