package qtm.verify;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.CountingStatistics;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.DetectedCounting;
import qtm.exact.MachineCounting;
import qtm.model.Detection;
import qtm.model.Detection.Detector;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * The exact statistics the detected counts of a run must converge to (issue 28): per bath its detection lists, the
 * mean, variance and higher central moments of N_det_k(t) on every grid point, from the detected tilted generator
 * ({@link DetectedCounting}); beside them the true count's final mean and variance and both counts' stationary Fano
 * factors, which say how far the detector's view is from the true heat flow.
 *
 * @param baths the detected baths' names, in the detection's order
 * @param detectors their detectors
 * @param series per bath, per t_k: {mean, variance, fourth, third and sixth central moment} of N_det
 * @param oneWay per bath, whether N_det has one sign in every trajectory (a one-way bath without dark clicks)
 * @param trueFinal per bath, the true count's {mean, variance} at the final time
 * @param stationaryFano per bath, the stationary Fano factor noise/|current| of {detected, true} count (NaN where
 *     not defined: no current, or no unique steady state)
 * @param finals per bath, P(N_det = n) at the final time (an entry null where its window is too wide to invert)
 * @param heat per bath, the same moments of the detected heat Q_det on every grid point (the tilt e^{s w_j} of each
 *     jump's heat w_j, thinned by η, and (θ/2)(e^{sω₁} + e^{−sω₁} − 2) of the dark clicks)
 * @param heatOneWay per bath, whether Q_det has one sign in every trajectory
 * @param heatEvent per bath, the largest heat one click carries (a jump's |w_j|, or ω₁ with dark clicks)
 * @param heatOfCount per bath, whether every click carries one heat e per count (each jump w_j = e·ν_j, and dark
 *     clicks ±e or none), so that Q_det = e·N_det in every trajectory: then its moments are N_det's scaled, and only
 *     N_det's z-tests enter the verdict, as for the true counts
 */
public record DetectedReference(List<String> baths, List<Detector> detectors, double[][][] series, boolean[] oneWay,
        double[][] trueFinal, double[][] stationaryFano, CountingStatistics.Distribution[] finals,
        double[][][] heat, boolean[] heatOneWay, double[] heatEvent, boolean[] heatOfCount) {
    /**
     * The master equation's detected statistics: the reference of a preset's quantum-jump trajectories.
     *
     * @param model a preset
     * @param detection its detectors
     * @param rho0 the initial state
     * @param grid the output grid
     * @return the reference of the baths the detection lists
     */
    public static DetectedReference master(Model model, Detection detection, ZMatrixRMaj rho0, TimeGrid grid) {
        List<String> names = new ArrayList<>(detection.detectors().keySet());
        int m = names.size();
        List<Detector> detectors = new ArrayList<>();
        double[][][] series = new double[m][][];
        boolean[] oneWay = new boolean[m];
        double[][] truth = new double[m][];
        double[][] fano = new double[m][];
        CountingStatistics.Distribution[] finals = new CountingStatistics.Distribution[m];
        double[][][] heat = new double[m][][];
        boolean[] heatOneWay = new boolean[m];
        double[] heatEvent = new double[m];
        boolean[] heatOfCount = new boolean[m];
        for (int d = 0; d < m; d++) {
            Side side = Side.COLD.key().equals(names.get(d)) ? Side.COLD : Side.HOT;
            Detector x = detection.of(names.get(d));
            List<qtm.model.Jump> jumps = model.jumps().stream().filter(j -> j.side() == side && j.rate() > 0)
                    .toList();
            double[] w = jumps.stream().mapToDouble(qtm.model.Jump::energy).toArray();
            double[] nu = jumps.stream().mapToDouble(j -> Math.signum(j.energy())).toArray();
            heatOneWay[d] = oneSign(w, x);
            heatEvent[d] = largest(w, x, DetectedCounting.darkHeat(model));
            detectors.add(x);
            CountingStatistics detected = DetectedCounting.of(model, side, Weight.QUANTA, x);
            CountingStatistics perfect = DetectedCounting.of(model, side, Weight.QUANTA, Detector.PERFECT);
            series[d] = detected.onGrid(rho0, grid);
            oneWay[d] = oneWay(model, side) && x.darkRate() == 0;
            double[] raw = perfect.moments(rho0, grid.end(), 2);
            truth[d] = new double[] {raw[0], raw[1] - raw[0] * raw[0]};
            fano[d] = new double[] {fano(detected), fano(perfect)};
            finals[d] = distribution(detected, rho0, grid.end());
            double e = perCount(w, nu, x, DetectedCounting.darkHeat(model));
            heatOfCount[d] = !Double.isNaN(e);
            heat[d] = heatOfCount[d] ? scaled(series[d], e)
                    : DetectedCounting.of(model, side, Weight.HEAT, x).onGrid(rho0, grid);
        }
        return new DetectedReference(List.copyOf(names), List.copyOf(detectors), series, oneWay, truth, fano, finals,
                heat, heatOneWay, heatEvent, heatOfCount);
    }

    /**
     * The master equation's detected statistics of a machine: the reference of its quantum-jump trajectories.
     *
     * @param counting the machine's counting statistics
     * @param detection its detectors
     * @param rho0 the initial state
     * @param grid the output grid
     * @return the reference of the baths the detection lists
     */
    public static DetectedReference machine(MachineCounting counting, Detection detection, ZMatrixRMaj rho0,
            TimeGrid grid) {
        return machine(counting, detection, rho0, grid, true);
    }

    /**
     * As {@link #machine(MachineCounting, Detection, ZMatrixRMaj, TimeGrid)}, with or without P(N_det = n) at the
     * final time, whose Fourier inversion costs more than the rest on a large machine and judges only a recorded
     * histogram.
     *
     * @param counting the machine's counting statistics
     * @param detection its detectors
     * @param rho0 the initial state
     * @param grid the output grid
     * @param withFinals whether to compute {@link #finals()} (else its entries are null)
     * @return the reference of the baths the detection lists
     */
    public static DetectedReference machine(MachineCounting counting, Detection detection, ZMatrixRMaj rho0,
            TimeGrid grid, boolean withFinals) {
        qtm.model.Machine m = counting.exact().machine();
        List<String> names = new ArrayList<>(detection.detectors().keySet());
        int n = names.size();
        List<Detector> detectors = new ArrayList<>();
        double[][][] series = new double[n][][];
        boolean[] oneWay = new boolean[n];
        double[][] truth = new double[n][];
        double[][] fano = new double[n][];
        CountingStatistics.Distribution[] finals = new CountingStatistics.Distribution[n];
        double[][][] heat = new double[n][][];
        boolean[] heatOneWay = new boolean[n];
        double[] heatEvent = new double[n];
        boolean[] heatOfCount = new boolean[n];
        for (int d = 0; d < n; d++) {
            int bath = m.bathNames().indexOf(names.get(d));
            Detector x = detection.of(names.get(d));
            List<qtm.model.MachineChannel> channels = m.channels().stream()
                    .filter(c -> c.bath() == bath && c.rate() > 0).toList();
            double[] w = channels.stream().mapToDouble(qtm.model.MachineChannel::heat).toArray();
            double[] nu = channels.stream().mapToDouble(qtm.model.MachineChannel::count).toArray();
            heatOneWay[d] = oneSign(w, x);
            heatEvent[d] = largest(w, x, DetectedCounting.darkHeat(m, bath));
            detectors.add(x);
            CountingStatistics detected = DetectedCounting.of(counting, bath, Weight.QUANTA, x);
            CountingStatistics perfect = DetectedCounting.of(counting, bath, Weight.QUANTA, Detector.PERFECT);
            series[d] = detected.onGrid(rho0, grid);
            boolean in = false;
            boolean out = false;
            for (qtm.model.MachineChannel c : m.channels()) {
                if (c.bath() == bath && c.rate() > 0) {
                    in |= c.count() > 0;
                    out |= c.count() < 0;
                }
            }
            oneWay[d] = !(in && out) && x.darkRate() == 0;
            double[] raw = perfect.moments(rho0, grid.end(), 2);
            truth[d] = new double[] {raw[0], raw[1] - raw[0] * raw[0]};
            fano[d] = new double[] {fano(detected), fano(perfect)};
            finals[d] = withFinals ? distribution(detected, rho0, grid.end()) : null;
            double e = perCount(w, nu, x, DetectedCounting.darkHeat(m, bath));
            heatOfCount[d] = !Double.isNaN(e);
            heat[d] = heatOfCount[d] ? scaled(series[d], e)
                    : DetectedCounting.of(counting, bath, Weight.HEAT, x).onGrid(rho0, grid);
        }
        return new DetectedReference(List.copyOf(names), List.copyOf(detectors), series, oneWay, truth, fano, finals,
                heat, heatOneWay, heatEvent, heatOfCount);
    }

    /**
     * The heat e every click carries per count (w_j = e·ν_j for every jump that moves either, and a dark click's ω₁ =
     * e where there are dark clicks), or NaN where there is none.
     */
    private static double perCount(double[] heats, double[] counts, Detector x, double dark) {
        double e = Double.NaN;
        for (int j = 0; j < heats.length; j++) {
            if (heats[j] == 0 && counts[j] == 0) {
                continue;
            }
            double r = counts[j] == 0 ? Double.NaN : heats[j] / counts[j];
            if (Double.isNaN(r) || !Double.isNaN(e) && !same(r, e)) {
                return Double.NaN;
            }
            e = r;
        }
        if (x.darkRate() > 0 && !Double.isNaN(e) && !same(dark, e)) {
            return Double.NaN;
        }
        return Double.isNaN(e) ? dark : e;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** A count's {mean, variance, fourth, third, sixth central moment} on the grid, of e times the count. */
    private static double[][] scaled(double[][] series, double e) {
        double[][] out = new double[series.length][];
        double[] f = {e, e * e, Math.pow(e, 4), e * e * e, Math.pow(e, 6)};
        for (int k = 0; k < series.length; k++) {
            out[k] = new double[series[k].length];
            for (int i = 0; i < series[k].length; i++) {
                out[k][i] = series[k][i] * f[i];
            }
        }
        return out;
    }

    /** Whether the heats of a bath's jumps share one sign and no dark click adds the other. */
    private static boolean oneSign(double[] heats, Detector x) {
        boolean in = false;
        boolean out = false;
        for (double w : heats) {
            in |= w > 0;
            out |= w < 0;
        }
        return !(in && out) && x.darkRate() == 0;
    }

    /** The largest heat of one click: of a jump, or of a dark click. */
    private static double largest(double[] heats, Detector x, double dark) {
        double most = x.darkRate() > 0 ? Math.abs(dark) : 0;
        for (double w : heats) {
            most = Math.max(most, Math.abs(w));
        }
        return most;
    }

    /** Noise over |current| in the steady state; NaN where it has none or no current. */
    private static double fano(CountingStatistics c) {
        try {
            CountingStatistics.Cumulants s = c.stationary();
            return s.current() == 0 ? Double.NaN : s.noise() / Math.abs(s.current());
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** Whether every energy-moving jump of the bath moves it the same way (a bath at T = 0 only takes quanta). */
    private static boolean oneWay(Model model, Side side) {
        boolean in = false;
        boolean out = false;
        for (qtm.model.Jump j : model.jumps()) {
            if (j.side() == side && j.rate() > 0 && j.energy() != 0) {
                in |= j.energy() > 0;
                out |= j.energy() < 0;
            }
        }
        return !(in && out);
    }

    /**
     * @param d index of the detected bath
     * @param k grid index
     * @return the exact mean of N_det at t_k
     */
    public double mean(int d, int k) {
        return series[d][k][0];
    }

    /**
     * @param d index of the detected bath
     * @param k grid index
     * @return the exact variance of N_det at t_k
     */
    public double variance(int d, int k) {
        return series[d][k][1];
    }

    /**
     * P(N_det = n, t), or null where its window is too wide for the Fourier inversion (dark clicks and thinning make
     * Var N_det grow as θt + η(1 − η)·activity·t even where the true count stays bounded) or its exponentials would
     * take more than {@link MachineCounting#MAX_WORK} (the bound of {@code qtm fcs}; a wide window on a large machine):
     * then that bath's histogram is not judged, while its mean and variance still are.
     */
    private static CountingStatistics.Distribution distribution(CountingStatistics detected, ZMatrixRMaj rho0,
            double t) {
        try {
            CountingStatistics.Window w = detected.window(rho0, t);
            if (w.exponentials(true) * detected.work(0, t) > MachineCounting.MAX_WORK) {
                return null;
            }
            return detected.distribution(rho0, t, w, true);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The counting tests of {@link CountingReference} on one detected bath: its moments in the place of a true
     * count's, with a largest event of one click.
     *
     * @param d index of the detected bath
     * @return a reference whose cold count (N and Q alike) is N_det, with its final distribution where known; only its
     *     tests are meant to be used
     */
    CountingReference asCounting(int d) {
        return counting(d, false);
    }

    /**
     * As {@link #asCounting(int)} for the detected heat: its moments in the place of a true heat's, with a largest
     * event of {@link #heatEvent()}.
     *
     * @param d index of the detected bath
     * @return a reference whose cold heat is Q_det; only its tests of the heat are meant to be used
     */
    CountingReference asHeat(int d) {
        return counting(d, true);
    }

    private CountingReference counting(int d, boolean isHeat) {
        if (isHeat) {
            double[][][] q = {heat[d], heat[d], heat[d], heat[d]};
            return new CountingReference(q, null, new boolean[] {heatOneWay[d], heatOneWay[d]},
                    new double[] {heatEvent[d], heatEvent[d]}, List.of(baths.get(d), baths.get(d)));
        }
        double[][][] s = {series[d], series[d], series[d], series[d]};
        CountingStatistics.Distribution[] f = finals == null ? null
                : new CountingStatistics.Distribution[] {finals[d], finals[d]};
        return new CountingReference(s, f, new boolean[] {oneWay[d], oneWay[d]}, new double[] {1, 1},
                List.of(baths.get(d), baths.get(d)));
    }
}
