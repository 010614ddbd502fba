package qtm.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import qtm.exact.CountingStatistics;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.CountingStatistics.Window;
import qtm.exact.DetectedCounting;
import qtm.exact.DetectedFluctuations;
import qtm.exact.Fluctuations;
import qtm.exact.MachineCounting;
import qtm.exact.MachineExact;
import qtm.exact.MachineFluctuations;
import qtm.input.InputException;
import qtm.model.Detection;
import qtm.model.Machine;
import qtm.model.TimeGrid;
import qtm.scenario.Scenario;

/**
 * The exact counting statistics of a machine's scenario ({@code model.type: machine}) for {@link FcsPlan}: every
 * bath's stationary cumulants, its count distributions and its finite-time series, with the work of the exponentials
 * bounded before any is started, so that {@code qtm fcs} finishes in about a minute or refuses.
 */
final class MachineFcs {
    /**
     * Most floating-point work of the finite-time statistics, as {@link qtm.math.MatrixExp#work} estimates it: the
     * exponentials of the count distributions (one of a 2d² × 2d² matrix per Fourier point, M/2 + 1 points with
     * M ≥ 128) with their windows, or those of {@code --series} (one of a 7d² × 7d² matrix per bath and weight). The
     * exponentials run at about 3e9 operations per second on one core of the build machine (matrices of 128 to 512),
     * so the bound is about 40 s, and {@code qtm fcs} with its stationary part finishes within a minute on 2 cores.
     */
    static final double MAX_WORK = MachineCounting.MAX_WORK;

    private final Scenario scenario;
    private final Machine machine;
    private final MachineCounting counting;

    /**
     * @param s a machine's scenario
     * @throws InputException (exit 2) if its steady state is not unique
     */
    MachineFcs(Scenario s) {
        this.scenario = s;
        this.machine = s.machine();
        try {
            this.counting = new MachineCounting(new MachineExact(machine));
        } catch (IllegalArgumentException e) {
            throw new InputException(s.file(), "model.sites", String.join(", ", machine.siteNames()), e.getMessage());
        }
    }

    /** @return t, then count_, count_ _var, heat_, heat_ _var of every bath, in file order */
    List<String> seriesColumns() {
        return seriesColumns(machine);
    }

    /**
     * @param machine a machine
     * @return t, then count_, count_ _var, heat_, heat_ _var of every bath, in file order
     */
    static List<String> seriesColumns(Machine machine) {
        List<String> out = new ArrayList<>(List.of("t"));
        for (String b : machine.bathNames()) {
            out.addAll(List.of("count_" + b, "count_" + b + "_var", "heat_" + b, "heat_" + b + "_var"));
        }
        return out;
    }

    /**
     * @param baths the baths' names, in bath order
     * @return detected_count_ and detected_count_ _var of every bath, the columns detectors add to a series
     */
    static List<String> detectedColumns(List<String> baths) {
        List<String> out = new ArrayList<>();
        for (String b : baths) {
            out.addAll(List.of("detected_count_" + b, "detected_count_" + b + "_var"));
        }
        return out;
    }

    /** @return every bath's detected count (issue 28), or none without detection */
    private List<CountingStatistics> detectedCounts() {
        Detection detection = scenario.detection();
        List<CountingStatistics> out = new ArrayList<>();
        for (int k = 0; detection != null && k < machine.baths().size(); k++) {
            out.add(DetectedCounting.of(counting, k, Weight.QUANTA, detection.of(machine.bathNames().get(k))));
        }
        return out;
    }

