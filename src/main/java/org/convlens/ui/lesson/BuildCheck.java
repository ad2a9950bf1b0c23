package org.convlens.ui.lesson;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.lesson.Answers;
import org.convlens.lesson.Question;
import org.convlens.lesson.Verdict;
import org.convlens.spec.Problem;

import java.util.List;

/**
 * What is still off after a build task's "Check" ({@link Question.Build}): the settings the task
 * does not let the student change, the output's shape against the target's, or how many output
 * values differ from the target and where the first is. A message key of the lesson bundle with
 * its arguments, so the panel words it in the window's language (also after a language switch).
 */
final class BuildCheck {
    /** A message of the lesson bundle ({@code build.*}) and its arguments. */
    record Note(String key, List<Object> args) {
        Note {
            args = List.copyOf(args);
        }

        Object[] argArray() {
            return args.toArray();
        }
    }

    private BuildCheck() {
    }

    /** Why a check of {@code built} came out as {@code v}, or null for a right one. */
    static Note of(Question.Build q, Verdict v, Problem built) {
        switch (v.outcome()) {
            case CORRECT:
                return null;
            case NOT_ALLOWED:
                return new Note("build.offLimits", List.of(v.given(), String.join(", ", q.change())));
            case NOT_UNDERSTOOD:
                return new Note("build.tooBig", List.of());
            default:
                break;
        }
        ConvPlan plan;
        try {
            plan = ConvPlan.of(built.spec(), built.input());
        } catch (SpecException | ArithmeticException | IllegalArgumentException e) {
            return new Note("build.noOutput", List.of());
        }
        int[] now = plan.hasPool() ? new int[] {plan.outChannels(), plan.poolY().size(), plan.poolX().size()}
                : new int[] {plan.outChannels(), plan.outHeight(), plan.outWidth()};
        int[] want = q.targetShape() != null ? q.targetShape() : q.targetOutput().shape();
        boolean rowsCols = want.length == 2;
        boolean sameShape = rowsCols ? now[1] == want[0] && now[2] == want[1]
                : now[0] == want[0] && now[1] == want[1] && now[2] == want[2];
        if (!sameShape || q.targetShape() != null) {
            int[] shown = rowsCols ? new int[] {now[1], now[2]} : now;
            return new Note("build.shape", List.of(Answers.shape(shown), Answers.shape(want)));
        }
        Tensor out = ConvEngine.run(plan, built.input(), 1).output();
        Tensor target = q.targetOutput();
        int[] off = q.offValues(out);
        if (off[0] == 0) {
            // the engine's verdict and this count differ only if the output could not be computed
            return new Note("build.noOutput", List.of());
        }
        int[] s = target.shape();
        int c = off[1] / (s[1] * s[2]);
        int y = off[1] / s[2] % s[1];
        int x = off[1] % s[2];
        String got = Answers.format(out.get(c, y, x));
        String goal = Answers.format(target.get(c, y, x));
        return s[0] > 1
                ? new Note("build.values.channel", List.of(off[0], target.data().length, c, y, x, got, goal))
                : new Note("build.values", List.of(off[0], target.data().length, y, x, got, goal));
    }
}
