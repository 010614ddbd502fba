package qtm.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import qtm.model.TimeGrid;

/** The homodyne recorders (issue 29) fed synthetic increments: a known drift, a known sinusoid, white noise. */
class HomodyneRecordersTest {
    private static final List<String> BATHS = List.of("cold", "hot");
    /** Two channels on cold, one on hot. */
    private static final int[] CHANNELS = {0, 0, 1};

    /**
     * A drift a_j(t) = c_j + d_j t, sampled at each step's end t_s = s·dt: bin k's current is (dt/Δ) Σ_s a(t_s) over
     * its m steps s = (k − 1)m + 1 … km, whose arithmetic series is m c + d dt m((2k − 1)m + 1)/2.
     */
    @Test
    void currentAveragesADriftPerBinAndBath() {
        TimeGrid grid = new TimeGrid(2, 5);
        double dt = 0.05;
        int m = 10;
        double[] c = {0.3, -0.1, 0.7};
        double[] d = {0.2, 0.5, -1.1};
        HomodyneCurrent q = new HomodyneCurrent(BATHS, CHANNELS, new double[] {1, 1}, grid, dt);
        assertEquals(List.of("homodyne_cold", "homodyne_hot"), q.slots());
        assertTrue(q.binned());
        StateRecorder r = q.recorder();
        double[] out = new double[grid.points() * 2];
        r.begin();
        r.state(0, null, null, out, 0);
        int step = 0;
        for (int k = 1; k < grid.points(); k++) {
            for (int s = 0; s < m; s++) {
                step++;
                double t = step * dt;
                double[] inc = new double[3];
                for (int j = 0; j < 3; j++) {
                    inc[j] = (c[j] + d[j] * t) * dt;
                }
                r.homodyne(step, inc);
            }
            // Pure and mixed states alike: the row comes from the increments.
            if (k % 2 == 0) {
                r.mixed(k, null, null, out, 2 * k);
            } else {
                r.state(k, null, null, out, 2 * k);
            }
        }
        assertEquals(0, out[0]);
        assertEquals(0, out[1]);
        for (int k = 1; k < grid.points(); k++) {
            double series = dt * m * ((2 * k - 1) * m + 1) / 2.0;
            double cold = (m * (c[0] + c[1]) + (d[0] + d[1]) * series) * dt / grid.step();
            double hot = (m * c[2] + d[2] * series) * dt / grid.step();
            assertEquals(cold, out[2 * k], 1e-12, "cold bin " + k);
            assertEquals(hot, out[2 * k + 1], 1e-12, "hot bin " + k);
        }
    }

    /**
     * A sinusoid A cos(Ωt + θ) dt on one of cold's K = 2 channels: over a window of N steps with 2ΩT ∈ 2πℤ,
     * Σ cos(Ωt_n + θ) e^{iΩt_n} = N e^{−iθ}/2, so P(Ω) = (A dt N/2)²/(K T) = A²T/(4K) whatever θ; at Ω + 2π/T both
     * sums vanish and P = 0. Hot hears nothing: 0.
     */
    @Test
    void spectrumOfASinusoidIsItsPowerAtItsFrequency() {
        TimeGrid grid = new TimeGrid(20, 11);
        double dt = 0.01;
        int windows = 2;
        double window = 5;
        double omega = 2 * Math.PI * 3 / window;
        double[] w = {omega, omega + 2 * Math.PI / window};
        HomodyneSpectrum q = new HomodyneSpectrum(BATHS, CHANNELS, w, grid, dt, windows);
        assertEquals(window, q.window(), 1e-12);
        assertEquals(10, q.start(), 1e-12);
        FinalRecorder r = q.recorder();
        double a = 1.7;
        r.begin();
        for (int s = 1; s <= 2000; s++) {
            r.homodyne(s, new double[] {0, a * Math.cos(omega * s * dt + 0.4) * dt, 0});
        }
        double[] out = new double[4];
        r.end(null, null, out, 0);
        assertEquals(a * a * window / (4 * 2), out[q.index(0, 0)], 1e-9);
        assertEquals(0, out[q.index(0, 1)], 1e-9);
        assertEquals(0, out[q.index(1, 0)], 0);
        assertEquals(List.of("spectrum_cold_0", "spectrum_cold_1", "spectrum_hot_0", "spectrum_hot_1"), q.slots());
    }

    /**
     * White noise, dY ~ N(0, dt) on every channel: the periodogram of each window is exponential with mean 1 (χ²₁ at
     * ω′ = 0, mean 1 too), so every point's mean over 300 trajectories is 1 within 4 SE, and at ω′ ≠ 0 its SE is
     * 1/√(windows · n) to within the spread of an SE estimate.
     */
    @Test
    void whiteNoiseGivesTheShotNoiseFloor() {
        TimeGrid grid = new TimeGrid(8, 5);
        double dt = 0.02;
        int windows = 4;
        double[] w = new double[8];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1.5 * i;
        }
        HomodyneSpectrum q = new HomodyneSpectrum(BATHS, CHANNELS, w, grid, dt, windows);
        FinalRecorder r = q.recorder();
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(29L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 300;
        int slots = q.slots().size();
        double[] sum = new double[slots];
        double[] squares = new double[slots];
        double[] out = new double[slots];
        double root = Math.sqrt(dt);
        for (int t = 0; t < n; t++) {
            r.begin();
            for (int s = 1; s <= 400; s++) {
                r.homodyne(s, new double[] {root * g.sample(), root * g.sample(), root * g.sample()});
            }
            r.end(null, null, out, 0);
            for (int i = 0; i < slots; i++) {
                sum[i] += out[i];
                squares[i] += out[i] * out[i];
            }
        }
        for (int i = 0; i < slots; i++) {
            double mean = sum[i] / n;
            double se = Math.sqrt((squares[i] / n - mean * mean) / (n - 1));
            assertEquals(1, mean, 4 * se, q.slots().get(i));
            if (w[i % w.length] > 0) {
                assertEquals(1 / Math.sqrt(windows * n), se, 0.25 / Math.sqrt(windows * n), q.slots().get(i));
            }
        }
    }
}
