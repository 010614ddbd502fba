package qtm.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Tests an ensemble mean against the exact solution.
 *
 * <p>Two statistics, because z-scores of one run are correlated across time (the same trajectories) and across
 * coordinates (the trace is fixed): the largest |z| over everything, judged with a Bonferroni bound that holds under
 * any correlation; and at the final time a proper χ² = dᵀΣ̂⁻¹d with the full sample covariance of the mean,
 * restricted to its numerical range (directions in which no trajectory ever varies, such as the trace, drop out).
 *
 * <p>The z-scores use max(SE, floor) with a floor from the null hypothesis, given by the caller. A sample SE is
 * unreliable exactly where the estimate is a rare-event count: a population of 0.002 seen in 2 of 4000 trajectories
 * instead of the expected 9 has a plug-in SE of √2/4000 and z ≈ −5, although such a count is not unusual. For a value in
 * [0, 1] with exact mean μ₀ the variance is at most μ₀(1 − μ₀), so √(μ₀(1 − μ₀)/N) is a floor the estimate cannot
 * honestly beat when it is binary-like, and it is what the Wilson score interval uses. Callers apply the same floor
 * to the covariance they pass for the χ².
 */
public final class Convergence {
    /** Significance level of the verdict. */
    public static final double ALPHA = 1e-3;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Convergence() {
    }

    /**
     * @param estimate estimates, one per (time, coordinate)
     * @param se their standard errors
     * @param exact exact values
     * @param floor per estimate, the smallest SE used in its z-score (for example from the exact value)
     * @param finalMean mean vector at the final time
     * @param finalCovariance covariance of that mean (Σ̂/n)
     * @param finalExact exact vector at the final time
     * @return the verdict
     */
    public static Verdict test(double[] estimate, double[] se, double[] exact, double[] floor, double[] finalMean,
            double[][] finalCovariance, double[] finalExact) {
        double maxZ = 0;
        int tests = 0;
        for (int i = 0; i < estimate.length; i++) {
            double diff = estimate[i] - exact[i];
            double s = Math.max(se[i], floor[i]);
            if (se[i] == 0 && Math.abs(diff) <= 1e-12) {
                // Deterministic in every trajectory (for example ρ(0), or a coherence the dynamics never creates).
                continue;
            }
            tests++;
            maxZ = Math.max(maxZ, Math.abs(diff) / s);
        }
        double maxZp = tests == 0 ? 1.0 : Math.min(1.0, tests * 2 * NORMAL.cumulativeProbability(-maxZ));
        double chi2 = 0;
        int dof = 0;
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(finalCovariance, false));
        double[] lambda = eig.getRealEigenvalues();
        double top = 0;
        for (double l : lambda) {
            top = Math.max(top, l);
        }
        for (int k = 0; k < lambda.length; k++) {
            if (!(lambda[k] > 1e-10 * top) || !(lambda[k] > 0)) {
                continue;
            }
            RealVector v = eig.getEigenvector(k);
            double proj = 0;
            for (int i = 0; i < finalMean.length; i++) {
                proj += v.getEntry(i) * (finalMean[i] - finalExact[i]);
            }
            chi2 += proj * proj / lambda[k];
            dof++;
        }
        double p = dof == 0 ? 1.0 : 1.0 - new ChiSquaredDistribution(null, dof).cumulativeProbability(chi2);
        return new Verdict(maxZ, tests, maxZp, chi2, dof, p, p >= ALPHA && maxZp >= ALPHA);
    }
}
