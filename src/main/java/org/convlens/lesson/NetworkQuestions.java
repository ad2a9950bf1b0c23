package org.convlens.lesson;

import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Node;
import org.convlens.network.ConvLayer;
import org.convlens.network.LayerPlan;
import org.convlens.network.LinearLayer;
import org.convlens.network.NetworkPlan;
import org.convlens.network.ReceptiveField;
import org.convlens.network.Shape;

import java.util.Map;
import java.util.Set;

/**
 * Questions about a network a step shows, their answers computed from its {@link NetworkPlan}:
 * {@code shape} (a layer's output shape), {@code count} of {@code parameters}, {@code weights},
 * {@code multiplications} (multiply-adds), {@code receptive_field} (rows of the input one output
 * cell depends on) or {@code values}. {@code layer: L} (1-based, as the Network tab numbers them)
 * asks about layer L's output; without it, about the whole network (totals, the final output).
 */
final class NetworkQuestions {
    static final Map<String, Set<String>> KEYS = Map.of(
            "shape", Set.of("layer", "channels", "answer"),
            "count", Set.of("of", "layer", "answer"),
            "choice", Set.of("options", "check"));

    private final Report r;
    private final LessonNetwork net;

    NetworkQuestions(Report r, LessonNetwork net) {
        this.r = r;
        this.net = net;
    }

    /** A {@code shape} or {@code count} question, or null after reporting. */
    Question read(String type, Mapping m, Localized<RichText> ask, Localized<RichText> hint,
                  Localized<RichText> explain) {
        NetworkPlan plan = net.plan();
        LayerPlan layer = null;
        Node ln = m.value("layer");
        if (ln != null) {
            Integer l = Keys.whole(ln, 1, plan.layers().size(), r);
            if (l == null) {
                return null;
            }
            layer = plan.layer(l - 1);
        }
        int number = layer == null ? plan.layers().size() : layer.index() + 1;
        if (type.equals("shape")) {
            Shape s = layer == null ? plan.output() : layer.out();
            if (s.flat()) {
                r.error(ln == null ? m.line() : ln.line(), "error.network.shapeOfVector", number, s.channels());
                return null;
            }
            return Questions.shape(m, ask, hint, explain, new int[] {s.channels(), s.height(), s.width()}, r);
        }
        Node ofNode = m.value("of");
        if (ofNode == null) {
            r.error(m.line(), "error.key.missing", "of");
            return null;
        }
        String of = Keys.name(ofNode, r);
        Question.Counted counted = of == null ? null : Question.Counted.fromId(of);
        if (counted == null) {
            if (of != null) {
                r.error(ofNode.line(), "error.question.countOf", of,
                        "parameters, weights, multiplications, receptive_field, values");
            }
            return null;
        }
        Long expected = switch (counted) {
            case PARAMETERS -> layer == null ? plan.parameters() : layer.params();
            case WEIGHTS -> layer == null ? plan.layers().stream().mapToLong(NetworkQuestions::weights).sum()
                    : weights(layer);
            case MULTIPLICATIONS -> layer == null ? plan.macs() : layer.macs();
            case VALUES -> layer == null ? plan.output().size() : layer.out().size();
            case RECEPTIVE_FIELD -> field(layer == null ? plan.maps().get(plan.maps().size() - 1).field()
                    : layer.field(), number, ln == null ? ofNode.line() : ln.line());
        };
        if (expected == null) {
            return null;
        }
        return Questions.stated(new Question.Count(ask, hint, explain, counted, expected), m, r);
    }

    /** A layer's weights: its parameters without the biases. */
    private static long weights(LayerPlan l) {
        if (l.layer() instanceof ConvLayer c) {
            return c.spec().kernel().size();
        }
        if (l.layer() instanceof LinearLayer lin) {
            return (long) lin.inFeatures() * lin.outFeatures();
        }
        return 0;
    }

    /** The field's size, the same along rows and columns; null after reporting. */
    private Long field(ReceptiveField f, int layer, int line) {
        if (f == null) {
            r.error(line, "error.network.noField", layer);
            return null;
        }
        if (f.rows().size() != f.cols().size()) {
            r.error(line, "error.network.fieldNotSquare", layer, f.rows().size(), f.cols().size());
            return null;
        }
        return f.rows().size();
    }
}
