package org.convlens.ui.lesson;

import org.convlens.engine.KernelFit;
import org.convlens.engine.Tensor;
import org.convlens.lesson.FitDemo;
import org.convlens.lesson.LessonLibrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson 14's training demonstration: the learning-rate choice, a loss that blows up, the map now. */
class FitViewModelTest {
    private FitDemo demo;
    private FitViewModel vm;

    @BeforeEach
    void lesson14() {
        demo = LessonLibrary.shipped(Locale.ROOT).lessons().stream().filter(l -> l.id().equals("14-training"))
                .findFirst().orElseThrow().steps().get(1).fit();
        assertNotNull(demo);
        vm = new FitViewModel();
        vm.set(demo);
    }

    @Test
    void theStepsRateFitsTheTargetMapWithEveryStepDownhill() {
        vm.toEnd();
        assertEquals(demo.iterations(), vm.getSnapshot().iteration());
        assertTrue(vm.alwaysDownProperty().get());
        assertFalse(vm.blownUpProperty().get());
        Tensor map = vm.mapProperty().get();
        float[] target = demo.target().data();
        for (int i = 0; i < target.length; i++) {
            assertEquals(target[i], map.data()[i], 0.05, "cell " + i + " of the map now against the target");
        }
    }

    @Test
    void theMapIsTheMapOfTheWeightsShown() {
        vm.stepOnce();
        vm.stepOnce();
        KernelFit.Snapshot s = vm.getSnapshot();
        Tensor expected = org.convlens.engine.ConvEngine.run(demo.start().toBuilder().kernel(s.kernel()).bias(s.bias()).build(),
                demo.input()).featureMap();
        assertArrayEquals(expected.data(), vm.mapProperty().get().data());
    }

    @Test
    void twentyTimesTheRateBlowsTheLossUpAndStops() {
        vm.rateFactorProperty().set(20);
        assertEquals(20 * demo.learningRate(), vm.learningRate(), 1e-12);
        vm.togglePlay();
        for (int i = 0; i < demo.iterations() && vm.playingProperty().get(); i++) {
            vm.tick();
        }
        assertTrue(vm.blownUpProperty().get(), "the loss went from " + vm.losses().get(0) + " to " + vm.getSnapshot().loss());
        assertFalse(vm.playingProperty().get(), "a blown-up fit stops playing");
        assertFalse(vm.alwaysDownProperty().get());
        assertNull(vm.mapProperty().get());
        assertTrue(vm.getSnapshot().iteration() < demo.iterations());
        assertTrue(vm.losses().stream().allMatch(Double::isFinite), "the chart never gets an infinite loss");
        int shown = vm.losses().size();
        vm.stepOnce();
        assertEquals(shown, vm.losses().size(), "no step after a blow-up");
        vm.togglePlay();
        assertFalse(vm.blownUpProperty().get(), "play after a blow-up starts again");
        assertEquals(0, vm.getSnapshot().iteration());
    }

    @Test
    void aQuarterOfTheRateLearnsSlowerFromTheSameStart() {
        KernelFit.Snapshot start = vm.getSnapshot();
        for (int i = 0; i < 20; i++) {
            vm.stepOnce();
        }
        double full = vm.getSnapshot().loss();
        vm.rateFactorProperty().set(0.25);
        assertEquals(0, vm.getSnapshot().iteration(), "a new rate starts again");
        assertArrayEquals(start.kernel().data(), vm.getSnapshot().kernel().data(), "from the same random start");
        for (int i = 0; i < 20; i++) {
            vm.stepOnce();
        }
        assertTrue(vm.alwaysDownProperty().get());
        assertTrue(vm.getSnapshot().loss() > full, vm.getSnapshot().loss() + " after 20 steps at a quarter, " + full + " at the rate");
    }

    @Test
    void anotherStepsDemonstrationTakesItsOwnRate() {
        vm.rateFactorProperty().set(4);
        vm.set(null);
        vm.set(demo);
        assertEquals(1, vm.rateFactorProperty().get());
        assertEquals(demo.learningRate(), vm.learningRate(), 0);
    }
}
