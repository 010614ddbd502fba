package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.CountingStatistics;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.MachineCounting;
import qtm.exact.MachineExact;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.TimeGrid;

/**
 * The counting statistics a machine's run records (issue 25): {@link NetCounts} and {@link CountHistogram} of every
 * bath, by bath name, where their exact reference can be afforded; else nothing, and {@link #absence} says why (as
 * {@link WaitingHistogram#absence(Machine)} does for the waiting times). The reference's cost is bounded by
 * {@link MachineCounting#MAX_WORK}, the bound of {@code qtm fcs}: per bath and weight one exponential of a
 * 7d²×7d² block matrix and a product per grid point, and for N_k at the final time at least 65 exponentials of the
 * 2d²×2d² tilted generator (its distribution). The histogram's bins are placed, as the presets' are, around the
 * master equation's exact mean ± 7 sd at the final time, for both engines, so that every shard and extension of a
 * scenario uses the same.
 */
public final class MachineCounts {
    /** Inner bins of the final-count histogram at most, as the presets' ({@link Quantities}). */
    private static final int HISTOGRAM_BINS = 48;
    /** Fourier points of the smallest distribution window (M = 128, halved by conjugate symmetry, plus one). */
    private static final int FOURIER = 65;

    private MachineCounts() {
    }

    /**
     * @param machine the machine
     * @param grid the output grid
     * @return null if its counting statistics can be recorded and judged, else why not (without "not recorded")
     */
    public static String absence(Machine machine, TimeGrid grid) {
        if (grid.points() > NetCounts.MAX_POINTS) {
            return "N_k(t) and Q_k(t) are recorded on grids of at most " + NetCounts.MAX_POINTS + " points (their "
                    + "jackknife batches take about 1.5 KB per point)";
        }
        double n = 7.0 * machine.dimension() * machine.dimension();
        double work = 2 * n * n * n;
        if (work <= MachineCounting.MAX_WORK) {
            work = work(new MachineCounting(new MachineExact(machine)), machine, grid);
        }
        if (work > MachineCounting.MAX_WORK) {
            return String.format(Locale.ROOT, "a machine of %d states: the exact counting reference would take "
                    + "about %.2g floating-point operations, more than the bound of %.2g (that of qtm fcs; its "
                    + "exponentials grow as d^6)", machine.dimension(), work, MachineCounting.MAX_WORK);
        }
        return null;
    }

    /** The work of the master equation's series of N_k and Q_k on the grid and of P(N_k = n) at its end. */
    private static double work(MachineCounting counting, Machine machine, TimeGrid grid) {
        double n = 7.0 * machine.dimension() * machine.dimension();
        double work = 0;
        for (int k = 0; k < machine.baths().size(); k++) {
            for (Weight w : Weight.values()) {
                work += counting.of(k, w).work(6, grid.step()) + 2 * n * n * grid.points();
            }
            CountingStatistics q = counting.of(k, Weight.QUANTA);
            work += q.work(2, grid.end()) + FOURIER * q.work(0, grid.end());
        }
        return work;
    }

    /**
     * @param machine the machine
     * @param channels its channels, in the engine's order
     * @param grid the output grid
     * @param rho0 the initial state (it places the bins)
     * @return N_k(t), Q_k(t) and the final-count histogram of every bath; empty when {@link #absence} gives a reason
     */
    public static List<Quantity> of(Machine machine, List<MachineChannel> channels, TimeGrid grid,
            ZMatrixRMaj rho0) {
        if (absence(machine, grid) != null) {
            return List.of();
        }
        MachineCounting counting = new MachineCounting(new MachineExact(machine));
        List<CountHistogram.Bins> bins = new ArrayList<>();
        for (int k = 0; k < machine.baths().size(); k++) {
            double[] m = counting.of(k, Weight.QUANTA).moments(rho0, grid.end(), 2);
            double sd = Math.sqrt(Math.max(0, m[1] - m[0] * m[0]));
            bins.add(CountHistogram.Bins.around(m[0], sd, HISTOGRAM_BINS));
        }
        return List.of(new NetCounts(machine, channels, grid), new CountHistogram(machine, channels, bins));
    }
}
