package qtm.verify;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.ensemble.EnsembleResult;
import qtm.math.HermitianBasis;
import qtm.observe.FinalProducts;
import qtm.observe.RhoElements;
import qtm.stats.Convergence;
import qtm.stats.ScoreTest;
import qtm.stats.Verdict;
import qtm.stats.ZTests;

/**
 * Compares an ensemble result with an exact series of density matrices on the same grid.
 *
 * <p>Every ρ coordinate at every grid time is one z-test whose variance is taken under the null hypothesis, so that
 * an estimate that is low by chance does not shrink its own error bar (the Wald interval's failure):
 * <ul>
 * <li>A population is a mean of values in [0, 1]. On its rarer side (x, or 1 − x when p₀ &gt; ½) the spread of the
 * values is read as visits: a trajectory is there with some chance, with a typical weight r = E x²/E x when it is.
 * The chance of a visit is what fluctuates from run to run, the weight much less, so the null second moment is
 * p₀·r̂ with r̂ = mean(x²)/x̄ from the sample (r̂ = 1, an indicator, when nothing was seen), and the test is
 * {@link ScoreTest#of}: an exact (mid-p) binomial tail of the visits while they are rare, a normal z with the null
 * variance once more than half the trajectories are there. For an indicator such as p₁₁ of the reset machine it is
 * the exact binomial test at p₀. Once visits are common, the sample variance is trusted where it is larger.</li>
 * <li>A coherence is carried by the trajectories that visit both its levels; its sample variance is scaled up by the
 * expected over the observed weight of the rarer level, and where that level was never visited its variance is
 * bounded by the rarer level's exact population (|x|² ≤ x_ii x_jj).</li>
 * </ul>
 * The final-time covariance of the χ² gets the same null variances on its diagonal.
 */
public final class Verdicts {
    /** Visits of full weight added to the observed ones when the weight of a visit is estimated. */
    static final double PSEUDO_VISITS = 1;

    private Verdicts() {
    }

    /**
     * One coordinate's test and its null variance.
     *
     * @param z the signed z and its p-value
     * @param variance the per-trajectory variance under the null hypothesis
     */
    record Tested(ScoreTest.Z z, double variance) {
    }

    /**
     * @param n trajectories
     * @param mean x̄ of a population
     * @param meanSquare mean of x²
     * @param p0 the exact population
     * @param sampleVariance the unbiased sample variance
     * @return its test
     */
    static Tested population(long n, double mean, double meanSquare, double p0, double sampleVariance) {
        boolean flip = p0 > 0.5;
        double m = flip ? 1 - mean : mean;
        double q = flip ? 1 - 2 * mean + meanSquare : meanSquare;
        double e0 = Math.max(0, flip ? 1 - p0 : p0);
        // One pseudo-visit of full weight: where few visits were seen, the one big visit that did not happen would
        // change r̂ most, so r̂ is drawn towards the indicator's 1 until many visits outweigh it.
        double r = Math.min(1, Math.max((n * q + PSEUDO_VISITS) / (n * m + PSEUDO_VISITS), m));
        double visits = e0 * (r - e0);
        double floor = 1.0 / n;
        ScoreTest.Z z;
        double variance;
        if (e0 > 0 && e0 / r <= 0.5) {
            // The tail takes the third moment at its bound (x³ ≤ x² in [0, 1]), so that a mix of small and full
            // visits is never given a lighter tail than it has; the χ² keeps the second-moment variance.
            z = ScoreTest.of(n, m, e0, e0 * r, e0 * r, floor);
            variance = visits;
        } else {
            variance = Math.max(visits, sampleVariance);
            z = ScoreTest.normal(m - e0, Math.max(Math.sqrt(variance / n), floor));
        }
        return new Tested(flip ? new ScoreTest.Z(-z.z(), z.p()) : z, variance);
    }

    /**
     * @param n trajectories
     * @param diff estimate − exact of a coherence
     * @param sampleVariance its unbiased sample variance
     * @param w0 the exact population of the rarer of its two levels
     * @param w the observed population of that level
     * @return its test
     */
    static Tested coherence(long n, double diff, double sampleVariance, double w0, double w) {
        double variance = w > 0 && sampleVariance > 0 ? sampleVariance * Math.max(1, w0 / w) : Math.max(w0, 0);
        return new Tested(ScoreTest.normal(diff, Math.max(Math.sqrt(variance / n), 1.0 / n)), variance);
    }

