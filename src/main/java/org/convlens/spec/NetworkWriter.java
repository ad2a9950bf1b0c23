package org.convlens.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.Activation;
import org.convlens.network.ActivationLayer;
import org.convlens.network.ConvLayer;
import org.convlens.network.FlattenLayer;
import org.convlens.network.Layer;
import org.convlens.network.LinearLayer;
import org.convlens.network.PoolLayer;

/**
 * A network file as {@link NetworkReader} reads it: {@code "input"} and {@code "layers"}, each
 * conv layer with the settings a single-layer spec writes ({@link SpecWriter#settings}), numbers as
 * their shortest float32 text. Reading it back gives the same network.
 */
public final class NetworkWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetworkWriter() {
    }

    public static String toJson(NetworkProblem p) {
        try {
            return MAPPER.writeValueAsString(toTree(p)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toTree(NetworkProblem p) {
        ObjectNode o = F.objectNode();
        o.set("input", SpecWriter.tensor(p.input()));
        ArrayNode layers = o.putArray("layers");
        for (Layer l : p.network().layers()) {
            layers.add(layer(l));
        }
        return o;
    }

    private static ObjectNode layer(Layer l) {
        ObjectNode o = F.objectNode();
        if (l instanceof ConvLayer c) {
            SpecWriter.settings(c.spec(), o);
        } else if (l instanceof ActivationLayer a) {
            o.put("type", a.type());
            activation(o, a.activation());
        } else if (l instanceof PoolLayer p) {
            o.put("type", p.type());
            // The pool object as a conv layer's "pool" writes it.
            ObjectNode tmp = F.objectNode();
            SpecWriter.settings(org.convlens.engine.ConvSpec.builder(new org.convlens.engine.Kernel(1, 1, 1, 1,
                    new float[] {1})).pool(p.pool()).build(), tmp);
            o.set("pool", tmp.get("pool"));
        } else if (l instanceof FlattenLayer f) {
            o.put("type", f.type());
        } else if (l instanceof LinearLayer lin) {
            o.put("type", lin.type());
            ArrayNode w = o.putArray("weight");
            for (int r = 0; r < lin.outFeatures(); r++) {
                ArrayNode row = w.addArray();
                for (int i = 0; i < lin.inFeatures(); i++) {
                    row.add(SpecWriter.number(lin.weight(r, i)));
                }
            }
            ArrayNode b = o.putArray("bias");
            for (float v : lin.bias()) {
                b.add(SpecWriter.number(v));
            }
            activation(o, lin.activation());
        }
        return o;
    }

    private static void activation(ObjectNode o, Activation a) {
        if (a.type() == Activation.Type.LEAKY_RELU && a.slope() != Activation.DEFAULT_SLOPE) {
            o.putObject("activation").put("type", a.type().id()).set("slope", SpecWriter.number(a.slope()));
        } else if (a.type() != Activation.Type.NONE || o.has("type") && o.get("type").asText().equals("activation")) {
            o.put("activation", a.type().id());
        }
    }
}
