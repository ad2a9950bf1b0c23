package org.convlens.spec;

import org.convlens.engine.Activation;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;

/**
 * Every setting of one convolution layer as a person edits it, the one model behind every editor
 * (the stepper, the Photos tab, {@code apply}'s flags, the lessons, the Network tab's layers), as
 * JabRef keeps one preferences object behind each tab's view-model. Pure Java: view-models adapt
 * it to their controls.
 *
 * <ul>
 *   <li>It holds each setting by {@link Name}, typed ({@link #setStride(int, int)}) or as text in
 *       the command line's grammar ({@link #set(Name, String)}), read by one number parser
 *       ({@link Numbers}).</li>
 *   <li>{@link #load(ConvSpec, int)} takes any spec without loss: {@code build()} after
 *       {@code load(s, c)} equals {@code s}.</li>
 *   <li>{@link #build()} makes the {@link ConvSpec}, or throws a {@link SpecException} whose field
 *       names the setting that is wrong. Whether the settings fit an input (groups against channels,
 *       sizes) is {@link org.convlens.engine.ConvPlan}'s to say, nowhere else.</li>
 *   <li>Changing the kernel size, the channels, the groups or transposed reshapes the weights
 *       ({@link LayerWeights}), keeping every weight that still joins the same output and input
 *       channel at the same place.</li>
 * </ul>
 */
public final class LayerSettings {
    /** The settings, each a place where an editor shows a problem; {@link #field()} is its spec field. */
    public enum Name {
        CHANNELS("$.channels"), KERNEL("$.kernel"), BIAS("$.bias"), STRIDE("$.stride"), PADDING("$.padding"),
        PADDING_MODE("$.padding_mode"), DILATION("$.dilation"), GROUPS("$.groups"), FLIP("$.flip"),
        ACTIVATION("$.activation"), POOL("$.pool"), TRANSPOSED("$.transposed"), OUTPUT_PADDING("$.output_padding");

        private final String field;

        Name(String field) {
            this.field = field;
        }

        /** The spec field as a JSON path, {@code $.padding_mode}. */
        public String field() {
            return field;
        }

        /** The name as the spec and the command line write it: {@code padding_mode}. */
        public String id() {
            return field.substring(2);
        }

        /** The setting a spec field belongs to ({@code $.pool.size} is {@link #POOL}), or null. */
        public static Name of(String jsonPath) {
            if (jsonPath == null || !jsonPath.startsWith("$.")) {
                return null;
            }
            String head = jsonPath.substring(2).split("[.\\[]", 2)[0];
            for (Name n : values()) {
                if (n.id().equals(head)) {
                    return n;
                }
            }
            return null;
        }

        /** The setting the command line or a spec calls {@code id}, or null. */
        public static Name byId(String id) {
            for (Name n : values()) {
                if (n.id().equals(id)) {
                    return n;
                }
            }
            return null;
        }
    }

    private int inChannels = 1;
    private int outChannels = 1;
    private int kernelHeight = 3;
    private int kernelWidth = 3;
    private int groups = 1;
    private boolean transposed;
    /** The weights, in the layout they were last reshaped to. */
    private LayerWeights weights = new LayerWeights(new Kernel(1, 1, 3, 3, new float[9]),
            new KernelLayout(1, 1, 1, false, 3, 3));
    private int strideY = 1;
    private int strideX = 1;
    private int dilationY = 1;
    private int dilationX = 1;
    private Padding.Rule paddingRule = Padding.Rule.VALID;
    private int padTop;
    private int padBottom;
    private int padLeft;
    private int padRight;
    private PaddingMode paddingMode = PaddingMode.ZEROS;
    private boolean flip;
    private int outputPaddingY;
    private int outputPaddingX;
    private String biasText = "0";
    /** The bias as loaded, used until the bias text is edited (so a load is lossless). */
    private float[] loadedBias;
    private boolean biasLoaded = true;
    private Activation.Type activation = Activation.Type.NONE;
    private String slopeText = Numbers.shortest(Activation.DEFAULT_SLOPE);
    private boolean pool;
    private PoolSpec.Type poolType = PoolSpec.Type.MAX;
    private int poolHeight = 2;
    private int poolWidth = 2;
    private int poolStrideY = 2;
    private int poolStrideX = 2;
    private int poolPadY;
    private int poolPadX;
    private boolean ceilMode;
    private boolean countIncludePad = true;

