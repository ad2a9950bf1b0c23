package org.convlens.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Exactly which cells one cell of a network depends on, in every earlier map, and which cells it
 * feeds, in every later one. Each stage reads a product of channels, rows and columns, so a
 * region is carried back (or forward) one axis at a time: a query costs about the map's width
 * times the kernel per stage and axis, well under a millisecond for ten layers over 256 x 256.
 *
 * <p>Looking back, the rectangle of each axis carries Araujo et al.'s arithmetic through padding
 * positions, so for a network whose field is defined it is {@code start + y * jump} to
 * {@code start + y * jump + size - 1} ({@link ReceptiveField}). A transposed convolution reads, for
 * output row {@code o}, the input rows whose zero-inserted positions fall in its window; the
 * rectangle is then the input rows from the first to the last such position. {@code flatten}
 * maps each vector entry back to its cell, and a linear output reads every entry.
 */
public final class FieldTracer {
    private final NetworkPlan plan;

    public FieldTracer(NetworkPlan plan) {
        this.plan = plan;
    }

    public NetworkPlan plan() {
        return plan;
    }

    /**
     * The cells cell (channel, y, x) of map {@code map} reads in every map up to its own: element
     * {@code m} of the list is map {@code m} (element 0 the input, the last the cell itself). For a
     * vector map, {@code channel} is the entry and y, x are 0.
     *
     * @throws IndexOutOfBoundsException if the map or the cell does not exist
     */
    public List<Region> reads(int map, int channel, int y, int x) {
        Shape s = checkCell(map, channel, y, x);
        Region[] out = new Region[map + 1];
        boolean[] ch = new boolean[s.channels()];
        ch[channel] = true;
        Region cur = new Region(map, s, ch, AxisReach.single(y, s.height()), AxisReach.single(x, s.width()));
        out[map] = cur;
        for (int m = map; m > 0; m--) {
            cur = emptyIfAnyAxisIs(back(plan.stages().get(m - 1), cur));
            out[m - 1] = cur;
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /**
     * The cells cell (channel, y, x) of map {@code map} feeds in every map from its own on:
     * element {@code i} of the list is map {@code map + i} (element 0 the cell itself).
     */
    public List<Region> reaches(int map, int channel, int y, int x) {
        Shape s = checkCell(map, channel, y, x);
        List<Region> out = new ArrayList<>();
        boolean[] ch = new boolean[s.channels()];
        ch[channel] = true;
        Region cur = new Region(map, s, ch, AxisReach.single(y, s.height()), AxisReach.single(x, s.width()));
        out.add(cur);
        for (int m = map; m < plan.stages().size(); m++) {
            cur = emptyIfAnyAxisIs(forward(plan.stages().get(m), cur));
            out.add(cur);
        }
        return Collections.unmodifiableList(out);
    }

    private Shape checkCell(int map, int channel, int y, int x) {
        Shape s = plan.maps().get(map).shape();
        if (channel < 0 || channel >= s.channels() || y < 0 || y >= s.height() || x < 0 || x >= s.width()) {
            throw new IndexOutOfBoundsException("cell (" + channel + ", " + y + ", " + x + ") of map " + map + ", " + s);
        }
        return s;
    }

    /**
     * A product with one empty factor is empty: when a cell reads only padding along one axis, it
     * reads no channel and no row either (the rectangles stay, to show where it looked).
     */
    private static Region emptyIfAnyAxisIs(Region r) {
        if (r.channelCount() > 0 && r.rows().count() > 0 && r.cols().count() > 0
                || r.channelCount() == 0 && r.rows().count() == 0 && r.cols().count() == 0) {
            return r;
        }
        AxisReach rows = r.rows();
        AxisReach cols = r.cols();
        return new Region(r.map(), r.shape(), new boolean[r.channels().length],
                new AxisReach(rows.lo(), rows.hi(), rows.length(), new boolean[rows.length()]),
                new AxisReach(cols.lo(), cols.hi(), cols.length(), new boolean[cols.length()]));
    }

    // ---------------------------------------------------------------------------------------------
    // Looking back

    private static Region back(Stage s, Region r) {
        Shape in = s.in();
        switch (s.kind()) {
            case ACTIVATION:
                return new Region(s.index(), in, r.channels(), r.rows(), r.cols());
            case LINEAR: {
                boolean any = r.channelCount() > 0;
                return any ? whole(s.index(), in) : nothing(s.index(), in);
            }
            case FLATTEN: {
                if (in.flat()) {
                    return new Region(s.index(), in, r.channels(), r.rows(), r.cols());
                }
                boolean[] ch = new boolean[in.channels()];
                boolean[] rows = new boolean[in.height()];
                boolean[] cols = new boolean[in.width()];
                int plane = in.height() * in.width();
                for (int j = 0; j < r.channels().length; j++) {
                    if (r.channels()[j]) {
                        ch[j / plane] = true;
                        rows[j % plane / in.width()] = true;
                        cols[j % in.width()] = true;
                    }
                }
                return new Region(s.index(), in, ch, AxisReach.spanning(rows), AxisReach.spanning(cols));
            }
            default:
                return new Region(s.index(), in, channelsBack(s, r.channels()), axisBack(s.rows(), r.rows()),
                        axisBack(s.cols(), r.cols()));
        }
    }

    private static boolean[] channelsBack(Stage s, boolean[] out) {
        boolean[] in = new boolean[s.in().channels()];
        if (s.kind() == StageKind.POOL) {
            System.arraycopy(out, 0, in, 0, in.length);
            return in;
        }
        for (int c = 0; c < out.length; c++) {
            if (out[c]) {
                int g = c / s.outPerGroup();
                Arrays.fill(in, g * s.inPerGroup(), (g + 1) * s.inPerGroup(), true);
            }
        }
        return in;
    }

    private static AxisReach axisBack(AxisWindows w, AxisReach out) {
        boolean[] cells = new boolean[w.inLength()];
        int k = w.kernel();
        int d = w.dilation();
        int st = w.stride();
        for (int o = 0; o < out.length(); o++) {
            if (out.cells()[o]) {
                for (int t = 0, v = o * st; t < k; t++, v += d) {
                    int src = w.source(v);
                    if (src >= 0) {
                        cells[src] = true;
                    }
                }
            }
        }
        long lo = out.lo() * st;
        long hi = out.hi() * st + (long) (k - 1) * d;
        return new AxisReach(w.coordinateCeil(lo), w.coordinateFloor(hi), w.inLength(), cells);
    }

    // ---------------------------------------------------------------------------------------------
    // Looking forward

    private static Region forward(Stage s, Region r) {
        Shape out = s.out();
        int next = s.index() + 1;
        switch (s.kind()) {
            case ACTIVATION:
                return new Region(next, out, r.channels(), r.rows(), r.cols());
            case LINEAR:
                return r.cellCount() > 0 ? whole(next, out) : nothing(next, out);
            case FLATTEN: {
                Shape in = s.in();
                if (in.flat()) {
                    return new Region(next, out, r.channels(), r.rows(), r.cols());
                }
                boolean[] entries = new boolean[out.channels()];
                int w = in.width();
                int plane = in.height() * w;
                for (int c = 0; c < in.channels(); c++) {
                    if (!r.channels()[c]) {
                        continue;
                    }
                    for (int y = 0; y < in.height(); y++) {
                        if (r.rows().cells()[y]) {
                            for (int x = 0; x < w; x++) {
                                entries[c * plane + y * w + x] = r.cols().cells()[x];
                            }
                        }
                    }
                }
                return new Region(next, out, entries, AxisReach.all(1), AxisReach.all(1));
            }
            default:
                return new Region(next, out, channelsForward(s, r.channels()), axisForward(s.rows(), r.rows()),
                        axisForward(s.cols(), r.cols()));
        }
    }

    private static boolean[] channelsForward(Stage s, boolean[] in) {
        boolean[] out = new boolean[s.out().channels()];
        if (s.kind() == StageKind.POOL) {
            System.arraycopy(in, 0, out, 0, out.length);
            return out;
        }
        for (int c = 0; c < out.length; c++) {
            int g = c / s.outPerGroup();
            for (int i = g * s.inPerGroup(); i < (g + 1) * s.inPerGroup() && !out[c]; i++) {
                out[c] = in[i];
            }
        }
        return out;
    }

    private static AxisReach axisForward(AxisWindows w, AxisReach in) {
        boolean[] cells = new boolean[w.outLength()];
        int k = w.kernel();
        int d = w.dilation();
        int st = w.stride();
        boolean[] src = in.cells();
        for (int o = 0; o < cells.length; o++) {
            for (int t = 0, v = o * st; t < k; t++, v += d) {
                int i = w.source(v);
                if (i >= 0 && src[i]) {
                    cells[o] = true;
                    break;
                }
            }
        }
        return AxisReach.spanning(cells);
    }

    private static Region whole(int map, Shape s) {
        boolean[] ch = new boolean[s.channels()];
        Arrays.fill(ch, true);
        return new Region(map, s, ch, AxisReach.all(s.height()), AxisReach.all(s.width()));
    }

    private static Region nothing(int map, Shape s) {
        return new Region(map, s, new boolean[s.channels()], new AxisReach(0, -1, s.height(), new boolean[s.height()]),
                new AxisReach(0, -1, s.width(), new boolean[s.width()]));
    }
}
