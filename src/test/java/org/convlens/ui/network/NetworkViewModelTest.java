package org.convlens.ui.network;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.PaddingMode;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Region;
import org.convlens.spec.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Network tab's state, without a window: the forward pass and the checks run at once. */
class NetworkViewModelTest {
    private static NetworkViewModel vm() {
        NetworkViewModel vm = new NetworkViewModel(Runnable::run, Runnable::run);
        vm.localeProperty().set(Locale.ENGLISH);
        return vm;
    }

    @Test
    void leNet5ShapesParametersAndMultiplyAddsAsTorchsummaryCountsThem() {
        NetworkViewModel vm = vm();
        NetworkPlan p = vm.planProperty().get();
        assertEquals("10", p.output().toString());
        assertEquals(61_706, p.parameters());
        List<SummaryRow> rows = NetworkViewModel.summary(p);
        assertEquals("6 x 28 x 28", rows.get(0).shape());
        assertEquals(156, rows.get(0).params());
        assertEquals("16 x 5 x 5", rows.get(3).shape());
        assertEquals("16 \u00d7 16", rows.get(3).fieldSize());
        assertEquals("total", rows.get(rows.size() - 1).type());
        assertNotNull(vm.mapsProperty().get());
        assertEquals(p.maps().size(), vm.mapsProperty().get().maps().size());
    }

    @Test
    void anEditUpdatesTheShapesAndTheMaps() {
        NetworkViewModel vm = vm();
        LayerItem conv = vm.layers().get(0);
        conv.settings().outChannelsProperty().set(8);
        NetworkPlan p = vm.planProperty().get();
        assertEquals("8 x 28 x 28", p.layer(0).out().toString());
        assertEquals(8, vm.mapsProperty().get().map(1).channels());
        assertEquals(8 * 25 + 8, p.layer(0).params());
        assertEquals("16 x 10 x 10", p.layer(2).out().toString(), "the next conv takes 8 channels now");
    }

    @Test
    void anImpossibleStackSaysWhyAtItsLayerAndTheLastPictureStays() {
        NetworkViewModel vm = vm();
        NetworkPlan before = vm.planProperty().get();
        LayerItem pool = vm.layers().get(3);
        pool.settings().poolHeightProperty().set(12);
        NetworkViewModel.LayerError e = vm.errorProperty().get();
        assertNotNull(e);
        assertEquals(3, e.layer());
        assertTrue(vm.errorText().get().startsWith("Layer 4:"), vm.errorText().get());
        assertSame(before, vm.planProperty().get(), "the last valid picture stays");
        assertTrue(!vm.messagesOf(pool).at(org.convlens.ui.settings.Setting.POOL).get().isEmpty());
        pool.settings().poolHeightProperty().set(2);
        assertNull(vm.errorProperty().get());
        assertTrue(vm.errorText().get().isEmpty());
    }

    @Test
    void aClickedCellLightsItsFieldInEveryEarlierMap() {
        NetworkViewModel vm = vm();
        vm.pickedProperty().set(new NetworkViewModel.Cell(4, 3, 2, 2));
        List<Region> lit = vm.litProperty().get();
        assertEquals(5, lit.size(), "the input and every map up to the cell's");
        Region in = lit.get(0);
        assertEquals(16, in.rows().size());
        assertEquals(6, in.rows().lo());
        assertTrue(in.contains(0, 6, 6) && in.contains(0, 21, 21) && !in.contains(0, 22, 21));
        for (Region r : lit) {
            assertTrue(r.cellCount() > 0);
        }
        vm.pickedProperty().set(null);
        vm.pointedProperty().set(new NetworkViewModel.Cell(0, 0, 14, 14));
        assertTrue(vm.litProperty().get().size() > 5, "an input cell reaches every later map");
    }

    @Test
    void presetsBuildAndCompare() {
        NetworkViewModel vm = vm();
        for (NetworkPresets.Preset p : NetworkPresets.all()) {
            vm.usePreset(p.id());
            assertNull(vm.errorProperty().get(), p.id());
            assertNotNull(vm.planProperty().get(), p.id());
        }
        vm.usePreset("two3x3");
        assertEquals("one5x5", vm.compareWithProperty().get());
        assertEquals(18 + 2, vm.planProperty().get().parameters());
        assertEquals(25 + 1, vm.comparePlanProperty().get().parameters());
        assertEquals(5, vm.planProperty().get().layer(1).field().rows().size(), "two 3x3 see what one 5x5 sees");
        assertEquals(5, vm.comparePlanProperty().get().layer(0).field().rows().size());
    }

    @Test
    void aLayerOpensInTheStepperWithItsRealInput() {
        NetworkViewModel vm = vm();
        Problem p = vm.layerInStepper(2);
        assertEquals(6, p.input().channels());
        assertEquals(14, p.input().height());
        assertEquals(vm.mapsProperty().get().map(2), p.input(), "layer 2's pooled maps");
        float viaStepper = ConvEngine.run(p.spec(), p.input()).featureMap().get(0, 0, 0);
        assertEquals(vm.mapsProperty().get().map(3).get(0, 0, 0), viaStepper);
        assertNull(vm.layerInStepper(1), "a pool layer has no convolution to step through");
    }

    @Test
    void layersAreAddedMovedAndRemoved() {
        NetworkViewModel vm = vm();
        vm.usePreset("dilated");
        vm.selectedProperty().set(vm.layers().get(2));
        vm.add(LayerItem.Kind.ACTIVATION);
        assertEquals(4, vm.layers().size());
        assertEquals(LayerItem.Kind.ACTIVATION, vm.layers().get(3).kind());
        vm.move(-1);
        assertEquals(LayerItem.Kind.ACTIVATION, vm.layers().get(2).kind());
        vm.layers().get(0).settings().paddingModeProperty().set(PaddingMode.REFLECT);
        assertNull(vm.errorProperty().get());
        vm.removeSelected();
        assertEquals(3, vm.layers().size());
        assertEquals(15, vm.planProperty().get().layer(2).field().rows().size(), "1 + 2 + 4 + 8");
    }
}
