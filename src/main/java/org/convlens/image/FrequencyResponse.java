package org.convlens.image;

/**
 * A kernel as a filter: the magnitude of its 2-D discrete Fourier transform, sampled on an
 * {@code n x n} grid of frequencies from {@code -pi} to {@code pi} per axis (the kernel zero-padded
 * to {@code n x n}), zero frequency in the middle. Flipping the kernel (convolution versus
 * cross-correlation) changes only the phase, so the magnitude is the same for both.
 *
 * <p>{@link #band()} names the shape: low-pass (keeps the average, damps the finest detail),
 * high-pass (damps the average, strongest at the finest detail), band-pass (damps both ends,
 * strongest in between, as derivative kernels such as Sobel), all-pass (about the same gain
 * everywhere) or none of these.
 */
public final class FrequencyResponse {
    /** The named shapes of a magnitude response. */
    public enum Band {
        LOW_PASS("lowPass"), HIGH_PASS("highPass"), BAND_PASS("bandPass"), ALL_PASS("allPass"), ZERO("zero"),
        OTHER("other");

        private final String key;

        Band(String key) {
            this.key = key;
        }

        /** Bundle key suffix ({@code band.lowPass} ...). */
        public String key() {
            return key;
        }
    }

    /** Above this fraction of the peak a gain counts as "passed". */
    static final double PASS = 0.9;
    /** Below this fraction of the peak a gain counts as "damped". */
    static final double DAMPED = 0.5;

    private final int n;
    private final float[] magnitude;
    private final double peak;
    private final double dc;
    private final double nyquist;
    private final double min;

    private FrequencyResponse(int n, float[] magnitude, double peak, double dc, double nyquist, double min) {
        this.n = n;
        this.magnitude = magnitude;
        this.peak = peak;
        this.dc = dc;
        this.nyquist = nyquist;
        this.min = min;
    }

    /**
     * The response of a kh x kw kernel on an {@code n x n} frequency grid ({@code n} even, at least 8).
     *
     * @param rows the kernel, not modified
     */
    public static FrequencyResponse of(float[][] rows, int n) {
        if (n < 8 || n % 2 != 0) {
            throw new IllegalArgumentException("n must be even and at least 8, got " + n);
        }
        int kh = rows.length;
        int kw = rows[0].length;
        // Frequencies -pi .. pi(1 - 2/n): index u <-> omega = 2 pi (u - n/2) / n. A direct DFT: the
        // kernel is small (at most a few hundred taps), so n^2 * kh * kw stays tiny for n = 64.
        double[] cosY = new double[n * kh];
        double[] sinY = new double[n * kh];
        double[] cosX = new double[n * kw];
        double[] sinX = new double[n * kw];
        for (int u = 0; u < n; u++) {
            double w = 2 * Math.PI * (u - n / 2) / n;
            for (int y = 0; y < kh; y++) {
                cosY[u * kh + y] = Math.cos(w * y);
                sinY[u * kh + y] = Math.sin(w * y);
            }
            for (int x = 0; x < kw; x++) {
                cosX[u * kw + x] = Math.cos(w * x);
                sinX[u * kw + x] = Math.sin(w * x);
            }
        }
        float[] mag = new float[n * n];
        // Row transforms first: R[y][v] = sum_x k[y][x] e^{-i wx x}.
        double[] re = new double[kh * n];
        double[] im = new double[kh * n];
        for (int y = 0; y < kh; y++) {
            for (int v = 0; v < n; v++) {
                double sr = 0;
                double si = 0;
                for (int x = 0; x < kw; x++) {
                    sr += rows[y][x] * cosX[v * kw + x];
                    si -= rows[y][x] * sinX[v * kw + x];
                }
                re[y * n + v] = sr;
                im[y * n + v] = si;
            }
        }
        double peak = 0;
        double min = Double.MAX_VALUE;
        double nyq = 0;
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                double sr = 0;
                double si = 0;
                for (int y = 0; y < kh; y++) {
                    double c = cosY[u * kh + y];
                    double s = sinY[u * kh + y];
                    double a = re[y * n + v];
                    double b = im[y * n + v];
                    sr += a * c + b * s;
                    si += b * c - a * s;
                }
                double m = Math.hypot(sr, si);
                mag[u * n + v] = (float) m;
                peak = Math.max(peak, m);
                min = Math.min(min, m);
                if (u == 0 || v == 0) {
                    nyq = Math.max(nyq, m);
                }
            }
        }
        double dc = mag[(n / 2) * n + n / 2];
        return new FrequencyResponse(n, mag, peak, dc, nyq, min);
    }

    /** Grid size per axis. */
    public int size() {
        return n;
    }

    /** Magnitude at grid cell {@code (u, v)}: row {@code u} is the vertical frequency, {@code n/2} is zero. */
    public float magnitude(int u, int v) {
        return magnitude[u * n + v];
    }

    /** The largest magnitude. */
    public double peak() {
        return peak;
    }

    /** The gain at zero frequency: the sum of the weights, in absolute value. */
    public double dc() {
        return dc;
    }

    /** The largest gain on the outer edge of the grid (a frequency of pi along some axis). */
    public double nyquist() {
        return nyquist;
    }

    /** The shape of the response; see the class comment. */
    public Band band() {
        if (peak < 1e-9) {
            return Band.ZERO;
        }
        if (min >= PASS * peak) {
            return Band.ALL_PASS;
        }
        if (dc >= PASS * peak && nyquist <= DAMPED * peak) {
            return Band.LOW_PASS;
        }
        if (nyquist >= PASS * peak && dc <= DAMPED * peak) {
            return Band.HIGH_PASS;
        }
        if (dc <= DAMPED * peak && nyquist <= DAMPED * peak) {
            return Band.BAND_PASS;
        }
        return Band.OTHER;
    }
}
