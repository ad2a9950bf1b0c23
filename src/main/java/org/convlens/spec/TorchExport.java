package org.convlens.spec;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.network.ActivationLayer;
import org.convlens.network.ConvLayer;
import org.convlens.network.FlattenLayer;
import org.convlens.network.Layer;
import org.convlens.network.LayerPlan;
import org.convlens.network.LinearLayer;
import org.convlens.network.Network;
import org.convlens.network.NetworkException;
import org.convlens.network.NetworkPlan;
import org.convlens.network.PoolLayer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A network as PyTorch sees it: one flat {@code nn.Sequential} (per conv layer an optional
 * padding module, {@code nn.Conv2d} or {@code nn.ConvTranspose2d}, its activation, its pooling;
 * {@code nn.ReLU}..., {@code nn.MaxPool2d} / {@code nn.AvgPool2d}, {@code nn.Flatten},
 * {@code nn.Linear}), its weights under that module's state_dict names ({@code 3.weight},
 * {@code 3.bias}) in a safetensors file, and a Python script that builds it and loads them.
 * A kernel marked {@code flip} is stored flipped (PyTorch's layers correlate); a conv layer without
 * bias gets zeros. The padding of each conv layer is the one its plan resolved ({@code same}
 * becomes numbers), as {@code nn.Conv2d}'s own padding when symmetric, else a padding module
 * ({@code nn.ZeroPad2d}, {@code nn.ReflectionPad2d}, {@code nn.ReplicationPad2d}; asymmetric
 * circular padding has no module and is refused).
 */
public final class TorchExport {
    private TorchExport() {
    }

    /** Per layer, the index in the {@code nn.Sequential} of its module holding weights (-1 for none). */
    public static int[] weightModules(NetworkPlan plan) {
        int[] idx = new int[plan.layers().size()];
        int m = 0;
        for (LayerPlan l : plan.layers()) {
            idx[l.index()] = -1;
            List<String> mods = modules(l);
            for (int j = 0; j < mods.size(); j++) {
                if (mods.get(j).startsWith("nn.Conv") || mods.get(j).startsWith("nn.Linear")) {
                    idx[l.index()] = m + j;
                }
            }
            m += mods.size();
        }
        return idx;
    }

    /** The weights under their state_dict names, as PyTorch's modules hold them. */
    public static List<SafeTensors.Entry> entries(NetworkPlan plan) {
        int[] idx = weightModules(plan);
        List<SafeTensors.Entry> out = new ArrayList<>();
        for (LayerPlan l : plan.layers()) {
            if (l.layer() instanceof ConvLayer c) {
                Kernel k = c.spec().flip() ? c.spec().kernel().rotated180() : c.spec().kernel();
                float[] b = c.spec().bias() == null ? new float[c.spec().outChannels()] : c.spec().bias();
                out.add(new SafeTensors.Entry(idx[l.index()] + ".weight", k.shape(), k.data()));
                out.add(new SafeTensors.Entry(idx[l.index()] + ".bias", new int[] {b.length}, b));
            } else if (l.layer() instanceof LinearLayer lin) {
                out.add(new SafeTensors.Entry(idx[l.index()] + ".weight",
                        new int[] {lin.outFeatures(), lin.inFeatures()}, lin.weight()));
                out.add(new SafeTensors.Entry(idx[l.index()] + ".bias", new int[] {lin.outFeatures()}, lin.bias()));
            }
        }
        return out;
    }

    /**
     * {@code net} with the weights of a safetensors file written for it (by ConvLens, or by
     * PyTorch from the exported {@code nn.Sequential}: {@code safetensors.torch.save_file(model.state_dict(), ...)}).
     *
     * @throws NetworkException naming the tensor that is missing or has the wrong shape
     */
    public static Network withWeights(NetworkPlan plan, Map<String, SafeTensors.Entry> tensors) {
        List<Layer> layers = new ArrayList<>();
        List<SafeTensors.Entry> want = entries(plan);
        int e = 0;
        for (LayerPlan l : plan.layers()) {
            Layer layer = l.layer();
            if (layer instanceof ConvLayer || layer instanceof LinearLayer) {
                SafeTensors.Entry w = tensor(tensors, want.get(e++));
                SafeTensors.Entry b = tensor(tensors, want.get(e++));
                if (layer instanceof ConvLayer c) {
                    int[] s = w.shape();
                    Kernel k = new Kernel(s[0], s[1], s[2], s[3], w.data());
                    ConvSpec spec = c.spec().toBuilder().kernel(c.spec().flip() ? k.rotated180() : k)
                            .bias(b.data()).build();
                    layers.add(new ConvLayer(spec));
                } else {
                    LinearLayer lin = (LinearLayer) layer;
                    layers.add(new LinearLayer(lin.outFeatures(), lin.inFeatures(), w.data(), b.data(),
                            lin.activation()));
                }
            } else {
                layers.add(layer);
            }
        }
        return new Network(plan.input(), layers);
    }

    private static SafeTensors.Entry tensor(Map<String, SafeTensors.Entry> tensors, SafeTensors.Entry want) {
        SafeTensors.Entry got = tensors.get(want.name());
        if (got == null) {
            throw new NetworkException(want.name(), "error.weights.missing", Arrays.toString(want.shape()));
        }
        if (!Arrays.equals(got.shape(), want.shape())) {
            throw new NetworkException(want.name(), "error.weights.shape", Arrays.toString(got.shape()),
                    Arrays.toString(want.shape()));
        }
        for (float v : got.data()) {
            if (!Float.isFinite(v)) {
                throw new NetworkException(want.name(), "error.weights.notFinite");
            }
        }
        return got;
    }

    /**
     * The Python script: {@code build()} makes the {@code nn.Sequential}, {@code load(path)} fills
     * it from a safetensors file (read by hand: the safetensors package is not needed).
     *
     * @param weightsFile the weights file's name beside the script
     * @throws NetworkException for a layer PyTorch has no module for
     */
    public static String script(NetworkPlan plan, String weightsFile) {
        StringBuilder sb = new StringBuilder();
        sb.append("\"\"\"A network exported by ConvLens as a PyTorch nn.Sequential.\n\n")
                .append("Input: a batch of N x ").append(plan.input().channels()).append(" x ")
                .append(plan.input().height()).append(" x ").append(plan.input().width())
                .append(" float32 tensors; output: N x ").append(String.join(" x ", dims(plan))).append(".\n")
                .append("model = load() builds it and loads the weights from ").append(weightsFile)
                .append(" beside this file\n(the safetensors format, read here without the safetensors package).\n\"\"\"\n\n")
                .append("import json\nimport os\nimport struct\nimport sys\n\nimport torch\nimport torch.nn as nn\n\n")
                .append("WEIGHTS = ").append(pyString(weightsFile)).append("\n\n\n")
                .append("def build():\n    return nn.Sequential(\n");
        List<String> all = new ArrayList<>();
        for (LayerPlan l : plan.layers()) {
            List<String> mods = modules(l);
            for (int j = 0; j < mods.size(); j++) {
                all.add(mods.get(j) + (j == 0 ? "  # layer " + l.index() + ": " + l.type() : ""));
            }
        }
        for (int i = 0; i < all.size(); i++) {
            String m = all.get(i);
            int hash = m.indexOf("  # ");
            String code = hash < 0 ? m : m.substring(0, hash);
            String comment = hash < 0 ? "" : m.substring(hash);
            sb.append("        ").append(code).append(i + 1 < all.size() ? "," : "").append(comment).append('\n');
        }
        sb.append("    )\n\n\n")
                .append("def read_safetensors(path):\n")
                .append("    \"\"\"{name: float32 tensor} from a safetensors file (8-byte little-endian header length,\n")
                .append("    JSON header, raw little-endian data).\"\"\"\n")
                .append("    with open(path, \"rb\") as f:\n        data = f.read()\n")
                .append("    (n,) = struct.unpack(\"<Q\", data[:8])\n")
                .append("    header = json.loads(data[8:8 + n].decode(\"utf-8\"))\n")
                .append("    out = {}\n")
                .append("    for name, info in header.items():\n")
                .append("        if name == \"__metadata__\":\n            continue\n")
                .append("        if info[\"dtype\"] != \"F32\":\n")
                .append("            raise ValueError(\"%s: only F32 tensors are read, not %s\" % (name, info[\"dtype\"]))\n")
                .append("        begin, end = info[\"data_offsets\"]\n")
                .append("        raw = bytearray(data[8 + n + begin:8 + n + end])\n")
                .append("        t = torch.frombuffer(raw, dtype=torch.float32) if raw else torch.zeros(0)\n")
                .append("        if sys.byteorder != \"little\":\n")
                .append("            t = t.view(torch.int32).byteswap().view(torch.float32)\n")
                .append("        out[name] = t.reshape(info[\"shape\"]).clone()\n")
                .append("    return out\n\n\n")
                .append("def load(path=None):\n")
                .append("    model = build()\n")
                .append("    if path is None:\n")
                .append("        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), WEIGHTS)\n")
                .append("    model.load_state_dict(read_safetensors(path))\n")
                .append("    return model.eval()\n\n\n")
                .append("if __name__ == \"__main__\":\n")
                .append("    print(load(sys.argv[1] if len(sys.argv) > 1 else None))\n");
        return sb.toString();
    }

    private static List<String> dims(NetworkPlan plan) {
        List<String> d = new ArrayList<>();
        for (int v : plan.output().dims()) {
            d.add(Integer.toString(v));
        }
        return d;
    }

    /** The modules one layer becomes, as Python expressions. */
    static List<String> modules(LayerPlan l) {
        List<String> m = new ArrayList<>();
        Layer layer = l.layer();
        if (layer instanceof ConvLayer c) {
            conv(l, c.spec(), l.conv(), m);
            activation(c.spec().activation(), m);
            if (c.spec().pool() != null) {
                m.add(pool(c.spec().pool()));
            }
        } else if (layer instanceof ActivationLayer a) {
            m.add(a.activation().type() == Activation.Type.NONE ? "nn.Identity()" : activationModule(a.activation()));
        } else if (layer instanceof PoolLayer p) {
            m.add(pool(p.pool()));
        } else if (layer instanceof FlattenLayer) {
            m.add("nn.Flatten()");
        } else if (layer instanceof LinearLayer lin) {
            m.add("nn.Linear(" + lin.inFeatures() + ", " + lin.outFeatures() + ")");
            activation(lin.activation(), m);
        }
        return m;
    }

    private static void conv(LayerPlan l, ConvSpec s, ConvPlan plan, List<String> m) {
        Kernel k = s.kernel();
        String common = "(" + k.height() + ", " + k.width() + "), stride=(" + s.strideY() + ", " + s.strideX()
                + "), dilation=(" + s.dilationY() + ", " + s.dilationX() + "), groups=" + s.groups();
        if (s.transposed()) {
            org.convlens.engine.Padding p = s.padding();
            if (p.rule() != org.convlens.engine.Padding.Rule.EXPLICIT || !p.isSymmetric()
                    || s.paddingMode() != PaddingMode.ZEROS) {
                throw new NetworkException(l.path() + ".padding", "error.export.transposedPadding");
            }
            m.add("nn.ConvTranspose2d(" + plan.inChannels() + ", " + plan.outChannels() + ", " + common
                    + ", padding=(" + p.top() + ", " + p.left() + "), output_padding=(" + s.outputPaddingY() + ", "
                    + s.outputPaddingX() + "))");
            return;
        }
        int[] p = plan.padding();
        String mode = s.paddingMode().id();
        String pad = "(0, 0)";
        if (p[0] == p[1] && p[2] == p[3]) {
            pad = "(" + p[0] + ", " + p[2] + ")";
        } else {
            String sides = "(" + p[2] + ", " + p[3] + ", " + p[0] + ", " + p[1] + ")";
            switch (s.paddingMode()) {
                case ZEROS -> m.add("nn.ZeroPad2d(" + sides + ")");
                case REFLECT -> m.add("nn.ReflectionPad2d(" + sides + ")");
                case REPLICATE -> m.add("nn.ReplicationPad2d(" + sides + ")");
                default -> throw new NetworkException(l.path() + ".padding", "error.export.circular");
            }
            mode = "zeros";
        }
        m.add("nn.Conv2d(" + plan.inChannels() + ", " + plan.outChannels() + ", " + common + ", padding=" + pad
                + ", padding_mode=" + pyString(mode) + ")");
    }

    private static void activation(Activation a, List<String> m) {
        if (a.type() != Activation.Type.NONE) {
            m.add(activationModule(a));
        }
    }

    private static String activationModule(Activation a) {
        return switch (a.type()) {
            case RELU -> "nn.ReLU()";
            case LEAKY_RELU -> "nn.LeakyReLU(" + pyFloat(a.slope()) + ")";
            case SIGMOID -> "nn.Sigmoid()";
            case TANH -> "nn.Tanh()";
            default -> "nn.Identity()";
        };
    }

    private static String pool(PoolSpec p) {
        String g = "(" + p.kernelHeight() + ", " + p.kernelWidth() + "), stride=(" + p.strideY() + ", " + p.strideX()
                + "), padding=(" + p.padY() + ", " + p.padX() + "), ceil_mode=" + (p.ceilMode() ? "True" : "False");
        return p.type() == PoolSpec.Type.MAX ? "nn.MaxPool2d(" + g + ")"
                : "nn.AvgPool2d(" + g + ", count_include_pad=" + (p.countIncludePad() ? "True" : "False") + ")";
    }

    private static String pyFloat(float v) {
        String s = Numbers.shortest(v);
        return s.contains(".") || s.contains("e") || s.contains("E") ? s : s + ".0";
    }

    private static String pyString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