    /** The defaults: a 3 x 3 kernel of zeros, one channel in and out, stride 1, no padding. */
    public LayerSettings() {
    }

    /** Settings holding {@code spec} for an input of {@code inChannels} channels. */
    public static LayerSettings of(ConvSpec spec, int inChannels) {
        LayerSettings s = new LayerSettings();
        s.load(spec, inChannels);
        return s;
    }

    /** A copy that can change independently of this one. */
    public LayerSettings copy() {
        LayerSettings c = new LayerSettings();
        c.copyFrom(this);
        return c;
    }

    /** Makes every setting equal to {@code o}'s. */
    public void copyFrom(LayerSettings o) {
        inChannels = o.inChannels;
        outChannels = o.outChannels;
        kernelHeight = o.kernelHeight;
        kernelWidth = o.kernelWidth;
        groups = o.groups;
        transposed = o.transposed;
        weights = o.weights;
        strideY = o.strideY;
        strideX = o.strideX;
        dilationY = o.dilationY;
        dilationX = o.dilationX;
        paddingRule = o.paddingRule;
        padTop = o.padTop;
        padBottom = o.padBottom;
        padLeft = o.padLeft;
        padRight = o.padRight;
        paddingMode = o.paddingMode;
        flip = o.flip;
        outputPaddingY = o.outputPaddingY;
        outputPaddingX = o.outputPaddingX;
        biasText = o.biasText;
        loadedBias = o.loadedBias;
        biasLoaded = o.biasLoaded;
        activation = o.activation;
        slopeText = o.slopeText;
        pool = o.pool;
        poolType = o.poolType;
        poolHeight = o.poolHeight;
        poolWidth = o.poolWidth;
        poolStrideY = o.poolStrideY;
        poolStrideX = o.poolStrideX;
        poolPadY = o.poolPadY;
        poolPadX = o.poolPadX;
        ceilMode = o.ceilMode;
        countIncludePad = o.countIncludePad;
    }

    /** Replaces every setting with those of {@code spec}, for an input of {@code inChannels} channels. */
    public void load(ConvSpec spec, int inChannels) {
        Kernel k = spec.kernel();
        int g = spec.groups();
        this.inChannels = inChannels;
        this.outChannels = spec.transposed() ? k.dim1() * g : k.dim0();
        this.kernelHeight = k.height();
        this.kernelWidth = k.width();
        this.groups = g;
        this.transposed = spec.transposed();
        this.weights = new LayerWeights(k, new KernelLayout(inChannels, outChannels, g, transposed, k.height(), k.width()));
        strideY = spec.strideY();
        strideX = spec.strideX();
        dilationY = spec.dilationY();
        dilationX = spec.dilationX();
        Padding p = spec.padding();
        paddingRule = p.rule();
        padTop = p.top();
        padBottom = p.bottom();
        padLeft = p.left();
        padRight = p.right();
        paddingMode = spec.paddingMode();
        flip = spec.flip();
        outputPaddingY = spec.outputPaddingY();
        outputPaddingX = spec.outputPaddingX();
        loadedBias = spec.bias() == null ? null : spec.bias().clone();
        biasLoaded = true;
        biasText = SettingText.biasText(spec.bias());
        activation = spec.activation().type();
        slopeText = Numbers.shortest(spec.activation().slope());
        PoolSpec q = spec.pool();
        pool = q != null;
        if (q != null) {
            poolType = q.type();
            poolHeight = q.kernelHeight();
            poolWidth = q.kernelWidth();
            poolStrideY = q.strideY();
            poolStrideX = q.strideX();
            poolPadY = q.padY();
            poolPadX = q.padX();
            ceilMode = q.ceilMode();
            countIncludePad = q.countIncludePad();
        }
    }

