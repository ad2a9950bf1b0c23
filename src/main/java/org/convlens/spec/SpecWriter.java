package org.convlens.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Tensor;

import java.math.BigDecimal;

/**
 * Writes a spec as the JSON {@link SpecReader} reads: a saved scenario, the CLI's input.
 * Fields at their default are left out; {@code read(write(p))} gives back the same problem.
 */
public final class SpecWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpecWriter() {
    }

    /** The problem as pretty JSON text. */
    public static String toJson(Problem p) {
        try {
            return MAPPER.writeValueAsString(toTree(p)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toTree(Problem p) {
        ObjectNode o = F.objectNode();
        o.set("input", tensor(p.input()));
        settings(p.spec(), o);
        return o;
    }

    /** Adds the settings of {@code s} to {@code o}. */
    public static ObjectNode settings(ConvSpec s, ObjectNode o) {
        o.set("kernel", kernel(s.kernel()));
        if (s.bias() != null) {
            ArrayNode b = o.putArray("bias");
            for (float v : s.bias()) {
                b.add(number(v));
            }
        }
        pair(o, "stride", s.strideY(), s.strideX(), 1);
        Padding p = s.padding();
        if (p.rule() != Padding.Rule.EXPLICIT) {
            if (p.rule() != Padding.Rule.VALID) {
                o.put("padding", p.rule().id());
            }
        } else if (p.top() == p.bottom() && p.left() == p.right()) {
            pair(o, "padding", p.top(), p.left(), 0);
        } else {
            o.putArray("padding").add(p.top()).add(p.bottom()).add(p.left()).add(p.right());
        }
        if (s.paddingMode() != PaddingMode.ZEROS) {
            o.put("padding_mode", s.paddingMode().id());
        }
        pair(o, "dilation", s.dilationY(), s.dilationX(), 1);
        if (s.groups() != 1) {
            o.put("groups", s.groups());
        }
        if (s.flip()) {
            o.put("flip", true);
        }
        Activation a = s.activation();
        if (a.type() == Activation.Type.LEAKY_RELU && a.slope() != Activation.DEFAULT_SLOPE) {
            o.putObject("activation").put("type", a.type().id()).set("slope", number(a.slope()));
        } else if (a.type() != Activation.Type.NONE) {
            o.put("activation", a.type().id());
        }
        PoolSpec q = s.pool();
        if (q != null) {
            ObjectNode po = o.putObject("pool");
            po.put("type", q.type().id());
            forcePair(po, "size", q.kernelHeight(), q.kernelWidth());
            if (q.strideY() != q.kernelHeight() || q.strideX() != q.kernelWidth()) {
                forcePair(po, "stride", q.strideY(), q.strideX());
            }
            pair(po, "padding", q.padY(), q.padX(), 0);
            if (q.ceilMode()) {
                po.put("ceil_mode", true);
            }
            if (!q.countIncludePad()) {
                po.put("count_include_pad", false);
            }
        }
        if (s.transposed()) {
            o.put("transposed", true);
            pair(o, "output_padding", s.outputPaddingY(), s.outputPaddingX(), 0);
        }
        return o;
    }

    private static void pair(ObjectNode o, String name, int y, int x, int dflt) {
        if (y == dflt && x == dflt) {
            return;
        }
        forcePair(o, name, y, x);
    }

    private static void forcePair(ObjectNode o, String name, int y, int x) {
        if (y == x) {
            o.put(name, y);
        } else {
            o.putArray(name).add(y).add(x);
        }
    }

    /**
     * A number node that prints as the shortest text reading back as the same float32
     * ({@link Numbers#shortest}); negative zero as {@code -0.0} (a JSON reader takes {@code -0}
     * for the integer 0 and loses the sign).
     */
    public static JsonNode number(float v) {
        if (Float.floatToRawIntBits(v) == Float.floatToRawIntBits(-0f)) {
            return F.numberNode(-0.0);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7f) {
            return F.numberNode((long) v);
        }
        return F.numberNode(new BigDecimal(Numbers.shortest(v)));
    }

    /** H x W for one channel, C x H x W otherwise. */
    public static ArrayNode tensor(Tensor t) {
        if (t.channels() == 1) {
            return matrix(t.data(), 0, t.height(), t.width());
        }
        ArrayNode a = F.arrayNode();
        for (int c = 0; c < t.channels(); c++) {
            a.add(matrix(t.data(), c * t.planeSize(), t.height(), t.width()));
        }
        return a;
    }

    /** kh x kw for a single 1 x 1 slice, the full four dimensions otherwise. */
    public static ArrayNode kernel(Kernel k) {
        int plane = k.height() * k.width();
        if (k.dim0() == 1 && k.dim1() == 1) {
            return matrix(k.data(), 0, k.height(), k.width());
        }
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < k.dim0(); i++) {
            ArrayNode b = a.addArray();
            for (int j = 0; j < k.dim1(); j++) {
                b.add(matrix(k.data(), (i * k.dim1() + j) * plane, k.height(), k.width()));
            }
        }
        return a;
    }

    private static ArrayNode matrix(float[] d, int off, int h, int w) {
        ArrayNode rows = F.arrayNode();
        for (int y = 0; y < h; y++) {
            ArrayNode r = rows.addArray();
            for (int x = 0; x < w; x++) {
                r.add(number(d[off + y * w + x]));
            }
        }
        return rows;
    }
}
