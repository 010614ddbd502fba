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
 * <p>An SE is floored at 1/N in z-scores: a mean of N values bounded by 1 cannot resolve less, and without the floor
 * an element that no trajectory has reached yet (SE = 0) would turn a tiny exact value into an infinite z.
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
     * @param n number of trajectories
     * @param finalMean mean vector at the final time
     * @param finalCovariance covariance of that mean (Σ̂/n)
     * @param finalExact exact vector at the final time
     * @return the verdict
     */
    public static Verdict test(double[] estimate, double[] se, double[] exact, long n, double[] finalMean,
            double[][] finalCovariance, double[] finalExact) {
        double floor = 1.0 / n;
        double maxZ = 0;
        int tests = 0;
        for (int i = 0; i < estimate.length; i++) {
            double diff = estimate[i] - exact[i];
            double s = Math.max(se[i], floor);
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