    /**
     * The spec these settings make.
     *
     * @throws SpecException at the setting that cannot be read or used ({@link SpecException#field()},
     *     mapped back by {@link Name#of(String)})
     */
    public ConvSpec build() {
        float[] bias = bias();
        float slope = slope();
        Kernel k = weights.kernelFor(currentKernelLayout());
        ConvSpec.Builder b = ConvSpec.builder(k).bias(bias).stride(strideY, strideX).dilation(dilationY, dilationX)
                .paddingMode(paddingMode).groups(groups).flip(flip).transposed(transposed);
        b.padding(switch (paddingRule) {
            case VALID -> Padding.VALID;
            case SAME -> Padding.SAME;
            case FULL -> Padding.FULL;
            case EXPLICIT -> Padding.of(padTop, padBottom, padLeft, padRight);
        });
        b.activation(activation == Activation.Type.LEAKY_RELU ? Activation.leakyRelu(slope) : Activation.of(activation));
        if (pool) {
            b.pool(new PoolSpec(poolType, poolHeight, poolWidth, poolStrideY, poolStrideX, poolPadY, poolPadX, ceilMode,
                    countIncludePad));
        }
        if (transposed) {
            b.outputPadding(outputPaddingY, outputPaddingX);
        }
        return b.build();
    }

    /** The bias the text says, checked ({@link SettingText#bias}), or the loaded one while the text is untouched. */
    float[] bias() {
        if (biasLoaded && (loadedBias == null || loadedBias.length == outChannels)) {
            return loadedBias == null ? null : loadedBias.clone();
        }
        return SettingText.bias(biasText, outChannels);
    }

    /** The slope the text says, checked when the activation is leaky_relu ({@link SettingText#slope}). */
    float slope() {
        return SettingText.slope(slopeText, activation == Activation.Type.LEAKY_RELU);
    }

    // The weights

    private KernelLayout currentKernelLayout() {
        return new KernelLayout(inChannels, outChannels, groups, transposed, kernelHeight, kernelWidth);
    }

    /** Brings the weights to the layout the settings ask for, keeping every weight that still has its place. */
    private void reshape() {
        weights = weights.reshapedTo(currentKernelLayout());
    }

    /**
     * The weights as entered (before any flip), in PyTorch's layout for the current mode, or the
     * last weights that had a layout while the groups do not divide the channels. Not a copy:
     * do not change it.
     */
    public Kernel kernel() {
        return weights.kernel();
    }

    /** Replaces the weights and takes their size and channels from them ({@code dim0} and {@code dim1} as the mode reads them). */
    public void setKernel(Kernel k) {
        kernelHeight = k.height();
        kernelWidth = k.width();
        if (transposed) {
            inChannels = k.dim0();
            outChannels = k.dim1() * groups;
        } else {
            outChannels = k.dim0();
            inChannels = k.dim1() * groups;
        }
        weights = new LayerWeights(k, currentKernelLayout());
    }

    /** The same rows in every kernel slice, the kernel's size set to theirs. */
    public void setKernelRows(float[][] rows) {
        kernelHeight = rows.length;
        kernelWidth = rows[0].length;
        reshape();
        weights = LayerWeights.ofRows(rows, weights.layout().valid() ? weights.layout() : currentKernelLayout());
    }

    /** Replaces the weight data, same shape. */
    public void setKernelData(float[] data) {
        weights = weights.withData(data);
    }

    /** The weight joining output {@code co} and input {@code ci} at (ky, kx) as entered, NaN across groups. */
    public float weight(int co, int ci, int ky, int kx) {
        return weights.weight(co, ci, ky, kx);
    }

    /**
     * Sets the weight joining output {@code co} and input {@code ci} at (ky, kx).
     *
     * @return false if the two channels are in different groups (no weight joins them), or the
     *     cell is outside the kernel
     */
    public boolean setWeight(int co, int ci, int ky, int kx, float v) {
        LayerWeights w = weights.withWeight(co, ci, ky, kx, v);
        if (w == null) {
            return false;
        }
        weights = w;
        return true;
    }

    /** The input channel joined to output channel {@code co} by kernel slice {@code slice}. */
    public int inputChannel(int co, int slice) {
        return co / Math.max(1, outChannels / groups) * (inChannels / groups) + slice;
    }

    // Text, in the command line's grammar

    /**
     * Sets {@code name} from text as the command line and the lessons write it (the grammar is
     * {@link SettingText#apply}'s).
     *
     * @throws SpecException at the setting, saying what is wrong with the text
     */
    public void set(Name name, String text) {
        SettingText.apply(this, name, text);
    }

    // Typed access

    public int inChannels() {
        return inChannels;
    }

    /** The input's channels (what the kernel's input side is laid out for). */
    public void setInChannels(int c) {
        inChannels = c;
        reshape();
    }

    public int outChannels() {
        return outChannels;
    }

