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
import qtm.ensemble.EnsembleResult;
import qtm.model.Collision;
import qtm.output.Csv;
import qtm.output.Json;
import qtm.run.EnsembleSummary;
import qtm.run.OutcomeCurves;
import qtm.run.RunCurves;
import qtm.ensemble.SavedEnsemble;
import qtm.run.Skipped;
import qtm.run.EngineOutcome;
import qtm.run.RunOutcome;
import qtm.run.DtPoint;
import qtm.model.Side;
import qtm.observe.Snapshot;
import qtm.scenario.Scenario;
import qtm.stats.Estimate;
import qtm.stats.Verdict;

/**
 * Writes everything a run found into its output directory: the time series as CSV, summary.json, the charts as PNG
 * and SVG, and report.html. Only summary.json's {@code this_run} object and the report's "This run" table depend on
 * time, host or threads (see {@link ThisRun}), so the same outcome gives the same bytes everywhere else.
 */
public final class RunWriter {
    /** The format of summary.json, its first key; the number grows when a key changes meaning or goes. */
    public static final String SUMMARY_FORMAT = "qtm-summary/2";

    private RunWriter() {
    }

    /**
     * How a run was asked for, besides its outcome.
     *
     * @param planned each ensemble's label → the trajectories planned for it (for a merge, as its shards planned)
     * @param records the --records limit (0: none)
     * @param thisRun what differs from one run of the same result to the next
     */
    public record Provenance(java.util.Map<String, Long> planned, long records, ThisRun thisRun) {
        /** Copies the map, keeping its order. */
        public Provenance {
            planned = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(planned));
        }
    }

    /**
     * Writes every file of a run but the saved ensembles and time series of each engine (those are written as each
     * ensemble ends, {@link #writeEnsemble}). For a merge that lacks some trajectories summary.json says
     * {@code "partial": true} and lists the missing index ranges of each ensemble, and so does the report.
     *
     * @param o the run's outcome
     * @param dir the directory to write into
     * @param missing the missing ranges [from, to) by ensemble label; empty for a complete result
     * @param p the settings asked for and this run's own facts
     * @throws IOException on write failure
     */
    public static void write(RunOutcome o, Path dir, java.util.Map<String, List<long[]>> missing,
            Provenance p) throws IOException {
        Scenario s = o.scenario();
        int last = s.time().points() - 1;
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode summary = mapper.createObjectNode();
        summary.put("format", SUMMARY_FORMAT);
        summary.put("scenario", s.name());
        summary.put("file", s.file());
        summary.put("seed", o.seed());
        ObjectNode settings = RunSettings.json(s, o.seed(), p.planned(), p.records());
        summary.set("settings", settings);
        csv(dir.resolve("timeseries-exact.csv"), Snapshot.COLUMNS, rows(o.exactRows()));
        ObjectNode engines = summary.putObject("engines");
        List<HtmlReport.Verdict> verdicts = new ArrayList<>();
        List<HtmlReport.Final> finals = new ArrayList<>();
        List<RunPlots.Reference> references = new ArrayList<>();
        for (EngineOutcome e : o.engines()) {
            EnsembleSummary r = e.result();
            Verdict v = e.verdict();
            ObjectNode json = engines.putObject(e.name());
            engineSummary(json, r, v, e.converged(), e.referenceRows().get(last));
            counting(json, e, last);
            WaitingReport.write(json.putObject("waiting_times"), e.waiting(), e.waitingAbsence());
            if (e.collision() != null) {
                csv(dir.resolve("timeseries-collision-map.csv"), Snapshot.COLUMNS, rows(e.referenceRows()));
                collisionSummary(json.putObject("collision"), e);
            }
            String reference = qtm.verify.References.name(e.kind(),
                    e.collision() == null ? Double.NaN : e.collision().dt());
            if (e.collision() != null) {
                references.add(new RunPlots.Reference(e.name(), reference, e.referenceRows()));
            }
            verdicts.add(new HtmlReport.Verdict(e.name(), r.trajectories(), r.stopReason().words(), v.maxAbsZ(),
                    v.worst(), v.maxZPValue(), v.pValue(), Double.NaN, v.converged(), reference));
            qtm.verify.CountingVerdict cv = e.counting();
            if (cv != null) {
                double histogram = Double.NaN;
                for (qtm.verify.CountingVerdict.Histogram x : cv.histograms()) {
                    histogram = Double.isNaN(histogram) ? x.pValue() : Math.min(histogram, x.pValue());
                }
                verdicts.add(new HtmlReport.Verdict(e.name() + ": counts", r.trajectories(), r.stopReason().words(),
                        cv.maxAbsZ(), cv.worst(), cv.maxZPValue(), Double.NaN, histogram, cv.converged(),
                        reference + ", tilted"));
            }
            if (e.waiting() != null) {
                double chi = Double.NaN;
                double z = Double.NaN;
                qtm.stats.ZTests.Worst worst = null;
                for (qtm.verify.WaitingVerdict.PairResult x : e.waiting().pairs()) {
                    if (x.judged()) {
                        chi = Double.isNaN(chi) ? x.pValue() : Math.min(chi, x.pValue());
                        z = Double.isNaN(z) ? x.maxAbsZ() : Math.max(z, x.maxAbsZ());
                        if (x.worst() != null && (worst == null || x.worst().pValue() < worst.pValue())) {
                            worst = x.worst();
                        }
                    }
                }
                verdicts.add(new HtmlReport.Verdict(e.name() + ": waiting times", r.trajectories(),
                        r.stopReason().words(), z, worst, worst == null ? Double.NaN : worst.pValue(), chi, Double.NaN,
                        e.waiting().passed(), reference));
            }
            if (e.collision() != null) {
                qtm.verify.CollisionBookkeeping.Result b = e.bookkeeping();
                bookkeeping(json.putObject("thermodynamics"), b, r.trajectories());
                if (b != null) {
                    csv(dir.resolve(THERMO_CSV), THERMO_COLUMNS, thermoRows(b));
                    verdicts.add(new HtmlReport.Verdict(e.name() + ": heat, work, Σ", r.trajectories(),
                            r.stopReason().words(), b.maxAbsZ(), b.worst(), b.maxZPValue(), Double.NaN, Double.NaN,
                            b.converged(), "the exact bookkeeping of every collision of the map (" + THERMO_CSV
                                    + ")"));
                }
            }
            finals.addAll(finals(e.name(), r, e.referenceRows().get(last)));
        }
        exactSummary(summary.putObject("exact"), o);
        List<HtmlReport.Figure> figures = new ArrayList<>();
        RunCurves curves = OutcomeCurves.of(o);
        if (!curves.engines().isEmpty()) {
            figures.addAll(charts(curves, new RunPlots(curves, references), dir));
        }
        figures.addAll(WaitingReport.figures(o, dir));
        if (!o.dtStudy().isEmpty()) {
            figures.add(dtStudy(o, summary.putObject("collision_dt"), dir));
        }
        if (o.interrupted()) {
            summary.put("stop_reason", "interrupted");
        }
        ArrayNode skipped = summary.putArray("skipped");
        List<HtmlReport.Skipped> skippedRows = new ArrayList<>();
        for (Skipped x : o.skipped()) {
            skipped.addObject().put("ensemble", x.label()).put("engine", x.engine()).put("reason", x.reason().key())
                    .put("why", x.why());
            skippedRows.add(new HtmlReport.Skipped(x.label(), x.reason().key(), x.why()));
        }
        String description = s.description();
        if (!missing.isEmpty()) {
            summary.put("partial", true);
            ObjectNode m = summary.putObject("missing");
            StringBuilder text = new StringBuilder("Partial result: a merge of shards that lacks trajectories");
            for (java.util.Map.Entry<String, List<long[]>> e : missing.entrySet()) {
                com.fasterxml.jackson.databind.node.ArrayNode a = m.putArray(e.getKey());
                text.append(" · ").append(e.getKey()).append(":");
                for (long[] r : e.getValue()) {
                    a.addArray().add(r[0]).add(r[1]);
                    text.append(" [").append(r[0]).append(", ").append(r[1]).append(")");
                }
            }
            description = text + ". " + description;
        }
        List<ThisRun.Timing> timings = new ArrayList<>();
        if (p.thisRun().shards().isEmpty()) {
            // A merge ran no trajectory: its shards' times are in this_run.shards.
            for (EngineOutcome e : o.engines()) {
                timings.add(new ThisRun.Timing(e.name(), e.result().seconds(), e.result().trajectories()));
            }
        }
        // Last, so that a reader who drops it (jq 'del(.this_run)') compares everything above byte for byte.
        ObjectNode thisRun = p.thisRun().json(timings);
        summary.set("this_run", thisRun);
        Files.writeString(dir.resolve("summary.json"), Json.write(summary) + "\n");
        // Scalars are kept as the user wrote them (see ScenarioFile), so quote only where YAML needs it.
        String yaml = new YAMLMapper().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .writeValueAsString(s.source().json());
        // Last, so that the list of links sees every other file of the run.
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(new HtmlReport.Content(s.name(),
                description, yaml, o.seed(), verdicts, finals, figures, fluctuationRows(o.fluctuations())),
                new HtmlReport.Provenance(SUMMARY_FORMAT, settings, thisRun, skippedRows),
                OutputFiles.of(dir, "report.html")), StandardCharsets.UTF_8);
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

    /**
     * Writes one finished ensemble: its saved sums, and for an engine's main run its time series
     * (timeseries-ENGINE.csv, rho-ENGINE.csv). Called as each ensemble ends, so that a run holds one at a time.
     *
     * @param dir the output directory
     * @param s the scenario
     * @param seed the run's seed
     * @param label the ensemble's label
     * @param engine the engine's name for its main run, null for a Δt-study point
     * @param r the result
     * @throws IOException on write failure
     */
    public static void writeEnsemble(Path dir, Scenario s, long seed, String label, String engine, EnsembleResult r)
            throws IOException {
        writeSaved(dir, s, seed, label, r);
        if (engine != null) {
            csv(dir.resolve("timeseries-" + engine + ".csv"), EngineColumns.header(r), EngineColumns.rows(r));
            csv(dir.resolve("rho-" + engine + ".csv"), EngineColumns.rhoHeader(), EngineColumns.rhoRows(r));
        }
    }

    /**
     * Writes one ensemble's saved sums only (a shard writes nothing else of it).
     *
     * @param dir the output directory
     * @param s the scenario
     * @param seed the run's seed
     * @param label the ensemble's label
     * @param r the result
     * @throws IOException on write failure
     */
    public static void writeSaved(Path dir, Scenario s, long seed, String label, EnsembleResult r) throws IOException {
        SavedEnsemble.write(dir.resolve(savedName(label)), identity(s, label, seed), r);
    }

    private static List<double[]> rows(List<Snapshot> snapshots) {
        List<double[]> rows = new ArrayList<>(snapshots.size());
        for (Snapshot x : snapshots) {
            rows.add(x.values());
        }
        return rows;
    }

    private static void csv(Path file, String[] header, List<double[]> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Csv.write(w, header, rows);
        }
    }

    /**
     * A verdict's worst test as {@code {"element": "p11", "t": 2050.0, "z": -5.42, "p_value": 0.0002}}: the element as
     * the CSV column spells it, z signed, p_value its Bonferroni p over the verdict's z_tests; null if none.
     */
    static com.fasterxml.jackson.databind.JsonNode worst(qtm.stats.ZTests.Worst w) {
        if (w == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("element", w.element());
        o.set("t", Json.number(w.t()));
        o.set("z", Json.number(w.z()));
        o.set("p_value", Json.number(w.pValue()));
        return o;
    }

    private static void put(ObjectNode o, String key, Estimate e) {
        ObjectNode x = o.putObject(key);
        x.put("mean", e.mean());
        x.put("se", e.se());
    }

    private static void engineSummary(ObjectNode e, EnsembleSummary r, Verdict v, boolean converged,
            Snapshot reference) {
        e.put("trajectories", r.trajectories());
        e.put("stop_reason", r.stopReason().key());
        e.put("max_abs_z", v.maxAbsZ());
        e.set("worst_z", worst(v.worst()));
        e.put("z_tests", v.tests());
        e.put("max_z_p_value", v.maxZPValue());
        e.put("chi_square", v.chiSquare());
        e.put("dof", v.dof());
        e.put("p_value", v.pValue());
        e.put("converged", converged);
        ObjectNode f = e.putObject("final");
        // Every column of every quantity; reliable is false where the error bar rests on a handful of rare events.
        for (var c : r.finals().entrySet()) {
            f.putObject(c.getKey()).put("mean", c.getValue().mean()).put("se", c.getValue().se())
                    .put("reliable", c.getValue().reliable());
        }
        ObjectNode ref = e.putObject("reference_final");
        ref.put("concurrence", reference.concurrence());
        ref.put("heat_cold", reference.heatCold());
        ref.put("heat_hot", reference.heatHot());
        ref.put("purity", reference.purity());
    }

    /**
     * The counts' exact final values in reference_final, and their verdict: z-scores of the mean and variance of
     * N_k(t) and Q_k(t) over the grid and the χ² of each bath's final-count histogram.
     */
    private static void counting(ObjectNode e, EngineOutcome o, int last) {
        qtm.verify.CountingReference x = o.countingReference();
        ObjectNode ref = (ObjectNode) e.get("reference_final");
        if (x != null) {
            for (qtm.model.Side side : qtm.model.Side.values()) {
                String k = side.key();
                ref.put("count_" + k, x.mean(side, false, last));
                ref.put("count_" + k + "_var", x.variance(side, false, last));
                ref.put("energy_" + k, x.mean(side, true, last));
                ref.put("energy_" + k + "_var", x.variance(side, true, last));
            }
        }
        qtm.verify.CountingVerdict v = o.counting();
        if (v == null) {
            e.put("counting_verdict", o.result().trajectories() < 2 ? "too few trajectories"
                    : "not recorded: N_k(t) and Q_k(t) are recorded on grids of at most "
                            + qtm.observe.NetCounts.MAX_POINTS + " points (their jackknife batches take about 1.5 KB "
                            + "per point)");
            return;
        }
        ObjectNode c = e.putObject("counting");
        c.put("max_abs_z", v.maxAbsZ());
        c.set("worst_z", worst(v.worst()));
        c.put("z_tests", v.tests());
        c.put("max_z_p_value", v.maxZPValue());
        for (qtm.verify.CountingVerdict.Histogram h : v.histograms()) {
            ObjectNode j = c.putObject("histogram_" + h.side().key());
            j.put("chi_square", h.chiSquare());
            j.put("dof", h.dof());
            j.put("p_value", h.pValue());
        }
        c.put("converged", v.converged());
    }

    /** The collision bookkeeping's file. */
    static final String THERMO_CSV = "thermo-collision.csv";
    /** Its columns: the map's cumulative values per bath, then the engine's with their SE. */
    static final String[] THERMO_COLUMNS = {"t", "map_heat_cold", "map_heat_hot", "map_work_cold", "map_work_hot",
        "map_entropy_cold", "map_entropy_hot", "map_entropy_total", "heat_cold", "heat_cold_se", "heat_hot",
        "heat_hot_se", "work_cold", "work_cold_se", "work_hot", "work_hot_se", "entropy_total", "entropy_total_se"};

    private static List<double[]> thermoRows(qtm.verify.CollisionBookkeeping.Result b) {
        List<double[]> rows = new ArrayList<>();
        for (qtm.verify.CollisionBookkeeping.Row x : b.rows()) {
            rows.add(new double[] {x.t(), x.mapHeat()[0], x.mapHeat()[1], x.mapWork()[0], x.mapWork()[1],
                x.mapEntropy()[0], x.mapEntropy()[1], x.mapTotal(), x.heat()[0].mean(), x.heat()[0].se(),
                x.heat()[1].mean(), x.heat()[1].se(), x.work()[0].mean(), x.work()[0].se(), x.work()[1].mean(),
                x.work()[1].se(), x.entropy().mean(), x.entropy().se()});
        }
        return rows;
    }

    /**
     * The collision bookkeeping in summary.json: final cumulative values of the map and the engine per bath, the
     * total Σ, the per-time rates of the map's steady state with the master equation's heat, and the verdict.
     */
    private static void bookkeeping(ObjectNode o, qtm.verify.CollisionBookkeeping.Result b, long trajectories) {
        if (b == null) {
            o.put("verdict", trajectories < 2 ? "too few trajectories"
                    : "not recorded: Q_k(t) is counted on grids of at most " + qtm.observe.NetCounts.MAX_POINTS
                            + " points");
            return;
        }
        qtm.verify.CollisionBookkeeping.Row last = b.rows().get(b.rows().size() - 1);
        ObjectNode f = o.putObject("final");
        for (Side side : Side.values()) {
            int i = side.ordinal();
            ObjectNode x = f.putObject(side.key());
            x.set("map_heat", Json.number(last.mapHeat()[i]));
            x.set("map_work", Json.number(last.mapWork()[i]));
            x.set("map_entropy", Json.number(last.mapEntropy()[i]));
            x.putObject("heat").set("mean", Json.number(last.heat()[i].mean()));
            ((ObjectNode) x.get("heat")).set("se", Json.number(last.heat()[i].se()));
            x.putObject("work").set("mean", Json.number(last.work()[i].mean()));
            ((ObjectNode) x.get("work")).set("se", Json.number(last.work()[i].se()));
        }
        f.set("map_entropy_total", Json.number(last.mapTotal()));
        ObjectNode total = f.putObject("entropy_total");
        total.set("mean", Json.number(last.entropy().mean()));
        total.set("se", Json.number(last.entropy().se()));
        if (b.steady() != null) {
            ObjectNode s = o.putObject("steady_per_time");
            for (Side side : Side.values()) {
                int i = side.ordinal();
                ObjectNode x = s.putObject(side.key());
                x.set("map_heat", Json.number(b.steady().heat()[i]));
                x.set("map_work", Json.number(b.steady().work()[i]));
                x.set("map_entropy", Json.number(b.steady().entropy()[i]));
                x.set("master_equation_heat", Json.number(b.masterHeat().get(side)));
                x.put("master_equation_work", 0.0);
            }
        }
        ObjectNode v = o.putObject("verdict");
        v.put("max_abs_z", b.maxAbsZ());
        v.set("worst_z", worst(b.worst()));
        v.put("z_tests", b.tests());
        v.put("max_z_p_value", b.maxZPValue());
        v.put("converged", b.converged());
    }

    private static void collisionSummary(ObjectNode c, EngineOutcome e) {
        Collision col = e.collision();
        c.put("dt", col.dt());
        c.put("requested_dt", col.requestedDt());
        c.put("dt_shortened", col.shortened());
        c.put("steps_per_point", col.stepsPerPoint());
        c.put("bias_max_abs_rho_vs_master_equation", e.biasMax());
        c.put("bias_final_concurrence_vs_master_equation", e.biasFinalConcurrence());
    }

    private static void exactSummary(ObjectNode o, RunOutcome run) {
        snapshot(o.putObject("final"), run.exactRows().get(run.exactRows().size() - 1));
        if (run.steadyRow() != null) {
            snapshot(o.putObject("steady"), run.steadyRow());
            o.put("spectral_gap", run.gap());
        }
        if (run.fluctuations() != null) {
            fluctuations(o.putObject("fluctuations"), run.fluctuations());
        }
    }

    /**
     * The stationary counting statistics, in the layout of {@code qtm fcs --json}.
     *
     * @param o where to write
     * @param f the statistics
     */
    public static void fluctuations(ObjectNode o, qtm.exact.Fluctuations f) {
        for (qtm.model.Side side : qtm.model.Side.values()) {
            qtm.exact.Fluctuations.Bath b = f.bath(side);
            ObjectNode x = o.putObject(side.key());
            x.set("current", Json.number(b.quanta().current()));
            x.set("noise", Json.number(b.quanta().noise()));
            x.set("third", Json.number(b.quanta().third()));
            x.set("fano", Json.number(b.fano()));
            x.set("heat_current", Json.number(b.heat().current()));
            x.set("heat_noise", Json.number(b.heat().noise()));
        }
        o.set("entropy_production", Json.number(f.entropyProduction()));
        o.set("tur", Json.number(f.tur()));
    }

    private static List<HtmlReport.Row> fluctuationRows(qtm.exact.Fluctuations f) {
        List<HtmlReport.Row> rows = new ArrayList<>();
        if (f == null) {
            return rows;
        }
        for (qtm.model.Side side : qtm.model.Side.values()) {
            qtm.exact.Fluctuations.Bath b = f.bath(side);
            rows.add(new HtmlReport.Row(side.key() + " bath", new double[] {b.quanta().current(), b.quanta().noise(),
                b.quanta().third(), b.fano(), b.heat().current(), b.heat().noise()}));
        }
        rows.add(new HtmlReport.Row("machine: σ, TUR ratio", new double[] {f.entropyProduction(), f.tur()}));
        return rows;
    }

    private static void snapshot(ObjectNode o, Snapshot x) {
        double[] v = x.values();
        for (int i = 1; i < v.length; i++) {
            o.put(Snapshot.COLUMNS[i], v[i]);
        }
    }

    private static List<HtmlReport.Final> finals(String name, EnsembleSummary r, Snapshot x) {
        return List.of(
                fin(name, "concurrence", r.last("concurrence"), x.concurrence()),
                fin(name, "Q_c (formula)", r.last("heat_cold"), x.heatCold()),
                fin(name, "Q_c (jump counting)", r.last("heat_cold_count"), x.heatCold()),
                fin(name, "Q_h (formula)", r.last("heat_hot"), x.heatHot()),
                fin(name, "purity", r.last("purity"), x.purity()));
    }

    private static HtmlReport.Final fin(String name, String what, qtm.stats.RareEvents.Flagged e, double exact) {
        return new HtmlReport.Final(name, what, e.mean(), e.se(), exact, e.reliable());
    }

    private static List<HtmlReport.Figure> charts(RunCurves in, RunPlots plots, Path dir) throws IOException {
        List<HtmlReport.Figure> figures = new ArrayList<>();
        figures.add(new HtmlReport.Figure("Concurrence", "C(ρ̄(t)) of each engine's mean state with its jackknife "
                + "±SE band; the master equation's C(ρ(t)) in black; its steady-state value dashed. The lighter curves are "
                + "the mean concurrence of the trajectories' pure states, a property of the unravelling, not of ρ.",
                ChartFiles.write(RunFigures.concurrence(in), dir, "concurrence"), plots.concurrence()));
        figures.add(new HtmlReport.Figure("Heat currents", "Q_k is the heat flowing from qubit k into bath k. Each "
                + "engine estimates it twice: by the formula on ρ̄ and by counting the energy its jumps move per "
                + "output bin (thin, translucent). Cold bath above, hot below; the master equation's currents in solid "
                + "black.",
                ChartFiles.write(RunFigures.heat(in), dir, "heat"),
                List.of(plots.heat(qtm.model.Side.COLD), plots.heat(qtm.model.Side.HOT))));
        figures.add(new HtmlReport.Figure("Populations", "Populations of |00⟩, |01⟩, |10⟩, |11⟩ (|n_c n_h⟩) and "
                + "|ρ_01,10| of the first engine's ρ̄ with ±SE bands; the master equation's values black dashed. Below, "
                + "the same on a log axis, where the small populations can be read. The interactive charts show every "
                + "engine: one colour and one legend entry per quantity, listing each engine's value, the first engine "
                + "solid and the second dashed; an engine's own exact reference grey dotted.",
                ChartFiles.write(RunFigures.populations(in), dir, "populations"),
                List.of(plots.populations(false), plots.populations(true))));
        if (in.gapSlope() != null) {
            figures.add(new HtmlReport.Figure("Relaxation", "Trace distance to the steady state on a log axis. The "
                    + "master equation's curve approaches the grey reference e^(−gap·t) set by the Liouvillian's spectral "
                    + "gap; an engine's curve levels off at its own statistical noise.",
                    ChartFiles.write(RunFigures.relaxation(in), dir, "relaxation"), plots.relaxation()));
        }
        if (in.exact().countVariance() != null
                && in.engines().stream().allMatch(e -> e.curves().countVariance() != null)) {
            figures.add(new HtmlReport.Figure("Counting statistics", "Var N_k(t) of the net number of quanta that "
                    + "moved into bath k since t = 0, each engine with its jackknife ±SE band; exact from the tilted "
                    + "Liouvillian in black (N_h dashed).", ChartFiles.write(RunFigures.countVariance(in), dir,
                            "count-variance")));
            figures.add(new HtmlReport.Figure("Fano factor", "The running Fano factor Var N_k(t)/|⟨N_k(t)⟩| with "
                    + "±SE bands and the exact curves; at long times it tends to the stationary noise/|current| of "
                    + "the fluctuations table.", ChartFiles.write(RunFigures.fano(in), dir, "fano")));
            figures.add(new HtmlReport.Figure("Distribution of the cold count", "Each engine's histogram of N_c at "
                    + "the final time as points (probability per integer) with the binomial ±SE of each bin as error "
                    + "bars, the engines set a little apart, against the exact distribution P(N_c = n) (black steps) "
                    + "by Fourier inversion of the tilted Liouvillian's generating function.",
                    ChartFiles.write(RunFigures.finalCounts(in, in.t()[in.t().length - 1]), dir, "count-distribution")));
        }
        return figures;
    }

    private static HtmlReport.Figure dtStudy(RunOutcome o, ObjectNode json, Path dir) throws IOException {
        List<DtPoint> points = o.dtStudy();
        double[] dt = new double[points.size()];
        double[] mapBias = new double[points.size()];
        Estimate[] engineBias = new Estimate[points.size()];
        List<double[]> rows = new ArrayList<>();
        ArrayNode array = json.putArray("points");
        for (int i = 0; i < dt.length; i++) {
            DtPoint p = points.get(i);
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
