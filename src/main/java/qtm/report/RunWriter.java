package qtm.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.Collision;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.SavedEnsemble;
import qtm.ensemble.ScenarioRun;
import qtm.linalg.Ops;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.observe.Observables;
import qtm.observe.Snapshot;
import qtm.scenario.Scenario;
import qtm.stats.Estimate;
import qtm.stats.Verdict;

/**
 * Writes everything a run found into its output directory: the time series as CSV, summary.json, the charts as PNG
 * and SVG, and report.html. Nothing here depends on time or threads, so the same outcome gives the same bytes.
 */
public final class RunWriter {
    private RunWriter() {
    }

    /**
     * @param o the run's outcome
     * @param dir the directory to write into
     * @throws IOException on write failure
     */
    public static void write(ScenarioRun.Outcome o, Path dir) throws IOException {
        Scenario s = o.scenario();
        Model model = s.model();
        TimeGrid grid = s.time();
        int last = grid.points() - 1;
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode summary = mapper.createObjectNode();
        summary.put("scenario", s.name());
        summary.put("file", s.file());
        summary.put("seed", o.seed());
        csv(dir.resolve("timeseries-exact.csv"), Snapshot.COLUMNS, rows(model, grid, o.exact()));
        ObjectNode engines = summary.putObject("engines");
        List<RunFigures.EngineRun> runs = new ArrayList<>();
        List<HtmlReport.Verdict> verdicts = new ArrayList<>();
        List<HtmlReport.Final> finals = new ArrayList<>();
        for (ScenarioRun.EngineOutcome e : o.engines()) {
            EnsembleResult r = e.result();
            save(dir, o, ScenarioRun.label(e.name(), Double.NaN), r);
            Verdict v = e.verdict();
            csv(dir.resolve("timeseries-" + e.name() + ".csv"), EngineColumns.header(r), EngineColumns.rows(r));
            csv(dir.resolve("rho-" + e.name() + ".csv"), EngineColumns.rhoHeader(), EngineColumns.rhoRows(r));
            ObjectNode json = engines.putObject(e.name());
            engineSummary(json, r, v, Snapshot.of(model, grid.time(last), e.reference().get(last)));
            if (e.collision() != null) {
                csv(dir.resolve("timeseries-collision-map.csv"), Snapshot.COLUMNS, rows(model, grid, e.reference()));
                collisionSummary(json.putObject("collision"), e.collision(), e.reference(), o.exact());
            }
            runs.add(new RunFigures.EngineRun(e.name(), r));
            verdicts.add(new HtmlReport.Verdict(e.name(), r.trajectories(), r.stopReason().key(), v.maxAbsZ(),
                    v.pValue(), v.converged()));
            finals.addAll(finals(e.name(), model, r, e.reference().get(last)));
        }
        exactSummary(summary.putObject("exact"), model, o);
        List<HtmlReport.Figure> figures = new ArrayList<>();
        if (!runs.isEmpty()) {
            figures.addAll(charts(new RunFigures.Input(model, grid, o.exact(), o.steady(), o.gap(), runs), dir));
        }
        for (ScenarioRun.DtPoint p : o.dtStudy()) {
            save(dir, o, ScenarioRun.label(qtm.engine.EngineKind.COLLISION.key(), p.dt()), p.result());
        }
        if (!o.dtStudy().isEmpty()) {
            figures.add(dtStudy(o, summary.putObject("collision_dt"), dir));
        }
        if (o.interrupted()) {
            summary.put("stop_reason", "interrupted");
        }
        Files.writeString(dir.resolve("summary.json"), Json.write(summary) + "\n");
        // Scalars are kept as the user wrote them (see ScenarioFile), so quote only where YAML needs it.
        String yaml = new YAMLMapper().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .writeValueAsString(s.source().json());
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(new HtmlReport.Content(s.name(),
                s.description(), yaml, o.seed(), verdicts, finals, figures)), StandardCharsets.UTF_8);
    }

    /** The file name of an ensemble's saved sums. */
    public static String savedName(String label) {
        return "ensemble-" + label + ".qtme";
    }

    /**
     * @param s a scenario
     * @param label an ensemble's label
     * @param seed the run's seed
     * @return the identity its saved ensemble carries: the scenario as run without the keys that say how large
     *     the ensemble is or which engines ran, which merging and extending may change
     */
    public static SavedEnsemble.Identity identity(Scenario s, String label, long seed) {
        ObjectNode doc = s.source().json().deepCopy();
        doc.remove("ensemble");
        doc.remove("engines");
        return new SavedEnsemble.Identity(SavedEnsemble.QTM_VERSION, label, doc.toString(), seed);
    }

    private static void save(Path dir, ScenarioRun.Outcome o, String label, EnsembleResult r) throws IOException {
        SavedEnsemble.write(dir.resolve(savedName(label)), identity(o.scenario(), label, o.seed()), r);
    }

    private static List<double[]> rows(Model model, TimeGrid grid, List<ZMatrixRMaj> states) {
        List<double[]> rows = new ArrayList<>(states.size());
        for (int k = 0; k < states.size(); k++) {
            rows.add(Snapshot.of(model, grid.time(k), states.get(k)).values());
        }
        return rows;
    }

    private static void csv(Path file, String[] header, List<double[]> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Csv.write(w, header, rows);
        }
    }

    private static void put(ObjectNode o, String key, Estimate e) {
        ObjectNode x = o.putObject(key);
        x.put("mean", e.mean());
        x.put("se", e.se());
    }

    private static void engineSummary(ObjectNode e, EnsembleResult r, Verdict v, Snapshot reference) {
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
        // Every column of every quantity; reliable is false where the error bar rests on a handful of rare events.
        for (String c : r.columns()) {
            qtm.stats.RareEvents.Flagged x = r.estimate(c, last);
            f.putObject(c).put("mean", x.mean()).put("se", x.se()).put("reliable", x.reliable());
        }
        ObjectNode ref = e.putObject("reference_final");
        ref.put("concurrence", reference.concurrence());
        ref.put("heat_cold", reference.heatCold());
        ref.put("heat_hot", reference.heatHot());
        ref.put("purity", reference.purity());
    }

    private static void collisionSummary(ObjectNode c, Collision col, List<ZMatrixRMaj> map,
            List<ZMatrixRMaj> exact) {
        c.put("dt", col.dt());
        c.put("requested_dt", col.requestedDt());
        c.put("dt_shortened", col.shortened());
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

    private static void exactSummary(ObjectNode o, Model model, ScenarioRun.Outcome run) {
        snapshot(o.putObject("final"), Snapshot.of(model, Double.NaN, run.exact().get(run.exact().size() - 1)));
        if (run.steady() != null) {
            snapshot(o.putObject("steady"), Snapshot.of(model, Double.POSITIVE_INFINITY, run.steady()));
            o.put("spectral_gap", run.gap());
        }
    }

    private static void snapshot(ObjectNode o, Snapshot x) {
        double[] v = x.values();
        for (int i = 1; i < v.length; i++) {
            o.put(Snapshot.COLUMNS[i], v[i]);
        }
    }

    private static List<HtmlReport.Final> finals(String name, Model model, EnsembleResult r, ZMatrixRMaj reference) {
        int last = r.grid().points() - 1;
        Snapshot x = Snapshot.of(model, r.grid().time(last), reference);
        return List.of(
                new HtmlReport.Final(name, "concurrence", r.concurrence(last).mean(), r.concurrence(last).se(),
                        x.concurrence(), r.concurrenceReliable(last)),
                new HtmlReport.Final(name, "Q_c (formula)", r.heatFormula(last, Side.COLD).mean(),
                        r.heatFormula(last, Side.COLD).se(), x.heatCold()),
                new HtmlReport.Final(name, "Q_c (jump counting)", r.heatCount(last, Side.COLD).mean(),
                        r.heatCount(last, Side.COLD).se(), x.heatCold(), r.jumpsReliable(last, Side.COLD)),
                new HtmlReport.Final(name, "Q_h (formula)", r.heatFormula(last, Side.HOT).mean(),
                        r.heatFormula(last, Side.HOT).se(), x.heatHot()),
                new HtmlReport.Final(name, "purity", r.purity(last).mean(), r.purity(last).se(), x.purity()));
    }

    private static List<HtmlReport.Figure> charts(RunFigures.Input in, Path dir) throws IOException {
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

    private static HtmlReport.Figure dtStudy(ScenarioRun.Outcome o, ObjectNode json, Path dir) throws IOException {
        List<ScenarioRun.DtPoint> points = o.dtStudy();
        double[] dt = new double[points.size()];
        double[] mapBias = new double[points.size()];
        Estimate[] engineBias = new Estimate[points.size()];
        List<double[]> rows = new ArrayList<>();
        ArrayNode array = json.putArray("points");
        for (int i = 0; i < dt.length; i++) {
            ScenarioRun.DtPoint p = points.get(i);
            dt[i] = p.dt();
            mapBias[i] = p.mapBias();
            engineBias[i] = p.engineBiasFinal();
            rows.add(new double[] {p.dt(), p.mapBias(), p.mapBiasFinal(), p.engineBiasFinal().mean(),
                p.engineBiasFinal().se(), p.trajectories()});
            array.addObject().put("dt", p.dt()).put("map_bias", p.mapBias()).put("map_bias_final", p.mapBiasFinal())
                    .put("engine_bias_final", p.engineBiasFinal().mean())
                    .put("engine_bias_final_se", p.engineBiasFinal().se()).put("trajectories", p.trajectories());
        }
        json.put("fitted_slope", o.dtSlope());
        csv(dir.resolve("collision-dt.csv"), new String[] {"dt", "map_bias", "map_bias_final", "engine_bias_final",
            "engine_bias_final_se", "trajectories"}, rows);
        return new HtmlReport.Figure("Collision model against the master equation", "The largest deviation "
                + "|ρ − ρ_ME| of the exact collision map over all times and elements (black, with the fitted log–log "
                + "slope; 1 means an O(Δt) error), and the collision engine's estimate of the deviation at the final "
                + "time with ±SE (collision-dt.csv also lists the map's final-time deviation): the engine resolves "
                + "the bias only where it exceeds the ensemble's noise.",
                ChartFiles.write(RunFigures.collisionDt(dt, mapBias, engineBias, o.dtSlope()), dir, "collision-dt"));
    }
}
