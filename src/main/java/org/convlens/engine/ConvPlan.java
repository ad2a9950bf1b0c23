package org.convlens.engine;

/**
 * A {@link ConvSpec} checked against an input shape and resolved into the one form every path
 * of the engine computes (BoofCV's InputSanityCheck, done once): a direct cross-correlation of a
 * kernel {@code Cout x (Cin/groups) x kh x kw} over a virtual grid (the padded input; for a
 * transposed convolution the zero-inserted, padded input with the kernel flipped and its channel
 * axes swapped), then bias, activation and pooling.
 *
 * <p>The fast engine, the reference loop and the step trace all read this plan, so they cannot
 * disagree on what is computed.
 */
public final class ConvPlan {
    /** Output tensors beyond this many values are refused rather than attempted. */
    public static final long MAX_OUTPUT_VALUES = 1L << 29;
    /**
     * The longest axis of the virtual grid (the padded or zero-inserted input) and the longest
     * reach of a dilated kernel: every index on it is an int. Sizes are computed in 64 bits and
     * checked against this before anything is built.
     */
    public static final long MAX_AXIS = Integer.MAX_VALUE;

    private final ConvSpec spec;
    private final int inChannels;
    private final int inHeight;
    private final int inWidth;
    private final int outChannels;
    private final int outHeight;
    private final int outWidth;
    private final int groups;
    private final int inPerGroup;
    private final int outPerGroup;
    private final Kernel directKernel;
    private final float[] bias;
    private final int strideY;
    private final int strideX;
    private final AxisMap rows;
    private final AxisMap cols;
    private final AxisArithmetic convY;
    private final AxisArithmetic convX;
    private final AxisArithmetic poolY;
    private final AxisArithmetic poolX;
    private final int[] padding;
    /**
     * The engine's last estimate for this plan: it asks before every run, and an estimate depends
     * on shapes only, so {@link #withWeights} hands it on (a training step's plans).
     */
    private volatile Estimate estimate;

    private record Estimate(int threads, boolean separable, boolean wide, WorkEstimate value) {
    }

