package qtm.verify;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.ejml.data.ZMatrixRMaj;
import qtm.ensemble.EnsembleResult;
import qtm.exact.WaitingPair;
import qtm.exact.WaitingTimes;
import qtm.model.Model;
import qtm.observe.DetectedWaitingHistogram;
import qtm.observe.WaitingHistogram;
import qtm.stats.Convergence;
import qtm.stats.ZTests;

/**
 * The waiting-time histograms of an ensemble against the exact distributions. Each bin's estimate is the ratio of
 * means R_b = C̄_b / N̄ (intervals in bin b over starts); its covariance is the delta method's
 * Cov(R_b, R_c) = Σ_i d_bi d_ci / (n(n − 1) N̄²) with d_bi = C_bi − R_b N_i, from the recorded per-trajectory
 * products. The reference is exact for the run as it was made: the starts are weighted by the rate Tr J′ρ(t) over
 * the window from the run's initial state ({@link WaitingTimes#bins(double[], ZMatrixRMaj, double, double)}), so a
 * finite burn-in biases nothing; the stationary bins are reported beside it, and their largest difference from the
 * reference is the burn-in's residual. The χ² = dᵀΣ⁻¹d over the bins below τ_max (the overflow is the rest) uses the
 * covariance's numerical range, as the ρ χ² does, and its p-value is Hotelling's (the covariance is estimated).
 */
public final class WaitingVerdict {
    /** Fewest expected intervals in every bin for a χ² to be judged. */
    public static final double MIN_EXPECTED = 20;
    /** Points of the exact density curves. */
    public static final int CURVE = 121;

    /**
     * One pair's comparison.
     *
     * @param pair which jumps
     * @param edges upper bin edges (the last one τ_max)
     * @param windowStart the burn-in t_burn
     * @param windowEnd t_end − τ_max
     * @param starts intervals recorded (all trajectories)
     * @param estimate per bin and the overflow, the fraction of intervals
     * @param se their delta-method SEs
     * @param exact the exact probabilities for the run's window
     * @param stationary the exact probabilities in the steady state
     * @param plotTau per bin below τ_max, where its exact mean density P_b/width is attained by w(τ) (the bin's
     *     midpoint where w is not monotone across it): where a point drawn at its bin's mean density belongs
     * @param curveTau τ on a uniform grid of {@link #CURVE} points over [0, τ_max], for drawing
     * @param curveDensity the stationary density w(τ) on it
     * @param chiSquare χ² over the bins below τ_max (NaN when not judged)
     * @param dof its degrees of freedom
     * @param pValue Hotelling's p-value of chiSquare, P(F(dof, n − dof) ≥ χ²(n − dof)/(dof(n − 1))) (NaN when
     *     not judged)
     * @param maxAbsZ the largest |estimate − exact| / SE over the bins
     * @param worst the bin with the smallest normal p-value, as {@code <pair>_bin_<i>} at t = its upper edge τ,
     *     with the Bonferroni p over the bins (informative: the pair is judged by its χ²); null when not judged
     * @param judged false when some bin expects fewer than {@link #MIN_EXPECTED} intervals, or there are not more
     *     trajectories than bins
     */
    public record PairResult(WaitingPair pair, double[] edges, double windowStart, double windowEnd,
            double starts, double[] estimate, double[] se, double[] exact, double[] stationary, double[] plotTau, double[] curveTau, double[] curveDensity,
            double chiSquare, int dof, double pValue, double maxAbsZ, boolean judged, ZTests.Worst worst) {
    }

    /**
     * All three pairs.
     *
     * @param pairs per pair
     * @param passed true when every judged pair's p-value is at least {@link Convergence#ALPHA}/m, m the number of
     *     pairs (Bonferroni over them: 3 on a two-qubit model)
     */
    public record Result(List<PairResult> pairs, boolean passed) {
    }

    private WaitingVerdict() {
    }

    /** Per bin, the τ inside it at which w equals the bin's mean density, by bisection. */
    private static double[] plotTau(WaitingTimes exact, double[] edges, double[] p) {
        // Only a chart reads these: the spectral density (within ~cond(V)·ε of the exact one) spares 42 exponentials
        // a bin.
        java.util.function.DoubleUnaryOperator w = exact.drawnDensity();
        double[] out = new double[edges.length];
        for (int i = 0; i < edges.length; i++) {
            double lo = i == 0 ? 0 : edges[i - 1];
            double hi = edges[i];
            double target = p[i] / (hi - lo);
            double flo = w.applyAsDouble(lo) - target;
            double fhi = w.applyAsDouble(hi) - target;
            if (!(flo * fhi < 0)) {
                out[i] = 0.5 * (lo + hi);
                continue;
            }
            for (int it = 0; it < 40; it++) {
                double mid = 0.5 * (lo + hi);
                double f = w.applyAsDouble(mid) - target;
                if ((f < 0) == (flo < 0)) {
                    lo = mid;
                    flo = f;
                } else {
                    hi = mid;
                }
            }
            out[i] = 0.5 * (lo + hi);
        }
        return out;
    }

