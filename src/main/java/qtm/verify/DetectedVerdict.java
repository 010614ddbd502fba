package qtm.verify;

import java.util.ArrayList;
import java.util.List;
import qtm.ensemble.EnsembleResult;
import org.ejml.data.ZMatrixRMaj;
import qtm.observe.DetectedCounts;
import qtm.observe.DetectedWaitingHistogram;
import qtm.observe.DetectedHistogram;
import qtm.observe.Estimates;
import qtm.observe.NetCounts;
import qtm.stats.Convergence;
import qtm.stats.RareEvents;
import qtm.stats.ScoreTest;
import qtm.stats.ZTests;

/**
 * How an ensemble's detected counts compare with exact (issue 28): the z-scores of the mean and variance of
 * N_det_k(t) and of the detected heat Q_det_k(t) (where it is not e·N_det_k) on every grid point, by the tests {@link CountingVerdict} applies to the true counts
 * ({@link CountingReference#testMean}, {@link CountingReference#testVariance}), judged by the worst with a Bonferroni
 * bound; and per bath the final-time figures that say how far the detector's view is from the true heat flow.
 *
 * @param maxAbsZ the largest |z|
 * @param tests the z-scores that entered
 * @param maxZPValue Bonferroni p-value of the largest |z|
 * @param converged that p-value at least {@link Convergence#ALPHA}
 * @param worst the z-test with the smallest p-value, named as the CSV column (null when nothing was judged)
 * @param baths per detected bath, its final-time comparison
 * @param histograms per detected bath whose final distribution is known (not too wide for its Fourier window) and
 *     whose final-count histogram is recorded, the χ² of that histogram, its p-value held to
 *     {@link Convergence#ALPHA} over their number
 * @param reference the exact detected statistics judged against (their curves are the report's)
 * @param waiting per detected bath, the χ² of the waiting times between its consecutive clicks against their exact law
 *     ({@link WaitingVerdict#detected}), each p-value held to {@link Convergence#ALPHA} over their number as the true
 *     ones are; null where the run does not record them
 */
