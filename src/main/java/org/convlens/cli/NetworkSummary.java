package org.convlens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.convlens.engine.AxisArithmetic;
import org.convlens.engine.Tensor;
import org.convlens.spec.Numbers;
import org.convlens.network.AxisReach;
import org.convlens.network.LayerPlan;
import org.convlens.network.LinearLayer;
import org.convlens.network.MapInfo;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.ReceptiveField;
import org.convlens.network.Region;
import org.convlens.network.grad.NetworkBackward;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code network} prints: a summary table as torchsummary prints one, with each map's
 * receptive field added, or the same as one JSON line; and for a chosen cell the rectangle it reads
 * in every earlier map. Formatting only: the numbers come from the plan, the forward pass and the
 * {@link org.convlens.network.FieldTracer}.
 */
final class NetworkSummary {
    private final Locale locale;

    private NetworkSummary(Locale locale) {
        this.locale = locale;
    }

    /** A cell of a layer's output and what it reads in every map up to it ({@code reads.get(m)} is map m). */
    record Cell(int layer, int channel, int y, int x, List<Region> reads) {
    }

    // ---------------------------------------------------------------------------------------------
    // Text

    /** The summary table, its words in {@code locale}. */
    static String text(Locale locale, NetworkPlan plan, NetworkMaps maps, Cell cell) {
        return new NetworkSummary(locale).table(plan, maps, cell);
    }