    /**
     * @param r the ensemble (it must have recorded {@link WaitingHistogram#NAME})
     * @param q the quantity as recorded
     * @param model the machine
     * @param rho0 the run's initial state
     * @return the comparison
     */
    public static Result of(EnsembleResult r, WaitingHistogram q, Model model, ZMatrixRMaj rho0) {
        List<WaitingTimes> exact = new ArrayList<>();
        for (WaitingHistogram.Plan plan : q.plans()) {
            exact.add(new WaitingTimes(model, plan.pair()));
        }
        return of(r, q, exact, rho0);
    }

    /**
     * Against the exact laws the histograms were planned with ({@link WaitingHistogram#exact()}), as a machine's run
     * judges them.
     *
     * @param r the ensemble (it must have recorded {@link WaitingHistogram#NAME})
     * @param q the quantity as recorded
     * @param rho0 the run's initial state
     * @return the comparison
     */
    public static Result of(EnsembleResult r, WaitingHistogram q, ZMatrixRMaj rho0) {
        return of(r, q, q.exact(), rho0);
    }

    /**
     * Against given exact laws: the power of the verdict is shown by handing it those of another machine.
     *
     * @param r the ensemble (it must have recorded {@link WaitingHistogram#NAME})
     * @param q the quantity as recorded
     * @param exact one law per plan of q, in order
     * @param rho0 the run's initial state
     * @return the comparison
     */
    public static Result of(EnsembleResult r, WaitingHistogram q, List<WaitingTimes> exact, ZMatrixRMaj rho0) {
        return of(r, WaitingHistogram.NAME, q.plans(), exact, rho0);
    }

    /**
     * The waiting times between the clicks of imperfect detectors (issue 28) against given laws, as the baths' are
     * judged: their own ({@link DetectedWaitingHistogram#exact()}), or others to show the verdict's power.
     *
     * @param r the ensemble (it must have recorded {@link DetectedWaitingHistogram#NAME})
     * @param q the quantity as recorded
     * @param exact one law per plan of q, in order
     * @param rho0 the run's initial state
     * @return the comparison
     */
    public static Result detected(EnsembleResult r, DetectedWaitingHistogram q, List<WaitingTimes> exact,
            ZMatrixRMaj rho0) {
        return of(r, DetectedWaitingHistogram.NAME, q.plans(), exact, rho0);
    }

    private static Result of(EnsembleResult r, String name, List<WaitingHistogram.Plan> plans,
            List<WaitingTimes> exact, ZMatrixRMaj rho0) {
        double[] sum = r.finalSums(name);
        double[] sq = r.finalSquares(name);
        long n = r.trajectories();
        List<PairResult> out = new ArrayList<>();
        boolean passed = true;
        int pairs = plans.size();
        for (int i = 0; i < pairs; i++) {
            PairResult pair = pair(sum, sq, n, plans.get(i), exact.get(i), rho0);
            passed &= !pair.judged() || pair.pValue() >= Convergence.ALPHA / pairs;
            out.add(pair);
        }
        return new Result(out, passed);
    }