public record DetectedVerdict(double maxAbsZ, int tests, double maxZPValue, boolean converged, ZTests.Worst worst,
        List<Bath> baths, List<Histogram> histograms, DetectedReference reference, WaitingVerdict.Result waiting) {
    /**
     * The χ² of one detected bath's final-count histogram, adjacent bins pooled as for the true counts.
     *
     * @param bath the bath
     * @param chiSquare Σ (o − e)²/e
     * @param dof pooled bins − 1
     * @param pValue P(χ²_dof ≥ chiSquare)
     */
    public record Histogram(String bath, double chiSquare, int dof, double pValue) {
    }

    /**
     * One detected bath at the final time: its detector, the detected and the true count as the ensemble estimates
     * them and as the exact solution has them, and both Fano factors.
     *
     * @param name the bath
     * @param efficiency η
     * @param darkRate θ
     * @param detected mean of N_det, with its SE
     * @param detectedVariance Var N_det
     * @param detectedFano Var N_det / |mean|
     * @param count mean of the true N (null where the run does not record it)
     * @param countVariance Var N (null where not recorded)
     * @param fano its Fano factor (null where not recorded)
     * @param exact the exact {mean, variance, Fano factor} of N_det
     * @param exactTrue the exact {mean, variance, Fano factor} of N
     * @param stationaryFano the exact stationary Fano factors {detected, true}
     * @param heat mean of the detected heat Q_det, with its SE
     * @param heatVariance Var Q_det
     * @param trueHeat mean of the true heat Q (null where the run does not record it)
     * @param exactHeat the exact {mean, variance} of Q_det
     */
    public record Bath(String name, double efficiency, double darkRate, RareEvents.Flagged detected,
            RareEvents.Flagged detectedVariance, RareEvents.Flagged detectedFano, RareEvents.Flagged count,
            RareEvents.Flagged countVariance, RareEvents.Flagged fano, double[] exact, double[] exactTrue,
            double[] stationaryFano, RareEvents.Flagged heat, RareEvents.Flagged heatVariance,
            RareEvents.Flagged trueHeat, double[] exactHeat) {
    }

    /**
     * @param r the ensemble
     * @param exact its exact detected reference
     * @return the verdict, or null if the ensemble did not record detected counts or has fewer than two trajectories
     */
    public static DetectedVerdict of(EnsembleResult r, DetectedReference exact) {
        return of(r, exact, null);
    }

    /**
     * @param r the ensemble
     * @param exact its exact detected reference
     * @param rho0 the run's initial state, for the waiting times between detected clicks where they are recorded
     *     ({@link DetectedWaitingHistogram}); null to leave them unjudged
     * @return the verdict, or null if the ensemble did not record detected counts or has fewer than two trajectories
     */
    public static DetectedVerdict of(EnsembleResult r, DetectedReference exact, ZMatrixRMaj rho0) {
        if (r.trajectories() < 2 || !r.records(DetectedCounts.NAME)) {
            return null;
        }
        int last = r.grid().points() - 1;
        ZTests tests = new ZTests();
        List<Bath> baths = new ArrayList<>();
        for (int d = 0; d < exact.baths().size(); d++) {
            String name = exact.baths().get(d);
            judge(r, exact.asCounting(d), false, DetectedCounts.count(name), DetectedCounts.variance(name), tests);
            if (!exact.heatOfCount()[d]) {
                judge(r, exact.asHeat(d), true, DetectedCounts.energy(name), DetectedCounts.energyVariance(name),
                        tests);
            }
            baths.add(bath(r, exact, d, last));
        }
        List<Histogram> histograms = histograms(r, exact);
        double p = tests.bonferroni();
        boolean ok = p >= Convergence.ALPHA;
        for (Histogram h : histograms) {
            ok &= h.pValue() >= Convergence.ALPHA / histograms.size();
        }
        DetectedWaitingHistogram w = rho0 == null ? null : r.recorded(DetectedWaitingHistogram.class);
        WaitingVerdict.Result waiting = w == null ? null : WaitingVerdict.detected(r, w, w.exact(), rho0);
        ok &= waiting == null || waiting.passed();
        return new DetectedVerdict(tests.maxAbsZ(), tests.tests(), p, ok, tests.worst(), List.copyOf(baths),
                histograms, exact, waiting);
    }

    /** The z-tests of one detected series' mean and variance on every grid point where it is not yet certain. */
    private static void judge(EnsembleResult r, CountingReference ref, boolean heat, String mean, String variance,
            ZTests tests) {
        long n = r.trajectories();
        for (int t = 0; t < r.grid().points(); t++) {
            double time = r.grid().time(t);
            RareEvents.Flagged e = r.estimate(mean, t);
            double mean0 = ref.mean(0, heat, t);
            if (!(ref.variance(0, heat, t) > 0) && Math.abs(e.mean() - mean0) <= 1e-12 * Math.max(1, Math.abs(mean0))) {
                continue;
            }
            ScoreTest.Z z = ref.testMean(0, heat, t, n, e.mean());
            if (z != null) {
                tests.add(mean, time, z.z(), z.p());
            }
            ScoreTest.Z zv = ref.testVariance(0, heat, t, n, r.estimate(variance, t).mean(), e.mean());
            if (zv != null) {
                tests.add(variance, time, zv.z(), zv.p());
            }
        }
    }

    private static List<Histogram> histograms(EnsembleResult r, DetectedReference exact) {
        List<Histogram> out = new ArrayList<>();
        if (exact.finals() == null || !r.records(DetectedHistogram.NAME)) {
            return out;
        }
        double[] sums = r.finalSums(DetectedHistogram.NAME);
        DetectedHistogram h = r.recorded(DetectedHistogram.class);
        for (int d = 0; d < exact.baths().size(); d++) {
            if (exact.finals()[d] == null) {
                continue;
            }
            CountingVerdict.Histogram x = CountingVerdict.histogram(0, h.bins(d), sums, h.offset(d),
                    exact.asCounting(d), r.trajectories());
            out.add(new Histogram(exact.baths().get(d), x.chiSquare(), x.dof(), x.pValue()));
        }
        return List.copyOf(out);
    }

    private static Bath bath(EnsembleResult r, DetectedReference exact, int d, int last) {
        String name = exact.baths().get(d);
        var detector = exact.detectors().get(d);
        // The true counts' columns are named by bath alike on presets and machines (count_<bath>, energy_<bath>).
        boolean truth = r.records(NetCounts.NAME);
        double mu = exact.mean(d, last);
        double var = exact.variance(d, last);
        double[] t = exact.trueFinal()[d];
        return new Bath(name, detector.efficiency(), detector.darkRate(), r.estimate(DetectedCounts.count(name), last),
                r.estimate(DetectedCounts.variance(name), last), r.estimate(DetectedCounts.fano(name), last),
                truth ? r.estimate(Estimates.count(name), last) : null,
                truth ? r.estimate(Estimates.countVariance(name), last) : null,
                truth ? r.estimate(Estimates.fano(name), last) : null, new double[] {mu, var, var / Math.abs(mu)},
                new double[] {t[0], t[1], t[1] / Math.abs(t[0])}, exact.stationaryFano()[d].clone(),
                r.estimate(DetectedCounts.energy(name), last), r.estimate(DetectedCounts.energyVariance(name), last),
                truth ? r.estimate(Estimates.energy(name), last) : null,
                new double[] {exact.heat()[d][last][0], exact.heat()[d][last][1]});
    }
}
