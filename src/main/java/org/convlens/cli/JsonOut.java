package org.convlens.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.convlens.engine.CellKind;
import org.convlens.engine.ConvStep;
import org.convlens.engine.PoolStep;
import org.convlens.engine.StepTrace;
import org.convlens.engine.Tensor;
import org.convlens.spec.Numbers;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Writes results as compact one-line JSON: tensors as nested lists, numbers as {@link Numbers#shortest}. */
final class JsonOut implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonGenerator g;

    JsonOut(Writer w) throws IOException {
        this.g = FACTORY.createGenerator(w);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    JsonGenerator generator() {
        return g;
    }

    void number(String field, float v) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(Numbers.shortest(v));
    }

    void tensor(String field, Tensor t) throws IOException {
        g.writeFieldName(field);
        float[] d = t.data();
        g.writeStartArray();
        for (int c = 0; c < t.channels(); c++) {
            g.writeStartArray();
            for (int y = 0; y < t.height(); y++) {
                g.writeStartArray();
                int o = (c * t.height() + y) * t.width();
                for (int x = 0; x < t.width(); x++) {
                    g.writeNumber(Numbers.shortest(d[o + x]));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    void ints(String field, int... v) throws IOException {
        g.writeFieldName(field);
        g.writeArray(v, 0, v.length);
    }

    /**
     * The convolution steps, then the pooling steps, as the trace computes them; with
     * {@code range = [from, to)} only the steps of each kind numbered in that range.
     */
    void trace(StepTrace trace, long[] range) throws IOException {
        long from = range == null ? 0 : range[0];
        long to = range == null ? Long.MAX_VALUE : range[1];
        boolean transposed = trace.plan().spec().transposed();
        g.writeArrayFieldStart("steps");
        for (long i = from; i < Math.min(to, trace.convSteps()); i++) {
            ConvStep s = trace.convStep(i);
            g.writeStartObject();
            g.writeNumberField("step", s.index());
            ints("out", s.outChannel(), s.outY(), s.outX());
            g.writeArrayFieldStart("terms");
            for (ConvStep.Term t : s.terms()) {
                g.writeStartObject();
                ints("in", t.inChannel(), t.y(), t.x());
                ints("k", t.slice(), t.ky(), t.kx());
                g.writeStringField("cell", t.kind().name().toLowerCase(Locale.ROOT));
                // "from": the input cell a padding cell copies, and for a transposed convolution the
                // input cell at this position of the zero-inserted grid (its coordinates differ).
                if (t.sourceY() >= 0 && t.sourceX() >= 0 && (transposed || t.kind() != CellKind.INPUT)) {
                    ints("from", t.sourceY(), t.sourceX());
                }
                number("value", t.value());
                number("weight", t.weight());
                number("product", t.product());
                number("sum", t.runningSum());
                g.writeEndObject();
            }
            g.writeEndArray();
            number("sum", s.sum());
            number("bias", s.bias());
            number("pre_activation", s.preActivation());
            number("output", s.output());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (trace.poolSteps() > 0) {
            g.writeArrayFieldStart("pool_steps");
            for (long i = from; i < Math.min(to, trace.poolSteps()); i++) {
                PoolStep p = trace.poolStep(i);
                g.writeStartObject();
                g.writeNumberField("step", p.index());
                ints("out", p.channel(), p.outY(), p.outX());
                g.writeArrayFieldStart("window");
                for (PoolStep.Cell c : p.cells()) {
                    g.writeStartObject();
                    ints("at", c.y(), c.x());
                    if (c.padding()) {
                        g.writeBooleanField("padding", true);
                    } else {
                        number("value", c.value());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (p.chosen() >= 0) {
                    g.writeNumberField("chosen", p.chosen());
                } else {
                    number("sum", p.sum());
                    g.writeNumberField("divisor", p.divisor());
                }
                number("output", p.output());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
