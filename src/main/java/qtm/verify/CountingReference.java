package qtm.verify;

import org.ejml.data.ZMatrixRMaj;
import qtm.exact.CollisionCounting;
import qtm.exact.CountingStatistics;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * The exact counting statistics an ensemble's counts must converge to: on every grid point the mean and variance of
 * N_k(t) and Q_k(t) from the initial state, and the distribution of N_k at the final time.
 *
 * @param series indexed [2·bath + weight][k] → {mean, variance, fourth central moment}, bath in {@link Side} order,
 *     weight 0 = N, 1 = Q
 * @param finals per bath, P(N_k = n) at the final time
 * @param quantum per bath, the largest energy one jump moves (the size of one event of Q_k)
 */
public record CountingReference(double[][][] series, Distribution[] finals, double[] quantum) {
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
        return new CountingReference(series, finals, quanta(model));
    }

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
        return new CountingReference(series, finals, quanta(model));
    }

    /**
     * @param side the bath
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @return the exact E(X − EX)⁴
     */
    public double fourth(Side side, boolean heat, int k) {
        return series[2 * side.ordinal() + (heat ? 1 : 0)][k][2];
    }

    /**
     * @param side the bath
     * @param heat Q_k instead of N_k
     * @return the size of the largest single event of the count: 1 quantum, or the largest energy of one jump
     */
    public double quantum(Side side, boolean heat) {
        return heat ? quantum[side.ordinal()] : 1;
    }

    /**
     * @param side the bath
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @return the exact mean
     */
    public double mean(Side side, boolean heat, int k) {
        return series[2 * side.ordinal() + (heat ? 1 : 0)][k][0];
    }

    /**
     * @param side the bath
     * @param heat Q_k instead of N_k
     * @param k grid index
     * @return the exact variance
     */
    public double variance(Side side, boolean heat, int k) {
        return series[2 * side.ordinal() + (heat ? 1 : 0)][k][1];
    }

    /**
     * @param side the bath
     * @param first the smallest value of the range
     * @param last the largest value (inclusive); {@link Long#MIN_VALUE}/{@link Long#MAX_VALUE} for a tail
     * @return the exact P(first ≤ N_k ≤ last) at the final time
     */
    public double probability(Side side, long first, long last) {
        Distribution d = finals[side.ordinal()];
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
