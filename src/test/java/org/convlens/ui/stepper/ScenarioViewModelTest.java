package org.convlens.ui.stepper;

import org.convlens.engine.Kernel;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecReader;
import org.convlens.spec.SpecWriter;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScenarioViewModelTest {
    @Test
    void theWorkedExampleIsTheOneInExamples() throws Exception {
        assertEquals(SpecWriter.toJson(SpecReader.read(Path.of("examples/vertical-edge.json"))),
                SpecWriter.toJson(WorkedExample.problem()));
    }

    @Test
    void loadingAScenarioGivesItBackUnchanged() throws Exception {
        ScenarioViewModel s = new ScenarioViewModel(new Random(1));
        try (var files = Files.list(Path.of("examples"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (SpecReader.parseJson(Files.readString(f)).has("layers")) {
                    continue; // a network file (NetworkCommandTest runs those)
                }
                Problem p = SpecReader.read(f);
                s.load(p);
                assertNull(s.errorProperty().get(), f.toString());
                assertEquals(SpecWriter.toJson(p), SpecWriter.toJson(s.latestProblemProperty().get()), f.toString());
            }
        }
    }

    @Test
    void resizingKeepsTheValuesThatStillFit() {
        ScenarioViewModel s = new ScenarioViewModel(new Random(1));
        float corner = s.inputProperty().get().get(0, 4, 4);
        s.inHeightProperty().set(8);
        assertEquals(8, s.getComputation().input().height());
        assertEquals(corner, s.getComputation().input().get(0, 4, 4));
        assertEquals(0f, s.getComputation().input().get(0, 7, 0));
        s.layer().kernelWidthProperty().set(2);
        Kernel k = s.kernelProperty().get();
        assertEquals(2, k.width());
        assertEquals(1f, k.get(0, 0, 2, 0));
    }

    @Test
    void switchingToTransposedKeepsTheWeightJoiningEachPairOfChannels() {
        ScenarioViewModel s = new ScenarioViewModel(new Random(1));
        s.inChannelsProperty().set(2);
        s.layer().outChannelsProperty().set(3);
        assertNull(s.setKernelCell(2, 1, 0, 1, "7"));
        assertEquals(7f, s.kernelProperty().get().get(2, 1, 0, 1));
        s.layer().transposedProperty().set(true);
        Kernel k = s.kernelProperty().get();
        assertEquals(2, k.dim0(), "transposed kernels are in x out/groups x kh x kw");
        assertEquals(3, k.dim1());
        assertEquals(7f, k.get(1, 2, 0, 1));
        assertEquals(7f, s.kernelCell(2, 1, 0, 1));
        assertNull(s.errorProperty().get());
        assertEquals(3, s.getComputation().plan().outChannels());
    }

    @Test
    void randomFillIsSeeded() {
        ScenarioViewModel a = new ScenarioViewModel(new Random(42));
        ScenarioViewModel b = new ScenarioViewModel(new Random(42));
        a.randomInput();
        b.randomInput();
        assertEquals(a.inputProperty().get(), b.inputProperty().get());
        a.fillKernel(2);
        assertEquals(2f, a.kernelProperty().get().get(0, 0, 2, 2));
        a.clearInput();
        assertEquals(0f, a.inputProperty().get().get(0, 3, 3));
    }

    @Test
    void transposedConvolutionShowsTheInsertedZerosAsCells() {
        ScenarioViewModel s = new ScenarioViewModel(new Random(1));
        StepperViewModel vm = new StepperViewModel(s);
        s.inHeightProperty().set(3);
        s.inWidthProperty().set(3);
        s.layer().transposedProperty().set(true);
        s.layer().strideYProperty().set(2);
        s.layer().strideXProperty().set(2);
        assertNull(s.errorProperty().get());
        var in = vm.getFrame().input();
        // 3 inputs with 1 zero between each: 5, plus k - 1 = 2 zero padding on each side: 9
        assertEquals(9, in.rows());
        assertEquals(org.convlens.ui.grid.GridPicture.INSERTED, in.kind(3, 2));
        assertEquals(org.convlens.ui.grid.GridPicture.INPUT, in.kind(2, 2));
        assertEquals(org.convlens.ui.grid.GridPicture.PADDING, in.kind(0, 0));
        // the kernel slides rotated, and the entered one is shown beside it
        assertEquals(vm.getFrame().kernel().text(0, 0), vm.getFrame().enteredKernel().text(2, 2));
    }

    @Test
    void undoAndRedoWalkBackAndForthThroughEveryChange() {
        ScenarioViewModel s = new ScenarioViewModel(new Random(1));
        assertEquals(false, s.canUndoProperty().get());
        s.layer().strideXProperty().set(2);
        s.setInputCell(0, 0, 0, "9");
        s.layer().biasTextProperty().set("1, x");
        s.layer().biasTextProperty().set("0.5");
        assertEquals(true, s.canUndoProperty().get());
        s.undo();
        assertEquals("0", s.layer().biasTextProperty().get());
        assertEquals(9f, s.getComputation().input().get(0, 0, 0));
        s.undo();
        assertEquals(3f, s.getComputation().input().get(0, 0, 0));
        assertEquals(2, s.layer().strideXProperty().get());
        s.undo();
        assertEquals(1, s.layer().strideXProperty().get());
        assertEquals(false, s.canUndoProperty().get());
        s.redo();
        s.redo();
        assertEquals(9f, s.getComputation().input().get(0, 0, 0));
        s.layer().strideYProperty().set(3);
        assertEquals(false, s.canRedoProperty().get(), "a new change forgets what was undone");
    }
}
