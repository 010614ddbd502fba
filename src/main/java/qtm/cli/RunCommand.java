package qtm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ejml.data.ZMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.engine.CollisionMap;
import qtm.engine.Collision;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.ensemble.Verdicts;
import qtm.exact.SteadyState;
import qtm.exact.Transient;
import qtm.linalg.Ops;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.Observables;
import qtm.observe.Snapshot;
import qtm.report.Csv;
import qtm.report.OutputDirectory;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioException;
import qtm.scenario.Simulation;
import qtm.stats.Estimate;
import qtm.stats.Verdict;

/** {@code qtm run}: the stochastic engines with error bars, checked against the exact solution. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the scenario's Monte Carlo engines (quantum-jump trajectories, collision model) and write "
                + "timeseries-<engine>.csv with standard errors, timeseries-exact.csv and summary.json into DIR.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--trajectories", paramLabel = "N", description = "Trajectories per engine (overrides ensemble.trajectories).")
    Long trajectories;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (overrides ensemble.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default output/<name>/); replaced as a whole.")
    Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario.read();
        Simulation sim = s.simulation();
        if (trajectories != null && trajectories < 1) {
            throw new ScenarioException("command line", "--trajectories", Long.toString(trajectories),
                    "expected a whole number >= 1");
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1 || t > 1024) {
            throw new ScenarioException("command line", "--threads", Integer.toString(t), "expected 1 to 1024");
        }
        long sd = seed != null ? seed : sim.seed();
        Model model = s.model();
        TimeGrid grid = s.time();
        checkCollisionStep(s, sim);
        Path dir = out != null ? out : Path.of("output", s.name());
        PrintWriter stdout = spec.commandLine().getOut();

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode summary = mapper.createObjectNode();
        summary.put("scenario", s.name());
        summary.put("file", s.file());
        summary.put("seed", sd);
        summary.put("threads", t);
        List<ZMatrixRMaj> exact = new Transient(model, grid).evolve(s.initial());
        try (OutputDirectory output = OutputDirectory.open(dir, true)) {
            writeCsv(output.file("timeseries-exact.csv"), Snapshot.COLUMNS, exactRows(model, grid, exact));
            ObjectNode engines = summary.putObject("engines");
            for (String name : sim.engines()) {
                EngineKind kind = EngineKind.of(name);
                long n = trajectories != null ? trajectories : sim.trajectoriesFor(name);
                EnsembleSettings settings = new EnsembleSettings(n, sd, sim.targetSe(), sim.timeBudgetSeconds(), t);
                List<ZMatrixRMaj> reference = kind == EngineKind.TRAJECTORIES ? exact
                        : kind.exact(model, s.initial(), grid, sim.dt());
                ProgressBar bar = new ProgressBar(System.err, !quiet && ProgressBar.terminal(), name);
                EnsembleResult r = EnsembleRunner.run(() -> kind.create(model, s.initial(), grid, sim.dt()), model,
                        grid, settings, done -> bar.update(done, n));
                bar.finish();
                Verdict v = Verdicts.of(r, reference);
                writeCsv(output.file("timeseries-" + name + ".csv"), EngineColumns.header(),
                        EngineColumns.rows(model, r));
                ObjectNode e = engines.putObject(name);
                engineSummary(e, r, v, reference, model);
                if (kind == EngineKind.COLLISION) {
                    writeCsv(output.file("timeseries-collision-map.csv"), Snapshot.COLUMNS,
                            exactRows(model, grid, reference));
                    collisionSummary(e.putObject("collision"), model, grid, sim.dt(), reference, exact);
                }
                stdout.printf(java.util.Locale.ROOT,
                        "%-12s N=%d (%s, %.1fs)  C(final)=%.5f ± %.5f  max|z|=%.2f  p=%.3g  converged=%s%n", name,
                        r.trajectories(), r.stopReason().key(), r.seconds(),
                        r.concurrence(grid.points() - 1).mean(), r.concurrence(grid.points() - 1).se(),
                        v.maxAbsZ(), v.pValue(), v.converged());
            }
            exactSummary(summary.putObject("exact"), model, exact);
            Files.writeString(output.file("summary.json"), mapper.writeValueAsString(summary) + "\n");
            output.commit();
        }
        stdout.println("wrote " + dir);
        stdout.flush();
        return 0;
    }

    private static void checkCollisionStep(Scenario s, Simulation sim) {
        if (!sim.engines().contains(EngineKind.COLLISION.key())) {
            return;
        }
        try {
            Collision.of(s.model(), s.time(), sim.dt());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(s.file(), "collision.dt", Double.toString(sim.dt()), e.getMessage());
        }
    }

    private static List<double[]> exactRows(Model model, TimeGrid grid, List<ZMatrixRMaj> states) {
        List<double[]> rows = new ArrayList<>(states.size());
        for (int k = 0; k < states.size(); k++) {
            rows.add(Snapshot.of(model, grid.time(k), states.get(k)).values());
        }
        return rows;
    }

    private static void writeCsv(Path file, String[] header, List<double[]> rows) throws java.io.IOException {
        try (java.io.Writer w = Files.newBufferedWriter(file)) {
            Csv.write(w, header, rows);
        }
    }

    private static void put(ObjectNode o, String key, Estimate e) {
        ObjectNode x = o.putObject(key);
        x.put("mean", e.mean());
        x.put("se", e.se());
    }

    private static void engineSummary(ObjectNode e, EnsembleResult r, Verdict v, List<ZMatrixRMaj> reference,
            Model model) {
        int last = r.grid().points() - 1;
        e.put("trajectories", r.trajectories());
        e.put("stop_reason", r.stopReason().key());
        e.put("seconds", r.seconds());
        e.put("max_abs_z", v.maxAbsZ());
        e.put("z_tests", v.tests());
        e.put("max_z_p_value", v.maxZPValue());
        e.put("chi_square", v.chiSquare());
        e.put("dof", v.dof());
        e.put("p_value", v.pValue());
        e.put("converged", v.converged());
        ObjectNode f = e.putObject("final");
        put(f, "concurrence", r.concurrence(last));
        put(f, "heat_cold", r.heatFormula(last, Side.COLD));
        put(f, "heat_hot", r.heatFormula(last, Side.HOT));
        put(f, "heat_cold_count", r.heatCount(last, Side.COLD));
        put(f, "heat_hot_count", r.heatCount(last, Side.HOT));
        put(f, "purity", r.purity(last));
        put(f, "pure_concurrence", r.pureConcurrence(last));
        Snapshot x = Snapshot.of(model, r.grid().time(last), reference.get(last));
        ObjectNode ref = e.putObject("reference_final");
        ref.put("concurrence", x.concurrence());
        ref.put("heat_cold", x.heatCold());
        ref.put("heat_hot", x.heatHot());
        ref.put("purity", x.purity());
    }

    private static void collisionSummary(ObjectNode c, Model model, TimeGrid grid, double dt,
            List<ZMatrixRMaj> map, List<ZMatrixRMaj> exact) {
        Collision col = Collision.of(model, grid, dt);
        c.put("dt", col.dt());
        c.put("steps_per_point", col.stepsPerPoint());
        double bias = 0;
        for (int k = 0; k < map.size(); k++) {
            bias = Math.max(bias, Ops.maxAbsDiff(map.get(k), exact.get(k)));
        }
        int last = map.size() - 1;
        c.put("bias_max_abs_rho_vs_master_equation", bias);
        c.put("bias_final_concurrence_vs_master_equation",
                Observables.concurrence(map.get(last)) - Observables.concurrence(exact.get(last)));
    }

    private static void exactSummary(ObjectNode o, Model model, List<ZMatrixRMaj> exact) {
        ZMatrixRMaj fin = exact.get(exact.size() - 1);
        snapshot(o.putObject("final"), Snapshot.of(model, Double.NaN, fin));
        if (model.hasUniqueSteadyState()) {
            snapshot(o.putObject("steady"), Snapshot.of(model, Double.POSITIVE_INFINITY, SteadyState.of(model)));
        }
    }

    private static void snapshot(ObjectNode o, Snapshot x) {
        double[] v = x.values();
        for (int i = 1; i < v.length; i++) {
            o.put(Snapshot.COLUMNS[i], v[i]);
        }
    }
}
