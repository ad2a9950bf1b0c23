package org.convlens.ui.stepper;

import org.convlens.engine.ConvStep;
import org.convlens.engine.Tensor;
import org.convlens.ui.grid.CellFlags;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The all-channels overview's data: each input channel's share of the sum, and the groups' empty slices. */
class ChannelOverviewTest {
    private ScenarioViewModel scenario;
    private StepperViewModel vm;

    @BeforeEach
    void setUp() {
        scenario = new ScenarioViewModel(new Random(11));
        vm = new StepperViewModel(scenario);
        scenario.localeProperty().set(Locale.ENGLISH);
    }

    /** 3 input channels, 2 output channels, random values, bias 0.5 and -1.25. */
    private void threeInTwoOut() {
        scenario.inChannelsProperty().set(3);
        scenario.layer().outChannelsProperty().set(2);
        scenario.randomInput();
        scenario.randomKernel();
        scenario.layer().biasTextProperty().set("0.5, -1.25");
        assertNull(scenario.errorProperty().get());
    }

    @Test
    void offByDefaultAndOnWithItsCommand() {
        threeInTwoOut();
        assertNull(vm.overviewProperty().get());
        vm.allChannelsProperty().set(true);
        ChannelOverview o = vm.overviewProperty().get();
        assertNotNull(o);
        assertEquals(3, o.inputs().size());
        assertEquals(2, o.kernels().size());
        assertEquals(3, o.kernels().get(1).size());
        vm.allChannelsProperty().set(false);
        assertNull(vm.overviewProperty().get());
    }

    @Test
    void theChannelsSharesAddUpToTheOutputCellLessItsBias() {
        threeInTwoOut();
        vm.allChannelsProperty().set(true);
        Computation c = scenario.getComputation();
        Tensor fm = c.featureMap();
        float[] bias = c.plan().bias();
        assertEquals(0.5f, bias[0]);
        for (int step = 0; step < c.convSteps(); step += 5) {
            vm.jumpTo(step);
            ChannelOverview o = vm.overviewProperty().get();
            ConvStep cs = c.convStep(step);
            double sum = 0;
            for (ChannelOverview.Input in : o.inputs()) {
                assertTrue(in.inGroup());
                assertFalse(Float.isNaN(in.partial()), "step " + step + " channel " + in.channel());
                sum += in.partial();
                // the window is on every channel
                assertEquals(9, in.picture().count(CellFlags.IN_WINDOW));
            }
            float out = fm.get(cs.outChannel(), cs.outY(), cs.outX());
            assertEquals(out - bias[cs.outChannel()], sum, 1e-3, "step " + step);
            assertTrue(o.sum().startsWith("Output [" + cs.outChannel() + ", " + cs.outY() + ", " + cs.outX() + "] = "),
                    o.sum());
        }
    }

    @Test
    void eachShareIsTheProductsOfItsOwnChannel() {
        threeInTwoOut();
        vm.allChannelsProperty().set(true);
        vm.jumpTo(16 + 6);
        ConvStep cs = scenario.getComputation().convStep(16 + 6);
        ChannelOverview o = vm.overviewProperty().get();
        for (int ci = 0; ci < 3; ci++) {
            double products = 0;
            for (ConvStep.Term t : cs.terms()) {
                if (t.inChannel() == ci) {
                    products += t.product();
                }
            }
            assertEquals(products, o.inputs().get(ci).partial(), 1e-3);
        }
        assertEquals(1, o.outChannel());
    }

    @Test
    void withGroupsAnOutputChannelReadsOnlyItsGroupsChannels() {
        scenario.inChannelsProperty().set(4);
        scenario.layer().outChannelsProperty().set(4);
        scenario.layer().groupsProperty().set(2);
        scenario.randomInput();
        scenario.randomKernel();
        assertNull(scenario.errorProperty().get());
        vm.allChannelsProperty().set(true);
        vm.jumpTo(2 * 16 + 3);
        ChannelOverview o = vm.overviewProperty().get();
        assertEquals(2, o.outChannel());
        assertEquals(2, o.groups());
        assertFalse(o.inputs().get(0).inGroup());
        assertFalse(o.inputs().get(1).inGroup());
        assertTrue(Float.isNaN(o.inputs().get(0).partial()));
        assertEquals("", o.inputs().get(1).partialText());
        assertEquals(0, o.inputs().get(0).picture().count(CellFlags.IN_WINDOW), "no window on another group's channel");
        assertTrue(o.inputs().get(2).inGroup());
        assertTrue(o.inputs().get(3).inGroup());
        ConvStep cs = scenario.getComputation().convStep(2 * 16 + 3);
        assertEquals(cs.sum(), o.inputs().get(2).partial() + o.inputs().get(3).partial(), 1e-3);
        for (int r = 0; r < 4; r++) {
            for (int ci = 0; ci < 4; ci++) {
                ChannelOverview.Slice s = o.kernels().get(r).get(ci);
                boolean same = r / 2 == ci / 2;
                assertEquals(same, s.inGroup(), r + "," + ci);
                assertEquals(same, s.picture() != null, r + "," + ci);
                if (same) {
                    assertEquals(ci % 2, s.slice());
                    // the slice's weights as the kernel holds them
                    assertEquals(scenario.getComputation().plan().directKernel().get(r, ci % 2, 1, 2),
                            s.picture().value(1, 2));
                }
            }
        }
        long current = o.kernels().stream().flatMap(java.util.List::stream).filter(ChannelOverview.Slice::current).count();
        assertEquals(1, current);
        assertTrue(o.kernels().get(2).get(2).current(), "the step's output channel, the slice shown (follow: slice 0)");
    }

    @Test
    void choosingASliceInTheOverviewPinsItAndMovesToItsOutputChannel() {
        threeInTwoOut();
        vm.allChannelsProperty().set(true);
        vm.jumpTo(5);
        vm.showSlice(1, 2);
        Frame f = vm.getFrame();
        assertEquals(1, f.outChannel());
        assertEquals(2, f.inChannel());
        assertEquals(2, vm.pinnedSliceProperty().get());
        assertEquals(16 + 5, vm.getStep(), "the same output cell of the other channel");
        assertTrue(vm.overviewProperty().get().kernels().get(1).get(2).current());
    }

    @Test
    void sharesWaitForTheirTermsAndTheQuiz() {
        threeInTwoOut();
        vm.allChannelsProperty().set(true);
        vm.termPaceProperty().set(true);
        vm.jumpTo(0);
        for (int k = 0; k < 10; k++) {
            vm.forward();
        }
        ChannelOverview o = vm.overviewProperty().get();
        assertFalse(Float.isNaN(o.inputs().get(0).partial()), "channel 0's 9 terms are read");
        assertEquals(9, o.inputs().get(0).picture().count(CellFlags.READ));
        assertEquals(1, o.inputs().get(1).picture().count(CellFlags.READ), "channel 1: its first term read");
        assertEquals(1, o.inputs().get(1).picture().count(CellFlags.CURRENT), "and its second being read");
        assertEquals(0, o.inputs().get(2).picture().count(CellFlags.READ));
        assertEquals(Covers.HIDDEN_TEXT, o.inputs().get(1).partialText(), "channel 1 is being read");
        assertTrue(o.sum().endsWith("= ?"), o.sum());
        vm.termPaceProperty().set(false);
        vm.quizProperty().set(true);
        o = vm.overviewProperty().get();
        for (ChannelOverview.Input in : o.inputs()) {
            assertEquals(Covers.HIDDEN_TEXT, in.partialText(), "the quiz covers the sum: its parts too");
        }
    }
}
