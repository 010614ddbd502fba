package qtm.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.ensemble.Layout;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.observe.Quantities;
import qtm.observe.Quantity;

/**
 * The speed benchmark of {@code qtm bench}: trajectories per second per core of one engine on one of the shipped
 * machines (|00⟩, t ∈ [0, 5000], 201 points, every standard quantity recorded), over several timed runs after a
 * warm-up; and, paired with it run for run in the same process, the hand-written {@link Baseline} loop that keeps the
 * same statistics.
 */
public final class Bench {
    /** The collision step of the benchmark, the scenarios' default. */
    public static final double COLLISION_DT = 1.0;

    private Bench() {
    }

    /** The machines it runs: the parameters of the scenario files of the same names. */
    public enum Machine {
        /** {@code scenarios/reset-paper.yaml}. */
        RESET("reset-paper"),
        /** {@code scenarios/flux-optimum.yaml}. */
        FLUX("flux-optimum"),
        /** {@code scenarios/dqd-warm-cold.yaml}. */
        DQD("dqd-warm-cold");

        private final String scenario;

        Machine(String scenario) {
            this.scenario = scenario;
        }

        /** @return its name on the command line: reset, flux or dqd */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the scenario whose machine it is */
        public String scenario() {
            return scenario;
        }

        /** @return the model */
        public Model model() {
            return switch (this) {
                case RESET -> new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
                case FLUX -> new FluxModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(100, 1e-5));
                case DQD -> new DotModel(1, 5e-3, 20, new Bath(0.2, 1e-2), new Bath(5, 1e-2));
            };
        }

        /** @return whether the {@link Baseline} can run it (one size of quantum per bath) */
        public boolean hasBaseline() {
            return this != DQD;
        }

        /**
         * @param key reset, flux or dqd
         * @return the machine
         * @throws IllegalArgumentException for another name
         */
        public static Machine of(String key) {
            for (Machine m : values()) {
                if (m.key().equals(key)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown model '" + qtm.input.Quote.of(key) + "'; expected reset, flux or dqd");
        }
    }

    /** @return the grid of every benchmark */
    public static TimeGrid grid() {
        return new TimeGrid(5000, 201);
    }

    /** @return the initial state of every benchmark */
    public static ZMatrixRMaj initial() {
        return TwoQubits.basisState("00");
    }

    /**
     * The figures of a benchmark, sorted.
     *
     * @param rates trajectories per second per core of each timed run, ascending
     */
    public record Rates(double[] rates) {
        /** @return the median */
        public double median() {
            return Bench.median(rates);
        }

        /** @return the slowest run */
        public double min() {
            return rates[0];
        }

        /** @return the fastest run */
        public double max() {
            return rates[rates.length - 1];
        }

        /** @return "median (min–max)" */
        public String describe() {
            return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median(), min(), max());
        }
    }

    /**
     * The engine and the baseline, run alternately in one process.
     *
     * @param engine the engine's rates
     * @param baseline the baseline's rates
     * @param ratios engine / baseline of each pair of runs, ascending
     */
    public record Paired(Rates engine, Rates baseline, double[] ratios) {
        /** @return the median of the pair ratios */
        public double ratio() {
            return median(ratios);
        }
    }

    /**
     * @param machine the machine
     * @param kind the engine
     * @param runs timed runs, ≥ 1
     * @param trajectories per run
     * @param threads worker threads (the rate is divided by them)
     * @return the rates
     */
    public static Rates engine(Machine machine, EngineKind kind, int runs, long trajectories, int threads) {
        return engine(machine, kind, null, runs, trajectories, threads);
    }

    /**
     * As {@link #engine(Machine, EngineKind, int, long, int)}, recording only some of the standard quantities: to
     * time the same work as an older qtm that recorded fewer.
     *
     * @param machine the machine
     * @param kind the engine
     * @param names the names of the standard quantities to record (null: all)
     * @param runs timed runs, ≥ 1
     * @param trajectories per run
     * @param threads worker threads (the rate is divided by them)
     * @return the rates
     * @throws IllegalArgumentException if a name is not one of the machine's standard quantities
     */
    public static Rates engine(Machine machine, EngineKind kind, java.util.Set<String> names, int runs,
            long trajectories, int threads) {
        Model model = machine.model();
        List<Quantity> qs = quantities(model, names);
        double[] rates = new double[runs];
        // Warm-up: let the JIT compile the hot loop before anything is timed.
        for (int w = 0; w < 2; w++) {
            engineOnce(model, kind, qs, trajectories, w, threads);
        }
        for (int i = 0; i < runs; i++) {
            rates[i] = rate(engineOnce(model, kind, qs, trajectories, 100 + i, threads), threads);
        }
        Arrays.sort(rates);
        return new Rates(rates);
    }

