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
import qtm.exact.Spectrum;
import qtm.report.ChartFiles;
import qtm.report.Csv;
import qtm.report.HtmlReport;
import qtm.report.RunFigures;
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

    @Option(names = "--quiet", description = "No progress bar (it is also off when stderr is not a terminal).")
    boolean quiet;

    @Option(names = "--force", description = "Replace an existing output directory.")
    boolean force;

    private Interrupt activeInterrupt;

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
        checkCollisionSteps(s, sim);
        Path dir = out != null ? out : Path.of("output", s.name());
        if (Files.exists(dir) && !force) {
            throw new ScenarioException("command line", "--out", dir.toString(),
                    "the output directory exists; pass --force to replace it");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Interrupt interrupt = Interrupt.install();
        activeInterrupt = interrupt;

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode summary = mapper.createObjectNode();
        summary.put("scenario", s.name());
        summary.put("file", s.file());
        summary.put("seed", sd);
        List<ZMatrixRMaj> exact = new Transient(model, grid).evolve(s.initial());
        ZMatrixRMaj steady = model.hasUniqueSteadyState() ? SteadyState.of(model) : null;
        if (steady != null) {
            stdout.printf(java.util.Locale.ROOT, "%-12s steady state C=%.5f  Q_cold=%.6g  (master equation)%n", "exact",
                    Observables.concurrence(steady), qtm.observe.Heat.of(model, steady).cold());
        }
        List<RunFigures.EngineRun> runs = new ArrayList<>();
        List<HtmlReport.Verdict> verdicts = new ArrayList<>();
        List<HtmlReport.Final> finals = new ArrayList<>();
        try (OutputDirectory output = openOutput(dir)) {
            writeCsv(output.file("timeseries-exact.csv"), Snapshot.COLUMNS, exactRows(model, grid, exact));
            ObjectNode engines = summary.putObject("engines");
            for (String name : sim.engines()) {
                if (interrupt.requested()) {
                    break;
                }
                EngineKind kind = EngineKind.of(name);
                long n = trajectories != null ? trajectories : sim.trajectoriesFor(name);
                List<ZMatrixRMaj> reference = kind == EngineKind.TRAJECTORIES ? exact
                        : kind.exact(model, s.initial(), grid, sim.dt());
                EnsembleResult r = ensemble(kind, s, sim.dt(), n, sd, t, name);
                Verdict v = Verdicts.of(r, reference);
                runs.add(new RunFigures.EngineRun(name, r));
                writeCsv(output.file("timeseries-" + name + ".csv"), EngineColumns.header(),
                        EngineColumns.rows(model, r));
                ObjectNode e = engines.putObject(name);
                engineSummary(e, r, v, reference, model);
                verdicts.add(new HtmlReport.Verdict(name, r.trajectories(), r.stopReason().key(), v.maxAbsZ(),
                        v.pValue(), v.converged()));
                finals.addAll(finals(name, model, r, reference.get(grid.points() - 1)));
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
                stdout.flush();
            }
            exactSummary(summary.putObject("exact"), model, exact);
            RunFigures.Input figures = new RunFigures.Input(model, grid, exact, steady,
                    steady == null ? Double.NaN : Spectrum.gap(model), runs);
            List<HtmlReport.Figure> charts = runs.isEmpty() ? List.of() : charts(figures, output);
            if (sim.engines().contains(EngineKind.COLLISION.key()) && sim.dts().size() > 1
                    && !interrupt.requested()) {
                charts = new ArrayList<>(charts);
                charts.add(collisionSweep(s, sim, sd, t, exact, summary.putObject("collision_dt"), output));
            }
            if (interrupt.requested()) {
                summary.put("stop_reason", "interrupted");
            }
            Files.writeString(output.file("summary.json"), mapper.writeValueAsString(summary) + "\n");
            String yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(s.source().json());
            Files.writeString(output.file("report.html"), HtmlReport.render(new HtmlReport.Content(s.name(),
                    s.description(), yaml, sd, verdicts, finals, charts)));
            output.commit();
        }
        stdout.println("wrote " + dir);
        stdout.flush();
        return interrupt.requested() ? Interrupt.EXIT : 0;
    }

    private EnsembleResult ensemble(EngineKind kind, Scenario s, double dt, long n, long sd, int t, String label) {
        Simulation sim = s.simulation();
        EnsembleSettings settings = new EnsembleSettings(n, sd, sim.targetSe(), sim.timeBudgetSeconds(), t);
        ProgressBar bar = new ProgressBar(System.err, !quiet && ProgressBar.terminal(), label);
        EnsembleResult r = EnsembleRunner.run(() -> kind.create(s.model(), s.initial(), s.time(), dt), s.model(),
                s.time(), settings, done -> bar.update(done, n), activeInterrupt::requested);
        bar.finish();
        return r;
    }

    private static OutputDirectory openOutput(Path dir) {
        try {
            return OutputDirectory.open(dir, true);
        } catch (java.io.IOException e) {
            throw new ScenarioException("command line", "--out", dir.toString(),
                    "the output directory cannot be created or written (" + e.getMessage() + ")");
        }
    }

    private static List<HtmlReport.Final> finals(String name, Model model, EnsembleResult r, ZMatrixRMaj reference) {
        int last = r.grid().points() - 1;
        Snapshot x = Snapshot.of(model, r.grid().time(last), reference);
        return List.of(
                new HtmlReport.Final(name, "concurrence", r.concurrence(last).mean(), r.concurrence(last).se(),
                        x.concurrence()),
                new HtmlReport.Final(name, "Q_c (formula)", r.heatFormula(last, Side.COLD).mean(),
                        r.heatFormula(last, Side.COLD).se(), x.heatCold()),
                new HtmlReport.Final(name, "Q_c (jump counting)", r.heatCount(last, Side.COLD).mean(),
                        r.heatCount(last, Side.COLD).se(), x.heatCold()),
                new HtmlReport.Final(name, "Q_h (formula)", r.heatFormula(last, Side.HOT).mean(),
                        r.heatFormula(last, Side.HOT).se(), x.heatHot()),
                new HtmlReport.Final(name, "purity", r.purity(last).mean(), r.purity(last).se(), x.purity()));
    }

    private static List<HtmlReport.Figure> charts(RunFigures.Input in, OutputDirectory output)
            throws java.io.IOException {
        Path dir = output.staging();
        List<HtmlReport.Figure> figures = new ArrayList<>();
        figures.add(new HtmlReport.Figure("Concurrence", "C(ρ̄(t)) of each engine's mean state with its jackknife "
                + "±SE band; the exact C(ρ(t)) in black; the steady-state value dashed. The lighter curves are the "
                + "mean concurrence of the trajectories' pure states, a property of the unravelling, not of ρ.",
                ChartFiles.write(RunFigures.concurrence(in), dir, "concurrence")));
        figures.add(new HtmlReport.Figure("Heat currents", "Q_k is the heat flowing from qubit k into bath k. Each "
                + "engine estimates it twice: by the formula on ρ̄ and by counting the energy its jumps move per "
                + "output bin. The exact currents are black (Q_h dashed).",
                ChartFiles.write(RunFigures.heat(in), dir, "heat")));
        figures.add(new HtmlReport.Figure("Populations", "Populations of |00⟩, |01⟩, |10⟩, |11⟩ (|n_c n_h⟩) and "
                + "|ρ_01,10| of the first engine's ρ̄ with ±SE bands; exact values dashed.",
                ChartFiles.write(RunFigures.populations(in), dir, "populations")));
        if (in.steady() != null) {
            figures.add(new HtmlReport.Figure("Relaxation", "Trace distance to the steady state on a log axis. The "
                    + "exact curve approaches the grey reference e^(−gap·t) set by the Liouvillian's spectral gap; an "
                    + "engine's curve levels off at its own statistical noise.",
                    ChartFiles.write(RunFigures.relaxation(in), dir, "relaxation")));
        }
        return figures;
    }

    private HtmlReport.Figure collisionSweep(Scenario s, Simulation sim, long sd, int t, List<ZMatrixRMaj> exact,
            ObjectNode json, OutputDirectory output) throws java.io.IOException {
        List<Double> dts = sim.dts();
        int last = s.time().points() - 1;
        double[] dt = new double[dts.size()];
        double[] mapBias = new double[dts.size()];
        double[] mapBiasEnd = new double[dts.size()];
        Estimate[] engineBias = new Estimate[dts.size()];
        long n = trajectories != null ? trajectories : sim.trajectoriesFor(EngineKind.COLLISION.key());
        List<double[]> rows = new ArrayList<>();
        com.fasterxml.jackson.databind.node.ArrayNode points = json.putArray("points");
        for (int i = 0; i < dts.size(); i++) {
            Collision c = Collision.of(s.model(), s.time(), dts.get(i));
            dt[i] = c.dt();
            List<ZMatrixRMaj> map = new CollisionMap(s.model(), s.time(), c.dt()).evolve(s.initial());
            for (int k = 0; k < map.size(); k++) {
                mapBias[i] = Math.max(mapBias[i], Ops.maxAbsDiff(map.get(k), exact.get(k)));
            }
            mapBiasEnd[i] = biasAtEnd(map.get(last), exact.get(last));
            EnsembleResult r = ensemble(EngineKind.COLLISION, s, c.dt(), n, sd, t, "collision dt=" + c.dt());
            engineBias[i] = biasAtEnd(r, exact.get(last));
            rows.add(new double[] {dt[i], mapBias[i], mapBiasEnd[i], engineBias[i].mean(), engineBias[i].se(),
                r.trajectories()});
            points.addObject().put("dt", dt[i]).put("map_bias", mapBias[i]).put("map_bias_final", mapBiasEnd[i])
                    .put("engine_bias_final", engineBias[i].mean())
                    .put("engine_bias_final_se", engineBias[i].se()).put("trajectories", r.trajectories());
        }
        org.apache.commons.math3.stat.regression.SimpleRegression fit =
                new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int i = 0; i < dt.length; i++) {
            fit.addData(Math.log(dt[i]), Math.log(mapBias[i]));
        }
        double slope = fit.getSlope();
        json.put("fitted_slope", slope);
        writeCsv(output.file("collision-dt.csv"),
                new String[] {"dt", "map_bias", "map_bias_final", "engine_bias_final", "engine_bias_final_se",
                    "trajectories"}, rows);
        Path dir = output.staging();
        return new HtmlReport.Figure("Collision model against the master equation", "The largest deviation "
                + "|ρ − ρ_ME| of the exact collision map over all times and elements (black, with the fitted log–log "
                + "slope; 1 means an O(Δt) error), and the collision engine's estimate of the deviation at the final "
                + "time with ±SE (collision-dt.csv also lists the map's final-time deviation): the engine resolves "
                + "the bias only where it exceeds the ensemble's noise.",
                ChartFiles.write(RunFigures.collisionDt(dt, mapBias, engineBias, slope), dir, "collision-dt"));
    }

    /** max over the Hermitian coordinates of |a − b|. */
    private static double biasAtEnd(ZMatrixRMaj a, ZMatrixRMaj b) {
        qtm.linalg.HermitianBasis basis = new qtm.linalg.HermitianBasis(4);
        double[] x = basis.coordinates(a, new double[16]);
        double[] y = basis.coordinates(b, new double[16]);
        double m = 0;
        for (int i = 0; i < 16; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }

    /** max over the ρ̄ coordinates of |ρ̄ − ρ_ME| at the final time, with the SE of the coordinate that attains it. */
    private static Estimate biasAtEnd(EnsembleResult r, ZMatrixRMaj exact) {
        int last = r.grid().points() - 1;
        ZMatrixRMaj mean = r.rho(last);
        double[] se = r.rhoStandardErrors(last);
        qtm.linalg.HermitianBasis basis = new qtm.linalg.HermitianBasis(4);
        double[] a = basis.coordinates(mean, new double[16]);
        double[] b = basis.coordinates(exact, new double[16]);
        int arg = 0;
        for (int i = 1; i < 16; i++) {
            if (Math.abs(a[i] - b[i]) > Math.abs(a[arg] - b[arg])) {
                arg = i;
            }
        }
        return new Estimate(Math.abs(a[arg] - b[arg]), se[arg]);
    }

    private static void checkCollisionSteps(Scenario s, Simulation sim) {
        if (!sim.engines().contains(EngineKind.COLLISION.key())) {
            return;
        }
        for (double dt : sim.dts()) {
            try {
                Collision.of(s.model(), s.time(), dt);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(s.file(), "collision.dt", Double.toString(dt), e.getMessage());
            }
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