    /** One pair's estimate, judged by its χ² when every bin expects enough intervals. */
    private static PairResult pair(double[] sum, double[] sq, long n, WaitingHistogram.Plan plan, WaitingTimes w,
            ZMatrixRMaj rho0) {
        int b = plan.bins();
        double[] edges = plan.edges();
        double[] exact = w.bins(edges, rho0, plan.windowStart(), plan.windowEnd());
        double[] stationary = w.bins(edges);
        double[] curveTau = new double[CURVE];
        double[] curveDensity = new double[CURVE];
        for (int i = 0; i < CURVE; i++) {
            curveTau[i] = edges[b - 1] * i / (CURVE - 1);
            curveDensity[i] = w.density(curveTau[i]);
        }
        double sn = sum[plan.starts()];
        Estimate e = Estimate.of(sum, sq, n, plan, exact);
        boolean judged = e.judged();
        double chi2 = Double.NaN;
        int dof = 0;
        double p = Double.NaN;
        double maxZ = Double.NaN;
        ZTests.Worst worst = null;
        if (judged) {
            ZTests bins = new ZTests();
            for (int i = 0; i < b; i++) {
                bins.normal(plan.pair().key() + "_bin_" + i, edges[i], (e.est()[i] - exact[i]) / e.se()[i]);
            }
            maxZ = bins.maxAbsZ();
            worst = bins.worst();
            double[] chi = chiSquare(e.cov(), e.est(), exact);
            chi2 = chi[0];
            dof = (int) chi[1];
            // Hotelling: with a covariance estimated from n trajectories, T²(n − d)/(d(n − 1)) is F(d, n − d)
            // for normal data, which the χ²_d only reaches as n → ∞ (at n = 500 and d = 16 it would reject
            // about 1.5 times too often in the far tail).
            if (dof > 0 && n - dof >= 1) {
                double f = chi2 * (n - dof) / (dof * (n - 1.0));
                p = 1.0 - new FDistribution(null, dof, n - dof).cumulativeProbability(f);
            } else {
                p = dof == 0 ? 1.0 : Double.NaN;
                judged = dof == 0;
            }
        }
        return new PairResult(plan.pair(), edges.clone(), plan.windowStart(), plan.windowEnd(), sn, e.est(), e.se(),
                exact, stationary, plotTau(w, edges, stationary), curveTau, curveDensity, chi2, dof, p, maxZ, judged,
                worst);
    }

    /**
     * The bins' ratio-of-means estimates with their delta-method covariance.
     *
     * @param est per bin and the overflow (NaN without starts)
     * @param se their SEs (NaN unless judged)
     * @param cov the covariance of the bins below τ_max
     * @param judged at least two trajectories, some starts, and every bin expecting {@link #MIN_EXPECTED} intervals
     */
    private record Estimate(double[] est, double[] se, double[][] cov, boolean judged) {
        static Estimate of(double[] sum, double[] sq, long n, WaitingHistogram.Plan plan, double[] exact) {
            int b = plan.bins();
            double sn = sum[plan.starts()];
            double[] est = new double[b + 1];
            double[] se = new double[b + 1];
            double[][] cov = new double[b][b];
            java.util.Arrays.fill(se, Double.NaN);
            java.util.Arrays.fill(est, Double.NaN);
            boolean judged = n >= 2 && sn > 0;
            if (sn > 0) {
                for (int i = 0; i <= b; i++) {
                    est[i] = sum[plan.bin(i)] / sn;
                }
            }
            if (!judged) {
                return new Estimate(est, se, cov, false);
            }
            double mean = sn / n;
            double snn = sq[plan.starts()];
            double scale = 1.0 / (n * (n - 1.0) * mean * mean);
            for (int i = 0; i < b; i++) {
                for (int j = 0; j <= i; j++) {
                    double sij = i == j ? sq[plan.bin(i)] : sum[plan.product(j, i)];
                    double v = (sij - est[j] * sum[plan.withStarts(i)] - est[i] * sum[plan.withStarts(j)]
                            + est[i] * est[j] * snn) * scale;
                    cov[i][j] = v;
                    cov[j][i] = v;
                }
                se[i] = Math.sqrt(Math.max(0, cov[i][i]));
            }
            // The overflow is 1 − Σ bins: its variance is the sum of the whole covariance.
            double all = 0;
            for (double[] row : cov) {
                for (double x : row) {
                    all += x;
                }
            }
            se[b] = Math.sqrt(Math.max(0, all));
            for (int i = 0; i < b; i++) {
                judged &= sn * exact[i] >= MIN_EXPECTED;
            }
            return new Estimate(est, se, cov, judged);
        }
    }

    /**
     * dᵀΣ⁻¹d over the covariance's numerical range, as the ρ χ² does: directions below 1e-10 of the largest
     * eigenvalue are rounding, not information.
     *
     * @return {χ², its degrees of freedom}
     */
    private static double[] chiSquare(double[][] cov, double[] est, double[] exact) {
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] lambda = eig.getRealEigenvalues();
        double top = 0;
        for (double l : lambda) {
            top = Math.max(top, l);
        }
        double chi2 = 0;
        int dof = 0;
        for (int k = 0; k < lambda.length; k++) {
            if (!(lambda[k] > 1e-10 * top) || !(lambda[k] > 0)) {
                continue;
            }
            RealVector v = eig.getEigenvector(k);
            double proj = 0;
            for (int i = 0; i < cov.length; i++) {
                proj += v.getEntry(i) * (est[i] - exact[i]);
            }
            chi2 += proj * proj / lambda[k];
            dof++;
        }
        return new double[] {chi2, dof};
    }
}