    public void setOutChannels(int c) {
        outChannels = c;
        reshape();
    }

    public int kernelHeight() {
        return kernelHeight;
    }

    public int kernelWidth() {
        return kernelWidth;
    }

    /** The kernel's size; weights that still fit keep their places, new ones are 0. */
    public void setKernelSize(int kh, int kw) {
        kernelHeight = kh;
        kernelWidth = kw;
        reshape();
    }

    public int groups() {
        return groups;
    }

    public void setGroups(int g) {
        groups = g;
        reshape();
    }

    public boolean transposed() {
        return transposed;
    }

    public void setTransposed(boolean t) {
        transposed = t;
        reshape();
    }

    public int strideY() {
        return strideY;
    }

    public int strideX() {
        return strideX;
    }

    public void setStride(int sy, int sx) {
        strideY = sy;
        strideX = sx;
    }

    public int dilationY() {
        return dilationY;
    }

    public int dilationX() {
        return dilationX;
    }

    public void setDilation(int dy, int dx) {
        dilationY = dy;
        dilationX = dx;
    }

    public Padding.Rule paddingRule() {
        return paddingRule;
    }

    public void setPaddingRule(Padding.Rule r) {
        paddingRule = r;
    }

    public int padTop() {
        return padTop;
    }

    public int padBottom() {
        return padBottom;
    }

    public int padLeft() {
        return padLeft;
    }

    public int padRight() {
        return padRight;
    }

    /** Explicit widths per side (and the rule set to explicit). */
    public void setPadding(int top, int bottom, int left, int right) {
        paddingRule = Padding.Rule.EXPLICIT;
        padTop = top;
        padBottom = bottom;
        padLeft = left;
        padRight = right;
    }

    /** Explicit widths per side, keeping the rule (a named rule ignores them until set to explicit). */
    public void setPaddingSides(int top, int bottom, int left, int right) {
        padTop = top;
        padBottom = bottom;
        padLeft = left;
        padRight = right;
    }

    public PaddingMode paddingMode() {
        return paddingMode;
    }

    public void setPaddingMode(PaddingMode m) {
        paddingMode = m;
    }

    public boolean flip() {
        return flip;
    }

    public void setFlip(boolean f) {
        flip = f;
    }

    public int outputPaddingY() {
        return outputPaddingY;
    }

    public int outputPaddingX() {
        return outputPaddingX;
    }

    public void setOutputPadding(int oy, int ox) {
        outputPaddingY = oy;
        outputPaddingX = ox;
    }

    /** The bias as typed: one number for every output channel, or one per channel. */
    public String biasText() {
        return biasText;
    }

    public void setBiasText(String t) {
        String text = t == null ? "" : t;
        if (!text.equals(biasText)) {
            biasLoaded = false;
        }
        biasText = text;
    }

    public Activation.Type activation() {
        return activation;
    }

    public void setActivation(Activation.Type a) {
        activation = a;
    }

    /** leaky_relu's negative slope as typed. */
    public String slopeText() {
        return slopeText;
    }

    public void setSlopeText(String t) {
        slopeText = t == null ? "" : t;
    }

    public boolean pool() {
        return pool;
    }

    public void setPool(boolean p) {
        pool = p;
    }

    public PoolSpec.Type poolType() {
        return poolType;
    }

    public void setPoolType(PoolSpec.Type t) {
        poolType = t;
    }

    public int poolHeight() {
        return poolHeight;
    }

    public int poolWidth() {
        return poolWidth;
    }

    public void setPoolSize(int h, int w) {
        poolHeight = h;
        poolWidth = w;
    }

    public int poolStrideY() {
        return poolStrideY;
    }

    public int poolStrideX() {
        return poolStrideX;
    }

    public void setPoolStride(int sy, int sx) {
        poolStrideY = sy;
        poolStrideX = sx;
    }

    public int poolPadY() {
        return poolPadY;
    }

    public int poolPadX() {
        return poolPadX;
    }

    public void setPoolPadding(int py, int px) {
        poolPadY = py;
        poolPadX = px;
    }

    public boolean ceilMode() {
        return ceilMode;
    }

    public void setCeilMode(boolean c) {
        ceilMode = c;
    }

    public boolean countIncludePad() {
        return countIncludePad;
    }

    public void setCountIncludePad(boolean c) {
        countIncludePad = c;
    }
}
