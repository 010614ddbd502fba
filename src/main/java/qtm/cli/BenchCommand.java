package qtm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.ejml.data.ZMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.model.Bath;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.report.Json;
import qtm.scenario.ScenarioException;

/**
 * {@code qtm bench}: quantum-jump trajectories per second per core on the reset-paper machine (|00⟩, t ∈ [0, 5000],
 * 201 points, full ρ̄, heat and concurrence accumulated), the median of several timed runs after a warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure quantum-jump trajectories per second per core on reset-paper (|00>, t in [0, 5000], "
                + "201 points, full rho accumulated): median of several runs after warm-up.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--runs", paramLabel = "R", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int runs = 7;

    @Option(names = "--trajectories", paramLabel = "N", description = "Trajectories per run (default ${DEFAULT-VALUE}).")
    long trajectories = 50_000;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default ${DEFAULT-VALUE}); the figure is divided by T.")
    int threads = 1;

    /** Most timed runs: each is a full ensemble. */
    static final int MAX_RUNS = 100;
    /** Most trajectories per run: about 17 s per run on one core at the measured rate. */
    static final long MAX_TRAJECTORIES = 1_000_000;
    /** Most threads, as for {@code qtm run}. */
    static final int MAX_THREADS = 1024;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        limit("--runs", runs, MAX_RUNS);
        limit("--trajectories", trajectories, MAX_TRAJECTORIES);
        limit("--threads", threads, MAX_THREADS);
        Model model = new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
        TimeGrid grid = new TimeGrid(5000, 201);
        ZMatrixRMaj rho0 = TwoQubits.basisState("00");
        double[] rates = new double[runs];
        // Warm-up: let the JIT compile the hot loop before anything is timed.
        for (int w = 0; w < 2; w++) {
            once(model, grid, rho0, trajectories, w);
        }
        for (int i = 0; i < runs; i++) {
            EnsembleResult r = once(model, grid, rho0, trajectories, 100 + i);
            rates[i] = r.trajectories() / r.seconds() / threads;
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double median = sorted[runs / 2];
        if (runs % 2 == 0) {
            median = 0.5 * (sorted[runs / 2 - 1] + sorted[runs / 2]);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("trajectories_per_second_per_core", median);
            o.put("scenario", "reset-paper");
            o.put("threads", threads);
            o.put("runs", runs);
            o.put("trajectories_per_run", trajectories);
            o.put("min", sorted[0]);
            o.put("max", sorted[runs - 1]);
            o.put("cores_available", Runtime.getRuntime().availableProcessors());
            out.println(Json.write(o));
        } else {
            out.printf(java.util.Locale.ROOT, "reset-paper: %.0f trajectories/s per core (median of %d runs of %d on %d "
                    + "thread%s; min %.0f, max %.0f)%n", median, runs, trajectories, threads, threads == 1 ? "" : "s",
                    sorted[0], sorted[runs - 1]);
        }
        out.flush();
        return 0;
    }

    private static void limit(String option, long value, long max) {
        if (value < 1 || value > max) {
            throw new ScenarioException("command line", option, Long.toString(value),
                    "expected a whole number in [1, " + max + "]");
        }
    }

    private EnsembleResult once(Model model, TimeGrid grid, ZMatrixRMaj rho0, long n, long seed) {
        return EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(model, rho0, grid, 0), model, grid,
                EnsembleSettings.count(n, seed, threads));
    }
}
