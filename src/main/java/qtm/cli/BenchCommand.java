package qtm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.engine.EngineKind;
import qtm.bench.Bench;
import qtm.output.Json;

/**
 * {@code qtm bench}: trajectories per second per core of one engine on one shipped machine (|00⟩, t ∈ [0, 5000],
 * 201 points, every standard quantity recorded), the median of several timed runs after a warm-up; with
 * {@code --baseline}, paired run for run with the hand-written loop that keeps the same statistics, and their ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure trajectories per second per core (|00>, t in [0, 5000], 201 points, every standard "
                + "quantity recorded): median of several runs after warm-up, with the slowest and fastest.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--runs", paramLabel = "R", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int runs = 7;

    @Option(names = "--trajectories", paramLabel = "N", description = "Trajectories per run (default ${DEFAULT-VALUE}).")
    long trajectories = 50_000;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default ${DEFAULT-VALUE}); the figure is divided by T.")
    int threads = 1;

    @Option(names = "--engine", paramLabel = "E", description = "trajectories (default) or collision (at dt = 1).")
    String engine = "trajectories";

    @Option(names = "--model", paramLabel = "M", description = "reset (default: reset-paper), flux (flux-optimum) or "
            + "dqd (dqd-warm-cold).")
    String model = "reset";

    @Option(names = "--baseline", description = "Also run the hand-written loop that keeps the same statistics, "
            + "alternating with the jump engine, and print engine/baseline (reset and flux).")
    boolean baseline;

    @Option(names = "--quantities", paramLabel = "LIST", split = ",", description = "Record only these of the "
            + "standard quantities (names as in the saved ensembles, e.g. rho,pure_concurrence,heat_formula), to time "
            + "the same work as a qtm that recorded fewer; default all.")
    java.util.Set<String> quantities;

    @Option(names = "--scaling", description = "Run on 1, 2, 4, ... threads up to --threads (default: all cores), "
            + "taking turns, and print each count's rate per core and its parallel efficiency against 1 thread.")
    boolean scaling;

    /** Most timed runs: each is a full ensemble. */
    static final int MAX_RUNS = 100;
    /** Most trajectories per run: about 17 s per run on one core at the measured rate. */
    static final long MAX_TRAJECTORIES = 1_000_000;
    /** Most threads, as for {@code qtm run}. */
    static final int MAX_THREADS = 1024;

    @Spec
    CommandSpec spec;

    /** The machine and engine the options chose, set by {@link #check}. */
    private Bench.Machine machine;
    private EngineKind kind;

    @Override
    public Integer call() throws Exception {
        check();
        PrintWriter out = spec.commandLine().getOut();
        String what = machine.scenario() + ", " + kind.key();
        if (scaling) {
            scaling(out, what);
        } else if (baseline) {
            baseline(out, what);
        } else {
            Bench.Rates rates = Bench.engine(machine, kind, quantities, runs, trajectories, threads);
            if (json) {
                out.println(Json.write(header(machine, kind, rates)));
            } else {
                out.printf(Locale.ROOT, "%s: %.0f trajectories/s per core (median of %d runs of %d on %d "
                        + "thread%s; min %.0f, max %.0f)%s%n", what, rates.median(), runs, trajectories, threads,
                        threads == 1 ? "" : "s", rates.min(), rates.max(),
                        quantities == null ? "" : "; recording " + String.join(",", quantities));
            }
        }
        out.flush();
        return 0;
    }

    /** Checks the options before any timing, and chooses the machine and the engine. */
    private void check() {
        OptionChecks.wholeNumber("--runs", runs, MAX_RUNS);
        OptionChecks.wholeNumber("--trajectories", trajectories, MAX_TRAJECTORIES);
        OptionChecks.wholeNumber("--threads", threads, MAX_THREADS);
        machine = choice("--model", model, "reset, flux or dqd", () -> Bench.Machine.of(model));
        kind = choice("--engine", engine, "trajectories or collision", () -> EngineKind.of(engine));
        if (baseline && kind != EngineKind.TRAJECTORIES) {
            throw OptionChecks.refuse("--engine", engine,
                    "--baseline pairs the trajectories engine with its hand-written loop");
        }
        if (quantities != null) {
            choice("--quantities", String.join(",", quantities), "some of "
                    + String.join(",", Bench.quantities(machine.model(), null).stream().map(q -> q.name()).toList()),
                    () -> Bench.quantities(machine.model(), quantities));
            if (baseline || scaling) {
                throw OptionChecks.refuse("--quantities", String.join(",", quantities),
                        "the baseline and --scaling record every standard quantity");
            }
        }
        if (baseline && !machine.hasBaseline()) {
            throw OptionChecks.refuse("--model", model,
                    "--baseline exists for reset and flux (one size of quantum per bath)");
        }
        if (scaling && baseline) {
            throw OptionChecks.refuse("--scaling", "true", "use either --scaling or --baseline");
        }
    }

    private void scaling(PrintWriter out, String what) {
        int most = spec.commandLine().getParseResult().hasMatchedOption("--threads") ? threads
                : Runtime.getRuntime().availableProcessors();
        java.util.SortedMap<Integer, Bench.Rates> s = Bench.scaling(machine, kind, runs, trajectories, most);
        double one = s.get(1).median();
        if (json) {
            ObjectNode o = Json.object();
            o.put("scenario", machine.scenario());
            o.put("engine", kind.key());
            o.put("runs", runs);
            o.put("trajectories_per_run", trajectories);
            o.put("cores_available", Runtime.getRuntime().availableProcessors());
            com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("threads");
            s.forEach((t, r) -> {
                ObjectNode e = a.addObject();
                e.put("threads", t);
                e.put("trajectories_per_second_per_core", r.median());
                e.put("min", r.min());
                e.put("max", r.max());
                e.put("efficiency", r.median() / one);
            });
            out.println(Json.write(o));
        } else {
            s.forEach((t, r) -> out.printf(Locale.ROOT, "%s on %d thread%s: %s trajectories/s per core, "
                    + "efficiency %.2f%n", what, t, t == 1 ? "" : "s", r.describe(), r.median() / one));
            out.printf(Locale.ROOT, "(medians of %d runs of %d, min-max in brackets; %d cores available)%n", runs,
                    trajectories, Runtime.getRuntime().availableProcessors());
        }
    }

    private void baseline(PrintWriter out, String what) {
        Bench.Paired p = Bench.paired(machine, runs, trajectories, threads);
        if (json) {
            ObjectNode o = header(machine, kind, p.engine());
            o.put("baseline_trajectories_per_second_per_core", p.baseline().median());
            o.put("baseline_min", p.baseline().min());
            o.put("baseline_max", p.baseline().max());
            o.put("ratio", p.ratio());
            o.put("ratio_min", p.ratios()[0]);
            o.put("ratio_max", p.ratios()[p.ratios().length - 1]);
            out.println(Json.write(o));
        } else {
            out.printf(Locale.ROOT, "%s: %s trajectories/s per core; baseline loop %s; engine/baseline %.3f "
                    + "(pairs %.3f-%.3f; medians of %d alternating runs of %d on %d thread%s)%n", what,
                    p.engine().describe(), p.baseline().describe(), p.ratio(), p.ratios()[0],
                    p.ratios()[p.ratios().length - 1], runs, trajectories, threads, threads == 1 ? "" : "s");
        }
    }

    private ObjectNode header(Bench.Machine machine, EngineKind kind, Bench.Rates rates) {
        ObjectNode o = Json.object();
        o.put("trajectories_per_second_per_core", rates.median());
        o.put("scenario", machine.scenario());
        o.put("engine", kind.key());
        if (quantities != null) {
            o.put("quantities", String.join(",", Bench.quantities(machine.model(), quantities).stream()
                    .map(q -> q.name()).toList()));
        }
        o.put("threads", threads);
        o.put("runs", runs);
        o.put("trajectories_per_run", trajectories);
        o.put("min", rates.min());
        o.put("max", rates.max());
        o.put("cores_available", Runtime.getRuntime().availableProcessors());
        return o;
    }

    private static <T> T choice(String option, String value, String allowed, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw OptionChecks.refuse(option, value, "expected " + allowed);
        }
    }
}
