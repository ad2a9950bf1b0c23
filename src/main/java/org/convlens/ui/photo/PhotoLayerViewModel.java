package org.convlens.ui.photo;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.KernelPresets;
import org.convlens.engine.Padding;
import org.convlens.engine.SpecException;
import org.convlens.image.ChannelPolicy;
import org.convlens.image.FrequencyResponse;
import org.convlens.image.ImageText;
import org.convlens.image.Photo;
import org.convlens.spec.Numbers;
import org.convlens.ui.LocalText;
import org.convlens.ui.settings.LayerSettingsViewModel;
import org.convlens.ui.settings.Setting;
import org.convlens.ui.settings.SettingError;
import org.convlens.ui.settings.SettingMessages;

import java.util.Locale;

/**
 * The Photos tab's settings: the layer (the shared settings model, loaded from the stepper's),
 * the message at each setting, the kernel's first slice as typed cells, the kernel as a filter
 * (its frequency response and band), and how the settings meet the photo's channels. No JavaFX
 * nodes. {@link PhotoViewModel} runs what these settings say.
 */
public final class PhotoLayerViewModel {
    private final ObjectProperty<Locale> locale;
    private final LayerSettingsViewModel layer = new LayerSettingsViewModel();
    private final SettingMessages messages;
    private final LocalText cellError;
    private final LocalText band;
    private final LocalText channelInfo;
    private final ReadOnlyObjectWrapper<FrequencyResponse> frequency = new ReadOnlyObjectWrapper<>(this, "frequency");

    PhotoLayerViewModel(ObjectProperty<Locale> locale) {
        this.locale = locale;
        this.messages = new SettingMessages(locale);
        this.cellError = new LocalText(locale);
        this.band = new LocalText(locale);
        this.channelInfo = new LocalText(locale);
        layer.load(ConvSpec.builder(KernelPresets.get("sobel_x")).padding(Padding.SAME).build(), 1);
        layer.kernelProperty().addListener((o, a, k) -> updateFrequency(k));
        updateFrequency(layer.kernelProperty().get());
    }

    /** The layer's settings as the tab edits them. */
    public LayerSettingsViewModel layer() {
        return layer;
    }

    /** The message at each setting (a setting that does not fit the photo says so there). */
    public SettingMessages messages() {
        return messages;
    }

    /** What is wrong with a kernel cell as typed, or empty. */
    public ReadOnlyStringProperty cellErrorProperty() {
        return cellError.property();
    }

    public ReadOnlyObjectProperty<FrequencyResponse> frequencyProperty() {
        return frequency.getReadOnlyProperty();
    }

    /** The kernel named as a filter (low-pass, ...). */
    public ReadOnlyStringProperty bandProperty() {
        return band.property();
    }

    /** How the photo's channels meet the kernel, in words. */
    public ReadOnlyStringProperty channelInfoProperty() {
        return channelInfo.property();
    }

    /**
     * Sets weight (y, x) of the kernel's first slice from typed text ({@link Numbers}).
     *
     * @return false if the text is not a number (the weight keeps its value and the error says so)
     */
    public boolean setKernelCell(int y, int x, String text) {
        Float v = Numbers.parse(text);
        if (v == null) {
            cellError.set(l -> PhotoText.get(l, "error.cell", y + 1, x + 1, text));
            return false;
        }
        cellError.clear();
        Kernel k = layer.kernelProperty().get();
        if (y < k.height() && x < k.width() && Float.floatToIntBits(k.get(0, 0, y, x)) != Float.floatToIntBits(v)) {
            layer.setWeight(0, 0, y, x, v);
        }
        return true;
    }

    /**
     * The settings as they run on photo {@code p} (a single 2-D kernel applied to each channel of
     * a colour photo: {@link ChannelPolicy}), checked against it; {@code p} may be null (no photo
     * yet: the settings alone are checked). Whatever is wrong is said at its setting.
     *
     * @return the spec, or null when the settings cannot run on the photo
     */
    ConvSpec check(Photo p) {
        ConvSpec s;
        try {
            s = layer.build();
            if (p != null) {
                s = ChannelPolicy.forChannels(s, p.channels());
                ConvPlan.of(s, p.tensor());
            }
        } catch (SpecException e) {
            messages.errorProperty().set(new SettingError(Setting.of(e.field()), Setting.of(layer.lastEdited()),
                    e::message));
            return null;
        }
        messages.errorProperty().set(null);
        updateChannelInfo(p);
        return s;
    }

    /** The problem at the settings now, or null. */
    SettingError problem() {
        return messages.errorProperty().get();
    }

    private void updateFrequency(Kernel k) {
        if (k == null) {
            return;
        }
        float[][] rows = new float[k.height()][k.width()];
        for (int y = 0; y < k.height(); y++) {
            for (int x = 0; x < k.width(); x++) {
                rows[y][x] = k.get(0, 0, y, x);
            }
        }
        FrequencyResponse f = FrequencyResponse.of(rows, 64);
        frequency.set(f);
        band.set(l -> ImageText.get(l, "band." + f.band().key()));
    }

    /** Says how photo {@code p}'s channels meet the kernel: each channel on its own, or the kernel as it is. */
    void updateChannelInfo(Photo p) {
        if (p == null) {
            channelInfo.clear();
            return;
        }
        String photoKey = p.channels() == 3 ? "channels.rgb" : p.fileGray() ? "channels.grayFile" : "channels.gray";
        ConvSpec s;
        try {
            s = layer.build();
        } catch (SpecException e) {
            s = null;
        }
        String use = s == null ? null : ChannelPolicy.depthwise(s, p.channels()) ? "channels.depthwise"
                : s.kernel().dim1() * s.groups() == p.channels() || s.transposed() && s.kernel().dim0() == p.channels()
                ? "channels.asIs" : null;
        int in = layer.settings().inChannels();
        channelInfo.set(l -> PhotoText.get(l, photoKey) + (use == null ? "" : " " + PhotoText.get(l, use, in)));
    }
}
