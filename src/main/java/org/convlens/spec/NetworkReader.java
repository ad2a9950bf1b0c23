package org.convlens.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.Activation;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.network.ActivationLayer;
import org.convlens.network.ConvLayer;
import org.convlens.network.FlattenLayer;
import org.convlens.network.Layer;
import org.convlens.network.LinearLayer;
import org.convlens.network.Network;
import org.convlens.network.NetworkException;
import org.convlens.network.PoolLayer;
import org.convlens.network.Shape;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a network file, {@code {"input": H x W or C x H x W, "layers": [...]}}. A layer's
 * {@code "type"} is {@code conv} (the default: a single-layer spec without its input, read by
 * {@link SpecReader#settings}), {@code activation} ({@code "activation"}), {@code pool}
 * ({@code "pool"}, as in a spec), {@code flatten}, or {@code linear} ({@code "weight"}: out x in
 * nested lists, {@code "bias"}: one number or one per output, {@code "activation"}). Every problem
 * is a {@link SpecException} naming the field under its layer, {@code $.layers[2].kernel}; whether
 * the layers fit together is {@link org.convlens.network.NetworkPlan}'s to say.
 */
public final class NetworkReader {
    /** Fields of a network file. */
    public static final List<String> FIELDS = List.of("input", "layers");
    /** Layer types, the first the default. */
    public static final List<String> TYPES = List.of("conv", "activation", "pool", "flatten", "linear");
    private static final List<String> CONV_FIELDS = convFields();
    private static final List<String> ACTIVATION_FIELDS = List.of("type", "activation");
    private static final List<String> POOL_FIELDS = List.of("type", "pool");
    private static final List<String> FLATTEN_FIELDS = List.of("type");
    private static final List<String> LINEAR_FIELDS = List.of("type", "weight", "bias", "activation");

    private NetworkReader() {
    }

    private static List<String> convFields() {
        List<String> f = new ArrayList<>(List.of("type"));
        SpecReader.FIELDS.stream().filter(n -> !n.equals("input")).forEach(f::add);
        return List.copyOf(f);
    }

    /** Reads a network file (a missing, binary or folder path is reported on {@code $}). */
    public static NetworkProblem read(Path file) throws IOException {
        return read(SpecReader.parseJson(SpecReader.readText(file)));
    }

    public static NetworkProblem read(InputStream in) throws IOException {
        return read(SpecReader.parseJson(SpecText.decode(in.readAllBytes())));
    }

    public static NetworkProblem read(String json) {
        return read(SpecReader.parseJson(json));
    }

    /** Reads a parsed network file: {@code input} and {@code layers} are required. */
    public static NetworkProblem read(JsonNode root) {
        ObjectNode o = SpecReader.object(root, "$");
        SpecReader.checkNames(o, "$", FIELDS);
        Tensor input = SpecReader.tensor(SpecReader.required(o, "input", "$"), "$.input");
        Shape shape = Shape.of(input.channels(), input.height(), input.width());
        return new NetworkProblem(input, new Network(shape, layers(SpecReader.required(o, "layers", "$"), "$.layers")));
    }

    /** The layers of a {@code "layers"} list at {@code path}. */
    public static List<Layer> layers(JsonNode n, String path) {
        if (!(n instanceof ArrayNode a)) {
            throw new SpecException(path, "error.type.list", SpecReader.kind(n));
        }
        List<Layer> layers = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            layers.add(layer(a.get(i), path + "[" + i + "]"));
        }
        return layers;
    }

    /** One layer object at {@code path}. */
    public static Layer layer(JsonNode n, String path) {
        ObjectNode o = SpecReader.object(n, path);
        String type = o.has("type") ? SpecReader.text(o.get("type"), path + ".type") : "conv";
        try {
            switch (type) {
                case "conv":
                    SpecReader.checkNames(o, path, CONV_FIELDS);
                    return new ConvLayer(SpecReader.settings(o, path));
                case "activation":
                    SpecReader.checkNames(o, path, ACTIVATION_FIELDS);
                    return new ActivationLayer(SpecReader.activation(SpecReader.required(o, "activation", path),
                            path + ".activation"));
                case "pool":
                    SpecReader.checkNames(o, path, POOL_FIELDS);
                    return new PoolLayer(SpecReader.pool(SpecReader.required(o, "pool", path), path + ".pool"));
                case "flatten":
                    SpecReader.checkNames(o, path, FLATTEN_FIELDS);
                    return new FlattenLayer();
                case "linear":
                    SpecReader.checkNames(o, path, LINEAR_FIELDS);
                    return linear(o, path);
                default:
                    throw SpecReader.unknown(path + ".type", type, String.join(", ", TYPES));
            }
        } catch (SpecException e) {
            // The engine's value types name their field from a spec's root ($.pool.padding).
            throw e.field().startsWith(path) ? e : e.under(path);
        }
    }

    private static LinearLayer linear(ObjectNode o, String path) {
        String wp = path + ".weight";
        JsonNode w = SpecReader.required(o, "weight", path);
        if (!w.isArray() || w.size() == 0 || !w.get(0).isArray() || w.get(0).size() == 0
                || w.get(0).get(0).isArray()) {
            throw new NetworkException(wp, "error.linear.weightShape");
        }
        Tensor t = SpecReader.tensor(w, wp);
        int out = t.height();
        int in = t.width();
        float[] bias = new float[out];
        JsonNode b = o.get("bias");
        if (b != null && b.isArray()) {
            if (b.size() != out) {
                throw new NetworkException(path + ".bias", "error.linear.biasLength", b.size(), out);
            }
            for (int i = 0; i < out; i++) {
                bias[i] = SpecReader.number(b.get(i), path + ".bias[" + i + "]");
            }
        } else if (b != null) {
            java.util.Arrays.fill(bias, SpecReader.number(b, path + ".bias"));
        }
        JsonNode a = o.get("activation");
        Activation act = a == null ? Activation.NONE : SpecReader.activation(a, path + ".activation");
        return new LinearLayer(out, in, t.data(), bias, act);
    }
}
