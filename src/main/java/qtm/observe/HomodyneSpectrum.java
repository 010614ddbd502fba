package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import qtm.model.TimeGrid;

/**
 * The noise spectrum of each bath's homodyne current (issue 29), one number per bath and frequency per trajectory:
 * the periodogram P(ω′) = |Σ_n Σ_{j∈b} dY_{j,n} e^{iω′ t_n}|² / (K_b T_w) of each window, averaged over the
 * trajectory's windows, so that the ensemble's mean ± SE estimates E P (white noise: 1). The windows are
 * {@code windows} consecutive stretches of whole steps that end at t_end and start at or after t_end/2, where the
 * transient has relaxed; t_n is counted from the window's start (|·|² does not see a common phase).
 *
 * <p>Final-only: its one row is written at the last grid point from what the increments built up, for pure and for
 * mixed conditional states alike; its sums are read whole ({@code EnsembleResult.finalSums}).
 */
public final class HomodyneSpectrum implements FinalQuantity {
    /** Its name in saved ensembles. */
    public static final String NAME = "homodyne_spectrum";
    /** The default number of frequencies (issue 29): 32, from 0 to a few times the fastest rate. */
    public static final int POINTS = 32;
    /**
     * The default number of windows per trajectory: 4, so that a trajectory's mean periodogram has a spread near
     * 1/2 and the window, a quarter of the half run, still resolves features of width 1/(t_end/8).
     */
    public static final int WINDOWS = 4;
    /** A bound of a trajectory's mean periodogram but for the rarest (it is about 1 to a few, with spread 1/√windows). */
    private static final double QUANTUM = Quantity.quantumFor(64);
    private final List<String> baths;
    private final int[] channelBath;
    private final int[] perBath;
    private final double[] frequencies;
    private final int windows;
    private final int windowSteps;
    private final int firstStep;
    private final double dt;

    /**
     * @param baths the baths' names, in bath order
     * @param channelBath the bath of each monitored channel, in the engine's channel order
     * @param frequencies the ω′ at which it is estimated
     * @param grid the output grid
     * @param dt the engine's step, which divides the grid's step
     * @param windows how many windows tile the second half of the run, ≥ 1
     * @throws IllegalArgumentException if dt does not divide the grid step, the second half has fewer steps than
     *     windows, or a bath has no channel
     */
    public HomodyneSpectrum(List<String> baths, int[] channelBath, double[] frequencies, TimeGrid grid, double dt,
            int windows) {
        this.baths = List.copyOf(baths);
        this.channelBath = channelBath.clone();
        this.perBath = new int[baths.size()];
        for (int b : channelBath) {
            perBath[b]++;
        }
        for (int b = 0; b < perBath.length; b++) {
            if (perBath[b] == 0) {
                throw new IllegalArgumentException("bath " + baths.get(b) + " has no monitored channel");
            }
        }
        this.frequencies = frequencies.clone();
        this.dt = dt;
        this.windows = windows;
        long steps = (long) HomodyneCurrent.stepsPer(grid.step(), dt) * (grid.points() - 1);
        long second = steps / 2;
        if (windows < 1 || second < windows) {
            throw new IllegalArgumentException(windows + " windows in " + second + " steps");
        }
        this.windowSteps = Math.toIntExact(second / windows);
        this.firstStep = Math.toIntExact(steps - (long) windows * windowSteps) + 1;
    }

    /**
     * @param bath a bath's name
     * @param i the frequency's index
     * @return the slot's name, {@code spectrum_<bath>_<i>}
     */
    public static String slot(String bath, int i) {
        return "spectrum_" + bath + "_" + i;
    }

    /** @return the baths' names */
    public List<String> baths() {
        return baths;
    }

    /** @return the frequencies ω′ (new array) */
    public double[] frequencies() {
        return frequencies.clone();
    }

    /** @return the length T_w of one window */
    public double window() {
        return windowSteps * dt;
    }

    /** @return the time where the first window starts, ≥ t_end/2 */
    public double start() {
        return (firstStep - 1) * dt;
    }

    /**
     * @param bath the bath's index
     * @param i the frequency's index
     * @return the slot of that estimate
     */
    public int index(int bath, int i) {
        return bath * frequencies.length + i;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> slots() {
        List<String> out = new ArrayList<>();
        for (String b : baths) {
            for (int i = 0; i < frequencies.length; i++) {
                out.add(slot(b, i));
            }
        }
        return out;
    }

    @Override
    public double quantum(int slot) {
        return QUANTUM;
    }

    @Override
    public FinalRecorder recorder() {
        return new Recorder();
    }

    /** Sums each window's Fourier components step by step, the phases advanced by one rotation per step. */
    private final class Recorder implements FinalRecorder {
        private final int f = frequencies.length;
        private final double[] re = new double[baths.size() * f];
        private final double[] im = new double[re.length];
        private final double[] total = new double[re.length];
        private final double[] cos = new double[f];
        private final double[] sin = new double[f];
        private final double[] stepCos = new double[f];
        private final double[] stepSin = new double[f];
        private final double[] bathIncrement = new double[baths.size()];

        Recorder() {
            for (int i = 0; i < f; i++) {
                stepCos[i] = Math.cos(frequencies[i] * dt);
                stepSin[i] = Math.sin(frequencies[i] * dt);
            }
        }

        @Override
        public void begin() {
            java.util.Arrays.fill(total, 0);
        }

        @Override
        public void homodyne(int step, double[] increments) {
            if (step < firstStep) {
                return;
            }
            int r = (step - firstStep) % windowSteps;
            if (r == 0) {
                java.util.Arrays.fill(re, 0);
                java.util.Arrays.fill(im, 0);
                // t_n = (r + 1)·dt from the window's start, exact at its first step.
                for (int i = 0; i < f; i++) {
                    cos[i] = stepCos[i];
                    sin[i] = stepSin[i];
                }
            }
            java.util.Arrays.fill(bathIncrement, 0);
            for (int j = 0; j < increments.length; j++) {
                bathIncrement[channelBath[j]] += increments[j];
            }
            for (int b = 0; b < bathIncrement.length; b++) {
                double x = bathIncrement[b];
                int o = b * f;
                for (int i = 0; i < f; i++) {
                    re[o + i] += x * cos[i];
                    im[o + i] += x * sin[i];
                }
            }
            for (int i = 0; i < f; i++) {
                double c = cos[i] * stepCos[i] - sin[i] * stepSin[i];
                sin[i] = sin[i] * stepCos[i] + cos[i] * stepSin[i];
                cos[i] = c;
            }
            if (r == windowSteps - 1) {
                double t = windowSteps * dt;
                for (int b = 0; b < bathIncrement.length; b++) {
                    for (int i = b * f; i < (b + 1) * f; i++) {
                        total[i] += (re[i] * re[i] + im[i] * im[i]) / (perBath[b] * t);
                    }
                }
            }
        }

        @Override
        public void end(double[] amplitudesRe, double[] amplitudesIm, double[] out, int offset) {
            for (int i = 0; i < total.length; i++) {
                out[offset + i] = total[i] / windows;
            }
        }

        @Override
        public void endMixed(double[] rhoRe, double[] rhoIm, double[] out, int offset) {
            end(rhoRe, rhoIm, out, offset);
        }
    }
}
