package qtm.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.SavedEnsemble;
import qtm.output.Json;
import qtm.run.EngineOutcome;
import qtm.run.RunOutcome;
import qtm.run.RunPlan;
import qtm.run.ScenarioAsRun;

/**
 * Writes everything a run found into its output directory: the time series as CSV, summary.json, the charts as PNG
 * and SVG, and report.html. Only summary.json's {@code this_run} object and the report's "This run" table depend on
 * time, host or threads (see {@link ThisRun}), so the same outcome gives the same bytes everywhere else. This class
 * decides what goes where and in which order; {@link SummaryJson}, {@link RunCsv}, {@link RunTables} and
 * {@link RunCharts} say what each part holds.
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
        ScenarioAsRun s = o.scenario();
        int last = s.time().points() - 1;
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode summary = mapper.createObjectNode();
        summary.put("format", SUMMARY_FORMAT);
        summary.put("scenario", s.name());
        summary.put("file", s.file());
        summary.put("seed", o.seed());
        ObjectNode settings = RunSettings.json(s, o.seed(), p.planned(), p.records());
        summary.set("settings", settings);
        qtm.observe.SiteObservables sites = qtm.observe.SiteObservables.of(s.model());
        RunCsv.write(dir.resolve("timeseries-exact.csv"), RunCsv.header(sites), RunCsv.rows(o.exactRows(), o.exact(),
                sites));
        ObjectNode engines = summary.putObject("engines");
        List<HtmlReport.VerdictRow> verdicts = new ArrayList<>();
        List<HtmlReport.Final> finals = new ArrayList<>();
        List<ExactReference> references = new ArrayList<>();
        for (EngineOutcome e : o.engines()) {
            SummaryJson.engine(engines.putObject(e.name()), e, last, sites);
            RunCsv.engine(dir, e, sites);
            String reference = qtm.verify.References.name(e.kind(),
                    e.collision() == null ? Double.NaN : e.collision().dt());
            if (e.collision() != null) {
                references.add(new ExactReference(e.name(), reference, e.referenceRows()));
            }
            verdicts.addAll(RunTables.verdicts(e, reference));
            finals.addAll(RunTables.finals(e.name(), e.result(), e.referenceRows().get(last)));
            finals.addAll(RunTables.detectedFinals(e));
        }
        SummaryJson.exact(summary.putObject("exact"), o);
        List<HtmlReport.Figure> figures = RunCharts.figures(o, references, dir, summary);
        if (o.interrupted()) {
            summary.put("stop_reason", "interrupted");
        }
        SummaryJson.skipped(summary.putArray("skipped"), o.skipped());
        SummaryJson.missing(summary, missing);
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
                .writeValueAsString(s.document());
        // Last, so that the list of links sees every other file of the run.
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(new HtmlReport.Content(s.name(),
                RunTables.description(s.description(), missing), yaml, o.seed(), verdicts, finals, figures,
                RunTables.fluctuationRows(o.fluctuations())),
                new HtmlReport.Provenance(SUMMARY_FORMAT, settings, thisRun, RunTables.skipped(o.skipped())),
                OutputFiles.of(dir, "report.html")), StandardCharsets.UTF_8);
    }

    /** The file name of an ensemble's saved sums. */
    public static String savedName(String label) {
        return RunPlan.savedName(label);
    }

    /**
     * @param scenarioAsRun the scenario document with every --set applied
     * @param label an ensemble's label
     * @param seed the run's seed
     * @return the identity its saved ensemble carries: the scenario as run without the keys that say how large
     *     the ensemble is or which engines ran, which merging and extending may change
     */
    public static SavedEnsemble.Identity identity(ObjectNode scenarioAsRun, String label, long seed) {
        // The rule lives with the run's plan, where the Java API reaches it too.
        return RunPlan.identity(scenarioAsRun, label, seed);
    }

    /**
     * Writes one finished ensemble: its saved sums, and for an engine's main run its time series
     * (timeseries-ENGINE.csv, rho-ENGINE.csv). Called as each ensemble ends, so that a run holds one at a time.
     *
     * @param dir the output directory
     * @param scenarioAsRun the scenario document with every --set applied
     * @param seed the run's seed
     * @param label the ensemble's label
     * @param engine the engine's name for its main run, null for a Δt-study point
     * @param r the result
     * @throws IOException on write failure
     */
    public static void writeEnsemble(Path dir, ObjectNode scenarioAsRun, long seed, String label, String engine,
            EnsembleResult r) throws IOException {
        writeSaved(dir, scenarioAsRun, seed, label, r);
        if (engine != null) {
            RunCsv.write(dir.resolve("timeseries-" + engine + ".csv"), EngineColumns.header(r), EngineColumns.rows(r));
            RunCsv.write(dir.resolve("rho-" + engine + ".csv"), EngineColumns.rhoHeader(r), EngineColumns.rhoRows(r));
        }
    }

    /**
     * Writes one ensemble's saved sums only (a shard writes nothing else of it).
     *
     * @param dir the output directory
     * @param scenarioAsRun the scenario document with every --set applied
     * @param seed the run's seed
     * @param label the ensemble's label
     * @param r the result
     * @throws IOException on write failure
     */
    public static void writeSaved(Path dir, ObjectNode scenarioAsRun, long seed, String label, EnsembleResult r)
            throws IOException {
        SavedEnsemble.write(dir.resolve(savedName(label)), identity(scenarioAsRun, label, seed), r);
    }
}
