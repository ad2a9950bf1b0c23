package org.convlens.ui.network;

import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;
import org.convlens.network.ActivationLayer;
import org.convlens.network.ConvLayer;
import org.convlens.network.FlattenLayer;
import org.convlens.network.Layer;
import org.convlens.network.LinearLayer;
import org.convlens.network.PoolLayer;
import org.convlens.network.Shape;
import org.convlens.ui.settings.LayerSettingsViewModel;

import java.util.Locale;
import java.util.Random;

/**
 * One layer of the stack the Network tab edits. A convolution, a pooling or an activation layer
 * keeps its settings in the same view-model the stepper uses ({@link LayerSettingsViewModel}, over
 * the one settings model), so it is edited with the same controls; a linear layer holds its size
 * and activation, its weights drawn with He initialisation from a seed. No JavaFX nodes.
 */
public final class LayerItem {
    /** The layer types of a network file. */
    public enum Kind {
        CONV("conv"), ACTIVATION("activation"), POOL("pool"), FLATTEN("flatten"), LINEAR("linear");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Kind kind;
    private final LayerSettingsViewModel settings;
    private final IntegerProperty outFeatures = new SimpleIntegerProperty(this, "outFeatures", 10);
    private final ObjectProperty<Activation.Type> linearActivation = new SimpleObjectProperty<>(this,
            "linearActivation", Activation.Type.NONE);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final long seed;
    private float[] linearWeight;
    private float[] linearBias;

    private LayerItem(Kind kind, long seed) {
        this.kind = kind;
        this.seed = seed;
        this.settings = new LayerSettingsViewModel(new Random(seed));
        settings.revisionProperty().addListener(o -> changed());
        for (Observable o : new Observable[] {outFeatures, linearActivation}) {
            o.addListener(x -> changed());
        }
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** A new layer of {@code kind} with sensible first settings; {@code seed} draws its weights. */
    public static LayerItem of(Kind kind, long seed) {
        LayerItem it = new LayerItem(kind, seed);
        switch (kind) {
            case CONV -> it.settings.load(ConvSpec.builder(heKernel(4, 1, 3, 3, seed)).padding(
                    org.convlens.engine.Padding.of(1)).activation(Activation.RELU).build(), 1);
            case POOL -> it.settings.set(org.convlens.spec.LayerSettings.Name.POOL, "max:2");
            case ACTIVATION -> it.settings.activationProperty().set(Activation.Type.RELU);
            default -> {
            }
        }
        return it;
    }

    /** A convolution layer holding {@code spec} (its kernel's input side laid out for {@code inChannels}). */
    public static LayerItem conv(ConvSpec spec, int inChannels, long seed) {
        LayerItem it = new LayerItem(Kind.CONV, seed);
        it.settings.load(spec, inChannels);
        return it;
    }

    /** A pooling layer. */
    public static LayerItem pool(PoolSpec p, long seed) {
        LayerItem it = new LayerItem(Kind.POOL, seed);
        it.settings.load(ConvSpec.builder(new Kernel(1, 1, 1, 1, new float[] {1})).pool(p).build(), 1);
        return it;
    }

    /** An activation layer. */
    public static LayerItem activation(Activation a, long seed) {
        LayerItem it = new LayerItem(Kind.ACTIVATION, seed);
        it.settings.load(ConvSpec.builder(new Kernel(1, 1, 1, 1, new float[] {1})).activation(a).build(), 1);
        return it;
    }

    /** A linear layer of {@code out} outputs. */
    public static LayerItem linear(int out, Activation.Type activation, long seed) {
        LayerItem it = new LayerItem(Kind.LINEAR, seed);
        it.outFeatures.set(out);
        it.linearActivation.set(activation);
        return it;
    }

    /** A linear layer holding {@code l}'s own weights and bias (kept while its input size stays). */
    public static LayerItem linear(LinearLayer l, long seed) {
        LayerItem it = linear(l.outFeatures(), l.activation().type(), seed);
        it.linearWeight = l.weight().clone();
        it.linearBias = l.bias().clone();
        return it;
    }

    /**
     * The item holding {@code layer} as a network file gives it, reading a map of shape {@code in}:
     * its settings and weights are the layer's own.
     */
    public static LayerItem of(Layer layer, Shape in, long seed) {
        if (layer instanceof ConvLayer c) {
            return conv(c.spec(), in.channels(), seed);
        }
        if (layer instanceof PoolLayer p) {
            return pool(p.pool(), seed);
        }
        if (layer instanceof ActivationLayer a) {
            return activation(a.activation(), seed);
        }
        if (layer instanceof LinearLayer l) {
            return linear(l, seed);
        }
        return of(Kind.FLATTEN, seed);
    }

    /**
     * Weights drawn as PyTorch's {@code kaiming_normal_} (He initialisation for ReLU):
     * normal with mean 0 and standard deviation sqrt(2 / fan_in), from {@code seed}.
     */
    static Kernel heKernel(int out, int inPerGroup, int kh, int kw, long seed) {
        Random r = new Random(seed);
        double sd = Math.sqrt(2.0 / (inPerGroup * kh * kw));
        float[] w = new float[out * inPerGroup * kh * kw];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() * sd);
        }
        return new Kernel(out, inPerGroup, kh, kw, w);
    }