    /**
     * The jump engine and the baseline, alternating run for run after both are warmed up.
     *
     * @param machine a machine with {@link Machine#hasBaseline()}
     * @param runs timed pairs, ≥ 1
     * @param trajectories per run
     * @param threads worker threads
     * @return both rates and their ratios
     */
    public static Paired paired(Machine machine, int runs, long trajectories, int threads) {
        Model model = machine.model();
        double[] engine = new double[runs];
        double[] baseline = new double[runs];
        double[] ratios = new double[runs];
        for (int w = 0; w < 2; w++) {
            engineOnce(model, EngineKind.TRAJECTORIES, trajectories, w, threads);
            baselineOnce(model, trajectories, w, threads);
        }
        for (int i = 0; i < runs; i++) {
            engine[i] = rate(engineOnce(model, EngineKind.TRAJECTORIES, trajectories, 100 + i, threads), threads);
            baseline[i] = rate(baselineOnce(model, trajectories, 100 + i, threads), threads);
            ratios[i] = engine[i] / baseline[i];
        }
        Arrays.sort(engine);
        Arrays.sort(baseline);
        Arrays.sort(ratios);
        return new Paired(new Rates(engine), new Rates(baseline), ratios);
    }

    /**
     * Parallel scaling: the engine on 1, 2, 4, … threads up to {@code most} (and {@code most} itself), the thread
     * counts taking turns run by run so that a slow spell of the machine does not fall on one of them.
     *
     * @param machine the machine
     * @param kind the engine
     * @param runs timed runs per thread count
     * @param trajectories per run
     * @param most the largest thread count
     * @return per thread count, in increasing order, its rates per core
     */
    public static java.util.SortedMap<Integer, Rates> scaling(Machine machine, EngineKind kind, int runs,
            long trajectories, int most) {
        Model model = machine.model();
        java.util.TreeSet<Integer> counts = new java.util.TreeSet<>();
        for (int t = 1; t < most; t *= 2) {
            counts.add(t);
        }
        counts.add(most);
        java.util.Map<Integer, double[]> rates = new java.util.HashMap<>();
        for (int t : counts) {
            rates.put(t, new double[runs]);
            engineOnce(model, kind, trajectories, 0, t);
        }
        for (int i = 0; i < runs; i++) {
            for (int t : counts) {
                rates.get(t)[i] = rate(engineOnce(model, kind, trajectories, 100 + i, t), t);
            }
        }
        java.util.SortedMap<Integer, Rates> out = new java.util.TreeMap<>();
        for (int t : counts) {
            double[] r = rates.get(t);
            Arrays.sort(r);
            out.put(t, new Rates(r));
        }
        return out;
    }

    /**
     * One ensemble of the hand-written baseline: the same sums as the jump engine's with the standard quantities.
     *
     * @param model a reset or flux machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param settings index range, seed and threads
     * @return the result
     */
    static EnsembleResult baseline(Model model, ZMatrixRMaj rho0, TimeGrid grid, EnsembleSettings settings) {
        Layout layout = new Layout(Quantities.standard(model, rho0, grid), grid);
        return EnsembleRunner.run((l, stop) -> new Baseline(model, rho0, grid, l, settings.seed(), stop), layout,
                settings, done -> { }, () -> false, null);
    }

    /**
     * @param model the machine
     * @param names names of standard quantities (null: all)
     * @return those of the standard quantities, in their order
     * @throws IllegalArgumentException for a name that is not among them
     */
    public static List<Quantity> quantities(Model model, java.util.Set<String> names) {
        List<Quantity> all = Quantities.standard(model, initial(), grid());
        if (names == null) {
            return all;
        }
        List<String> known = all.stream().map(Quantity::name).toList();
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("unknown quantity '" + qtm.input.Quote.of(n) + "'; expected some of "
                        + String.join(",", known));
            }
        }
        return all.stream().filter(q -> names.contains(q.name())).toList();
    }

    private static EnsembleResult engineOnce(Model model, EngineKind kind, long n, long seed, int threads) {
        return engineOnce(model, kind, Quantities.standard(model, initial(), grid()), n, seed, threads);
    }

    private static EnsembleResult engineOnce(Model model, EngineKind kind, List<Quantity> qs, long n, long seed,
            int threads) {
        TimeGrid grid = grid();
        ZMatrixRMaj rho0 = initial();
        return EnsembleRunner.run(() -> kind.create(model, rho0, grid, COLLISION_DT, null), qs, grid,
                EnsembleSettings.count(n, seed, threads));
    }

    private static EnsembleResult baselineOnce(Model model, long n, long seed, int threads) {
        return baseline(model, initial(), grid(), EnsembleSettings.count(n, seed, threads));
    }

    private static double rate(EnsembleResult r, int threads) {
        return r.trajectories() / r.seconds() / threads;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
