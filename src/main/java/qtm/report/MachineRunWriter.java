package qtm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.observe.Estimates;
import qtm.observe.Observables;
import qtm.observe.SiteObservables;
import qtm.output.Json;
import qtm.run.MachineRun;
import qtm.run.OutcomeCurves;
import qtm.run.RunCurves;
import qtm.run.ScenarioAsRun;

/**
 * Writes what a run of a machine of issue 24 found: summary.json, laid out as a preset's (the same {@code format},
 * {@code engines.<engine>} objects with their verdict, {@code final} estimates and {@code final.rho},
 * {@code final.negativity}, {@code final.pair_concurrence}, {@code waiting_times} as {@link WaitingReport} writes
 * it for every ordered pair of baths, the counts' {@code counting} verdict and their exact {@code reference_final}
 * values by bath name as {@link SummaryJson#counting} writes them), plus {@code final.heat} per bath by counting and a
 * {@code machine} object; and timeseries-exact.csv. The collision engine's object also has {@code collision} (its
 * step, as the presets'), its {@code final} values' exact ones are its map's, and its map's ρ(t) is written as
 * timeseries-collision-map.csv, in the columns of timeseries-exact.csv; its heat, work and Σ bookkeeping is
 * {@code thermodynamics} and thermo-collision.csv, as the presets', with bath names for cold and hot. Each ensemble's
 * own files (saved sums, timeseries-ENGINE.csv, rho-ENGINE.csv) are written as it ends, by
 * {@link RunWriter#writeEnsemble}. The charts are the four that apply to any machine ({@link EntanglementFigure},
 * {@link SitePopulationsFigure}, {@link MachineCountFigure} where the counts were recorded, the waiting times);
 * report.html is drawn for the presets only so far.
 */
public final class MachineRunWriter {
    private MachineRunWriter() {
    }

    /**
     * @param o the run's outcome
     * @param dir the directory to write into
     * @param missing the missing ranges [from, to) by ensemble label (a partial merge); empty for a complete result
     * @param p the settings asked for and this run's own facts
     * @throws IOException on write failure
     */
    public static void write(MachineRun.Outcome o, Path dir, Map<String, List<long[]>> missing,
            RunWriter.Provenance p) throws IOException {
        ScenarioAsRun s = o.scenario();
        int last = s.time().points() - 1;
        SiteObservables sites = SiteObservables.of(o.machine());
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("format", RunWriter.SUMMARY_FORMAT);
        summary.put("scenario", s.name());
        summary.put("file", s.file());
        summary.put("seed", o.seed());
        settings(summary.putObject("settings"), s, o.seed(), p);
        machine(summary.putObject("machine"), o, sites);
        RunCsv.write(dir.resolve("timeseries-exact.csv"), exactHeader(sites), exactRows(o, o.exact(), sites));
        ObjectNode engines = summary.putObject("engines");
        List<ThisRun.Timing> timings = new ArrayList<>();
        for (MachineRun.Engine e : o.engines()) {
            ObjectNode json = engines.putObject(e.name());
            SummaryJson.verdictAndFinals(json, e.summary(), e.verdict(), e.converged());
            ObjectNode f = (ObjectNode) json.get("final");
            ZMatrixRMaj reference = e.reference().states().get(last);
            FinalState.write(f, e.summary(), reference, sites);
            ObjectNode heat = f.putObject("heat");
            for (Map.Entry<String, Double> q : e.binHeat().entrySet()) {
                if (!e.summary().has(Estimates.heatCount(q.getKey()))) {
                    continue; // the diffusive engine (issue 29) counts no jumps
                }
                var x = e.summary().last(Estimates.heatCount(q.getKey()));
                heat.putObject(q.getKey()).<ObjectNode>set("mean", Json.number(x.mean()))
                        .<ObjectNode>set("se", Json.number(x.se())).put("reliable", x.reliable())
                        .set("exact", Json.number(q.getValue()));
            }
            if (o.finalFidelity() != null) {
                ((ObjectNode) f.get(qtm.observe.Fidelity.NAME)).set("exact", Json.number(o.finalFidelity()));
            }
            ObjectNode ref = json.putObject("reference_final");
            ref.set(Estimates.purity(), Json.number(Observables.purity(reference)));
            SummaryJson.counting(json, e.countingReference(), e.counting(), e.countingAbsence(), last);
            DetectionJson.write(json, e.detected());
            HomodyneJson.write(json, e.homodyne());
            WaitingReport.write(json.putObject("waiting_times"), e.waiting(), e.waitingAbsence());
            if (e.reference().collision() != null) {
                collision(json.putObject("collision"), e.reference());
                RunCsv.write(dir.resolve("timeseries-collision-map.csv"), exactHeader(sites),
                        exactRows(o, e.reference().states(), sites));
                BookkeepingJson.machine(json.putObject("thermodynamics"), e.bookkeeping(),
                        e.summary().trajectories());
                if (e.bookkeeping() != null) {
                    RunCsv.thermo(dir.resolve(RunCsv.THERMO_CSV), e.bookkeeping().baths(), e.bookkeeping().rows());
                }
            }
            timings.add(new ThisRun.Timing(e.name(), e.summary().seconds(), e.summary().trajectories()));
        }
        ObjectNode exact = summary.putObject("exact");
        state(exact.putObject("final"), o.exact().get(last), sites, null);
        state(exact.putObject("steady"), o.steady(), sites, o.steadyHeat());
        if (o.interrupted()) {
            summary.put("stop_reason", "interrupted");
        }
        charts(o, dir);
        SummaryJson.skipped(summary.putArray("skipped"), o.skipped());
        SummaryJson.missing(summary, missing);
        List<ThisRun.Timing> shown = p.thisRun().shards().isEmpty() ? timings : List.of();
        // Last, so that a reader who drops it (jq 'del(.this_run)') compares everything above byte for byte.
        summary.set("this_run", p.thisRun().json(shown));
        Files.writeString(dir.resolve("summary.json"), Json.write(summary) + "\n");
    }

