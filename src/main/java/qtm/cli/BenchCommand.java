package qtm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.ensemble.Bench;
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
        Bench.Rates rates = Bench.resetPaper(runs, trajectories, threads);
        double median = rates.median();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("trajectories_per_second_per_core", median);
            o.put("scenario", "reset-paper");
            o.put("threads", threads);
            o.put("runs", runs);
            o.put("trajectories_per_run", trajectories);
            o.put("min", rates.min());
            o.put("max", rates.max());
            o.put("cores_available", Runtime.getRuntime().availableProcessors());
            out.println(Json.write(o));
        } else {
            out.printf(java.util.Locale.ROOT, "reset-paper: %.0f trajectories/s per core (median of %d runs of %d on %d "
                    + "thread%s; min %.0f, max %.0f)%n", median, runs, trajectories, threads, threads == 1 ? "" : "s",
                    rates.min(), rates.max());
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
}