    private ConvPlan(ConvSpec spec, int c, int h, int w) {
        this.spec = spec;
        this.inChannels = c;
        this.inHeight = h;
        this.inWidth = w;
        Kernel k = spec.kernel();
        int g = spec.groups();
        this.groups = g;
        if (c % g != 0) {
            throw new SpecException("$.groups", "error.groups.input", g, c);
        }
        int kh = k.height();
        int kw = k.width();
        int dy = spec.dilationY();
        int dx = spec.dilationX();
        Kernel user = spec.flip() ? k.rotated180() : k;
        if (!spec.transposed()) {
            if (k.dim0() % g != 0) {
                throw new SpecException("$.groups", "error.groups.output", g, k.dim0());
            }
            if (k.dim1() != c / g) {
                throw new SpecException("$.kernel", "error.kernel.channels", k.dim1(), c, g, c / g);
            }
            if (spec.outputPaddingY() != 0 || spec.outputPaddingX() != 0) {
                throw new SpecException("$.output_padding", "error.outputPadding.notTransposed");
            }
            this.outChannels = k.dim0();
            this.inPerGroup = c / g;
            this.outPerGroup = outChannels / g;
            this.directKernel = user;
            this.strideY = spec.strideY();
            this.strideX = spec.strideX();
            checkReach(kh, dy, "word.rows");
            checkReach(kw, dx, "word.columns");
            long[] py = spec.padding().resolve(h, kh, strideY, dy, true);
            long[] px = spec.padding().resolve(w, kw, strideX, dx, false);
            checkPaddedLength(h, py, "word.rows");
            checkPaddedLength(w, px, "word.columns");
            checkModeWidth(spec.paddingMode(), py, h, "word.rows");
            checkModeWidth(spec.paddingMode(), px, w, "word.columns");
            int top = (int) py[0];
            int bottom = (int) py[1];
            int left = (int) px[0];
            int right = (int) px[1];
            this.padding = new int[] {top, bottom, left, right};
            this.convY = AxisArithmetic.conv(true, h, kh, strideY, dy, top, bottom, spec.paddingMode());
            this.convX = AxisArithmetic.conv(false, w, kw, strideX, dx, left, right, spec.paddingMode());
            checkNotEmpty(convY, (long) h + top + bottom, kh, dy, "word.rows");
            checkNotEmpty(convX, (long) w + left + right, kw, dx, "word.columns");
            this.rows = AxisMap.padded(h, top, bottom, spec.paddingMode());
            this.cols = AxisMap.padded(w, left, right, spec.paddingMode());
        } else {
            if (k.dim0() != c) {
                throw new SpecException("$.kernel", "error.kernel.transposedChannels", k.dim0(), c);
            }
            if (!spec.padding().isSymmetric() && spec.padding().rule() != Padding.Rule.VALID) {
                throw new SpecException("$.padding", "error.transposed.padding");
            }
            if (spec.paddingMode() != PaddingMode.ZEROS) {
                throw new SpecException("$.padding_mode", "error.transposed.mode");
            }
            int sy = spec.strideY();
            int sx = spec.strideX();
            if (spec.outputPaddingY() >= Math.max(sy, dy) || spec.outputPaddingX() >= Math.max(sx, dx)) {
                throw new SpecException("$.output_padding", "error.outputPadding.tooLarge",
                        spec.outputPaddingY() + "x" + spec.outputPaddingX(), sy + "x" + sx, dy + "x" + dx);
            }
            if ((long) (h - 1) * sy > 1 << 20 || (long) (w - 1) * sx > 1 << 20) {
                throw new SpecException("$.stride", "error.tooLarge");
            }
            checkReach(kh, dy, "word.rows");
            checkReach(kw, dx, "word.columns");
            this.outChannels = k.dim1() * g;
            this.inPerGroup = c / g;
            this.outPerGroup = k.dim1();
            this.directKernel = transposedToDirect(user, g);
            this.strideY = 1;
            this.strideX = 1;
            int ph = spec.padding().top();
            int pw = spec.padding().left();
            this.padding = new int[] {ph, ph, pw, pw};
            this.convY = AxisArithmetic.transposed(true, h, kh, sy, dy, ph, ph, spec.outputPaddingY());
            this.convX = AxisArithmetic.transposed(false, w, kw, sx, dx, pw, pw, spec.outputPaddingX());
            if (convY.size() < 1 || convX.size() < 1) {
                AxisArithmetic bad = convY.size() < 1 ? convY : convX;
                throw new SpecException("$.padding", "error.output.empty",
                        Messages.phrase(bad.vertical() ? "word.rows" : "word.columns"), bad.formulaWithNumbers());
            }
            // zeros around the zero-inserted input: d*(k - 1) - p on each side (negative crops)
            long qy = (long) dy * (kh - 1) - ph;
            long qx = (long) dx * (kw - 1) - pw;
            long vh = (long) (h - 1) * sy + 1 + 2 * qy + spec.outputPaddingY();
            long vw = (long) (w - 1) * sx + 1 + 2 * qx + spec.outputPaddingX();
            if (vh > MAX_AXIS || vw > MAX_AXIS) {
                throw new SpecException("$.dilation", "error.tooLarge");
            }
            this.rows = AxisMap.zeroInserted(h, sy, (int) qy, (int) qy + spec.outputPaddingY());
            this.cols = AxisMap.zeroInserted(w, sx, (int) qx, (int) qx + spec.outputPaddingX());
        }
        this.outHeight = convY.size();
        this.outWidth = convX.size();
        if ((long) outChannels * outHeight * outWidth > MAX_OUTPUT_VALUES) {
            throw new SpecException("$", "error.output.tooLarge", outChannels + "x" + outHeight + "x" + outWidth);
        }
        this.bias = biasOf(spec, outChannels);
        PoolSpec p = spec.pool();
        if (p != null) {
            this.poolY = AxisArithmetic.pool(true, outHeight, p.kernelHeight(), p.strideY(), p.padY(), p.ceilMode());
            this.poolX = AxisArithmetic.pool(false, outWidth, p.kernelWidth(), p.strideX(), p.padX(), p.ceilMode());
            if (poolY.size() < 1 || poolX.size() < 1) {
                AxisArithmetic bad = poolY.size() < 1 ? poolY : poolX;
                throw new SpecException("$.pool.size", "error.pool.empty",
                        Messages.phrase(bad.vertical() ? "word.rows" : "word.columns"), bad.formulaWithNumbers());
            }
        } else {
            this.poolY = null;
            this.poolX = null;
        }
    }