    /**
     * The figures that apply to any machine: entanglement and populations per site, with the exact lines, the
     * counts, the waiting times of the first engine that has a comparison, the collision bookkeeping where it was
     * recorded, and the diffusive engine's homodyne current and spectrum.
     */
    private static void charts(MachineRun.Outcome o, Path dir) throws IOException {
        for (MachineRun.Engine e : o.engines()) {
            if (e.waiting() != null) {
                ChartFiles.write(WaitingReport.chart(e.waiting()), dir, "waiting-times");
                break;
            }
        }
        for (MachineRun.Engine e : o.engines()) {
            if (e.bookkeeping() != null) {
                ChartFiles.write(BookkeepingFigure.chart(e.bookkeeping()), dir, BookkeepingFigure.FILE);
            }
            if (e.homodyne() != null) {
                HomodyneFigure.write(e.homodyne(), dir);
            }
        }
        RunCurves curves = OutcomeCurves.of(o);
        if (curves.engines().isEmpty()) {
            return;
        }
        for (RunFigure f : List.of(new EntanglementFigure(), new SitePopulationsFigure(), new MachineCountFigure(),
                new MachineDetectedFigure(), new UnravellingFigure())) {
            if (f.applies(curves)) {
                ChartFiles.write(f.chart(curves), dir, f.file());
            }
        }
    }

    private static void settings(ObjectNode o, ScenarioAsRun s, long seed, RunWriter.Provenance p) {
        o.put("seed", seed);
        ArrayNode engines = o.putArray("engines");
        s.engines().forEach(engines::add);
        ObjectNode planned = o.putObject("trajectories");
        p.planned().forEach(planned::put);
        o.put("records", p.records());
        o.putObject("time").<ObjectNode>set("end", Json.number(s.time().end())).put("points", s.time().points());
        o.set("target_se", Json.number(s.targetSe()));
        o.set("time_budget_s", Json.number(s.timeBudgetSeconds()));
        RunSettings.diffusive(o, s);
    }

    private static void machine(ObjectNode o, MachineRun.Outcome run, SiteObservables sites) {
        o.put("dimension", sites.dimension());
        ArrayNode names = o.putArray("sites");
        sites.names().forEach(names::add);
        ArrayNode baths = o.putArray("baths");
        run.machine().bathNames().forEach(baths::add);
        o.put("verdict", run.machine().dimension() == 4 ? "max |z| with Bonferroni and the final-time chi-square"
                : "max |z| with Bonferroni over every coordinate and time (no chi-square above d = 4)");
    }

    /** The exact state's purity, per-site and bipartition observables and, for the steady state, heat per bath. */
    private static void state(ObjectNode o, ZMatrixRMaj rho, SiteObservables sites, Map<String, Double> heat) {
        o.set(Estimates.purity(), Json.number(Observables.purity(rho)));
        double[] v = sites.values(rho);
        List<String> c = sites.columns();
        for (int i = 0; i < c.size(); i++) {
            o.set(c.get(i), Json.number(v[i]));
        }
        if (heat != null) {
            ObjectNode h = o.putObject("heat");
            heat.forEach((k, q) -> h.set(k, Json.number(q)));
        }
    }

    /** The collision engine's step, as the presets' summary gives it, and its map's bias against the master equation. */
    private static void collision(ObjectNode c, qtm.run.MachineReference ref) {
        qtm.model.MachineCollision col = ref.collision();
        c.put("dt", col.dt());
        c.put("requested_dt", col.requestedDt());
        c.put("dt_shortened", col.shortened());
        c.put("steps_per_point", col.stepsPerPoint());
        c.set("bias_max_abs_rho_vs_master_equation", Json.number(ref.biasMax()));
    }

    private static String[] exactHeader(SiteObservables sites) {
        List<String> h = new ArrayList<>(List.of("t"));
        int d = sites.dimension();
        qtm.observe.RhoElements rho = new qtm.observe.RhoElements(sites);
        for (int i = 0; i < d; i++) {
            h.add(rho.element(i));
        }
        h.add(Estimates.purity());
        h.addAll(sites.columns());
        return h.toArray(new String[0]);
    }

    private static List<double[]> exactRows(MachineRun.Outcome o, List<ZMatrixRMaj> states, SiteObservables sites) {
        List<double[]> rows = new ArrayList<>();
        int d = sites.dimension();
        for (int k = 0; k < states.size(); k++) {
            ZMatrixRMaj r = states.get(k);
            double[] v = sites.values(r);
            double[] row = new double[2 + d + v.length];
            row[0] = o.scenario().time().time(k);
            for (int i = 0; i < d; i++) {
                row[1 + i] = r.getReal(i, i);
            }
            row[1 + d] = Observables.purity(r);
            System.arraycopy(v, 0, row, 2 + d, v.length);
            rows.add(row);
        }
        return rows;
    }
}
