package org.convlens.ui.photo;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.KernelPresets;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;
import org.convlens.image.KernelText;

import java.util.Arrays;

/**
 * The settings the photo view applies, as editable properties, and the {@link ConvSpec} they make
 * ({@link #specProperty()}), or a message saying which setting is wrong ({@link #errorProperty()}).
 * Kernel cells are edited as text: a cell that is not a number marks the kernel invalid and keeps
 * the last good spec.
 */
public final class PhotoSettings {
    /** Padding choices: the named rules, or explicit widths. */
    public enum PaddingChoice {
        VALID, SAME, FULL, EXPLICIT
    }

    /** Pooling choices. */
    public enum PoolChoice {
        NONE, MAX, AVG
    }

    // Properties
    private final ReadOnlyObjectWrapper<String[][]> cells = new ReadOnlyObjectWrapper<>(this, "cells");
    private final StringProperty preset = new SimpleStringProperty(this, "preset", "sobel_x");
    private final StringProperty biasText = new SimpleStringProperty(this, "bias", "0");
    private final IntegerProperty stride = new SimpleIntegerProperty(this, "stride", 1);
    private final IntegerProperty dilation = new SimpleIntegerProperty(this, "dilation", 1);
    private final ObjectProperty<PaddingChoice> padding = new SimpleObjectProperty<>(this, "padding", PaddingChoice.SAME);
    private final IntegerProperty paddingWidth = new SimpleIntegerProperty(this, "paddingWidth", 1);
    private final ObjectProperty<PaddingMode> paddingMode = new SimpleObjectProperty<>(this, "paddingMode", PaddingMode.ZEROS);
    private final BooleanProperty flip = new SimpleBooleanProperty(this, "flip", false);
    private final ObjectProperty<Activation.Type> activation = new SimpleObjectProperty<>(this, "activation", Activation.Type.NONE);
    private final ObjectProperty<PoolChoice> pool = new SimpleObjectProperty<>(this, "pool", PoolChoice.NONE);
    private final IntegerProperty poolSize = new SimpleIntegerProperty(this, "poolSize", 2);
    private final ReadOnlyObjectWrapper<ConvSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<float[][]> kernelRows = new ReadOnlyObjectWrapper<>(this, "kernelRows");

    public PhotoSettings() {
        Observable[] deps = {cells, biasText, stride, dilation, padding, paddingWidth, paddingMode, flip, activation, pool,
            poolSize};
        for (Observable o : deps) {
            o.addListener(x -> rebuild());
        }
        usePreset("sobel_x");
    }

    public ReadOnlyObjectProperty<String[][]> cellsProperty() {
        return cells.getReadOnlyProperty();
    }

    /** The preset last chosen (empty once a cell is edited by hand). */
    public StringProperty presetProperty() {
        return preset;
    }

    public StringProperty biasTextProperty() {
        return biasText;
    }

    public IntegerProperty strideProperty() {
        return stride;
    }

    public IntegerProperty dilationProperty() {
        return dilation;
    }

    public ObjectProperty<PaddingChoice> paddingProperty() {
        return padding;
    }

    /** Width on every side when {@link #paddingProperty()} is EXPLICIT. */
    public IntegerProperty paddingWidthProperty() {
        return paddingWidth;
    }

    public ObjectProperty<PaddingMode> paddingModeProperty() {
        return paddingMode;
    }

    public BooleanProperty flipProperty() {
        return flip;
    }

    public ObjectProperty<Activation.Type> activationProperty() {
        return activation;
    }

    public ObjectProperty<PoolChoice> poolProperty() {
        return pool;
    }

    public IntegerProperty poolSizeProperty() {
        return poolSize;
    }

    /** The spec the settings make; the last valid one while a setting is wrong. */
    public ReadOnlyObjectProperty<ConvSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public ConvSpec getSpec() {
        return spec.get();
    }

    /** What is wrong with the settings, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The kernel's weights (the last valid ones), for the frequency response. */
    public ReadOnlyObjectProperty<float[][]> kernelRowsProperty() {
        return kernelRows.getReadOnlyProperty();
    }

    // Commands

    /** Loads a preset's weights into the kernel cells. */
    public void usePreset(String name) {
        setRows(KernelPresets.rows(name));
        preset.set(name);
    }

    /** Sets every cell from rows of weights. */
    public void setRows(float[][] rows) {
        String[][] c = new String[rows.length][];
        for (int y = 0; y < rows.length; y++) {
            c[y] = new String[rows[y].length];
            for (int x = 0; x < rows[y].length; x++) {
                c[y][x] = KernelText.number(rows[y][x]);
            }
        }
        cells.set(c);
    }

