package qtm.verify;

import java.util.stream.IntStream;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.CountingStatistics;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.MachineCollisionCounting;
import qtm.exact.MachineCounting;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.MachineCollision;
import qtm.model.TimeGrid;

/**
 * The {@link CountingReference} of a machine's run (issue 25), bath by bath in file order: the master equation's
 * (the jump engine's reference) and the exact collision map's at the engine's step (the collision engine's). A jump of
 * a machine counts {@link MachineChannel#count()} and moves {@link MachineChannel#heat()}.
 */
public final class MachineCountingReferences {
    private MachineCountingReferences() {
    }

    /**
     * The master equation's statistics of every bath of a machine (issue 25), from its tilted Liouvillian.
     *
     * @param counting the machine's counting statistics
     * @param rho0 the initial state
     * @param grid the output grid
     * @return the reference
     */
    public static CountingReference master(MachineCounting counting, ZMatrixRMaj rho0, TimeGrid grid) {
        Machine m = counting.exact().machine();
        int baths = m.baths().size();
        double[][][] series = new double[2 * baths][][];
        Distribution[] finals = new Distribution[baths];
        // The baths' series are independent (each the same numbers alone): on the common pool, one bath a task.
        IntStream.range(0, baths).parallel().forEach(k -> {
            series[2 * k] = counting.of(k, Weight.QUANTA).onGrid(rho0, grid);
            double e = oneQuantum(m, k);
            series[2 * k + 1] = Double.isNaN(e) ? counting.of(k, Weight.HEAT).onGrid(rho0, grid)
                    : scaled(series[2 * k], e);
        });
        for (int k = 0; k < baths; k++) {
            CountingStatistics n = counting.of(k, Weight.QUANTA);
            // p(−χ) is the conjugate of p(χ) (real generator in Hermitian coordinates): half the exponentials, which
            // are sampled in parallel already.
            finals[k] = n.distribution(rho0, grid.end(), n.window(rho0, grid.end()), true);
        }
        return new CountingReference(series, finals, oneWay(m), quanta(m), m.bathNames());
    }

    /**
     * The machine's tilted discrete collision map's statistics at the engine's step (issue 25).
     *
     * @param collision the machine's collision step, built on the grid
     * @param rho0 the initial state
     * @param grid the output grid
     * @return the reference
     */
    public static CountingReference collision(MachineCollision collision, ZMatrixRMaj rho0, TimeGrid grid) {
        Machine m = collision.machine();
        int baths = m.baths().size();
        double[][][] series = new double[2 * baths][][];
        Distribution[] finals = new Distribution[baths];
        long steps = (long) (grid.points() - 1) * collision.stepsPerPoint();
        IntStream.range(0, baths).parallel().forEach(k -> {
            MachineCollisionCounting n = new MachineCollisionCounting(collision, grid, k, Weight.QUANTA);
            series[2 * k] = n.onGrid(rho0);
            double e = oneQuantum(m, k);
            series[2 * k + 1] = Double.isNaN(e) ? new MachineCollisionCounting(collision, grid, k, Weight.HEAT)
                    .onGrid(rho0) : scaled(series[2 * k], e);
            finals[k] = n.distribution(rho0, steps);
        });
        return new CountingReference(series, finals, oneWay(m), quanta(m), m.bathNames());
    }

    /**
     * The one heat e per quantum of the bath, where every jump that moves heat counts and moves e·ν (then Q_k = e·N_k
     * in every trajectory, and its moments are those of N_k scaled, which saves the largest exponential of the
     * reference); else NaN.
     */
    private static double oneQuantum(Machine m, int bath) {
        double e = Double.NaN;
        for (MachineChannel c : m.channels()) {
            if (c.bath() != bath || c.rate() == 0 || c.heat() == 0 && c.count() == 0) {
                continue;
            }
            double x = c.heat() * c.count();
            if (c.count() == 0 || !Double.isNaN(e) && x != e) {
                return Double.NaN;
            }
            e = x;
        }
        return e;
    }

    /** {mean, variance, fourth, third, sixth} of N scaled to those of e·N. */
    private static double[][] scaled(double[][] n, double e) {
        double[] f = {e, e * e, Math.pow(e, 4), Math.pow(e, 3), Math.pow(e, 6)};
        double[][] out = new double[n.length][5];
        for (int k = 0; k < n.length; k++) {
            for (int i = 0; i < 5; i++) {
                out[k][i] = n[k][i] * f[i];
            }
        }
        return out;
    }

    /** Per bath: whether its counted jumps of positive rate all count and all move heat the same way. */
    private static boolean[] oneWay(Machine m) {
        int baths = m.baths().size();
        boolean[][] seen = new boolean[baths][4];
        for (MachineChannel c : m.channels()) {
            if (c.rate() > 0 && c.count() != 0) {
                seen[c.bath()][c.count() > 0 ? 0 : 1] = true;
                if (c.heat() != 0) {
                    seen[c.bath()][c.heat() > 0 ? 2 : 3] = true;
                }
            }
        }
        boolean[] out = new boolean[baths];
        for (int k = 0; k < baths; k++) {
            out[k] = !(seen[k][0] && seen[k][1]) && !(seen[k][2] && seen[k][3]);
        }
        return out;
    }

    /** Per bath: the largest heat one jump of positive rate moves. */
    private static double[] quanta(Machine m) {
        double[] q = new double[m.baths().size()];
        for (MachineChannel c : m.channels()) {
            if (c.rate() > 0) {
                q[c.bath()] = Math.max(q[c.bath()], Math.abs(c.heat()));
            }
        }
        return q;
    }

}