    private String table(NetworkPlan plan, NetworkMaps maps, Cell cell) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {t("network.col.layer"), t("network.col.shape"), t("network.col.params"),
            t("network.col.macs"), t("network.col.field"), t("network.col.jump"), t("network.col.start")});
        MapInfo in = plan.maps().get(0);
        rows.add(row(t("network.input"), in, -1, -1));
        for (LayerPlan l : plan.layers()) {
            for (int m = l.firstMap(); m <= l.lastMap(); m++) {
                MapInfo info = plan.maps().get(m);
                boolean first = m == l.firstMap();
                String name = first ? l.index() + " " + l.type() : "  " + info.made().id();
                rows.add(row(name, info, first ? l.params() : -1, first ? l.macs() : -1));
            }
        }
        int[] width = new int[7];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], ShapeCommand.columns(r[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        int total = 0;
        for (int w : width) {
            total += w + 3;
        }
        String rule = "-".repeat(total - 3);
        sb.append(rule).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                boolean right = c == 2 || c == 3;
                String cellText = right ? pad(r[c], width[c], true) : pad(r[c], width[c], false);
                line.append(cellText).append(c + 1 < r.length ? "   " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (i == 0) {
                sb.append("=".repeat(total - 3)).append('\n');
            }
        }
        sb.append("=".repeat(total - 3)).append('\n');
        sb.append(t("network.total.params", grouped(plan.parameters()))).append('\n');
        sb.append(t("network.total.macs", grouped(plan.macs()))).append('\n');
        sb.append(rule).append('\n');
        long inputBytes = 4 * plan.input().size();
        long paramBytes = 4 * plan.parameters();
        long mapBytes = plan.memoryBytes() - inputBytes - paramBytes;
        sb.append(t("network.size.input", mb(inputBytes))).append('\n');
        sb.append(t("network.size.maps", mb(mapBytes))).append('\n');
        sb.append(t("network.size.params", mb(paramBytes))).append('\n');
        sb.append(t("network.size.total", mb(plan.memoryBytes()))).append('\n');
        sb.append(rule).append('\n');
        Tensor out = maps.output();
        if (out.data().length <= 32) {
            List<String> v = new ArrayList<>();
            for (float f : out.data()) {
                v.add(Numbers.shortest(f));
            }
            sb.append(t("network.output", plan.output(), String.join(", ", v))).append('\n');
        } else {
            var r = maps.range(plan.maps().size() - 1);
            sb.append(t("network.outputRange", plan.output(), Numbers.shortest(r.min()), Numbers.shortest(r.max())))
                    .append('\n');
        }
        if (plan.maps().stream().anyMatch(m -> m.field() == null)) {
            sb.append(t("network.noField")).append('\n');
        }
        if (cell != null) {
            sb.append('\n').append(cellText(plan, cell));
        }
        return sb.toString();
    }

    private String[] row(String name, MapInfo info, long params, long macs) {
        ReceptiveField f = info.field();
        return new String[] {name, info.shape().toString(), params < 0 ? "" : grouped(params),
            macs < 0 ? "" : grouped(macs), f == null ? "-" : f.rows().size() + " x " + f.cols().size(),
            f == null ? "-" : f.rows().jump() + " x " + f.cols().jump(),
            f == null ? "-" : f.rows().start() + ", " + f.cols().start()};
    }

    private String cellText(NetworkPlan plan, Cell cell) {
        StringBuilder sb = new StringBuilder();
        LayerPlan target = plan.layer(cell.layer());
        sb.append(t("network.cell.title", cell.layer(), target.type(), cell.channel(), cell.y(), cell.x())).append('\n');
        List<String[]> rows = new ArrayList<>();
        for (int m = cell.reads().size() - 2; m >= 0; m--) {
            Region r = cell.reads().get(m);
            rows.add(new String[] {mapName(plan, m), plan.maps().get(m).shape().toString(), channels(r),
                axis("network.cell.rows", r.rows(), r.shape().flat()),
                axis("network.cell.cols", r.cols(), r.shape().flat())});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], ShapeCommand.columns(r[i]));
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < r.length; c++) {
                line.append(pad(r[c], width[c], false)).append("   ");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private String mapName(NetworkPlan plan, int m) {
        MapInfo info = plan.maps().get(m);
        if (info.layer() < 0) {
            return t("network.input");
        }
        LayerPlan l = plan.layer(info.layer());
        String name = t("network.cell.layer", l.index(), info.made().id());
        return name;
    }

    private String channels(Region r) {
        int n = r.channels().length;
        int[] idx = indices(r.channels());
        String which = idx.length == n && n > 1 ? t("network.cell.all") : AxisArithmetic.ranges(idx);
        return t(r.shape().flat() ? "network.cell.entries" : "network.cell.channels", which, idx.length, n);
    }

    private String axis(String key, AxisReach a, boolean flat) {
        if (flat) {
            return "";
        }
        String rect = t(key, a.lo() + ".." + a.hi());
        if (a.clippedLo() > a.clippedHi()) {
            return t("network.cell.padding", rect);
        }
        String s = t("network.cell.axis", rect, a.clippedLo() + ".." + a.clippedHi(), a.count());
        return a.gaps() > 0 ? s + t("network.cell.gaps", a.gaps()) : s;
    }

    // ---------------------------------------------------------------------------------------------
    // JSON

    /**
     * {@code {"layers": [{"type", "shape", "params", "macs", "rf"}, ...], "shape", "output"}}, plus
     * {@code "cell"} with what it reads when a cell is chosen.
     */
    static String json(NetworkPlan plan, NetworkMaps maps, Cell cell) {
        return json(plan, maps, cell, null);
    }

    /**
     * As {@link #json(NetworkPlan, NetworkMaps, Cell)}, plus with gradients {@code "loss"},
     * {@code "grad_input"} (the input's shape, C x H x W) and, in each conv and linear layer,
     * {@code "grad_weight"} (a kernel's 4-D layout, a linear layer's out x in) and {@code "grad_bias"}.
     */
    static String json(NetworkPlan plan, NetworkMaps maps, Cell cell, NetworkBackward.Result grads) {
        StringWriter sw = new StringWriter();
        try (JsonOut j = new JsonOut(sw)) {
            JsonGenerator g = j.generator();
            g.writeStartObject();
            g.writeArrayFieldStart("layers");
            for (LayerPlan l : plan.layers()) {
                g.writeStartObject();
                g.writeStringField("type", l.type());
                j.ints("shape", l.out().dims());
                g.writeNumberField("params", l.params());
                g.writeNumberField("macs", l.macs());
                field(g, l.field());
                if (grads != null && grads.layers()[l.index()] != null) {
                    paramGradients(j, l, grads.layers()[l.index()]);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            j.ints("shape", plan.output().dims());
            Tensor out = maps.output();
            if (plan.output().flat()) {
                g.writeArrayFieldStart("output");
                for (float f : out.data()) {
                    g.writeNumber(Numbers.shortest(f));
                }
                g.writeEndArray();
            } else {
                j.tensor("output", out);
            }
            if (grads != null) {
                j.number("loss", grads.loss());
                j.tensor("grad_input", grads.input());
            }
            if (cell != null) {
                g.writeObjectFieldStart("cell");
                j.ints("at", cell.layer(), cell.channel(), cell.y(), cell.x());
                g.writeArrayFieldStart("reads");
                for (int m = cell.reads().size() - 2; m >= 0; m--) {
                    Region r = cell.reads().get(m);
                    MapInfo info = plan.maps().get(m);
                    g.writeStartObject();
                    g.writeNumberField("layer", info.layer());
                    g.writeStringField("stage", info.made().id());
                    j.ints("shape", info.shape().dims());
                    j.ints("channels", indices(r.channels()));
                    if (!r.shape().flat()) {
                        axisJson(j, "rows", r.rows());
                        axisJson(j, "cols", r.cols());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }

    private static void paramGradients(JsonOut j, LayerPlan l, NetworkBackward.ParamGradients p) throws IOException {
        JsonGenerator g = j.generator();
        g.writeFieldName("grad_weight");
        float[] w = p.weight();
        if (l.layer() instanceof LinearLayer lin) {
            nested(g, w, 0, lin.outFeatures(), lin.inFeatures());
        } else {
            int[] k = l.conv().spec().kernel().shape();
            nested(g, w, 0, k[0], k[1], k[2], k[3]);
        }
        g.writeArrayFieldStart("grad_bias");
        for (float b : p.bias()) {
            g.writeNumber(Numbers.shortest(b));
        }
        g.writeEndArray();
    }

    /** {@code v[from...]} as nested arrays of the given dimensions, row-major. */
    private static void nested(JsonGenerator g, float[] v, int from, int... dims) throws IOException {
        g.writeStartArray();
        int inner = 1;
        for (int d = 1; d < dims.length; d++) {
            inner *= dims[d];
        }
        for (int i = 0; i < dims[0]; i++) {
            if (dims.length == 1) {
                g.writeNumber(Numbers.shortest(v[from + i]));
            } else {
                nested(g, v, from + i * inner, java.util.Arrays.copyOfRange(dims, 1, dims.length));
            }
        }
        g.writeEndArray();
    }

    private static void field(JsonGenerator g, ReceptiveField f) throws IOException {
        if (f == null) {
            g.writeNullField("rf");
            return;
        }
        g.writeObjectFieldStart("rf");
        pair(g, "size", f.rows().size(), f.cols().size());
        pair(g, "jump", f.rows().jump(), f.cols().jump());
        pair(g, "start", f.rows().start(), f.cols().start());
        g.writeEndObject();
    }

    private static void pair(JsonGenerator g, String name, long a, long b) throws IOException {
        g.writeArrayFieldStart(name);
        g.writeNumber(a);
        g.writeNumber(b);
        g.writeEndArray();
    }

    /** {@code "rows": {"from": lo, "to": hi, "inside": [a, b] or null, "read": [i, ...]}}. */
    private static void axisJson(JsonOut j, String name, AxisReach a) throws IOException {
        JsonGenerator g = j.generator();
        g.writeObjectFieldStart(name);
        g.writeNumberField("from", a.lo());
        g.writeNumberField("to", a.hi());
        if (a.clippedLo() > a.clippedHi()) {
            g.writeNullField("inside");
        } else {
            j.ints("inside", a.clippedLo(), a.clippedHi());
        }
        j.ints("read", indices(a.cells()));
        g.writeEndObject();
    }

    // ---------------------------------------------------------------------------------------------

    static int[] indices(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] idx = new int[n];
        for (int i = 0, k = 0; i < mask.length; i++) {
            if (mask[i]) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    private String t(String key, Object... args) {
        return Cli.TEXT.text(locale, key, args);
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / (1024.0 * 1024.0));
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - ShapeCommand.columns(s)));
        return right ? fill + s : s + fill;
    }
}