    public Kind kind() {
        return kind;
    }

    /** The settings of a convolution, pooling or activation layer (the stepper's view-model). */
    public LayerSettingsViewModel settings() {
        return settings;
    }

    /** A linear layer's outputs. */
    public IntegerProperty outFeaturesProperty() {
        return outFeatures;
    }

    public ObjectProperty<Activation.Type> linearActivationProperty() {
        return linearActivation;
    }

    /** Goes up with every change of the layer. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /**
     * The layer as the network engine takes it, reading a map of shape {@code in}. A convolution's
     * kernel is laid out for {@code in}'s channels (weights that still have their place are kept);
     * a linear layer's weights are drawn for its input size when that changes.
     *
     * @throws SpecException at the setting that cannot be used (a path under the layer's own)
     */
    public Layer toLayer(Shape in) {
        return switch (kind) {
            case CONV -> {
                settings.setInChannels(in.channels());
                yield new ConvLayer(settings.build());
            }
            case POOL -> {
                ConvSpec s = settings.build();
                yield new PoolLayer(s.pool() == null ? PoolSpec.of(PoolSpec.Type.MAX, 2) : s.pool());
            }
            case ACTIVATION -> new ActivationLayer(settings.build().activation());
            case FLATTEN -> new FlattenLayer();
            case LINEAR -> linearLayer((int) Math.min(Integer.MAX_VALUE, in.size()));
        };
    }

    private LinearLayer linearLayer(int in) {
        int out = outFeatures.get();
        if (out < 1) {
            throw new SpecException("$.weight", "error.atLeastOne", out);
        }
        if ((long) in * out > 64L << 20) {
            throw new SpecException("$.weight", "error.output.tooLarge", out + " x " + in);
        }
        if (linearWeight == null || linearWeight.length != in * out) {
            Random r = new Random(seed);
            double sd = Math.sqrt(2.0 / in);
            linearWeight = new float[in * out];
            for (int i = 0; i < linearWeight.length; i++) {
                linearWeight[i] = (float) (r.nextGaussian() * sd);
            }
            linearBias = new float[out];
        }
        return new LinearLayer(out, in, linearWeight, linearBias, Activation.of(linearActivation.get()));
    }

    /** A short name in {@code locale}'s words: {@code conv 3 x 3, 8}, {@code max pool 2}, {@code relu}, {@code linear 10}. */
    public String label(Locale locale) {
        return switch (kind) {
            case CONV -> NetworkText.get(locale, "network.item.conv", String.valueOf(settings.kernelHeightProperty().get()),
                    String.valueOf(settings.kernelWidthProperty().get()), String.valueOf(settings.outChannelsProperty().get()));
            case POOL -> {
                int ph = settings.poolHeightProperty().get();
                int pw = settings.poolWidthProperty().get();
                yield NetworkText.get(locale, "network.item.pool." + settings.poolTypeProperty().get().id(),
                        ph == pw ? String.valueOf(ph) : ph + "\u00d7" + pw);
            }
            // The function's own name (relu, tanh...), as in PyTorch and the network files.
            case ACTIVATION -> settings.activationProperty().get().id();
            case FLATTEN -> NetworkText.get(locale, "network.item.flatten");
            case LINEAR -> NetworkText.get(locale, "network.item.linear", String.valueOf(outFeatures.get()));
        };
    }
}