    /** The text of one kernel cell, as typed; a non-number marks the settings invalid until fixed. */
    public void setCell(int y, int x, String text) {
        String[][] c = cells.get();
        if (c[y][x].equals(text)) {
            return;
        }
        String[][] n = new String[c.length][];
        for (int i = 0; i < c.length; i++) {
            n[i] = c[i].clone();
        }
        n[y][x] = text;
        preset.set("");
        cells.set(n);
    }

    /** Resizes the kernel to {@code size x size}, keeping the middle; new cells are 0. */
    public void resize(int size) {
        String[][] c = cells.get();
        if (size < 1 || (c.length == size && c[0].length == size)) {
            return;
        }
        String[][] n = new String[size][size];
        int oy = (c.length - size) / 2;
        int ox = (c[0].length - size) / 2;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sy = y + oy;
                int sx = x + ox;
                n[y][x] = sy >= 0 && sy < c.length && sx >= 0 && sx < c[0].length ? c[sy][sx] : "0";
            }
        }
        preset.set("");
        cells.set(n);
    }

    /** Takes the settings of a spec made elsewhere (the stepper): its first kernel slice and its layer settings. */
    public void useSpec(ConvSpec s) {
        Kernel k = s.kernel();
        float[][] rows = new float[k.height()][k.width()];
        for (int y = 0; y < k.height(); y++) {
            for (int x = 0; x < k.width(); x++) {
                rows[y][x] = k.get(0, 0, y, x);
            }
        }
        stride.set(s.strideY());
        dilation.set(s.dilationY());
        Padding p = s.padding();
        switch (p.rule()) {
            case VALID -> padding.set(PaddingChoice.VALID);
            case SAME -> padding.set(PaddingChoice.SAME);
            case FULL -> padding.set(PaddingChoice.FULL);
            default -> {
                paddingWidth.set(p.top());
                padding.set(PaddingChoice.EXPLICIT);
            }
        }
        paddingMode.set(s.paddingMode());
        flip.set(s.flip());
        activation.set(s.activation().type());
        biasText.set(s.bias() == null || s.bias().length == 0 ? "0" : KernelText.number(s.bias()[0]));
        if (s.pool() == null) {
            pool.set(PoolChoice.NONE);
        } else {
            poolSize.set(s.pool().kernelHeight());
            pool.set(s.pool().type() == PoolSpec.Type.MAX ? PoolChoice.MAX : PoolChoice.AVG);
        }
        setRows(rows);
        preset.set(KernelPresets.names().stream().filter(n -> Arrays.deepEquals(KernelPresets.rows(n), rows))
                .findFirst().orElse(""));
    }

    private void rebuild() {
        String[][] c = cells.get();
        if (c == null) {
            return;
        }
        float[][] rows = new float[c.length][c[0].length];
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < c.length; y++) {
            text.append(y == 0 ? "" : ";");
            for (int x = 0; x < c[y].length; x++) {
                String t = c[y][x].trim();
                try {
                    float[][] one = KernelText.parse(t);
                    if (one.length != 1 || one[0].length != 1) {
                        throw new KernelText.KernelTextException(PhotoText.get("error.cell", y + 1, x + 1, t));
                    }
                    rows[y][x] = one[0][0];
                } catch (KernelText.KernelTextException e) {
                    error.set(PhotoText.get("error.cell", y + 1, x + 1, t));
                    return;
                }
            }
        }
        try {
            float bias;
            try {
                float[][] b = KernelText.parse(biasText.get());
                if (b.length != 1 || b[0].length != 1) {
                    throw new KernelText.KernelTextException("");
                }
                bias = b[0][0];
            } catch (KernelText.KernelTextException e) {
                error.set(PhotoText.get("error.bias", biasText.get()));
                return;
            }
            ConvSpec.Builder b = ConvSpec.builder(Kernel.of(rows)).bias(new float[] {bias}).stride(stride.get())
                    .dilation(dilation.get()).paddingMode(paddingMode.get()).flip(flip.get())
                    .activation(Activation.of(activation.get()));
            b.padding(switch (padding.get()) {
                case VALID -> Padding.VALID;
                case SAME -> Padding.SAME;
                case FULL -> Padding.FULL;
                case EXPLICIT -> Padding.of(paddingWidth.get());
            });
            if (pool.get() != PoolChoice.NONE) {
                b.pool(PoolSpec.of(pool.get() == PoolChoice.MAX ? PoolSpec.Type.MAX : PoolSpec.Type.AVG, poolSize.get()));
            }
            ConvSpec s = b.build();
            error.set("");
            if (!Arrays.deepEquals(rows, kernelRows.get())) {
                kernelRows.set(rows);
            }
            spec.set(s);
        } catch (SpecException e) {
            error.set(e.localizedMessage());
        }
    }
}