    /** {@code plan} with {@code spec}'s kernel values and bias; every other field is {@code plan}'s. */
    private ConvPlan(ConvPlan plan, ConvSpec spec) {
        this.spec = spec;
        this.inChannels = plan.inChannels;
        this.inHeight = plan.inHeight;
        this.inWidth = plan.inWidth;
        this.outChannels = plan.outChannels;
        this.outHeight = plan.outHeight;
        this.outWidth = plan.outWidth;
        this.groups = plan.groups;
        this.inPerGroup = plan.inPerGroup;
        this.outPerGroup = plan.outPerGroup;
        Kernel user = spec.flip() ? spec.kernel().rotated180() : spec.kernel();
        this.directKernel = spec.transposed() ? transposedToDirect(user, groups) : user;
        this.bias = biasOf(spec, outChannels);
        this.strideY = plan.strideY;
        this.strideX = plan.strideX;
        this.rows = plan.rows;
        this.cols = plan.cols;
        this.convY = plan.convY;
        this.convX = plan.convX;
        this.poolY = plan.poolY;
        this.poolX = plan.poolX;
        this.padding = plan.padding;
        this.estimate = plan.estimate;
    }

    /** {@link WorkEstimate#of(ConvPlan, int, boolean, boolean)}, kept for the next run that asks the same. */
    WorkEstimate estimate(int threads, boolean separable, boolean wide) {
        Estimate e = estimate;
        if (e == null || e.threads() != threads || e.separable() != separable || e.wide() != wide) {
            e = new Estimate(threads, separable, wide, WorkEstimate.of(this, threads, separable, wide));
            estimate = e;
        }
        return e.value();
    }

    /** {@code spec}'s bias, checked to have one value per output channel; zeros when it has none. */
    private static float[] biasOf(ConvSpec spec, int outChannels) {
        float[] b = spec.bias();
        if (b != null && b.length != outChannels) {
            throw new SpecException("$.bias", "error.bias.length", b.length, outChannels);
        }
        return b == null ? new float[outChannels] : b;
    }

    /**
     * This plan with the kernel values and bias of {@code spec}, whose every other setting (the
     * kernel's shape included) is this plan's spec's: the same as {@link #of} on the same input,
     * without working out the axes again (a training step's next weights: the plans of a batch
     * cost a few percent of a small network's epoch otherwise).
     *
     * @throws IllegalArgumentException if {@code spec} differs in anything but the values
     */
    public ConvPlan withWeights(ConvSpec spec) {
        ConvSpec s = this.spec;
        boolean same = s.sameLayout(spec) && s.activation().equals(spec.activation())
                && java.util.Objects.equals(s.pool(), spec.pool());
        if (!same) {
            throw new IllegalArgumentException("not the same settings: " + spec + " for a plan of " + s);
        }
        return new ConvPlan(this, spec);
    }