    /**
     * @param grid the scenario's grid
     * @return one row per grid point, laid out as {@link #seriesColumns()}
     * @throws InputException (exit 2) if the work exceeds {@link #MAX_WORK}
     */
    List<double[]> series(TimeGrid grid) {
        int baths = machine.baths().size();
        List<CountingStatistics> all = new ArrayList<>();
        double work = 0;
        for (int k = 0; k < baths; k++) {
            for (Weight w : Weight.values()) {
                all.add(counting.of(k, w));
            }
        }
        all.addAll(detectedCounts());
        for (CountingStatistics cs : all) {
            double n = 7.0 * machine.dimension() * machine.dimension();
            work += cs.work(6, grid.step()) + 2 * n * n * grid.points();
        }
        int size = 7 * machine.dimension() * machine.dimension();
        check(work, "--series", "true", "the series of " + baths + " baths' counts and heat"
                + (all.size() > 2 * baths ? " and detected counts" : "") + " (" + all.size() + " exponentials of a "
                + size + " x " + size + " matrix, on " + grid.points() + " points)");
        double[][][] x = new double[all.size()][][];
        for (int i = 0; i < all.size(); i++) {
            x[i] = all.get(i).onGrid(scenario.initial(), grid);
        }
        List<double[]> rows = new ArrayList<>();
        for (int p = 0; p < grid.points(); p++) {
            double[] row = new double[1 + 2 * all.size()];
            row[0] = grid.time(p);
            for (int i = 0; i < all.size(); i++) {
                row[1 + 2 * i] = x[i][p][0];
                row[2 + 2 * i] = x[i][p][1];
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * @param times the checked times of the distributions
     * @return the stationary statistics and P(N_k = n, t) of every bath at those times
     * @throws InputException (exit 2) if the work exceeds {@link #MAX_WORK} or a statistic cannot be resolved
     */
    FcsOutcome outcome(List<Double> times) {
        List<CountingStatistics> quanta = new ArrayList<>();
        for (int k = 0; k < machine.baths().size(); k++) {
            quanta.add(counting.of(k, Weight.QUANTA));
        }
        // The detected counts' distributions come after the true ones, bounded together with them.
        quanta.addAll(detectedCounts());
        int baths = machine.baths().size();
        double work = 0;
        for (CountingStatistics cs : quanta) {
            for (double t : times) {
                // The fewest Fourier points a window takes (M = 128), before the windows themselves are found.
                work += cs.work(2, t) + new Window(0, 128).exponentials(true) * cs.work(0, t);
            }
        }
        int size = 2 * machine.dimension() * machine.dimension();
        String value = times.toString().replaceAll("[\\[\\] ]", "");
        String what = "P(N_k = n, t) of " + baths + " baths" + (quanta.size() > baths ? " and of their detected "
                + "counts" : "") + " at " + times.size() + " time(s), each at least 65 "
                + "exponentials of a " + size + " x " + size + " matrix,";
        check(work, "--counts-at", value, what);
        MachineFluctuations f = fluctuations();
        List<List<Window>> windows = new ArrayList<>();
        work = 0;
        for (CountingStatistics cs : quanta) {
            List<Window> ws = new ArrayList<>();
            for (double t : times) {
                Window w = window(cs, t);
                ws.add(w);
                work += cs.work(2, t) + w.exponentials(true) * cs.work(0, t);
            }
            windows.add(ws);
        }
        check(work, "--counts-at", value, what);
        Map<String, List<Distribution>> counts = new LinkedHashMap<>();
        Map<String, List<Distribution>> detected = new LinkedHashMap<>();
        for (int k = 0; k < quanta.size(); k++) {
            List<Distribution> ds = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                ds.add(quanta.get(k).distribution(scenario.initial(), times.get(i), windows.get(k).get(i), true));
            }
            (k < baths ? counts : detected).put(machine.bathNames().get(k % baths), ds);
        }
        return new FcsOutcome(f, null, times, counts, detected);
    }

    private Window window(CountingStatistics cs, double t) {
        try {
            return cs.window(scenario.initial(), t);
        } catch (IllegalArgumentException e) {
            throw new InputException("command line", "--counts-at", Double.toString(t), e.getMessage());
        }
    }

    /** @throws InputException naming the bound if the work exceeds it */
    private void check(double work, String key, String value, String what) {
        check(scenario, work, key, value, what, "(qtm fcs bounds the exponentials of the tilted generator, whose "
                + "size grows as d^2, to about 40 s on one core so that it finishes within a minute); ask for fewer "
                + "times, or a machine with fewer states, or leave out the scenario's time section for the "
                + "stationary statistics alone");
    }

    /**
     * @param scenario the machine's scenario
     * @param work the estimated floating-point operations
     * @param key the option or key that asked for them
     * @param value its value
     * @param what what they compute
     * @param why the bound's reason and what to do instead
     * @throws InputException naming the bound if the work exceeds {@link #MAX_WORK}
     */
    static void check(Scenario scenario, double work, String key, String value, String what, String why) {
        Machine machine = scenario.machine();
        if (work > MAX_WORK) {
            throw new InputException("command line (scenario " + scenario.file() + ", " + machine.dimension()
                    + " states)", key, value, String.format(Locale.ROOT, "%s would take about %.2g floating-point "
                    + "operations, more than the bound of %.2g %s", what, work, MAX_WORK, why));
        }
    }

    /**
     * @param detection the scenario's detectors
     * @return the stationary statistics of every bath's detected count
     */
    DetectedFluctuations detected(Detection detection) {
        return DetectedCounting.fluctuations(counting, detection);
    }

    /** The stationary statistics, refused where the current or noise of a bath is lost in rounding. */
    private MachineFluctuations fluctuations() {
        return resolved(scenario, counting.fluctuations());
    }

    /**
     * @param scenario the machine's scenario
     * @param f its stationary statistics
     * @return f
     * @throws InputException (exit 2) where the noise of a bath is lost in rounding
     */
    static MachineFluctuations resolved(Scenario scenario, MachineFluctuations f) {
        for (int k = 0; k < f.baths().size(); k++) {
            Fluctuations.Bath b = f.baths().get(k);
            if (Double.isNaN(b.quanta().noise()) || Double.isNaN(b.heat().noise())) {
                throw new InputException(scenario.file(), "model.couplings", "(bath " + f.names().get(k) + ")", "too "
                        + "weak against the bath rates for the noise of bath " + f.names().get(k) + " to be resolved "
                        + "in double precision (it is a difference of terms of the size of the gross jump rate, and "
                        + "would be less than 1e-7 of them); use stronger couplings");
            }
        }
        return f;
    }
}
