package org.convlens.ui.compare;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Tensor;
import org.convlens.spec.LayerSettings.Name;
import org.convlens.spec.Problem;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.stepper.Frame;
import org.convlens.ui.stepper.WorkedExample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Compare tab's view-model: one step for both sides, a side that finishes first, presets, exact numbers. */
class CompareViewModelTest {
    private static final int IN_PROGRESS = CellFlags.IN_WINDOW | CellFlags.CURRENT | CellFlags.READ | CellFlags.PENDING;

    private static CompareViewModel vm(Problem p) {
        CompareViewModel vm = new CompareViewModel(new Random(7));
        vm.take(p, true);
        return vm;
    }

    /** A 5 x 7 input of seeded whole numbers with a 3 x 3 kernel, same padding, bias and pooling. */
    private static Problem busy() {
        Random r = new Random(3);
        Tensor t = new Tensor(1, 5, 7);
        for (int i = 0; i < t.data().length; i++) {
            t.data()[i] = r.nextInt(19) - 9;
        }
        Kernel k = Kernel.of(new int[][] {{1, 2, 1}, {0, -1, 0}, {-2, 1, 3}});
        ConvSpec s = ConvSpec.builder(k).bias(new float[] {0.5f}).padding(Padding.SAME).paddingMode(PaddingMode.REPLICATE)
                .pool(new PoolSpec(PoolSpec.Type.MAX, 2, 2, 2, 2, 0, 0, false, true)).build();
        return new Problem(t, s);
    }

    @Test
    void bothSidesStepTogether() {
        CompareViewModel vm = vm(WorkedExample.problem());
        // zeros against reflect, both padded by 1: a 6 x 6 output on each side
        assertEquals(36, vm.a().totalSteps());
        assertEquals(36, vm.b().totalSteps());
        assertEquals(36, vm.totalStepsProperty().get());
        vm.forward();
        vm.forward();
        vm.forward();
        assertEquals(3, vm.getStep());
        assertEquals(3, vm.a().getFrame().step());
        assertEquals(3, vm.b().getFrame().step());
        assertEquals("Step 4 of 36", vm.stepTextProperty().get());
        vm.back();
        assertEquals(2, vm.a().getFrame().step());
        assertEquals(2, vm.b().getFrame().step());
        vm.last();
        assertEquals(35, vm.getStep());
        vm.forward();
        assertEquals(35, vm.getStep(), "no step past the last");
        assertFalse(vm.canGoForwardProperty().get());
        vm.first();
        assertEquals(0, vm.getStep());
        vm.back();
        assertEquals(0, vm.getStep());
        assertFalse(vm.canGoBackProperty().get());
    }

    @Test
    void aSideWithFewerStepsFinishesFirstAndShowsItsWholeOutput() {
        CompareViewModel vm = vm(WorkedExample.problem());
        vm.use(Contrast.STRIDE);
        assertEquals(16, vm.a().totalSteps());
        assertEquals(4, vm.b().totalSteps());
        assertEquals(16, vm.totalStepsProperty().get(), "the position runs over the longer side");
        vm.jumpTo(3);
        assertFalse(vm.b().isDone(), "B's last step is still a step");
        assertTrue(CellFlags.has(vm.b().getFrame().featureMap().flags(1, 1), CellFlags.CURRENT));
        vm.forward();
        assertEquals(4, vm.getStep());
        assertFalse(vm.a().isDone());
        assertEquals(4, vm.a().getFrame().step());
        assertTrue(vm.b().isDone());
        assertEquals("Done: all 4 steps", vm.b().statusProperty().get());
        assertEquals("Step 5 of 16", vm.a().statusProperty().get());
        Frame b = vm.b().getFrame();
        for (GridPicture p : List.of(b.input(), b.featureMap())) {
            for (int f : p.flags()) {
                assertEquals(0, f & IN_PROGRESS, "no window, no cell in progress, no cell pending");
            }
        }
        assertTrue(b.arithmetic().isEmpty());
        assertEquals(List.of(-5f, 0f, 0f, -4f), values(b.featureMap()), "stride 2 over the worked example");
        vm.back();
        assertFalse(vm.b().isDone());
        vm.last();
        assertEquals(15, vm.getStep());
        assertTrue(vm.b().isDone());
        assertFalse(vm.a().isDone());
    }

    @Test
    void presetsMakeSidesThatDifferOnlyInTheirOneSetting() {
        for (Problem base : List.of(WorkedExample.problem(), busy())) {
            CompareViewModel vm = vm(base);
            for (Contrast c : Contrast.values()) {
                vm.use(c);
                ConvSpec a = vm.a().spec();
                ConvSpec b = vm.b().spec();
                assertEquals(List.of(c.setting()), Contrast.differences(a, b), c + " on " + base.spec());
                assertEquals(List.of(c.setting()), vm.differencesProperty().get());
                assertEquals(c, vm.contrastProperty().get());
                assertEquals(0, vm.getStep(), "a preset starts from the first step");
                assertEquals(base.input(), vm.a().computation().input());
                assertEquals(base.input(), vm.b().computation().input());
                ConvSpec expectedA;
                if (c == Contrast.STRIDE) {
                    expectedA = base.spec().toBuilder().stride(1, 1).build();
                    assertEquals(2, b.strideY());
                    assertEquals(2, b.strideX());
                } else {
                    Padding p = base.spec().padding().rule() == Padding.Rule.VALID ? Padding.of(1) : base.spec().padding();
                    expectedA = base.spec().toBuilder().padding(p).paddingMode(PaddingMode.ZEROS).build();
                    assertEquals(PaddingMode.REFLECT, b.paddingMode());
                }
                assertEquals(expectedA, a, "A is the base but for the contrast's setting");
            }
        }
    }

