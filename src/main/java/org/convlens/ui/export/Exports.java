package org.convlens.ui.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.Activation;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.ConvStep;
import org.convlens.engine.Kernel;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.PoolStep;
import org.convlens.engine.Tensor;
import org.convlens.spec.SpecWriter;
import org.convlens.ui.grid.NumberText;
import org.convlens.ui.stepper.Computation;
import org.convlens.ui.stepper.Frame;
import org.convlens.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text exports of the current scenario: grids as CSV and JSON, the current step's arithmetic as a
 * LaTeX {@code align} environment, and the PyTorch code that reproduces the settings. Every number
 * is the exact float32 value (the shortest text that reads back the same).
 */
public final class Exports {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Exports() {
    }

    // CSV

    /** File name -> CSV text for every grid: input channels, kernel slices, feature map and pooled channels. */
    public static Map<String, String> csv(Computation c) {
        Map<String, String> out = new LinkedHashMap<>();
        Tensor in = c.input();
        for (int ch = 0; ch < in.channels(); ch++) {
            out.put(in.channels() == 1 ? "input.csv" : "input_c" + ch + ".csv", csv(in, ch));
        }
        Kernel k = c.plan().spec().kernel();
        for (int i = 0; i < k.dim0(); i++) {
            for (int j = 0; j < k.dim1(); j++) {
                String name = k.dim0() * k.dim1() == 1 ? "kernel.csv" : "kernel_" + i + "_" + j + ".csv";
                out.put(name, csv(k, i, j));
            }
        }
        Tensor fm = c.featureMap();
        for (int ch = 0; ch < fm.channels(); ch++) {
            out.put(fm.channels() == 1 ? "output.csv" : "output_c" + ch + ".csv", csv(fm, ch));
        }
        Tensor p = c.pooled();
        if (p != null) {
            for (int ch = 0; ch < p.channels(); ch++) {
                out.put(p.channels() == 1 ? "pooled.csv" : "pooled_c" + ch + ".csv", csv(p, ch));
            }
        }
        return out;
    }

