package org.convlens.ui.stepper;

import org.convlens.ui.settings.Setting;
import org.convlens.ui.settings.SettingError;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.Kernel;
import org.convlens.engine.Tensor;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.NumberText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepperViewModelTest {
    private ScenarioViewModel scenario;
    private StepperViewModel vm;

    @BeforeEach
    void setUp() {
        scenario = new ScenarioViewModel(new Random(7));
        vm = new StepperViewModel(scenario);
    }

    @Test
    void opensOnTheWorkedExampleAtItsFirstStep() {
        Frame f = vm.getFrame();
        assertEquals(0, f.step());
        assertEquals(16, f.totalSteps());
        assertEquals(6, scenario.getComputation().input().height());
        assertEquals(1, f.featureMap().rows() * f.featureMap().cols() - f.featureMap().count(CellFlags.PENDING));
        // the worked example's first output, from the engine: 3+1+2 - (1+8+2) = -5
        assertEquals(NumberText.MINUS + "5", f.featureMap().text(0, 0));
        assertEquals(9, f.input().count(CellFlags.IN_WINDOW));
    }

    @Test
    void stepBackIsDisabledAtFirstStepAndForwardAtLast() {
        assertFalse(vm.canGoBackProperty().get());
        assertTrue(vm.canGoForwardProperty().get());
        vm.last();
        assertTrue(vm.canGoBackProperty().get());
        assertFalse(vm.canGoForwardProperty().get());
        assertEquals(15, vm.getStep());
        vm.forward();
        assertEquals(15, vm.getStep());
    }

    @Test
    void forwardAndBackMoveOneStepAndFillTheOutputInOrder() {
        vm.forward();
        vm.forward();
        assertEquals(2, vm.getStep());
        GridPicture out = vm.getFrame().featureMap();
        assertEquals(16 - 3, out.count(CellFlags.PENDING));
        assertTrue(CellFlags.has(out.flags(0, 2), CellFlags.CURRENT));
        vm.back();
        assertEquals(1, vm.getStep());
        assertEquals(16 - 2, vm.getFrame().featureMap().count(CellFlags.PENDING));
    }

    @Test
    void renderingAStepAfterAnotherEqualsRenderingItFresh() throws Exception {
        Problem everything = SpecReader.read(Path.of("examples/everything.json"));
        for (Problem p : new Problem[] {WorkedExample.problem(), everything}) {
            scenario.load(p);
            Computation fresh = Computation.of(p);
            int total = fresh.totalSteps();
            Random r = new Random(11);
            for (boolean termPace : new boolean[] {false, true}) {
                vm.termPaceProperty().set(termPace);
                for (int k = 0; k < 40; k++) {
                    int i = r.nextInt(total);
                    int j = r.nextInt(total);
                    vm.jumpTo(j);
                    vm.forward();
                    vm.jumpTo(i);
                    Frame shown = vm.getFrame();
                    Frame alone = FrameRenderer.render(fresh, i, 0, termPace, -1, null, Locale.ENGLISH);
                    assertEquals(alone, shown, "step " + i + " after " + j);
                }
            }
        }
    }

    @Test
    void everyOutputShownAtTheLastStepIsTheEnginesValue() throws Exception {
        Problem p = SpecReader.read(Path.of("examples/everything.json"));
        scenario.load(p);
        ConvEngine.Result r = ConvEngine.run(p.spec(), p.input());
        for (int co = 0; co < r.featureMap().channels(); co++) {
            vm.jumpToOutput(co, r.featureMap().height() - 1, r.featureMap().width() - 1);
            GridPicture fm = vm.getFrame().featureMap();
            assertEquals(0, fm.count(CellFlags.PENDING));
            for (int y = 0; y < fm.rows(); y++) {
                for (int x = 0; x < fm.cols(); x++) {
                    assertEquals(r.featureMap().get(co, y, x), fm.value(y, x));
                }
            }
        }
        vm.last();
        Frame f = vm.getFrame();
        assertTrue(f.pooling());
        for (int y = 0; y < f.pooled().rows(); y++) {
            for (int x = 0; x < f.pooled().cols(); x++) {
                assertEquals(NumberText.cell(r.pooled().get(f.outChannel(), y, x)), f.pooled().text(y, x));
            }
        }
    }

    @Test
    void termByTermWalksEachProductWithARunningSum() {
        vm.termPaceProperty().set(true);
        Frame f = vm.getFrame();
        assertEquals(9, f.terms());
        assertEquals(0, f.term());
        assertEquals(1, f.input().count(CellFlags.CURRENT));
        assertTrue(CellFlags.has(f.input().flags(0, 0), CellFlags.CURRENT));
        assertTrue(f.runningSum().contains("running sum = 3"), f.runningSum());
        assertTrue(CellFlags.has(f.featureMap().flags(0, 0), CellFlags.PENDING));
        for (int t = 1; t <= 9; t++) {
            vm.forward();
        }
        f = vm.getFrame();
        assertEquals(9, f.term());
        assertTrue(f.finished());
        assertFalse(CellFlags.has(f.featureMap().flags(0, 0), CellFlags.PENDING));
        assertEquals(9, f.input().count(CellFlags.READ));
        vm.forward();
        assertEquals(1, vm.getStep());
        assertEquals(0, vm.termProperty().get());
        vm.back();
        assertEquals(0, vm.getStep());
        assertEquals(9, vm.termProperty().get());
    }

    @Test
    void termPaceVisitsEveryTermOfEveryStep() {
        vm.termPaceProperty().set(true);
        int positions = 1;
        while (vm.canGoForwardProperty().get()) {
            vm.forward();
            positions++;
        }
        assertEquals(16 * (9 + 1), positions);
    }

    @Test
    void playingAdvancesUntilTheEndThenStops() {
        vm.togglePlay();
        assertTrue(vm.playingProperty().get());
        for (int i = 0; i < 30; i++) {
            vm.tick();
        }
        assertEquals(15, vm.getStep());
        assertFalse(vm.playingProperty().get());
        vm.togglePlay();
        assertEquals(0, vm.getStep(), "play at the end starts again from the first step");
    }

    @Test
    void loopStartsAgainAfterTheLastStep() {
        vm.loopProperty().set(true);
        vm.last();
        vm.playingProperty().set(true);
        vm.tick();
        assertEquals(0, vm.getStep());
        assertTrue(vm.playingProperty().get());
    }

    @Test
    void editingAnInputCellChangesTheOutputAsTheEngineComputesIt() {
        vm.jumpTo(0);
        assertNull(scenario.setInputCell(0, 0, 0, "10"));
        Tensor in = scenario.getComputation().input();
        assertEquals(10f, in.get(0, 0, 0));
        float expected = ConvEngine.run(ConvPlan.of(scenario.getComputation().plan().spec(), in), in, 1)
                .featureMap().get(0, 0, 0);
        assertEquals(2f, expected);
        assertEquals("2", vm.getFrame().featureMap().text(0, 0));
        assertEquals(0, vm.getStep(), "the step stays where it was");
    }

    @Test
    void aCellThatIsNotANumberIsRefusedWithAMessage() {
        Computation before = scenario.getComputation();
        String msg = scenario.setInputCell(0, 1, 1, "abc");
        assertTrue(msg.contains("abc"), msg);
        assertSame(before, scenario.getComputation());
        assertNull(scenario.setInputCell(0, 1, 1, "\u22121/2"));
        assertEquals(-0.5f, scenario.getComputation().input().get(0, 1, 1));
    }

    @Test
    void changingTheStrideChangesTheOutputSizeAndFormula() {
        scenario.layer().strideXProperty().set(2);
        ShapeInfo s = vm.shapeProperty().get();
        assertTrue(s.cols().endsWith("/ 2) + 1 = 2"), s.cols());
        assertTrue(s.rows().endsWith("/ 1) + 1 = 4"), s.rows());
        assertEquals(8, vm.totalStepsProperty().get());
        scenario.layer().strideYProperty().set(4);
        s = vm.shapeProperty().get();
        assertTrue(s.rows().endsWith("= 1"), s.rows());
        assertFalse(s.notes().isEmpty(), "stride 4 over 6 rows with a 3-row kernel reads rows 0-2 only");
        assertTrue(s.notes().get(0).contains("3-5"), s.notes().get(0));
        GridPicture in = vm.getFrame().input();
        assertTrue(CellFlags.has(in.flags(5, 0), CellFlags.UNCOVERED));
        assertFalse(CellFlags.has(in.flags(0, 0), CellFlags.UNCOVERED));
    }

    @Test
    void theParameterCountSeparatesLocalConnectionsFromWeightSharing() {
        // lesson 1: a 3 x 3 input, a 2 x 2 kernel, 4 outputs: dense 40, local connections 20, shared 5
        scenario.inHeightProperty().set(3);
        scenario.inWidthProperty().set(3);
        scenario.layer().kernelHeightProperty().set(2);
        scenario.layer().kernelWidthProperty().set(2);
        ShapeInfo s = vm.shapeProperty().get();
        assertEquals(40, s.fullyConnected());
        assertEquals(20, s.locallyConnected());
        assertEquals(5, s.weights() + s.biases());
        assertEquals("Parameters: weights 4 + biases 1 = 5. For 9 inputs to 4 outputs, fully connected: 9 × 4 + 4 = 40; "
                + "local, each output with its own weights on its 4 inputs: 4 × 4 + 4 = 20; one kernel shared: 5.",
                s.params());
        scenario.localeProperty().set(Locale.SIMPLIFIED_CHINESE);
        assertTrue(vm.shapeProperty().get().params().contains("局部连接"), vm.shapeProperty().get().params());
        scenario.localeProperty().set(Locale.ENGLISH);
        // with channels and groups a window reads the group's channels: 2 in, 4 out, groups 2 -> 1 channel x 4
        scenario.inChannelsProperty().set(2);
        scenario.layer().outChannelsProperty().set(4);
        scenario.layer().groupsProperty().set(2);
        s = vm.shapeProperty().get();
        assertEquals(16 * 4 + 16, s.locallyConnected());
        assertEquals(4 * 4 + 4, s.weights() + s.biases());
    }

    @Test
    void aKernelLargerThanTheInputShowsAMessageAtTheKernelAndKeepsTheLastPicture() {
        Computation before = scenario.getComputation();
        Frame shown = vm.getFrame();
        scenario.layer().kernelHeightProperty().set(7);
        assertSame(before, scenario.getComputation());
        assertEquals(shown, vm.getFrame());
        SettingError e = scenario.errorProperty().get();
        assertEquals(Setting.KERNEL_SIZE, e.at());
        assertFalse(scenario.messageAt(Setting.KERNEL_SIZE).get().isEmpty());
        assertTrue(scenario.messageAt(Setting.STRIDE).get().isEmpty());
        scenario.layer().kernelHeightProperty().set(3);
        assertNull(scenario.errorProperty().get());
        assertTrue(scenario.messageAt(Setting.KERNEL_SIZE).get().isEmpty());
    }

    @Test
    void reflectPaddingTooWideShowsTheMessageAtPaddingAndAtTheModeJustChanged() {
        scenario.layer().paddingRuleProperty().set(org.convlens.engine.Padding.Rule.EXPLICIT);
        scenario.layer().padTopProperty().set(6);
        assertNull(scenario.errorProperty().get());
        scenario.layer().paddingModeProperty().set(org.convlens.engine.PaddingMode.REFLECT);
        SettingError e = scenario.errorProperty().get();
        assertEquals(Setting.PADDING, e.at());
        assertEquals(Setting.PADDING_MODE, e.edited());
        assertTrue(scenario.messageAt(Setting.PADDING).get().contains("reflect"));
        assertTrue(scenario.messageAt(Setting.PADDING_MODE).get().contains("reflect"));
    }

    @Test
    void groupsThatDoNotDivideTheChannelsAreReportedAtGroups() {
        scenario.inChannelsProperty().set(3);
        scenario.layer().groupsProperty().set(2);
        assertEquals(Setting.GROUPS, scenario.errorProperty().get().at());
        scenario.inChannelsProperty().set(2);
        scenario.layer().outChannelsProperty().set(2);
        assertNull(scenario.errorProperty().get());
        assertEquals(2, scenario.getComputation().plan().groups());
        // a groups problem made by the output channels is said once, at groups (the two messages stand together)
        scenario.layer().outChannelsProperty().set(3);
        assertEquals(Setting.GROUPS, scenario.errorProperty().get().at());
        assertEquals(Setting.CHANNELS, scenario.errorProperty().get().edited());
        assertTrue(scenario.messageAt(Setting.GROUPS).get().contains("groups (2)"), scenario.messageAt(Setting.GROUPS).get());
        assertEquals("", scenario.messageAt(Setting.CHANNELS).get());
        assertEquals("", scenario.messageAt(Setting.GENERAL).get());
        scenario.inChannelsProperty().set(3);
        assertEquals("", scenario.messageAt(Setting.CHANNELS).get(), "the input channels too");
        assertTrue(scenario.messageAt(Setting.GROUPS).get().startsWith("groups (2)"));
    }

    @Test
    void badBiasTextIsReportedAtBias() {
        scenario.layer().biasTextProperty().set("1, x");
        assertEquals(Setting.BIAS, scenario.errorProperty().get().at());
        scenario.layer().biasTextProperty().set("0.5");
        assertNull(scenario.errorProperty().get());
        assertEquals(0.5f, scenario.getComputation().plan().bias()[0]);
    }

    @Test
    void messagesFollowTheLanguage() {
        scenario.layer().kernelWidthProperty().set(9);
        String en = scenario.messageAt(Setting.KERNEL_SIZE).get();
        scenario.localeProperty().set(Locale.SIMPLIFIED_CHINESE);
        String zh = scenario.messageAt(Setting.KERNEL_SIZE).get();
        assertNotEquals(en, zh);
        assertTrue(zh.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), zh);
    }

    @Test
    void hoveringAnOutputLightsItsWindowAndAnInputLightsEveryOutputItFeeds() {
        vm.hoverProperty().set(new Link(Link.Grid.OUTPUT, 3, 3));
        GridPicture in = vm.getFrame().input();
        assertEquals(9, in.count(CellFlags.LINKED));
        assertTrue(CellFlags.has(in.flags(5, 5), CellFlags.LINKED));
        assertTrue(CellFlags.has(in.flags(3, 3), CellFlags.LINKED));
        assertFalse(CellFlags.has(in.flags(2, 2), CellFlags.LINKED));
        // input (2, 2) is read by outputs (0..2) x (0..2)
        vm.hoverProperty().set(new Link(Link.Grid.INPUT, 2, 2));
        assertEquals(9, vm.getFrame().featureMap().count(CellFlags.LINKED));
        assertEquals(9, vm.getFrame().kernel().count(CellFlags.LINKED));
        // a corner is read once, by the corner output, with the corner weight
        vm.hoverProperty().set(new Link(Link.Grid.INPUT, 0, 0));
        assertEquals(1, vm.getFrame().featureMap().count(CellFlags.LINKED));
        assertTrue(CellFlags.has(vm.getFrame().kernel().flags(0, 0), CellFlags.LINKED));
        // the kernel's centre meets the 4 x 4 inner cells
        vm.hoverProperty().set(new Link(Link.Grid.KERNEL, 1, 1));
        in = vm.getFrame().input();
        assertEquals(16, in.count(CellFlags.LINKED));
        assertFalse(CellFlags.has(in.flags(0, 0), CellFlags.LINKED));
        vm.hoverProperty().set(null);
        assertEquals(0, vm.getFrame().input().count(CellFlags.LINKED));
    }

    @Test
    void aPaddingCellHoveredLightsTheInputCellItCopies() {
        scenario.layer().paddingRuleProperty().set(org.convlens.engine.Padding.Rule.SAME);
        scenario.layer().paddingModeProperty().set(org.convlens.engine.PaddingMode.REFLECT);
        GridPicture in = vm.getFrame().input();
        assertEquals(8, in.rows());
        assertEquals(GridPicture.PADDING, in.kind(0, 0));
        assertEquals("5", in.text(0, 0), "reflect: (-1, -1) reads input (1, 1)");
        vm.hoverProperty().set(new Link(Link.Grid.INPUT, 0, 0));
        assertTrue(CellFlags.has(vm.getFrame().input().flags(2, 2), CellFlags.SOURCE));
    }

    @Test
    void poolingStepsFollowTheConvolutionStepsAndShowTheirWindow() throws Exception {
        scenario.load(SpecReader.read(Path.of("examples/everything.json")));
        Computation c = scenario.getComputation();
        assertEquals(50, c.convSteps());
        assertEquals(18, c.poolSteps());
        vm.jumpTo(50);
        Frame f = vm.getFrame();
        assertTrue(f.pooling());
        assertEquals(0, f.featureMap().count(CellFlags.PENDING), "the feature map is complete when pooling starts");
        assertEquals(4, f.featureMap().count(CellFlags.IN_WINDOW));
        assertEquals(1, f.featureMap().count(CellFlags.CHOSEN));
        assertEquals(8, f.pooled().count(CellFlags.PENDING));
        String line = f.arithmetic().get(0).stream().map(Token::text).reduce("", String::concat);
        assertTrue(line.startsWith("max("), line);
        // with ceil mode the last window of a 5-wide map overhangs: it reads 1 x 1 cells only
        vm.jumpTo(50 + 8);
        assertEquals(1, vm.getFrame().featureMap().count(CellFlags.IN_WINDOW));
        vm.termPaceProperty().set(true);
        vm.jumpTo(50);
        assertTrue(vm.getFrame().runningSum().contains("running max"), vm.getFrame().runningSum());
        assertEquals(5, c.termsIn(50) + 1, "four cells, then the result");
    }

    @Test
    void severalInputChannelsShowEachPartialSumAndTheSliceSelectorPicksTheirGrids() throws Exception {
        scenario.load(SpecReader.read(Path.of("examples/everything.json")));
        Frame f = vm.getFrame();
        List<List<Token>> lines = f.arithmetic();
        assertEquals("in 0:", lines.get(0).get(0).text());
        assertEquals("in 1:", lines.get(1).get(0).text());
        assertEquals("channels:", lines.get(2).get(0).text());
        assertEquals(0, f.inChannel());
        vm.pinnedSliceProperty().set(1);
        f = vm.getFrame();
        assertEquals(1, f.inChannel());
        assertEquals(1, f.slice());
        Kernel k = scenario.getComputation().plan().directKernel();
        assertEquals(NumberText.cell(k.get(0, 1, 0, 0)), f.kernel().text(0, 0));
        // following the terms: in term pace the shown channel is the one being read
        vm.pinnedSliceProperty().set(-1);
        vm.termPaceProperty().set(true);
        for (int t = 0; t < 10; t++) {
            vm.forward();
        }
        assertEquals(1, vm.getFrame().slice());
    }

    @Test
    void theActivationIsShownAsACallWithItsResult() throws Exception {
        scenario.load(SpecReader.read(Path.of("examples/everything.json")));
        Frame f = vm.getFrame();
        String act = f.arithmetic().stream().filter(l -> l.get(0).text().equals("activation:")).findFirst()
                .orElseThrow().stream().map(Token::text).reduce("", (a, b) -> a + b);
        assertTrue(act.contains("leaky_relu(") && act.contains(", 0.1)"), act);
        assertEquals(NumberText.cell(f.convStep().output()),
                act.substring(act.lastIndexOf('=') + 1));
    }

    @Test
    void aWeightAcrossGroupsCannotBeEdited() {
        scenario.inChannelsProperty().set(2);
        scenario.layer().outChannelsProperty().set(2);
        scenario.layer().groupsProperty().set(2);
        assertNull(scenario.errorProperty().get());
        assertTrue(scenario.setKernelCell(0, 1, 0, 0, "1").contains("another group"));
        assertNull(scenario.setKernelCell(1, 1, 0, 0, "4"));
        assertEquals(4f, scenario.kernelCell(1, 1, 0, 0));
    }

    @Test
    void aTransposedConvolutionTooBigToReadIsRefusedWithAMessage() {
        Computation before = scenario.getComputation();
        scenario.layer().transposedProperty().set(true);
        scenario.layer().strideYProperty().set(16);
        scenario.inHeightProperty().set(20);
        SettingError e = scenario.errorProperty().get();
        assertEquals(Setting.INPUT_SIZE, e.at());
        assertTrue(e.message(Locale.ENGLISH).contains("307 x 8"), e.message(Locale.ENGLISH));
        assertTrue(scenario.getComputation() != before, "the last picture that could be shown stays");
        scenario.inHeightProperty().set(6);
        assertNull(scenario.errorProperty().get());
    }

    @Test
    void withAnActivationTheMapBeforeItShowsBesideTheMapAfterIt() {
        assertNull(vm.getFrame().preActivation(), "no activation: no second map");
        scenario.layer().activationProperty().set(org.convlens.engine.Activation.Type.RELU);
        vm.last();
        Frame f = vm.getFrame();
        GridPicture pre = f.preActivation();
        assertEquals(f.featureMap().rows(), pre.rows());
        Computation c = scenario.getComputation();
        int w = c.plan().outWidth();
        for (int i = 0; i < c.convSteps(); i++) {
            // the trace adds each step's products and the bias on its own: the map before ReLU shows them
            var step = c.convStep(i);
            assertEquals(NumberText.cell(step.preActivation()), pre.text(i / w, i % w), "cell " + i);
            assertEquals(NumberText.cell(Math.max(0, step.preActivation())), f.featureMap().text(i / w, i % w));
        }
        assertEquals(NumberText.MINUS + "5", pre.text(0, 0), "the worked example's first sum, before ReLU");
        assertEquals("0", f.featureMap().text(0, 0));

        vm.first();
        assertEquals(pre.rows() * pre.cols() - 1, vm.getFrame().preActivation().count(CellFlags.PENDING),
                "filled step by step like the output");
        vm.coversProperty().set(new Covers(java.util.Set.of(), java.util.Set.of(List.of(0, 0, 0)), java.util.Set.of()));
        assertEquals(Covers.HIDDEN_TEXT, vm.getFrame().preActivation().text(0, 0),
                "a hidden output cell is hidden before the activation too");
        scenario.layer().activationProperty().set(org.convlens.engine.Activation.Type.NONE);
        assertNull(vm.getFrame().preActivation());
    }
}
