package qtm.verify;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import qtm.ensemble.EnsembleResult;
import qtm.observe.CountHistogram;
import qtm.observe.Estimates;
import qtm.observe.NetCounts;
import qtm.stats.Convergence;
import qtm.stats.RareEvents;
import qtm.stats.ScoreTest;
import qtm.stats.ZTests;

/**
 * How an ensemble's counting statistics compare with exact: z-scores of the mean and variance of N_k(t) and Q_k(t)
 * on every grid point, judged by the worst with a Bonferroni bound, and a χ² of the final-count histogram of each
 * bath against the exact distribution.
 *
 * <p>A mean is tested on every grid point against the exact mean with the exact finite-time variance
 * ({@link CountingReference#testMean}), never with its sample variance, which shrinks with the count when a rare
 * count falls low by chance.
 * A variance is tested as the mean of (x − μ₀)² about the exact mean, against the exact variance with the exact
 * fourth central moment as its null second moment, by the same test: a jackknife SE, which moves with the estimate
 * where a handful of jumps carry the variance, called correct ensembles of a few hundred trajectories wrong at
 * |z| ≈ 4.6.
 *
 * @param maxAbsZ the largest |z|
 * @param tests the z-scores that entered
 * @param maxZPValue Bonferroni p-value of the largest |z| (each z with its own distribution)
 * @param histograms per bath, the χ² of its final-count histogram
 * @param converged every p-value at least {@link Convergence#ALPHA} (the histograms' Bonferroni-split over the
 *     baths)
 * @param worst the z-test with the smallest p-value, named as the CSV column (null when nothing was judged)
 */
public record CountingVerdict(double maxAbsZ, int tests, double maxZPValue, List<Histogram> histograms,
        boolean converged, ZTests.Worst worst) {
    /** Pooled bins hold at least this many expected trajectories, where the χ² approximation is good. */
    private static final double EXPECTED = 5;

    /**
     * The χ² of one bath's final-count histogram, with adjacent bins pooled until each expects at least 5
     * trajectories.
     *
     * @param bath the bath's name (a preset's: cold, hot)
     * @param observed counts per pooled bin
     * @param expected exact expected counts per pooled bin
     * @param chiSquare Σ (o − e)²/e
     * @param dof pooled bins − 1
     * @param pValue P(χ²_dof ≥ chiSquare)
     */
    public record Histogram(String bath, double[] observed, double[] expected, double chiSquare, int dof,
            double pValue) {
    }

    /**
     * @param r the ensemble
     * @param exact its exact reference
     * @return the verdict, or null if the ensemble did not record the counts or has fewer than two trajectories
     */
    public static CountingVerdict of(EnsembleResult r, CountingReference exact) {
        if (r.trajectories() < 2 || !r.records(NetCounts.NAME) || !r.records(CountHistogram.NAME)) {
            return null;
        }
        long n = r.trajectories();
        ZTests tests = new ZTests();
        int points = r.grid().points();
        NetCounts counts = r.recorded(NetCounts.class);
        int baths = exact.baths().size();
        for (int side = 0; side < baths; side++) {
            String name = exact.baths().get(side);
            String[][] columns = {{Estimates.count(name), Estimates.countVariance(name)},
                {Estimates.energy(name), Estimates.energyVariance(name)}};
            // With one size of quantum Q_k = E N_k: its z-scores are those of N_k again.
            int weights = counts.twoSizes(side) ? 2 : 1;
            for (int w = 0; w < weights; w++) {
                for (int t = 0; t < points; t++) {
                    double time = r.grid().time(t);
                    RareEvents.Flagged e = r.estimate(columns[w][0], t);
                    double mean0 = exact.mean(side, w == 1, t);
                    double var0 = exact.variance(side, w == 1, t);
                    double diff = e.mean() - mean0;
                    if (!(var0 > 0) && Math.abs(diff) <= 1e-12 * Math.max(1, Math.abs(mean0))) {
                        continue;
                    }
                    ScoreTest.Z z = exact.testMean(side, w == 1, t, n, e.mean());
                    if (z != null) {
                        tests.add(columns[w][0], time, z.z(), z.p());
                    }
                    ScoreTest.Z zv = exact.testVariance(side, w == 1, t, n, r.estimate(columns[w][1], t).mean(),
                            e.mean());
                    if (zv == null) {
                        continue;
                    }
                    tests.add(columns[w][1], time, zv.z(), zv.p());
                }
            }
        }
        double maxZp = tests.bonferroni();
        List<Histogram> histograms = new ArrayList<>();
        boolean ok = maxZp >= Convergence.ALPHA;
        double[] sums = r.finalSums(CountHistogram.NAME);
        CountHistogram h = r.recorded(CountHistogram.class);
        for (int side = 0; side < baths; side++) {
            Histogram x = histogram(side, h.bins(side), sums, h.offset(side), exact, n);
            histograms.add(x);
            ok &= x.pValue() >= Convergence.ALPHA / baths;
        }
        return new CountingVerdict(tests.maxAbsZ(), tests.tests(), maxZp, List.copyOf(histograms), ok, tests.worst());
    }

    /** The χ² of one bath's histogram; also the detected counts' ({@link DetectedVerdict}). */
    static Histogram histogram(int side, CountHistogram.Bins b, double[] sums, int offset,
            CountingReference exact, long n) {
        int slots = b.slots();
        double[] obs = new double[slots];
        double[] exp = new double[slots];
        for (int i = 0; i < slots; i++) {
            obs[i] = sums[offset + i];
            long lo = i == 0 ? Long.MIN_VALUE : b.first() + (long) (i - 1) * b.width();
            long hi = i == 0 ? b.first() - 1 : i == slots - 1 ? Long.MAX_VALUE : lo + b.width() - 1;
            exp[i] = n * exact.probability(side, lo, hi);
        }
        List<double[]> pooled = new ArrayList<>();
        double o = 0;
        double e = 0;
        for (int i = 0; i < slots; i++) {
            o += obs[i];
            e += exp[i];
            if (e >= EXPECTED) {
                pooled.add(new double[] {o, e});
                o = 0;
                e = 0;
            }
        }
        if (!pooled.isEmpty()) {
            double[] tail = pooled.get(pooled.size() - 1);
            tail[0] += o;
            tail[1] += e;
        } else {
            pooled.add(new double[] {o, e});
        }
        double chi2 = 0;
        double[] po = new double[pooled.size()];
        double[] pe = new double[pooled.size()];
        for (int i = 0; i < pooled.size(); i++) {
            po[i] = pooled.get(i)[0];
            pe[i] = pooled.get(i)[1];
            chi2 += pe[i] > 0 ? (po[i] - pe[i]) * (po[i] - pe[i]) / pe[i] : po[i] > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        int dof = pooled.size() - 1;
        double p = dof == 0 ? 1.0 : 1.0 - new ChiSquaredDistribution(null, dof).cumulativeProbability(chi2);
        return new Histogram(exact.baths().get(side), po, pe, chi2, dof, p);
    }
}
