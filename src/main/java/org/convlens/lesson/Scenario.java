package org.convlens.lesson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.spec.Problem;

/**
 * The state a step shows, in the command line's own terms.
 *
 * @param spec the spec as the JSON {@code compute} reads (input included); a deep copy is safe to change
 * @param problem the spec read by {@link org.convlens.spec.SpecReader}
 * @param plan the spec checked against the input
 * @param result the engine's output for it
 */
public record Scenario(ObjectNode spec, Problem problem, ConvPlan plan, ConvEngine.Result result) {
    /** Steps of the trace: one per feature-map cell, then one per pooled cell. */
    public long traceSteps() {
        long conv = (long) plan.outChannels() * plan.outHeight() * plan.outWidth();
        long pool = plan.hasPool() ? (long) plan.outChannels() * plan.poolY().size() * plan.poolX().size() : 0;
        return conv + pool;
    }

    /** The spec as pretty JSON, ready for {@code compute}. */
    public String json() {
        return spec.toPrettyString();
    }
}
