package qtm.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.MachineCollisionCounting;
import qtm.exact.MachineFluctuations;
import qtm.input.InputException;
import qtm.model.Machine;
import qtm.model.MachineCollision;
import qtm.model.TimeGrid;
import qtm.scenario.Scenario;

/**
 * The exact counting statistics of a machine's collision model ({@code qtm fcs --collision} on
 * {@code model.type: machine}) for {@link FcsPlan}: every bath's stationary cumulants from the tilted one-step map,
 * its count distributions after whole steps and its series on the grid, with the work bounded by
 * {@link MachineFcs#MAX_WORK} before any of it starts, as for the master equation's.
 */
final class MachineCollisionFcs {
    private static final String WHY = "(qtm fcs bounds the products of the tilted one-step map, a d^2 x d^2 matrix "
            + "and its Taylor coefficients, to about 40 s on one core so that it finishes within a minute); ask for "
            + "fewer or earlier times, or a machine with fewer states";

    private final Scenario scenario;
    private final Machine machine;
    private final MachineCollision step;
    private final TimeGrid grid;

    /**
     * @param s a machine's scenario
     * @param step its collision step
     * @param grid the grid the step was fitted to
     */
    MachineCollisionFcs(Scenario s, MachineCollision step, TimeGrid grid) {
        this.scenario = s;
        this.machine = s.machine();
        this.step = step;
        this.grid = grid;
    }

    /** @return how many tilted steps (one per bath and weight) the stationary statistics build */
    private int counters() {
        return 2 * machine.baths().size();
    }

    /**
     * @param times the checked times of the distributions, whole numbers of steps
     * @return the stationary statistics and P(N_k = n, t) of every bath at those times
     * @throws InputException (exit 2) if the work exceeds the bound or a statistic cannot be resolved
     */
    FcsOutcome outcome(List<Double> times) {
        String value = times.toString().replaceAll("[\\[\\] ]", "");
        MachineFcs.check(scenario, counters() * MachineCollisionCounting.work(step), "--collision", "true",
                "the tilted one-step maps of " + machine.baths().size() + " baths", WHY);
        List<MachineCollisionCounting> quanta = new ArrayList<>();
        double work = 0;
        for (int k = 0; k < machine.baths().size(); k++) {
            quanta.add(new MachineCollisionCounting(step, grid, k, Weight.QUANTA));
            for (double t : times) {
                long s = steps(t);
                // The moments for the window, and at least 65 Fourier points (M = 128), before the windows are found.
                work += MachineCollisionCounting.work(step, s, false) + 65 * MachineCollisionCounting.work(step, s, true);
            }
        }
        String what = "P(N_k = n, t) of " + quanta.size() + " baths at " + times.size() + " time(s)";
        MachineFcs.check(scenario, work, "--counts-at", value, what, WHY);
        MachineFluctuations f;
        try {
            f = MachineCollisionCounting.fluctuations(step, grid);
        } catch (IllegalArgumentException e) {
            throw new InputException(scenario.file(), "model.sites", String.join(", ", machine.siteNames()),
                    e.getMessage());
        }
        f = MachineFcs.resolved(scenario, f);
        work = 0;
        for (MachineCollisionCounting c : quanta) {
            for (double t : times) {
                long s = steps(t);
                work += MachineCollisionCounting.work(step, s, false)
                        + (window(c, t) / 2 + 1) * MachineCollisionCounting.work(step, s, true);
            }
        }
        MachineFcs.check(scenario, work, "--counts-at", value, what, WHY);
        Map<String, List<Distribution>> counts = new LinkedHashMap<>();
        for (int k = 0; k < quanta.size(); k++) {
            List<Distribution> ds = new ArrayList<>();
            for (double t : times) {
                ds.add(quanta.get(k).distribution(scenario.initial(), steps(t)));
            }
            counts.put(machine.bathNames().get(k), ds);
        }
        return new FcsOutcome(f, step.dt(), times, counts);
    }

    /** The values of n the distribution at t is computed over; a window too wide is refused naming the time. */
    private long window(MachineCollisionCounting c, double t) {
        try {
            return c.window(scenario.initial(), steps(t));
        } catch (IllegalArgumentException e) {
            throw new InputException("command line", "--counts-at", Double.toString(t), e.getMessage());
        }
    }

    /** @return the whole steps that make t, which {@link FcsPlan#times} has checked */
    private long steps(double t) {
        return Math.round(t / step.dt());
    }

    /**
     * @return one row per grid point, laid out as {@link MachineFcs#seriesColumns(Machine)}
     * @throws InputException (exit 2) if the work exceeds the bound
     */
    List<double[]> series() {
        double work = counters() * (MachineCollisionCounting.work(step)
                + MachineCollisionCounting.work(step, step.stepsPerPoint(), false));
        MachineFcs.check(scenario, work, "--series", "true", "the series of " + machine.baths().size()
                + " baths' counts and heat on " + grid.points() + " points", WHY);
        double[][][] x = new double[counters()][][];
        int i = 0;
        for (int k = 0; k < machine.baths().size(); k++) {
            for (Weight w : Weight.values()) {
                x[i++] = new MachineCollisionCounting(step, grid, k, w).onGrid(scenario.initial());
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int p = 0; p < grid.points(); p++) {
            double[] row = new double[1 + 2 * x.length];
            row[0] = grid.time(p);
            for (int j = 0; j < x.length; j++) {
                row[1 + 2 * j] = x[j][p][0];
                row[2 + 2 * j] = x[j][p][1];
            }
            rows.add(row);
        }
        return rows;
    }
}
