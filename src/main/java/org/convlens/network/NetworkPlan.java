package org.convlens.network;

import org.convlens.engine.AxisArithmetic;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Messages;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;
import org.convlens.engine.WorkEstimate;
import org.convlens.engine.WorkLimit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link Network} checked layer by layer against its input (channels must chain; each conv layer
 * is checked by the single-layer engine's {@link ConvPlan}) and resolved into the maps the forward
 * pass computes, with per-layer shapes, parameters, multiply-adds, activation memory and receptive
 * fields. Nothing here allocates a map: {@link #check(WorkLimit, int)} refuses a network too big
 * to run before anything is allocated, as {@link org.convlens.engine.ConvEngine} refuses a layer.
 *
 * <p>Errors are {@link SpecException}s naming the layer and field as a JSON path
 * ({@code $.layers[2].kernel}).
 */
public final class NetworkPlan {
    /**
     * Nanoseconds per multiply-add of a linear layer, one thread: LeNet-5's three took about
     * 0.03 ns each on this project's machine; rounded up, as a shared machine runs slower.
     */
    static final double LINEAR_NS_PER_MAC = 0.1;

    private final Network network;
    private final List<LayerPlan> layers;
    private final List<MapInfo> maps;
    private final List<Stage> stages;

    private NetworkPlan(Network network, List<LayerPlan> layers, List<MapInfo> maps, List<Stage> stages) {
        this.network = network;
        this.layers = Collections.unmodifiableList(layers);
        this.maps = Collections.unmodifiableList(maps);
        this.stages = Collections.unmodifiableList(stages);
    }

    /**
     * Checks every layer against what the layer before it makes.
     *
     * @throws SpecException naming the first layer and field that cannot work
     */
    public static NetworkPlan of(Network network) {
        Builder b = new Builder(network);
        for (int i = 0; i < network.layers().size(); i++) {
            b.add(i, network.layers().get(i));
        }
        return new NetworkPlan(network, b.layers, b.maps, b.stages);
    }

    /** As {@link #of(Network)}, then {@link #check(WorkLimit, int)} with {@code threads} threads. */
    public static NetworkPlan of(Network network, WorkLimit limit, int threads) {
        NetworkPlan p = of(network);
        p.check(limit, threads);
        return p;
    }

    public Network network() {
        return network;
    }

    public Shape input() {
        return network.input();
    }

    /** The final output's shape (the input's when there are no layers). */
    public Shape output() {
        return maps.get(maps.size() - 1).shape();
    }

    public List<LayerPlan> layers() {
        return layers;
    }

    public LayerPlan layer(int i) {
        return layers.get(i);
    }

    /** Every map the forward pass keeps: the input (0), then each stage's output. */
    public List<MapInfo> maps() {
        return maps;
    }

    List<Stage> stages() {
        return stages;
    }

    /** The map a layer outputs; -1 is the input (map 0). */
    public int outputMap(int layer) {
        return layer < 0 ? 0 : layers.get(layer).lastMap();
    }

    /** Parameters of all layers. */
    public long parameters() {
        return layers.stream().mapToLong(LayerPlan::params).sum();
    }

    /** Multiply-adds of one forward pass. */
    public long macs() {
        return layers.stream().mapToLong(LayerPlan::macs).sum();
    }

    /** Float32 bytes of all layers' outputs (as {@link LayerPlan#activationBytes()} counts them). */
    public long activationBytes() {
        return layers.stream().mapToLong(LayerPlan::activationBytes).sum();
    }

    /**
     * Bytes the forward pass holds: every map it keeps (a flatten shares its input's values) and
     * the parameters, all float32.
     */
    public long memoryBytes() {
        long bytes = 4 * input().size();
        for (int m = 1; m < maps.size(); m++) {
            bytes += maps.get(m).made() == StageKind.FLATTEN ? 0 : 4 * maps.get(m).shape().size();
        }
        return bytes + 4 * parameters();
    }

    /**
     * What one forward pass with {@code threads} threads takes, from the plan alone: the maps it
     * keeps, the parameters (and the copy of each linear layer's weights the pass lays out), the
     * largest working buffers any one conv layer needs (its {@link WorkEstimate}; layers run one
     * after the other), and the time: the conv layers' estimates plus the linear layers' work.
     */
    public WorkEstimate estimate(int threads) {
        long maps = 0;
        long largest = -1;
        Messages.Phrase largestPart = null;
        for (int m = 0; m < this.maps.size(); m++) {
            MapInfo info = this.maps.get(m);
            long b = info.made() == StageKind.FLATTEN ? 0 : 4 * info.shape().size();
            maps += b;
            if (b > largest) {
                largest = b;
                largestPart = m == 0 ? NetworkException.TEXT.phraseOf("part.input", info.shape().toString())
                        : NetworkException.TEXT.phraseOf("part.map", info.layer(), info.shape().toString());
            }
        }
        long params = 0;
        long buffers = 0;
        double seconds = 0;
        for (LayerPlan l : layers) {
            params += 4 * l.params();
            if (l.layer() instanceof LinearLayer) {
                params += 4 * l.params();
                seconds += l.macs() * LINEAR_NS_PER_MAC / 1e9;
            } else if (l.conv() != null) {
                WorkEstimate e = WorkEstimate.of(l.conv(), threads);
                buffers = Math.max(buffers, Math.max(0, e.memoryBytes() - l.activationBytes()));
                seconds += e.seconds();
            }
        }
        return new WorkEstimate(null, maps + params + buffers, macs(), seconds, 0, largestPart, largest);
    }

    /**
     * Refuses a network whose forward pass would take more memory or time than {@code limit}
     * allows, from {@link #estimate(int)}, before anything is allocated.
     *
     * @throws org.convlens.engine.WorkLimitException on {@code $}, saying what is too big and by how much
     */
    public void check(WorkLimit limit, int threads) {
        limit.check(estimate(threads));
    }

    /** Adds one layer at a time, each checked against the last map. */
    private static final class Builder {
        final List<LayerPlan> layers = new ArrayList<>();
        final List<MapInfo> maps = new ArrayList<>();
        final List<Stage> stages = new ArrayList<>();

        Builder(Network net) {
            maps.add(new MapInfo(0, -1, StageKind.INPUT, net.input(), ReceptiveField.INPUT));
        }

        MapInfo last() {
            return maps.get(maps.size() - 1);
        }

        void add(int i, Layer layer) {
            String path = Network.path(i);
            Shape in = last().shape();
            int first = maps.size();
            long params = 0;
            long macs = 0;
            ConvPlan conv = null;
            if (layer instanceof ConvLayer c) {
                conv = conv(path, c.spec(), in);
                params = conv.parameterCount();
                Kernel k = conv.directKernel();
                macs = (long) conv.outChannels() * conv.outHeight() * conv.outWidth() * conv.inPerGroup()
                        * k.height() * k.width();
                addConvStages(i, conv, in);
            } else if (layer instanceof ActivationLayer) {
                stage(Stage.elementwise(maps.size() - 1, i, StageKind.ACTIVATION, in), last().field());
            } else if (layer instanceof PoolLayer p) {
                if (in.flat()) {
                    throw new NetworkException(path, "error.pool.needsMap", in.channels());
                }
                addPool(i, path + ".pool.size", p.pool(), in, in.channels());
            } else if (layer instanceof FlattenLayer) {
                Shape out = in.flat() ? in : Shape.vector(Math.toIntExact(in.size()));
                stage(new Stage(maps.size() - 1, i, StageKind.FLATTEN, in, out, null, null, 0, 0), null);
            } else if (layer instanceof LinearLayer l) {
                if (!in.flat()) {
                    throw new NetworkException(path, "error.linear.needsVector", in.toString());
                }
                if (l.inFeatures() != in.channels()) {
                    throw new NetworkException(path + ".weight", "error.linear.inputs", l.inFeatures(), l.outFeatures(),
                            in.channels());
                }
                params = (long) l.inFeatures() * l.outFeatures() + l.outFeatures();
                macs = (long) l.inFeatures() * l.outFeatures();
                stage(new Stage(maps.size() - 1, i, StageKind.LINEAR, in, Shape.vector(l.outFeatures()), null, null,
                        0, 0), null);
            } else {
                throw new IllegalArgumentException("unknown layer " + layer);
            }
            long bytes = 0;
            for (int m = first; m < maps.size(); m++) {
                bytes += 4 * maps.get(m).shape().size();
            }
            layers.add(new LayerPlan(i, layer, in, last().shape(), conv, params, macs, bytes, last().field(),
                    first, maps.size() - 1));
        }

        private ConvPlan conv(String path, ConvSpec spec, Shape in) {
            if (in.flat()) {
                throw new NetworkException(path, "error.conv.needsMap", in.channels());
            }
            Kernel k = spec.kernel();
            int c = in.channels();
            int g = spec.groups();
            if (!spec.transposed() && c % g == 0 && k.dim1() * g != c) {
                throw new NetworkException(path + ".kernel", "error.conv.channels", k.dim1() * g, k.dim1(), g, c,
                        in.toString());
            }
            if (spec.transposed() && k.dim0() != c) {
                throw new NetworkException(path + ".kernel", "error.transposed.channels", k.dim0(), c, in.toString());
            }
            try {
                return ConvPlan.of(spec, in.channels(), in.height(), in.width());
            } catch (NetworkException e) {
                throw e;
            } catch (SpecException e) {
                throw e.under(path);
            }
        }

        private void addConvStages(int i, ConvPlan p, Shape in) {
            Kernel k = p.directKernel();
            boolean t = p.spec().transposed();
            Shape fm = Shape.of(p.outChannels(), p.outHeight(), p.outWidth());
            AxisWindows rows = AxisWindows.conv(p.rows(), in.height(), p.outHeight(), k.height(), p.dilationY(),
                    p.strideY(), t ? p.spec().strideY() : 1);
            AxisWindows cols = AxisWindows.conv(p.cols(), in.width(), p.outWidth(), k.width(), p.dilationX(),
                    p.strideX(), t ? p.spec().strideX() : 1);
            ReceptiveField before = last().field();
            ReceptiveField field = t || before == null ? null : before.then(rows, cols);
            stage(new Stage(maps.size() - 1, i, t ? StageKind.TRANSPOSED : StageKind.CONV, in, fm, rows, cols,
                    p.inPerGroup(), p.outPerGroup()), field);
            if (p.hasPool()) {
                addPool(i, null, p.spec().pool(), fm, p.outChannels());
            }
        }

        /** A pool stage over the last map; {@code sizePath} non-null to check the sizes (a pool layer). */
        private void addPool(int i, String sizePath, PoolSpec pool, Shape in, int channels) {
            AxisArithmetic py = AxisArithmetic.pool(true, in.height(), pool.kernelHeight(), pool.strideY(), pool.padY(),
                    pool.ceilMode());
            AxisArithmetic px = AxisArithmetic.pool(false, in.width(), pool.kernelWidth(), pool.strideX(), pool.padX(),
                    pool.ceilMode());
            if (sizePath != null && (py.size() < 1 || px.size() < 1)) {
                AxisArithmetic bad = py.size() < 1 ? py : px;
                throw new SpecException(sizePath, "error.pool.empty",
                        Messages.get(bad.vertical() ? "word.rows" : "word.columns"), bad.formulaWithNumbers());
            }
            AxisWindows rows = AxisWindows.pool(in.height(), py.size(), pool.kernelHeight(), pool.strideY(),
                    pool.padY());
            AxisWindows cols = AxisWindows.pool(in.width(), px.size(), pool.kernelWidth(), pool.strideX(), pool.padX());
            ReceptiveField before = last().field();
            stage(new Stage(maps.size() - 1, i, StageKind.POOL, in, Shape.of(channels, py.size(), px.size()), rows, cols,
                    1, 1), before == null ? null : before.then(rows, cols));
        }

        private void stage(Stage s, ReceptiveField field) {
            stages.add(s);
            maps.add(new MapInfo(maps.size(), s.layer(), s.kind(), s.out(), field));
        }
    }
}
