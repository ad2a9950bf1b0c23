package org.convlens.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Node;
import org.convlens.lesson.YamlTree.Sequence;
import org.convlens.network.ConvLayer;
import org.convlens.network.Forward;
import org.convlens.network.LayerPlan;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Shape;
import org.convlens.spec.NetworkProblem;
import org.convlens.spec.NetworkReader;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecWriter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a step's {@code network}: a stack of layers the Network tab shows instead of a single
 * layer. Either inline, in the format of a network file ({@code input} and {@code layers}; the
 * input, a conv layer's {@code kernel} and a linear layer's {@code weight} as grids in a state), or {@code file:} a network file ({@code examples/NAME.json} bundled, else a
 * {@code .json} file in the lesson's folder, under the rules of every file reference). The
 * network goes through {@link NetworkReader} and {@link NetworkPlan} as the command line's
 * {@code network} would (a problem is reported at the line of the field it names), its cost is
 * charged to the lesson's budget before it runs, and it runs once. {@code trace} picks a cell
 * whose receptive field the tab lights; {@code open} the conv layer the stepper shows (its real
 * input), by default the first.
 */
final class NetworkSteps {
    static final Set<String> KEYS = Set.of("file", "input", "layers", "trace", "open");
    static final Set<String> TRACE_KEYS = Set.of("layer", "cell");
    /** A network whose maps hold more values than this is refused (as a state with that many outputs). */
    static final long MAX_VALUES = StateReader.MAX_OUTPUT_VALUES;

    private NetworkSteps() {
    }

    /**
     * What a step's {@code network} gave.
     *
     * @param network the network
     * @param scenario the conv layer the stepper shows, on its real input
     */
    record Read(LessonNetwork network, Scenario scenario) {
    }

    /**
     * The network of {@code n}, or null after reporting a problem. A network with neither
     * {@code file} nor {@code input} and {@code layers} is the one of the last step that showed one
     * ({@code previous}), with this step's own {@code trace} and {@code open}.
     */
    static Read read(Node n, LessonFolder folder, LessonNetwork previous, Report r) {
        Mapping m = Keys.map(n, r);
        if (m == null || !Keys.check(m, KEYS, "error.key.network", r)) {
            return null;
        }
        Map<String, Integer> lines = new HashMap<>();
        String file = null;
        NetworkProblem problem;
        int line = m.line();
        if (m.value("file") != null) {
            Node fn = m.value("file");
            line = fn.line();
            if (m.value("input") != null || m.value("layers") != null) {
                r.error(fn.line(), "error.network.fileAndLayers");
                return null;
            }
            file = Keys.name(fn, r);
            problem = file == null ? null : fromFile(file, fn.line(), folder, r);
        } else if (m.value("input") == null && m.value("layers") == null) {
            if (previous == null) {
                r.error(m.line(), "error.network.nothingBefore");
                return null;
            }
            file = previous.file();
            problem = previous.problem();
        } else {
            if (m.value("input") == null || m.value("layers") == null) {
                r.error(m.line(), "error.key.missing", m.value("input") == null ? "input" : "layers");
                return null;
            }
            problem = inline(m, lines, r);
        }
        if (problem == null) {
            return null;
        }
        NetworkPlan plan;
        try {
            plan = NetworkPlan.of(problem.network());
        } catch (SpecException e) {
            report(e, file, lines, line, r);
            return null;
        }
        long values = 0;
        for (var info : plan.maps()) {
            values = WorkBudget.plus(values, info.shape().size());
        }
        long work = WorkBudget.plus(plan.macs(), values);
        if (values > MAX_VALUES || work > StateReader.MAX_WORK) {
            r.error(line, "error.state.tooLarge", values, work);
            return null;
        }
        r.budget().charge(work, line);
        NetworkMaps maps = Forward.run(plan, problem.input(), Parallel.availableThreads());
        LessonNetwork.Trace trace = null;
        if (m.value("trace") != null) {
            trace = trace(m.value("trace"), plan, r);
            if (trace == null) {
                return null;
            }
        }
        Scenario scenario = stepperLayer(m.value("open"), plan, maps, line, r);
        if (scenario == null) {
            return null;
        }
        return new Read(new LessonNetwork(file, problem, plan, maps, trace), scenario);
    }

    private static NetworkProblem fromFile(String ref, int line, LessonFolder folder, Report r) {
        URL url = FileRefs.resolveNetwork(ref, line, folder, r);
        if (url == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readNBytes(YamlTree.MAX_BYTES + 1);
        } catch (IOException | SecurityException e) {
            r.error(line, "error.file.read", String.valueOf(e.getMessage()));
            return null;
        }
        if (bytes.length > YamlTree.MAX_BYTES) {
            r.error(line, "error.network.fileTooLarge", ref, YamlTree.MAX_BYTES / 1024);
            return null;
        }
        try {
            return NetworkReader.read(new String(bytes, StandardCharsets.UTF_8));
        } catch (SpecException e) {
            report(e, ref, Map.of(), line, r);
            return null;
        }
    }

    /** The inline network as the JSON a network file holds, each field's line kept under its JSON path. */
    private static NetworkProblem inline(Mapping m, Map<String, Integer> lines, Report r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        JsonNode input = Grids.tensor(m.value("input"), "$.input", lines, r);
        Node ln = m.value("layers");
        if (!(ln instanceof Sequence seq) || seq.items().isEmpty()) {
            r.error(ln.line(), "error.network.layers", YamlTree.describe(ln));
            return null;
        }
        ArrayNode layers = root.arrayNode();
        boolean ok = input != null;
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            String path = "$.layers[" + i + "]";
            Mapping lm = Keys.map(item, r);
            if (lm == null) {
                ok = false;
                continue;
            }
            lines.put(path, lm.line());
            ObjectNode layer = root.objectNode();
            for (YamlTree.Entry e : lm.entries().values()) {
                String p = path + "." + e.key();
                JsonNode v = switch (e.key()) {
                    case "kernel" -> Grids.kernel(e.value(), p, lines, r);
                    case "weight" -> Grids.tensor(e.value(), p, lines, r);
                    default -> JsonTree.of(e.value(), p, lines, r);
                };
                if (v == null) {
                    ok = false;
                    continue;
                }
                lines.put(p, e.line());
                layer.set(e.key(), v);
            }
            layers.add(layer);
        }
        if (!ok) {
            return null;
        }
        lines.put("$.input", m.value("input").line());
        lines.put("$.layers", ln.line());
        root.set("input", input);
        root.set("layers", layers);
        try {
            return NetworkReader.read(root);
        } catch (SpecException e) {
            report(e, null, lines, m.line(), r);
            return null;
        }
    }

    /** An engine complaint at the line of the field it names (inline), or at the file reference with its JSON path. */
    private static void report(SpecException e, String file, Map<String, Integer> lines, int line, Report r) {
        if (file == null) {
            StateReader.report(e, lines, line, r);
            return;
        }
        String field = e.field() == null ? "$" : e.field();
        r.error(line, "error.network.inFile", file, field, e.message(r.locale()));
    }

    /** {@code {layer: L, cell: [c, y, x]}}: a cell of layer L's output (1-based; 0 is the input). */
    private static LessonNetwork.Trace trace(Node n, NetworkPlan plan, Report r) {
        Mapping m = Keys.map(n, r);
        if (m == null || !Keys.check(m, TRACE_KEYS, "error.key.trace", r)) {
            return null;
        }
        if (m.value("layer") == null || m.value("cell") == null) {
            r.error(m.line(), "error.key.missing", m.value("layer") == null ? "layer" : "cell");
            return null;
        }
        Integer layer = Keys.whole(m.value("layer"), 0, plan.layers().size(), r);
        if (layer == null) {
            return null;
        }
        int map = plan.outputMap(layer - 1);
        Shape s = plan.maps().get(map).shape();
        int[] c = Keys.cell(m.value("cell"), r);
        if (c == null) {
            return null;
        }
        if (c[0] < 0 || c[0] >= s.channels() || c[1] < 0 || c[1] >= s.height() || c[2] < 0 || c[2] >= s.width()) {
            r.error(m.value("cell").line(), "error.network.cell", Keys.cellText(c, m.value("cell")), layer, s.toString());
            return null;
        }
        return new LessonNetwork.Trace(layer, map, c[0], c[1], c[2]);
    }

    /** The conv layer the stepper shows ({@code open}, 1-based; else the first), on the maps the layers before it made. */
    private static Scenario stepperLayer(Node open, NetworkPlan plan, NetworkMaps maps, int line, Report r) {
        int index = -1;
        if (open != null) {
            Integer l = Keys.whole(open, 1, plan.layers().size(), r);
            if (l == null) {
                return null;
            }
            if (!(plan.layer(l - 1).layer() instanceof ConvLayer)) {
                r.error(open.line(), "error.network.openNotConv", l, plan.layer(l - 1).type());
                return null;
            }
            index = l - 1;
            line = open.line();
        } else {
            for (LayerPlan lp : plan.layers()) {
                if (lp.layer() instanceof ConvLayer) {
                    index = lp.index();
                    break;
                }
            }
            if (index < 0) {
                r.error(line, "error.network.noConv");
                return null;
            }
        }
        ConvLayer c = (ConvLayer) plan.layer(index).layer();
        Tensor in = maps.layerOutput(index - 1);
        ObjectNode spec = SpecWriter.toTree(new Problem(in.copy(), c.spec()));
        return StateReader.scenario(new StateReader.Built(spec, Map.of()), line, r);
    }
}
