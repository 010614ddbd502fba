package qtm.verify;
import qtm.ensemble.EnsembleResult;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.HermitianBasis;
import qtm.stats.Convergence;
import qtm.stats.RareEvents;
import qtm.stats.Verdict;

/** Compares an ensemble result with an exact series of density matrices on the same grid. */
public final class Verdicts {
    /**
     * A population is rare when fewer than {@link RareEvents#COUNT} trajectories are expected on its less likely
     * side. Only then is its sample SE unreliable (it may have been seen a handful of times, or never) and the binomial
     * floor √(p(1 − p)/N) applies. Elsewhere the floor would hide real disagreement: |01⟩ and |10⟩ are reached through
     * superpositions, so their per-trajectory variance is far below p(1 − p).
     */
    static final double RARE_COUNT = RareEvents.COUNT;

    private Verdicts() {
    }

    /**
     * @param p exact population
     * @param n trajectories
     * @return the binomial variance floor p(1 − p)/N for a rare population, else 0
     */
    static double populationFloor(double p, long n) {
        double q = Math.min(1, Math.max(0, p));
        return RareEvents.rareExpected(q, n) ? q * (1 - q) / n : 0;
    }

    /**
     * The final-time covariance with the same null-hypothesis floor as the z-scores: a rare population's variance is
     * raised to at least p(1 − p)/N. Raising diagonal entries keeps the matrix positive semidefinite. The floor would give the
     * trace direction (populations sum to 1 in every trajectory) a variance it does not have, so that direction is
     * projected out again.
     */
    private static double[][] flooredCovariance(double[][] c, double[] exact, long n) {
        int d = c.length;
        for (int i = 0; i < 4; i++) {
            c[i][i] = Math.max(c[i][i], populationFloor(exact[i], n));
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

    /**
     * @param result the ensemble
     * @param exact exact states on the same grid
     * @return the verdict over every ρ coordinate and time, with the χ² at the final time. The z-score floor is
     *     √(p(1 − p)/N) at the exact population p for rare populations (see {@link #RARE_COUNT}) and otherwise 1/N,
     *     the resolution of a mean of N values bounded by 1.
     */
    public static Verdict of(EnsembleResult result, List<ZMatrixRMaj> exact) {
        if (result.trajectories() < 2) {
            // No error bar exists below two trajectories: nothing can be judged.
            return new Verdict(Double.NaN, 0, Double.NaN, Double.NaN, 0, Double.NaN, false);
        }
        HermitianBasis basis = new HermitianBasis(4);
        int points = result.grid().points();
        int d = qtm.observe.RhoElements.SIZE;
        double[] est = new double[points * d];
        double[] se = new double[points * d];
        double[] ex = new double[points * d];
        double[] floor = new double[points * d];
        long n = result.trajectories();
        double[] coords = new double[d];
        for (int k = 0; k < points; k++) {
            basis.coordinates(exact.get(k), coords);
            double[] s = result.rhoStandardErrors(k);
            double[] mean = result.rhoMeans(k);
            for (int m = 0; m < d; m++) {
                est[k * d + m] = mean[m];
                se[k * d + m] = s[m];
                ex[k * d + m] = coords[m];
                floor[k * d + m] = m < 4 ? Math.max(Math.sqrt(populationFloor(coords[m], n)), 1.0 / n) : 1.0 / n;
            }
        }
        double[] finalExact = basis.coordinates(exact.get(points - 1), new double[d]);
        return Convergence.test(est, se, ex, floor, result.finalMean(),
                flooredCovariance(result.finalCovariance(), finalExact, n), finalExact);
    }
}
