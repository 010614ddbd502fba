package qtm.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Tests an ensemble mean against the exact solution.
 *
 * <p>Two statistics, because z-scores of one run are correlated across time (the same trajectories) and across
 * coordinates (the trace is fixed): the worst of the z-tests over everything, judged with a Bonferroni bound that
 * holds under any correlation ({@link ZTests}, each z with its null-hypothesis variance from {@link ScoreTest}); and
 * at the final time Hotelling's T² = dᵀΣ̂⁻¹d with the covariance of the mean, restricted to its numerical range
 * (directions in which no trajectory ever varies, such as the trace, drop out). Callers raise the covariance's
 * diagonal to the same null variances the z-tests use.
 */
public final class Convergence {
    /** Significance level of the verdict. */
    public static final double ALPHA = 1e-3;

    private Convergence() {
    }

    /**
     * @param z the z-tests over every (time, coordinate)
     * @param finalMean mean vector at the final time
     * @param finalCovariance covariance of that mean (Σ̂/n)
     * @param finalExact exact vector at the final time
     * @param n the number of trajectories the covariance was estimated from
     * @return the verdict
     */
    public static Verdict test(ZTests z, double[] finalMean, double[][] finalCovariance, double[] finalExact,
            long n) {
        double chi2 = 0;
        int dof = 0;
        if (finalMean.length > 0) {
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
        }
        double p = pValue(chi2, dof, n);
        double maxZp = z.bonferroni();
        return new Verdict(z.maxAbsZ(), z.tests(), maxZp, chi2, dof, p, p >= ALPHA && maxZp >= ALPHA, z.worst());
    }

    /**
     * Hotelling's p-value of T² = dᵀΣ̂⁻¹d: with a covariance estimated from n samples, T²(n − d)/(d(n − 1)) is
     * F(d, n − d) for normal data, which χ²_d only reaches as n → ∞; at n = 100 and d = 4 the χ² tail rejected a
     * correct ensemble several times too often at the verdict's level.
     *
     * @param t2 the statistic
     * @param dof d
     * @param n samples
     * @return P(T² ≥ t2), 1 when d = 0, the χ² tail when n ≤ d
     */
    public static double pValue(double t2, int dof, long n) {
        if (dof == 0) {
            return 1.0;
        }
        if (n - dof < 1) {
            return 1.0 - new ChiSquaredDistribution(null, dof).cumulativeProbability(t2);
        }
        double f = t2 * (n - dof) / (dof * (n - 1.0));
        return 1.0 - new FDistribution(null, dof, n - dof).cumulativeProbability(f);
    }
}