    /**
     * Writes every grid as CSV beside {@code file}, each named after it: {@code grids.csv} gives
     * {@code grids_input.csv}, {@code grids_kernel.csv}, {@code grids_output.csv}... (a name the user
     * typed never becomes a folder).
     *
     * @return the files written
     */
    public static List<Path> writeCsv(Computation c, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : csv(c).entrySet()) {
            Path f = dir.resolve(base + "_" + e.getKey());
            AtomicFiles.write(f, e.getValue());
            written.add(f);
        }
        return written;
    }

    private static String csv(Tensor t, int ch) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                sb.append(x == 0 ? "" : ",").append(NumberText.exact(t.get(ch, y, x)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String csv(Kernel k, int i, int j) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < k.height(); y++) {
            for (int x = 0; x < k.width(); x++) {
                sb.append(x == 0 ? "" : ",").append(NumberText.exact(k.get(i, j, y, x)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // JSON

    /**
     * The scenario (as the spec format, so the command line can read its settings) with the results
     * added: {@code feature_map} and {@code pooled} as C x H x W, and their shapes.
     */
    public static String json(Computation c) {
        ObjectNode o = F.objectNode();
        ObjectNode scenario = SpecWriter.toTree(c.problem());
        o.set("scenario", scenario);
        o.set("feature_map", cube(c.featureMap()));
        o.set("feature_map_shape", shape(c.featureMap()));
        if (c.pooled() != null) {
            o.set("pooled", cube(c.pooled()));
            o.set("pooled_shape", shape(c.pooled()));
        }
        o.put("parameters", c.plan().parameterCount());
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode shape(Tensor t) {
        return F.arrayNode().add(t.channels()).add(t.height()).add(t.width());
    }

    private static ArrayNode cube(Tensor t) {
        ArrayNode a = F.arrayNode();
        for (int ch = 0; ch < t.channels(); ch++) {
            ArrayNode plane = a.addArray();
            for (int y = 0; y < t.height(); y++) {
                ArrayNode row = plane.addArray();
                for (int x = 0; x < t.width(); x++) {
                    row.add(SpecWriter.number(t.get(ch, y, x)));
                }
            }
        }
        return a;
    }

    // LaTeX

    private static String tex(float v) {
        String s = NumberText.exact(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** The step the frame shows, as an amsmath {@code align} environment. */
    public static String latex(Computation c, Frame f) {
        StringBuilder sb = new StringBuilder();
        sb.append("% ConvLens, step ").append(f.step() + 1).append(" of ").append(f.totalSteps())
                .append(". Needs \\usepackage{amsmath}.\n");
        if (f.convStep() != null) {
            latexConv(c.plan(), f.convStep(), sb);
        } else {
            latexPool(c.plan(), f.poolStep(), sb);
        }
        return sb.toString();
    }

    private static void latexConv(ConvPlan plan, ConvStep s, StringBuilder sb) {
        List<ConvStep.Term> ts = s.terms();
        int slices = plan.inPerGroup();
        int per = ts.size() / slices;
        int kw = plan.directKernel().width();
        sb.append("\\begin{align}\n");
        float before = 0f;
        List<String> names = new ArrayList<>();
        for (int sl = 0; sl < slices; sl++) {
            String name = slices == 1 ? "s" : "s_{" + ts.get(sl * per).inChannel() + "}";
            names.add(name);
            sb.append("  ").append(name).append(" &= ");
            for (int t = sl * per; t < (sl + 1) * per; t++) {
                ConvStep.Term tm = ts.get(t);
                int local = t - sl * per;
                if (local > 0 && local % kw == 0) {
                    sb.append(" \\\\\n    &\\quad + ");
                } else if (local > 0) {
                    sb.append(" + ");
                }
                sb.append(tex(tm.value())).append(" \\cdot ").append(tex(tm.weight()));
            }
            float partial = ts.get((sl + 1) * per - 1).runningSum() - before;
            before = ts.get((sl + 1) * per - 1).runningSum();
            sb.append(" \\\\\n    &= ").append(NumberText.exact(slices == 1 ? s.sum() : partial)).append(" \\\\\n");
        }
        if (slices > 1) {
            sb.append("  s &= ").append(String.join(" + ", names)).append(" = ").append(NumberText.exact(s.sum()))
                    .append(" \\\\\n");
        }
        sb.append("  s + b &= ").append(NumberText.exact(s.sum())).append(" + ").append(tex(s.bias())).append(" = ")
                .append(NumberText.exact(s.preActivation())).append(" \\\\\n");
        Activation a = plan.spec().activation();
        if (a.type() != Activation.Type.NONE) {
            String fn = a.type() == Activation.Type.LEAKY_RELU ? "\\operatorname{leaky\\_relu}_{" + NumberText.exact(a.slope()) + "}"
                    : "\\operatorname{" + a.type().id() + "}";
            sb.append("  ").append(fn).append("(").append(NumberText.exact(s.preActivation())).append(") &= ")
                    .append(NumberText.exact(s.output())).append(" \\\\\n");
        }
        sb.append("  y_{").append(s.outChannel()).append(",").append(s.outY()).append(",").append(s.outX())
                .append("} &= ").append(NumberText.exact(s.output())).append("\n");
        sb.append("\\end{align}\n");
    }

    private static void latexPool(ConvPlan plan, PoolStep s, StringBuilder sb) {
        boolean max = plan.spec().pool().type() == PoolSpec.Type.MAX;
        List<String> vals = new ArrayList<>();
        for (PoolStep.Cell cell : s.cells()) {
            vals.add(cell.padding() ? (max ? "-\\infty" : "0") : tex(cell.value()));
        }
        sb.append("\\begin{align}\n  p_{").append(s.channel()).append(",").append(s.outY()).append(",").append(s.outX())
                .append("} &= ");
        if (max) {
            sb.append("\\max(").append(String.join(", ", vals)).append(")");
        } else {
            sb.append("\\frac{").append(String.join(" + ", vals)).append("}{").append(s.divisor()).append("}");
        }
        sb.append(" = ").append(NumberText.exact(s.output())).append("\n\\end{align}\n");
    }

    // PyTorch

    /** A runnable Python script that computes the same layer with torch.nn.functional and prints it. */
    public static String pytorch(Computation c) {
        ConvPlan plan = c.plan();
        ConvSpec s = plan.spec();
        StringBuilder py = new StringBuilder();
        py.append("# The current ConvLens scenario in PyTorch. Run: python3 ").append("convlens_layer.py\n");
        py.append("import torch\nimport torch.nn.functional as F\n\n");
        py.append("x = torch.tensor(").append(list(c.input())).append(", dtype=torch.float32).unsqueeze(0)")
                .append("  # 1 x C x H x W\n");
        py.append("w = torch.tensor(").append(list(s.kernel())).append(", dtype=torch.float32)  # ")
                .append(s.transposed() ? "in x out/groups x kh x kw\n" : "out x in/groups x kh x kw\n");
        float[] bias = s.bias();
        if (bias == null) {
            py.append("b = None\n");
        } else {
            py.append("b = torch.tensor([").append(join(bias)).append("], dtype=torch.float32)\n");
        }
        if (s.flip()) {
            py.append("w = torch.flip(w, dims=[2, 3])  # true convolution: the kernel rotated 180 degrees\n");
        }
        String dil = "(" + s.dilationY() + ", " + s.dilationX() + ")";
        String stride = "(" + s.strideY() + ", " + s.strideX() + ")";
        if (s.transposed()) {
            int[] p = plan.padding();
            py.append("y = F.conv_transpose2d(x, w, b, stride=").append(stride).append(", padding=(").append(p[0])
                    .append(", ").append(p[2]).append("), output_padding=(").append(s.outputPaddingY()).append(", ")
                    .append(s.outputPaddingX()).append("), groups=").append(s.groups()).append(", dilation=")
                    .append(dil).append(")\n");
        } else {
            int[] p = plan.padding();
            boolean any = p[0] != 0 || p[1] != 0 || p[2] != 0 || p[3] != 0;
            if (any) {
                String mode = s.paddingMode() == PaddingMode.ZEROS ? "constant" : s.paddingMode().id();
                py.append("x = F.pad(x, (").append(p[2]).append(", ").append(p[3]).append(", ").append(p[0])
                        .append(", ").append(p[1]).append("), mode='").append(mode).append("')")
                        .append("  # (left, right, top, bottom): padding ").append(s.padding()).append("\n");
            }
            py.append("y = F.conv2d(x, w, b, stride=").append(stride).append(", padding=0, dilation=").append(dil)
                    .append(", groups=").append(s.groups()).append(")\n");
        }
        Activation a = s.activation();
        switch (a.type()) {
            case RELU:
                py.append("y = F.relu(y)\n");
                break;
            case LEAKY_RELU:
                py.append("y = F.leaky_relu(y, negative_slope=").append(NumberText.exact(a.slope())).append(")\n");
                break;
            case SIGMOID:
                py.append("y = torch.sigmoid(y)\n");
                break;
            case TANH:
                py.append("y = torch.tanh(y)\n");
                break;
            default:
                break;
        }
        py.append("print('feature map', tuple(y.shape[1:]))\nprint(y[0])\n");
        PoolSpec q = s.pool();
        if (q != null) {
            String args = "kernel_size=(" + q.kernelHeight() + ", " + q.kernelWidth() + "), stride=(" + q.strideY()
                    + ", " + q.strideX() + "), padding=(" + q.padY() + ", " + q.padX() + "), ceil_mode="
                    + (q.ceilMode() ? "True" : "False");
            if (q.type() == PoolSpec.Type.MAX) {
                py.append("p = F.max_pool2d(y, ").append(args).append(")\n");
            } else {
                py.append("p = F.avg_pool2d(y, ").append(args).append(", count_include_pad=")
                        .append(q.countIncludePad() ? "True" : "False").append(")\n");
            }
            py.append("print('pooled', tuple(p.shape[1:]))\nprint(p[0])\n");
        }
        return py.toString();
    }

    private static String join(float[] v) {
        List<String> s = new ArrayList<>();
        for (float f : v) {
            s.add(NumberText.exact(f));
        }
        return String.join(", ", s);
    }

    private static String list(Tensor t) {
        StringBuilder sb = new StringBuilder("[");
        for (int ch = 0; ch < t.channels(); ch++) {
            sb.append(ch == 0 ? "" : ", ").append("[");
            for (int y = 0; y < t.height(); y++) {
                sb.append(y == 0 ? "" : ", ").append("[");
                for (int x = 0; x < t.width(); x++) {
                    sb.append(x == 0 ? "" : ", ").append(NumberText.exact(t.get(ch, y, x)));
                }
                sb.append("]");
            }
            sb.append("]");
        }
        return sb.append("]").toString();
    }

    private static String list(Kernel k) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < k.dim0(); i++) {
            sb.append(i == 0 ? "" : ", ").append("[");
            for (int j = 0; j < k.dim1(); j++) {
                sb.append(j == 0 ? "" : ", ").append("[");
                for (int y = 0; y < k.height(); y++) {
                    sb.append(y == 0 ? "" : ", ").append("[");
                    for (int x = 0; x < k.width(); x++) {
                        sb.append(x == 0 ? "" : ", ").append(NumberText.exact(k.get(i, j, y, x)));
                    }
                    sb.append("]");
                }
                sb.append("]");
            }
            sb.append("]");
        }
        return sb.append("]").toString();
    }
}