    /**
     * Checks {@code spec} against an input of {@code channels x height x width}.
     *
     * @throws SpecException naming the field that makes the combination impossible
     */
    public static ConvPlan of(ConvSpec spec, int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new SpecException("$.input", "error.input.empty");
        }
        return new ConvPlan(spec, channels, height, width);
    }

    public static ConvPlan of(ConvSpec spec, Tensor input) {
        return of(spec, input.channels(), input.height(), input.width());
    }

    /** The dilated kernel's reach, {@code d * (k - 1) + 1}, must fit on an axis. */
    private static void checkReach(int k, int d, String unitKey) {
        long reach = (long) d * (k - 1) + 1;
        if (reach > MAX_AXIS) {
            throw new SpecException("$.dilation", "error.kernel.reach", reach, Messages.phrase(unitKey), d, k, MAX_AXIS);
        }
    }

    /** The input with its padding must fit on an axis. */
    private static void checkPaddedLength(int n, long[] pad, String unitKey) {
        long length = n + pad[0] + pad[1];
        if (length > MAX_AXIS) {
            throw new SpecException("$.padding", "error.padding.tooLarge", length, Messages.phrase(unitKey), n, pad[0],
                    pad[1], MAX_AXIS);
        }
    }

    private static void checkModeWidth(PaddingMode mode, long[] pad, int n, String unitKey) {
        long widest = Math.max(pad[0], pad[1]);
        if (mode == PaddingMode.REFLECT && widest >= n) {
            throw new SpecException("$.padding", "error.padding.reflect", widest, n, Messages.phrase(unitKey));
        }
        if (mode == PaddingMode.CIRCULAR && widest > n) {
            throw new SpecException("$.padding", "error.padding.circular", widest, n, Messages.phrase(unitKey));
        }
    }

    private static void checkNotEmpty(AxisArithmetic a, long padded, int k, int d, String unitKey) {
        if (a.size() < 1) {
            throw new SpecException("$.kernel", "error.kernel.tooLarge", Messages.phrase(unitKey),
                    (long) d * (k - 1) + 1, k, d, padded, a.formulaWithNumbers());
        }
    }

    /** W[Cin][Cout/g][kh][kw] -> D[Cout][Cin/g][kh][kw], each slice rotated 180 degrees. */
    private static Kernel transposedToDirect(Kernel w, int groups) {
        int cin = w.dim0();
        int coutPerG = w.dim1();
        int cinPerG = cin / groups;
        int kh = w.height();
        int kw = w.width();
        int cout = coutPerG * groups;
        float[] d = new float[cout * cinPerG * kh * kw];
        float[] src = w.data();
        for (int g = 0; g < groups; g++) {
            for (int co = 0; co < coutPerG; co++) {
                for (int ci = 0; ci < cinPerG; ci++) {
                    for (int ky = 0; ky < kh; ky++) {
                        int to = (((g * coutPerG + co) * cinPerG + ci) * kh + ky) * kw;
                        int from = (((g * cinPerG + ci) * coutPerG + co) * kh + kh - 1 - ky) * kw + kw - 1;
                        for (int kx = 0; kx < kw; kx++) {
                            d[to + kx] = src[from - kx];
                        }
                    }
                }
            }
        }
        return new Kernel(cout, cinPerG, kh, kw, d);
    }

    public ConvSpec spec() {
        return spec;
    }

    public int inChannels() {
        return inChannels;
    }

    public int inHeight() {
        return inHeight;
    }

    public int inWidth() {
        return inWidth;
    }

    public int outChannels() {
        return outChannels;
    }

    /** Height of the convolution (and activation) output. */
    public int outHeight() {
        return outHeight;
    }

    public int outWidth() {
        return outWidth;
    }

    public int groups() {
        return groups;
    }

    public int inPerGroup() {
        return inPerGroup;
    }

    public int outPerGroup() {
        return outPerGroup;
    }

    /** The kernel as it slides over the virtual grid: flipped if asked, transposed if transposed. */
    public Kernel directKernel() {
        return directKernel;
    }

    /** One bias per output channel (zeros when the spec has none). */
    public float[] bias() {
        return bias;
    }

    /** The stride of the window over the virtual grid (1 for a transposed convolution). */
    public int strideY() {
        return strideY;
    }

    public int strideX() {
        return strideX;
    }

    public int dilationY() {
        return spec.dilationY();
    }

    public int dilationX() {
        return spec.dilationX();
    }

    /** Resolved padding {@code [top, bottom, left, right]} as the user's settings give it. */
    public int[] padding() {
        return padding.clone();
    }

    public AxisMap rows() {
        return rows;
    }

    public AxisMap cols() {
        return cols;
    }

    public AxisArithmetic convY() {
        return convY;
    }

    public AxisArithmetic convX() {
        return convX;
    }

    public boolean hasPool() {
        return spec.pool() != null;
    }

    /** Pooling arithmetic, or null without pooling. */
    public AxisArithmetic poolY() {
        return poolY;
    }

    public AxisArithmetic poolX() {
        return poolX;
    }

    /** Shape of the final output (pooled, if pooling): {@code [C, H, W]}. */
    public int[] outputShape() {
        return hasPool() ? new int[] {outChannels, poolY.size(), poolX.size()}
                : new int[] {outChannels, outHeight, outWidth};
    }

    /** The group an output channel belongs to. */
    public int groupOf(int outChannel) {
        return outChannel / outPerGroup;
    }

    /** The input channel the {@code i}-th kernel slice of an output channel meets. */
    public int inputChannel(int outChannel, int slice) {
        return groupOf(outChannel) * inPerGroup + slice;
    }

    /** Kind of virtual cell (vy, vx). */
    public CellKind kind(int vy, int vx) {
        CellKind r = rows.kind(vy);
        CellKind c = cols.kind(vx);
        if (r == CellKind.PADDING || c == CellKind.PADDING) {
            return CellKind.PADDING;
        }
        if (r == CellKind.INSERTED || c == CellKind.INSERTED) {
            return CellKind.INSERTED;
        }
        return CellKind.INPUT;
    }

    /** The value virtual cell (vy, vx) of channel {@code c} holds. */
    public float valueAt(Tensor input, int c, int vy, int vx) {
        int sy = rows.source(vy);
        int sx = cols.source(vx);
        return sy < 0 || sx < 0 ? 0f : input.get(c, sy, sx);
    }

    /** Number of weights plus one bias per output channel (a zero bias still is a parameter of the layer). */
    public long parameterCount() {
        return (long) spec.kernel().size() + outChannels;
    }
}