    /**
     * @param result the ensemble
     * @param exact exact states on the same grid
     * @return the verdict over every ρ coordinate and time, with the χ² at the final time and the worst test named
     */
    public static Verdict of(EnsembleResult result, List<ZMatrixRMaj> exact) {
        if (result.trajectories() < 2) {
            // No error bar exists below two trajectories: nothing can be judged.
            return new Verdict(Double.NaN, 0, Double.NaN, Double.NaN, 0, Double.NaN, false, null);
        }
        RhoElements rho = result.recorded(RhoElements.class);
        int levels = rho.dimension();
        HermitianBasis basis = new HermitianBasis(levels);
        int points = result.grid().points();
        int d = rho.size();
        long n = result.trajectories();
        double[] coords = new double[d];
        double[] nullVariance = new double[d];
        ZTests tests = new ZTests();
        for (int k = 0; k < points; k++) {
            basis.coordinates(exact.get(k), coords);
            double[] se = result.rhoStandardErrors(k);
            double[] mean = result.rhoMeans(k);
            double[] squares = result.rhoMeanSquares(k);
            for (int m = 0; m < d; m++) {
                double diff = mean[m] - coords[m];
                if (se[m] == 0 && Math.abs(diff) <= 1e-12) {
                    // Deterministic in every trajectory (for example ρ(0), or a coherence the dynamics never creates).
                    nullVariance[m] = 0;
                    continue;
                }
                double s2 = se[m] * se[m] * n;
                Tested t;
                if (m < levels) {
                    t = population(n, mean[m], squares[m], coords[m], s2);
                } else {
                    int[] pair = basis.levels(m);
                    int rarer = coords[pair[0]] <= coords[pair[1]] ? pair[0] : pair[1];
                    t = coherence(n, diff, s2, coords[rarer], mean[rarer]);
                }
                nullVariance[m] = t.variance();
                tests.add(rho.element(m), result.grid().time(k), t.z().z(), t.z().p());
            }
        }
        if (!result.records(FinalProducts.NAME)) {
            // Without the final products (machines of more than two qubits' dimension: their χ² over d² coordinates
            // needs N far above d⁴), the verdict is the worst z-test's Bonferroni bound alone, valid under any
            // correlation.
            return Convergence.test(tests, new double[0], new double[0][0], new double[0], n);
        }
        double[] finalExact = basis.coordinates(exact.get(points - 1), new double[d]);
        return Convergence.test(tests, result.finalMean(),
                flooredCovariance(result.finalCovariance(), nullVariance, n), finalExact, n);
    }

    /**
     * The final-time covariance with each coordinate's variance replaced by its null variance and the sample's
     * correlations kept: the χ² then weighs each deviation as its z-test does. A coordinate no trajectory varied in
     * keeps no correlation. The null variances would give the trace direction (populations sum to 1 in every
     * trajectory) a variance it does not have, so that direction is projected out again.
     */
    private static double[][] flooredCovariance(double[][] sample, double[] nullVariance, long n) {
        int d = sample.length;
        double[] scale = new double[d];
        for (int i = 0; i < d; i++) {
            scale[i] = sample[i][i] > 0 ? Math.sqrt(nullVariance[i] / n / sample[i][i]) : 0;
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = sample[i][j] * scale[i] * scale[j];
            }
            if (!(sample[i][i] > 0)) {
                c[i][i] = nullVariance[i] / n;
            }
        }
        // P = 1 − uuᵀ with u = (1, 1, 1, 1, 0, …)/2
        double[] u = new double[d];
        for (int i = 0; i < 4; i++) {
            u[i] = 0.5;
        }
        double[] cu = new double[d];
        double ucu = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cu[i] += c[i][j] * u[j];
            }
            ucu += u[i] * cu[i];
        }
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = c[i][j] - u[i] * cu[j] - cu[i] * u[j] + u[i] * u[j] * ucu;
            }
        }
        return out;
    }
}