    @Test
    void everyNumberShownIsTheEngines() {
        for (Problem base : List.of(WorkedExample.problem(), busy())) {
            CompareViewModel vm = vm(base);
            for (Contrast c : Contrast.values()) {
                vm.use(c);
                for (SideViewModel side : List.of(vm.a(), vm.b())) {
                    Tensor in = side.computation().input();
                    ConvPlan plan = ConvPlan.of(side.spec(), in);
                    ConvEngine.Result r = ConvEngine.run(plan, in, 1);
                    Tensor fm = r.featureMap();
                    // at the end every side shows its whole map: each cell the engine's, exactly
                    int steps = side.computation().convSteps();
                    vm.jumpTo(steps - 1);
                    GridPicture shown = side.getFrame().featureMap();
                    for (int y = 0; y < fm.height(); y++) {
                        for (int x = 0; x < fm.width(); x++) {
                            assertEquals(fm.get(0, y, x), shown.value(y, x), side.name() + " " + c + " " + y + "," + x);
                        }
                    }
                    for (int i = 0; i < steps; i++) {
                        vm.jumpTo(i);
                        Frame f = side.getFrame();
                        int oy = i / fm.width();
                        int ox = i % fm.width();
                        assertEquals(fm.get(0, oy, ox), f.convStep().output(), "step " + i);
                    }
                    if (r.pooled() != null) {
                        vm.jumpTo(side.totalSteps() - 1);
                        assertEquals(r.pooled().get(0, r.pooled().height() - 1, r.pooled().width() - 1),
                                side.getFrame().poolStep().output());
                    }
                }
            }
        }
    }

    @Test
    void anEditMakesTheComparisonTheUsersOwnAndANewInputKeepsIt() {
        CompareViewModel vm = vm(WorkedExample.problem());
        vm.use(Contrast.STRIDE);
        vm.b().layer().strideXProperty().set(3);
        assertNull(vm.contrastProperty().get());
        assertEquals(3, vm.b().spec().strideX());
        assertEquals(List.of(Name.STRIDE), vm.differencesProperty().get());
        Problem other = busy();
        assertTrue(vm.take(other, false));
        assertEquals(other.input(), vm.b().computation().input());
        assertEquals(3, vm.b().spec().strideX(), "the user's own settings stay");
        assertFalse(vm.take(other, false), "the same scenario again changes nothing");
        Tensor two = new Tensor(2, 5, 5);
        two.data()[7] = 4;
        Problem channels = new Problem(two, ConvSpec.builder(new Kernel(1, 2, 3, 3, new float[18])).build());
        assertTrue(vm.take(channels, false), "an input of two channels");
        assertEquals(two, vm.b().computation().input());
        assertEquals(3, vm.b().spec().strideX(), "still the user's own stride");
        assertEquals(2, vm.b().spec().kernel().dim1(), "the kernel laid out for two input channels");
        assertNull(vm.b().errorProperty().get());
        vm.b().layer().strideXProperty().set(1);
        vm.b().layer().strideYProperty().set(1);
        assertEquals(List.of(), vm.differencesProperty().get());
        assertTrue(vm.headlineProperty().get().startsWith("A and B have the same settings"));
    }

    @Test
    void aPresetShownIsMadeAgainFromANewScenario() {
        CompareViewModel vm = vm(WorkedExample.problem());
        assertEquals(Contrast.PADDING_MODE, vm.contrastProperty().get(), "zeros against reflect at first");
        assertTrue(vm.headlineProperty().get().contains("pad 1 row(s) and 1 column(s)"), vm.headlineProperty().get());
        vm.jumpTo(9);
        Problem other = busy();
        vm.take(other, false);
        assertEquals(other.spec().toBuilder().paddingMode(PaddingMode.ZEROS).build(), vm.a().spec());
        assertEquals(0, vm.getStep());
        assertFalse(vm.headlineProperty().get().contains("pad 1"), "the new scenario pads already");
    }

    @Test
    void textsFollowTheLanguage() {
        CompareViewModel vm = vm(WorkedExample.problem());
        vm.use(Contrast.STRIDE);
        vm.jumpTo(5);
        String en = vm.b().statusProperty().get();
        vm.localeProperty().set(Locale.SIMPLIFIED_CHINESE);
        assertNotEquals(en, vm.b().statusProperty().get());
        assertTrue(vm.b().statusProperty().get().contains("完成"), vm.b().statusProperty().get());
        assertTrue(vm.headlineProperty().get().contains("步幅"), vm.headlineProperty().get());
        vm.localeProperty().set(Locale.TRADITIONAL_CHINESE);
        assertTrue(vm.headlineProperty().get().contains("步幅"), vm.headlineProperty().get());
    }

    private static List<Float> values(GridPicture p) {
        List<Float> v = new java.util.ArrayList<>();
        for (int y = 0; y < p.rows(); y++) {
            for (int x = 0; x < p.cols(); x++) {
                v.add(p.value(y, x));
            }
        }
        return v;
    }
}
