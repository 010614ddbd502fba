package qtm.verify;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.CollisionCounting;
import qtm.exact.CountingStatistics;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.stats.ScoreTest;

/**
 * The exact counting statistics an ensemble's counts must converge to: on every grid point the mean and variance of
 * N_k(t) and Q_k(t) from the initial state, and the distribution of N_k at the final time.
 *
 * @param series indexed [2·bath + weight][k] → {mean, variance, fourth, third and sixth central moment}, bath in
 *     {@link Side} order, weight 0 = N, 1 = Q
 * @param finals per bath, P(N_k = n) at the final time
 * @param oneWay per bath, whether every jump of it moves energy the same way (a bath at T = 0 only takes quanta):
 *     then N_k and Q_k have one sign in every trajectory
 * @param quantum per bath, the largest energy one jump moves (the size of the largest single event of Q_k)
 * @param baths the baths' names, in bath order (a preset's: cold, hot)
 */
public record CountingReference(double[][][] series, Distribution[] finals, boolean[] oneWay, double[] quantum,
        List<String> baths) {
    /** Copies the names. */
    public CountingReference {
        baths = List.copyOf(baths);
    }

    /**
     * The master equation's (tilted Liouvillian's) statistics: the reference of quantum-jump trajectories.
     *
     * @param model the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @return the reference
     */
    public static CountingReference master(Model model, ZMatrixRMaj rho0, TimeGrid grid) {
        double[][][] series = new double[4][][];
        Distribution[] finals = new Distribution[2];
        for (Side side : Side.values()) {
            int s = side.ordinal();
            CountingStatistics n = new CountingStatistics(model, side, Weight.QUANTA);
            series[2 * s] = n.onGrid(rho0, grid);
            series[2 * s + 1] = new CountingStatistics(model, side, Weight.HEAT).onGrid(rho0, grid);
            finals[s] = n.distribution(rho0, grid.end());
        }
        return new CountingReference(series, finals, oneWay(model), quanta(model), PRESET);
    }

    /** A preset's baths. */
    static final List<String> PRESET = List.of(Side.COLD.key(), Side.HOT.key());

    /** Skewness of the mean beyond which one Cornish–Fisher term no longer describes its tail. */
    static final double SKEWED = 0.5;

    private static double[] quanta(Model model) {
        double[] q = new double[2];
        for (qtm.model.Jump j : model.jumps()) {
            if (j.rate() > 0) {
                q[j.side().ordinal()] = Math.max(q[j.side().ordinal()], Math.abs(j.energy()));
            }
        }
        return q;
    }

    /**
     * @param side the bath
     * @param heat Q_k instead of N_k
     * @return the size of the largest single event of the count: 1 quantum, or the largest energy of one jump
     */
    public double largestEvent(Side side, boolean heat) {
        return largestEvent(side.ordinal(), heat);
    }

    /**
     * @param bath the bath's index
     * @param heat Q_k instead of N_k
     * @return the size of the largest single event of the count
     */
    public double largestEvent(int bath, boolean heat) {
        return heat ? quantum[bath] : 1;
    }

    private static boolean[] oneWay(Model model) {
        boolean[] in = new boolean[2];
        boolean[] out = new boolean[2];
        for (qtm.model.Jump j : model.jumps()) {
            if (j.rate() > 0 && j.energy() != 0) {
                (j.energy() > 0 ? in : out)[j.side().ordinal()] = true;
            }
        }
        return new boolean[] {!(in[0] && out[0]), !(in[1] && out[1])};
    }

    /**
     * The tilted discrete collision map's statistics at the engine's step: the reference of the collision ensembles.
     *
     * @param model the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param dt the requested step (shortened to the grid as the engine shortens it)
     * @return the reference
     */
    public static CountingReference collision(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
        double[][][] series = CollisionCounting.onGrid(model, rho0, grid, dt);
        Distribution[] finals = new Distribution[2];
        for (Side side : Side.values()) {
            CollisionCounting c = new CollisionCounting(model, grid, dt, side, Weight.QUANTA);
            finals[side.ordinal()] = c.distribution(rho0, (long) (grid.points() - 1) * c.collision().stepsPerPoint());
        }
        return new CountingReference(series, finals, oneWay(model), quanta(model), PRESET);
    }

    /**
     * @param bath the bath's index
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @return the exact E(X − EX)⁴
     */
    public double fourth(int bath, boolean heat, int k) {
        return series[2 * bath + (heat ? 1 : 0)][k][2];
    }

    /**
     * The z-test of an ensemble's sample variance (plug-in, about its own mean) of N_k(t) or Q_k(t): as the mean of
     * y = (x − μ₀)² ≥ 0 about the exact mean, whose null second and third moments are the exact fourth and sixth
     * central moments, a visit at least one largest event squared.
     *
     * @param bath the bath's index
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @param n trajectories
     * @param variance the ensemble's plug-in variance
     * @param mean the ensemble's mean
     * @return the signed z and its two-sided p-value, or null where the exact variance is 0 (nothing to judge)
     */
    public ScoreTest.Z testVariance(int bath, boolean heat, int k, long n, double variance, double mean) {
        double[] x = series[2 * bath + (heat ? 1 : 0)][k];
        if (!(x[1] > 0) || !(x[2] > 0)) {
            return null;
        }
        double size = largestEvent(bath, heat);
        double y = variance + (mean - x[0]) * (mean - x[0]);
        return ScoreTest.of(n, y, x[1], x[2], Math.max(x[4], x[1] * Math.pow(size, 4)), 0);
    }

    /**
     * @param bath the bath's index
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @return the exact E(X − EX)⁶
     */
    public double sixth(int bath, boolean heat, int k) {
        return series[2 * bath + (heat ? 1 : 0)][k][4];
    }

    /**
     * The z-test of an ensemble's mean of N_k(t) or Q_k(t) against the exact mean with the exact finite-time
     * variance: a count's Fano factor is not 1, and its sample variance moves with its mean where jumps are rare.
     * A count of one sign (a one-way bath) takes the exact visit-count tail matched to the exact third moment
     * ({@link ScoreTest#of}), with a visit at least the largest single event: where quanta of E and E + U mix, no
     * two-point law holds both tails, and the largest event makes both at least as heavy as the truth (at the cost
     * of power on Q_k of the double dot). A count that runs both ways takes the normal z with the Cornish–Fisher
     * term of its exact third cumulant ({@link ScoreTest#skewed}) while the mean's skewness is at most
     * {@link #SKEWED}; beyond it the point is not judged.
     *
     * @param bath the bath's index
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @param n trajectories
     * @param mean the ensemble's mean
     * @return the signed z and its two-sided p-value, or null where no tail holds (a two-way count whose mean is
     *     still skewed by more than {@link #SKEWED})
     */
    public ScoreTest.Z testMean(int bath, boolean heat, int k, long n, double mean) {
        if (Double.isNaN(mean)) {
            return new ScoreTest.Z(Double.NaN, Double.NaN);
        }
        double[] x = series[2 * bath + (heat ? 1 : 0)][k];
        double mu = x[0];
        double var = Math.max(0, x[1]);
        double size = largestEvent(bath, heat);
        double third = Math.max(Math.abs(x[3] + 3 * mu * var + mu * mu * mu), Math.abs(mu) * size * size);
        if (oneWay[bath]) {
            return ScoreTest.of(n, mean, mu, var + mu * mu, third, 0);
        }
        // Both ways: while the mean's skewness is small the Cornish–Fisher term suffices. Beyond it, rare events of
        // both signs and of several sizes (a cold bath that gives quanta E early and takes E + U rarely) carry the
        // two tails differently, and neither one two-point law nor one skewness holds them: not judged.
        double skew = x[3] / Math.pow(var, 1.5) / Math.sqrt(n);
        if (Math.abs(skew) > SKEWED) {
            return null;
        }
        return ScoreTest.skewed(n, mean, mu, var, x[3], 0);
    }

    /**
     * As {@link #testMean(int, boolean, int, long, double)} for a preset's bath.
     *
     * @param side the bath
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @param n trajectories
     * @param mean the mean
     * @return as the bath index's
     */
    public ScoreTest.Z testMean(Side side, boolean heat, int k, long n, double mean) {
        return testMean(side.ordinal(), heat, k, n, mean);
    }

    /**
     * @param bath the bath's index
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @return the exact mean
     */
    public double mean(int bath, boolean heat, int k) {
        return series[2 * bath + (heat ? 1 : 0)][k][0];
    }

    /**
     * As {@link #mean(int, boolean, int)} for a preset's bath.
     *
     * @param side the bath
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @return as the bath index's
     */
    public double mean(Side side, boolean heat, int k) {
        return mean(side.ordinal(), heat, k);
    }

    /**
     * @param bath the bath's index
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @return the exact variance
     */
    public double variance(int bath, boolean heat, int k) {
        return series[2 * bath + (heat ? 1 : 0)][k][1];
    }

    /**
     * As {@link #variance(int, boolean, int)} for a preset's bath.
     *
     * @param side the bath
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @return as the bath index's
     */
    public double variance(Side side, boolean heat, int k) {
        return variance(side.ordinal(), heat, k);
    }

    /**
     * @param bath the bath's index
     * @param first the smallest value of the range
     * @param last the largest value (inclusive); {@link Long#MIN_VALUE}/{@link Long#MAX_VALUE} for a tail
     * @return the exact P(first ≤ N_k ≤ last) at the final time
     */
    public double probability(int bath, long first, long last) {
        Distribution d = finals[bath];
        double s = 0;
        for (int i = 0; i < d.p().length; i++) {
            long n = d.first() + i;
            if (n >= first && n <= last) {
                s += d.p()[i];
            }
        }
        return s;
    }

}
