package org.convlens.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Scalar;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;

import java.util.HashMap;
import java.util.Map;

/**
 * A step's {@code state}: the keys of a {@code compute} spec, applied over the state of the step
 * before. The result goes through {@link SpecReader} and the engine exactly as the command line's
 * would, and an engine complaint is reported at the line of the field it names.
 */
final class StateReader {
    /** Steps whose output has more values than this are refused: a lesson step is for looking at. */
    static final long MAX_OUTPUT_VALUES = 1L << 22;
    /** Steps needing more multiply-adds than this are refused, so a lesson never hangs the app. */
    static final long MAX_WORK = 1L << 28;

    private StateReader() {
    }

    /**
     * A state being built: the spec tree and the line of each JSON path in it.
     *
     * @param spec the spec so far (not changed by {@link #apply})
     * @param lines the line of each JSON path
     */
    record Built(ObjectNode spec, Map<String, Integer> lines) {
        static final Built EMPTY = new Built(JsonNodeFactory.instance.objectNode(), Map.of());
    }

    /**
     * {@code base} with the keys of {@code changes} set ({@code null} removes a key, giving it its default).
     *
     * @param withInput whether {@code input} may be changed (not in a photo's settings)
     * @return the new state, or null after reporting a problem
     */
    static Built apply(Built base, Mapping changes, boolean withInput, Report r) {
        java.util.List<String> allowed = withInput ? SpecReader.FIELDS
                : SpecReader.FIELDS.stream().filter(f -> !f.equals("input")).toList();
        boolean ok = Keys.check(changes, allowed, withInput ? "error.key.state" : "error.key.photoSettings", r);
        ObjectNode spec = base.spec().deepCopy();
        Map<String, Integer> lines = new HashMap<>(base.lines());
        for (YamlTree.Entry e : changes.entries().values()) {
            String key = e.key();
            if (!allowed.contains(key)) {
                continue;
            }
            String path = "$." + key;
            lines.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "["));
            spec.remove(key);
            if (e.value() instanceof Scalar s && s.kind() == YamlTree.ScalarKind.NULL) {
                continue;
            }
            JsonNode v = switch (key) {
                case "input" -> Grids.tensor(e.value(), path, lines, r);
                case "kernel" -> Grids.kernel(e.value(), path, lines, r);
                default -> JsonTree.of(e.value(), path, lines, r);
            };
            if (v == null) {
                ok = false;
                continue;
            }
            lines.put(path, e.line());
            spec.set(key, v);
        }
        return ok ? new Built(spec, Map.copyOf(lines)) : null;
    }

    /**
     * Runs a state through the spec reader and the engine.
     *
     * @param fallbackLine the line to report a problem at when the state does not name one
     * @return the scenario, or null after reporting a problem
     */
    static Scenario scenario(Built b, int fallbackLine, Report r) {
        ObjectNode spec = b.spec().deepCopy();
        try {
            Problem p = SpecReader.read(spec);
            ConvPlan plan = ConvPlan.of(p.spec(), p.input());
            long values = (long) plan.outChannels() * plan.outHeight() * plan.outWidth();
            long work = work(plan);
            if (values > MAX_OUTPUT_VALUES || work > MAX_WORK) {
                r.error(lineOf(b.lines(), "$.input", fallbackLine), "error.state.tooLarge", values, work);
                return null;
            }
            r.budget().charge(work, fallbackLine);
            ConvEngine.Result result = ConvEngine.run(plan, p.input(), Parallel.availableThreads());
            return new Scenario(spec, p, plan, result);
        } catch (SpecException e) {
            report(e, b.lines(), fallbackLine, r);
            return null;
        } catch (ArithmeticException | IllegalArgumentException e) {
            r.error(fallbackLine, "error.state.invalid", String.valueOf(e.getMessage()));
            return null;
        }
    }

    /**
     * What one run of {@code plan} costs: its multiply-adds, the pooling windows' reads, and a
     * read or write per input and output value (saturating, never negative).
     */
    static long work(ConvPlan plan) {
        long values = WorkBudget.times(WorkBudget.times(plan.outChannels(), plan.outHeight()), plan.outWidth());
        long perValue = WorkBudget.times(WorkBudget.times(plan.inPerGroup(), plan.directKernel().height()),
                plan.directKernel().width());
        long work = WorkBudget.times(values, perValue);
        long in = WorkBudget.times(WorkBudget.times(plan.inChannels(), plan.inHeight()), plan.inWidth());
        work = WorkBudget.plus(work, WorkBudget.plus(in, values));
        if (plan.hasPool()) {
            long pooled = WorkBudget.times(WorkBudget.times(plan.outChannels(), plan.poolY().size()), plan.poolX().size());
            long window = WorkBudget.times(plan.spec().pool().kernelHeight(), plan.spec().pool().kernelWidth());
            work = WorkBudget.plus(work, WorkBudget.times(pooled, window));
        }
        return work;
    }

    /** Reports an engine complaint at the line of the field it names. */
    static void report(SpecException e, Map<String, Integer> lines, int fallbackLine, Report r) {
        String field = e.field();
        String shown = field.equals("$") ? "" : field.startsWith("$.") ? field.substring(2) : field;
        String msg = e.message(r.locale());
        if (shown.isEmpty()) {
            r.errorText(lineOf(lines, field, fallbackLine), msg);
        } else {
            r.errorText(lineOf(lines, field, fallbackLine), Text.get(r.locale(), "error.spec", shown, msg));
        }
    }

    /** The line of a JSON path, or of its nearest ancestor that has one, or {@code fallback}. */
    static int lineOf(Map<String, Integer> lines, String path, int fallback) {
        String p = path;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 1) {
                return fallback;
            }
            p = p.substring(0, cut);
        }
    }
}
