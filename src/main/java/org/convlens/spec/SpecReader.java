package org.convlens.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.io.InputFiles;
import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Messages;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON spec the command line and saved scenarios use, with PyTorch's field names.
 * Every problem becomes a {@link SpecException} naming the field as a JSON path
 * ({@code $.kernel[1][2]}) and saying what is wrong; nothing is guessed or silently dropped.
 */
public final class SpecReader {
    /** Fields a spec may have; any other name is reported (a typo such as "strides"). */
    public static final List<String> FIELDS = List.of("input", "kernel", "bias", "stride", "padding", "padding_mode",
            "dilation", "groups", "flip", "activation", "pool", "transposed", "output_padding");
    private static final Set<String> POOL_FIELDS = Set.of("type", "size", "stride", "padding", "ceil_mode",
            "count_include_pad");
    private static final Set<String> ACTIVATION_FIELDS = Set.of("type", "slope");

    /**
     * Limits well above any spec (five levels of lists, short names) and well below what costs
     * memory: a 25 MB string or a thousand nested lists is refused while it is read.
     */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64).maxStringLength(100_000).maxNameLength(1000).maxNumberLength(1000).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SpecReader() {
    }

    /**
     * Parses JSON text into a tree. A syntax error is reported with its line and column and what
     * is wrong in the user's words ({@link JsonProblems}), never the parser's own.
     */
    public static JsonNode parseJson(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as some editors write
        }
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(text);
            JsonNode n = MAPPER.readTree(parser);
            if (n == null || n.isMissingNode()) {
                throw new SpecException("$", "error.json.empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e, parser == null ? null : parser.currentLocation());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a String has no I/O to fail
        }
    }

    /**
     * Reads a spec file: the input and the settings. The text may be UTF-8 (with or without a
     * byte-order mark), UTF-16 or UTF-32 (with a mark, or recognisable from its first bytes, as
     * JSON allowed); anything else is refused saying what it is ({@link SpecText}).
     */
    public static Problem read(Path file) throws IOException {
        return read(parseJson(readText(file)));
    }

    /**
     * A JSON file's text, decoded as {@link #read(Path)} says; a missing file or a folder as a
     * {@link SpecException} on {@code $}.
     */
    static String readText(Path file) throws IOException {
        byte[] bytes;
        try {
            // Only a regular file of at most TEXT_LIMIT bytes: a pipe or a device is refused, never waited on.
            bytes = InputFiles.readBytes(file, InputFiles.TEXT_LIMIT);
        } catch (NoSuchFileException e) {
            throw new SpecException("$", "error.file.missing");
        } catch (java.io.IOException e) {
            if (Files.isDirectory(file)) {
                throw new SpecException("$", "error.file.folder");
            }
            throw e;
        }
        return SpecText.decode(bytes);
    }

    public static Problem read(InputStream in) throws IOException {
        return read(parseJson(SpecText.decode(in.readAllBytes())));
    }

    public static Problem read(String json) {
        return read(parseJson(json));
    }

    /** Reads a parsed spec: {@code input} is required, as is {@code kernel}. */
    public static Problem read(JsonNode root) {
        ObjectNode o = object(root, "$");
        checkNames(o, "$", FIELDS);
        Tensor input = tensor(required(o, "input", "$"), "$.input");
        return new Problem(input, settings(o, "$"));
    }

    /** Reads the settings (every field but {@code input}) of an object at {@code path}. */
    public static ConvSpec settings(ObjectNode o, String path) {
        Kernel kernel = kernel(required(o, "kernel", path), path + ".kernel");
        ConvSpec.Builder b = ConvSpec.builder(kernel);
        JsonNode n;
        float[] bias = null;
        if ((n = o.get("bias")) != null) {
            bias = bias(n, path + ".bias");
        }
        if ((n = o.get("stride")) != null) {
            int[] s = pair(n, path + ".stride", 1);
            b.stride(s[0], s[1]);
        }
        if ((n = o.get("dilation")) != null) {
            int[] d = pair(n, path + ".dilation", 1);
            b.dilation(d[0], d[1]);
        }
        if ((n = o.get("padding")) != null) {
            b.padding(padding(n, path + ".padding"));
        }
        if ((n = o.get("padding_mode")) != null) {
            String id = text(n, path + ".padding_mode");
            PaddingMode m = PaddingMode.fromId(id);
            if (m == null) {
                throw unknown(path + ".padding_mode", id, "zeros, reflect, replicate, circular");
            }
            b.paddingMode(m);
        }
        if ((n = o.get("groups")) != null) {
            b.groups(whole(n, path + ".groups", 1));
        }
        if ((n = o.get("flip")) != null) {
            b.flip(bool(n, path + ".flip"));
        }
        if ((n = o.get("activation")) != null) {
            b.activation(activation(n, path + ".activation"));
        }
        if ((n = o.get("pool")) != null && !n.isNull()) {
            b.pool(pool(n, path + ".pool"));
        }
        if ((n = o.get("transposed")) != null) {
            b.transposed(bool(n, path + ".transposed"));
        }
        if ((n = o.get("output_padding")) != null) {
            int[] p = pair(n, path + ".output_padding", 0);
            b.outputPadding(p[0], p[1]);
        }
        ConvSpec spec = b.build();
        if (bias != null && o.get("bias").isNumber()) {
            // one number: the same bias for every output channel the kernel gives
            float v = bias[0];
            bias = new float[spec.outChannels()];
            java.util.Arrays.fill(bias, v);
        }
        return bias == null ? spec : spec.toBuilder().bias(bias).build();
    }

    static void checkNames(ObjectNode o, String path, java.util.Collection<String> allowed) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new SpecException(path + "." + JsonProblems.shorten(name), "error.field.unknown",
                        JsonProblems.shorten(name), String.join(", ", allowed));
            }
        }
    }

    static ObjectNode object(JsonNode n, String path) {
        if (!(n instanceof ObjectNode o)) {
            throw new SpecException(path, "error.type.object", kind(n));
        }
        return o;
    }

    static JsonNode required(ObjectNode o, String name, String path) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            throw new SpecException(path + "." + name, "error.field.missing", name);
        }
        return n;
    }

    /** What a value is, in the words of the message's language: "a list", "text \"abc\"", "number 1.5". */
    static Messages.Phrase kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return Messages.phrase("kind.null");
        }
        if (n.isTextual()) {
            return Messages.phrase("kind.text", JsonProblems.shorten(n.asText()));
        }
        if (n.isBoolean()) {
            return Messages.phrase("kind.boolean", n.asText());
        }
        if (n.isNumber()) {
            return Messages.phrase("kind.number", JsonProblems.shorten(n.asText()));
        }
        if (n.isArray()) {
            return Messages.phrase("kind.list");
        }
        return Messages.phrase("kind.object");
    }

    static float number(JsonNode n, String path) {
        if (!n.isNumber()) {
            throw new SpecException(path, "error.type.number", kind(n));
        }
        double d = n.doubleValue();
        float f = (float) d;
        if (!Float.isFinite(f)) {
            throw new SpecException(path, "error.number.range", JsonProblems.shorten(n.asText()));
        }
        return f;
    }

    private static int whole(JsonNode n, String path, int min) {
        if (!n.isNumber()) {
            throw new SpecException(path, "error.type.whole", kind(n));
        }
        double d = n.doubleValue();
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw new SpecException(path, "error.number.whole", JsonProblems.shorten(n.asText()));
        }
        if (d < min) {
            throw new SpecException(path, min == 0 ? "error.number.negative" : "error.atLeastOne", JsonProblems.shorten(n.asText()));
        }
        if (d > 1 << 20) {
            throw new SpecException(path, "error.number.huge", JsonProblems.shorten(n.asText()), 1 << 20);
        }
        return (int) d;
    }

    private static boolean bool(JsonNode n, String path) {
        if (!n.isBoolean()) {
            throw new SpecException(path, "error.type.boolean", kind(n));
        }
        return n.booleanValue();
    }

    static String text(JsonNode n, String path) {
        if (!n.isTextual()) {
            throw new SpecException(path, "error.type.text", kind(n));
        }
        return n.textValue();
    }

    static SpecException unknown(String path, String value, String choices) {
        return new SpecException(path, "error.name.unknown", JsonProblems.shorten(value), choices);
    }

    /** One whole number for both axes, or {@code [y, x]}. */
    private static int[] pair(JsonNode n, String path, int min) {
        if (n.isArray()) {
            if (n.size() != 2) {
                throw new SpecException(path, "error.pair.length", n.size());
            }
            return new int[] {whole(n.get(0), path + "[0]", min), whole(n.get(1), path + "[1]", min)};
        }
        int v = whole(n, path, min);
        return new int[] {v, v};
    }

    private static Padding padding(JsonNode n, String path) {
        if (n.isTextual()) {
            switch (n.textValue()) {
                case "valid":
                    return Padding.VALID;
                case "same":
                    return Padding.SAME;
                case "full":
                    return Padding.FULL;
                default:
                    throw unknown(path, n.textValue(), "valid, same, full, a number, [ph, pw], [top, bottom, left, right]");
            }
        }
        if (n.isArray()) {
            if (n.size() == 2) {
                return Padding.of(whole(n.get(0), path + "[0]", 0), whole(n.get(1), path + "[1]", 0));
            }
            if (n.size() == 4) {
                return Padding.of(whole(n.get(0), path + "[0]", 0), whole(n.get(1), path + "[1]", 0),
                        whole(n.get(2), path + "[2]", 0), whole(n.get(3), path + "[3]", 0));
            }
            throw new SpecException(path, "error.padding.length", n.size());
        }
        return Padding.of(whole(n, path, 0));
    }

    static Activation activation(JsonNode n, String path) {
        String type;
        Float slope = null;
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            checkNames(o, path, ACTIVATION_FIELDS);
            type = text(required(o, "type", path), path + ".type");
            if (o.get("slope") != null) {
                slope = number(o.get("slope"), path + ".slope");
            }
            path = path + ".type";
        } else {
            type = text(n, path);
        }
        Activation.Type t = Activation.Type.fromId(type);
        if (t == null) {
            throw unknown(path, type, "none, relu, leaky_relu, sigmoid, tanh");
        }
        if (t == Activation.Type.LEAKY_RELU) {
            return Activation.leakyRelu(slope == null ? Activation.DEFAULT_SLOPE : slope);
        }
        if (slope != null) {
            throw new SpecException(path.replace(".type", ".slope"), "error.slope.notLeaky", type);
        }
        return Activation.of(t);
    }

    static PoolSpec pool(JsonNode n, String path) {
        ObjectNode o = object(n, path);
        checkNames(o, path, POOL_FIELDS);
        String id = text(required(o, "type", path), path + ".type");
        PoolSpec.Type t = PoolSpec.Type.fromId(id);
        if (t == null) {
            throw unknown(path + ".type", id, "max, avg");
        }
        int[] size = pair(required(o, "size", path), path + ".size", 1);
        int[] stride = o.get("stride") == null || o.get("stride").isNull() ? size : pair(o.get("stride"), path + ".stride", 1);
        int[] pad = o.get("padding") == null ? new int[2] : pair(o.get("padding"), path + ".padding", 0);
        boolean ceil = o.get("ceil_mode") != null && bool(o.get("ceil_mode"), path + ".ceil_mode");
        boolean include = o.get("count_include_pad") == null || bool(o.get("count_include_pad"), path + ".count_include_pad");
        if (t == PoolSpec.Type.MAX && o.get("count_include_pad") != null) {
            throw new SpecException(path + ".count_include_pad", "error.pool.countIncludePadMax");
        }
        return new PoolSpec(t, size[0], size[1], stride[0], stride[1], pad[0], pad[1], ceil, include);
    }

    /** A list of biases, or one number (as a list of one, spread over the channels once they are known). */
    private static float[] bias(JsonNode n, String path) {
        if (n.isArray()) {
            float[] b = new float[n.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = number(n.get(i), path + "[" + i + "]");
            }
            return b;
        }
        return new float[] {number(n, path)};
    }

    /** An H x W or C x H x W nested array of finite numbers, every row the same length. */
    public static Tensor tensor(JsonNode n, String path) {
        int depth = depth(n, path);
        if (depth == 2) {
            float[][] rows = matrix(n, path, -1);
            return Tensor.of(rows);
        }
        if (depth == 3) {
            int c = n.size();
            float[][] first = matrix(n.get(0), path + "[0]", -1);
            int h = first.length;
            int w = first[0].length;
            float[] data = new float[Math.multiplyExact(Math.multiplyExact(c, h), w)];
            for (int ch = 0; ch < c; ch++) {
                float[][] m = ch == 0 ? first : matrix(n.get(ch), path + "[" + ch + "]", h, w);
                for (int y = 0; y < h; y++) {
                    System.arraycopy(m[y], 0, data, (ch * h + y) * w, w);
                }
            }
            return new Tensor(c, h, w, data);
        }
        throw new SpecException(path, "error.tensor.depth", depth);
    }

    /** A kh x kw or d0 x d1 x kh x kw nested array. */
    public static Kernel kernel(JsonNode n, String path) {
        int depth = depth(n, path);
        if (depth == 2) {
            Tensor t = tensor(n, path);
            return new Kernel(1, 1, t.height(), t.width(), t.data());
        }
        if (depth == 4) {
            int d0 = n.size();
            int d1 = -1;
            int kh = -1;
            int kw = -1;
            float[] data = null;
            for (int i = 0; i < d0; i++) {
                JsonNode slice = n.get(i);
                String p = path + "[" + i + "]";
                if (!slice.isArray() || slice.size() == 0) {
                    throw new SpecException(p, "error.tensor.ragged", slice.size(), d1);
                }
                if (d1 < 0) {
                    d1 = slice.size();
                } else if (slice.size() != d1) {
                    throw new SpecException(p, "error.tensor.ragged", slice.size(), d1);
                }
                for (int j = 0; j < d1; j++) {
                    float[][] m = matrix(slice.get(j), p + "[" + j + "]", kh, kw);
                    if (data == null) {
                        kh = m.length;
                        kw = m[0].length;
                        data = new float[Math.multiplyExact(Math.multiplyExact(d0, d1), kh * kw)];
                    }
                    for (int y = 0; y < kh; y++) {
                        System.arraycopy(m[y], 0, data, ((i * d1 + j) * kh + y) * kw, kw);
                    }
                }
            }
            return new Kernel(d0, d1, kh, kw, data);
        }
        throw new SpecException(path, "error.kernel.depth", depth);
    }

    private static int depth(JsonNode n, String path) {
        int d = 0;
        JsonNode cur = n;
        String p = path;
        while (cur.isArray()) {
            if (cur.size() == 0) {
                throw new SpecException(p, "error.tensor.emptyList");
            }
            cur = cur.get(0);
            p = p + "[0]";
            d++;
        }
        if (d == 0) {
            throw new SpecException(path, "error.type.list", kind(n));
        }
        if (!cur.isNumber()) {
            throw new SpecException(p, "error.type.number", kind(cur));
        }
        return d;
    }

    private static float[][] matrix(JsonNode n, String path, int h) {
        return matrix(n, path, h, -1);
    }

    /** Rows of numbers; {@code h}, {@code w} the expected size or -1 to take the first row's. */
    private static float[][] matrix(JsonNode n, String path, int h, int w) {
        if (!n.isArray() || n.size() == 0) {
            throw new SpecException(path, n.isArray() ? "error.tensor.emptyList" : "error.type.list", kind(n));
        }
        if (h >= 0 && n.size() != h) {
            throw new SpecException(path, "error.tensor.rows", n.size(), h);
        }
        float[][] rows = new float[n.size()][];
        for (int y = 0; y < rows.length; y++) {
            JsonNode row = n.get(y);
            String rp = path + "[" + y + "]";
            if (!row.isArray()) {
                throw new SpecException(rp, "error.type.list", kind(row));
            }
            int want = y == 0 ? w : rows[0].length;
            if (row.size() == 0) {
                throw new SpecException(rp, "error.tensor.emptyList");
            }
            if (want >= 0 && row.size() != want) {
                throw new SpecException(rp, "error.tensor.ragged", row.size(), want);
            }
            rows[y] = new float[row.size()];
            for (int x = 0; x < row.size(); x++) {
                rows[y][x] = number(row.get(x), rp + "[" + x + "]");
            }
        }
        return rows;
    }

    /** Used by tests and the lesson loader: the field names of an object in order. */
    static List<String> names(ObjectNode o) {
        List<String> out = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            out.add(it.next().getKey());
        }
        return out;
    }
}
