package org.convlens.ui.lesson;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;
import org.convlens.lesson.Highlight;
import org.convlens.lesson.Question;
import org.convlens.lesson.Step;
import org.convlens.spec.Problem;
import org.convlens.ui.stepper.Covers;
import org.convlens.ui.stepper.Marks;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a lesson step shows in the stepper, worked out from the step alone: its marks, the covers
 * its question needs, and whether a scenario is still the step's. Plain functions for
 * {@link LessonPlayerViewModel}.
 */
final class StepDisplay {
    private StepDisplay() {
    }

    /** A step's highlighted cells in the stepper's terms. */
    static Marks marksOf(Step s) {
        Highlight h = s.highlight();
        boolean pooled = s.scenario().plan().hasPool();
        Set<List<Integer>> out = cyx(h.output());
        return new Marks(cyx(h.input()), kernelCells(h.kernel()), pooled ? cyx(h.featureMap()) : out,
                pooled ? out : Set.of());
    }

    private static Set<List<Integer>> cyx(List<Highlight.Cell> cells) {
        Set<List<Integer>> s = new HashSet<>();
        for (Highlight.Cell c : cells) {
            s.add(List.of(c.channel(), c.y(), c.x()));
        }
        return s;
    }

    private static Set<List<Integer>> kernelCells(List<Highlight.Cell> cells) {
        Set<List<Integer>> s = new HashSet<>();
        for (Highlight.Cell c : cells) {
            s.add(List.of(c.channel(), c.slice(), c.y(), c.x()));
        }
        return s;
    }

    /**
     * The stepper's covers for a step's question: the panels covered, the arithmetic with an
     * output or kernel it would show, the step counter where the number of steps tells the
     * answer, and the cell a value question asks for.
     */
    static Covers stepperCovers(Step s, Set<Highlight.Panel> covered) {
        boolean pooled = s.scenario().plan().hasPool();
        Set<Covers.Panel> p = EnumSet.noneOf(Covers.Panel.class);
        for (Highlight.Panel h : covered) {
            switch (h) {
                case INPUT -> p.add(Covers.Panel.INPUT);
                case KERNEL -> p.addAll(List.of(Covers.Panel.KERNEL, Covers.Panel.SUM));
                // with pooling the output is the pooled map: the feature map before it stays in view
                case OUTPUT -> p.addAll(List.of(pooled ? Covers.Panel.POOLED : Covers.Panel.OUTPUT, Covers.Panel.SUM));
                case SUM -> p.add(Covers.Panel.SUM);
                case SHAPE -> p.add(Covers.Panel.SHAPE);
                default -> {
                    // the photo and the training panel are the lesson's own
                }
            }
        }
        Question q = s.question();
        if (q instanceof Question.Shape || q instanceof Question.Count) {
            p.add(Covers.Panel.STEP);
        }
        Set<List<Integer>> fm = Set.of();
        Set<List<Integer>> pool = Set.of();
        if (q instanceof Question.Value v) {
            List<Integer> cell = List.of(v.cell().channel(), v.cell().y(), v.cell().x());
            if (v.grid() == Question.Grid.FEATURE_MAP || !pooled) {
                fm = Set.of(cell);
            } else {
                pool = Set.of(cell);
            }
        }
        return new Covers(p, fm, pool);
    }

    /**
     * Whether two problems compute the same thing: the same input and, once checked against it,
     * the same kernel, bias, padding, stride, dilation, groups, flip, activation, pooling and
     * transposition (a missing bias and a zero bias are the same).
     */
    static boolean sameScenario(Problem a, Problem b) {
        if (!a.input().equals(b.input())) {
            return false;
        }
        ConvPlan pa;
        ConvPlan pb;
        try {
            pa = ConvPlan.of(a.spec(), a.input());
            pb = ConvPlan.of(b.spec(), b.input());
        } catch (SpecException e) {
            return false;
        }
        var sa = a.spec();
        var sb = b.spec();
        return Arrays.equals(sa.kernel().shape(), sb.kernel().shape())
                && Arrays.equals(sa.kernel().data(), sb.kernel().data())
                && Arrays.equals(pa.bias(), pb.bias())
                && Arrays.equals(pa.padding(), pb.padding())
                && sa.paddingMode() == sb.paddingMode()
                && sa.strideY() == sb.strideY() && sa.strideX() == sb.strideX()
                && sa.dilationY() == sb.dilationY() && sa.dilationX() == sb.dilationX()
                && sa.groups() == sb.groups() && sa.flip() == sb.flip() && sa.transposed() == sb.transposed()
                && sa.outputPaddingY() == sb.outputPaddingY() && sa.outputPaddingX() == sb.outputPaddingX()
                && sa.activation().equals(sb.activation())
                && samePool(sa.pool(), sb.pool());
    }

    private static boolean samePool(PoolSpec a, PoolSpec b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.type() == b.type() && a.kernelHeight() == b.kernelHeight() && a.kernelWidth() == b.kernelWidth()
                && a.strideY() == b.strideY() && a.strideX() == b.strideX() && a.padY() == b.padY()
                && a.padX() == b.padX() && a.ceilMode() == b.ceilMode() && a.countIncludePad() == b.countIncludePad();
    }

    /**
     * The panels an open question covers: the file's {@code hide}, and what would give the answer
     * away (the output and the shape panel for a shape, the shape panel's counts for a count).
     */
    static Set<Highlight.Panel> coveredPanels(Step s) {
        Set<Highlight.Panel> c = EnumSet.noneOf(Highlight.Panel.class);
        c.addAll(s.highlight().hidden());
        if (s.question() instanceof Question.Shape) {
            c.add(Highlight.Panel.OUTPUT);
            c.add(Highlight.Panel.SHAPE);
        } else if (s.question() instanceof Question.Count) {
            c.add(Highlight.Panel.SHAPE);
        }
        return Set.copyOf(c);
    }

    /** The stepper's step that computes the cell a value question asks about. */
    static int stepOf(Step s, Question.Value q) {
        ConvPlan plan = s.scenario().plan();
        Highlight.Cell c = q.cell();
        if (q.grid() == Question.Grid.FEATURE_MAP || !plan.hasPool()) {
            return (c.channel() * plan.outHeight() + c.y()) * plan.outWidth() + c.x();
        }
        int conv = plan.outChannels() * plan.outHeight() * plan.outWidth();
        return conv + (c.channel() * plan.poolY().size() + c.y()) * plan.poolX().size() + c.x();
    }
}
