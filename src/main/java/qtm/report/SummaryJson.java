package qtm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import qtm.model.Collision;
import qtm.model.Side;
import qtm.observe.Estimates;
import qtm.observe.Snapshot;
import qtm.output.Json;
import qtm.run.EngineOutcome;
import qtm.run.EnsembleSummary;
import qtm.run.RunOutcome;
import qtm.run.Skipped;
import qtm.stats.Verdict;

/**
 * The sections of summary.json that state what a run found: each engine's verdicts (ρ̄, counting, collision
 * bookkeeping), the exact solution's values, the skipped ensembles and a merge's missing ranges. Apart from
 * {@link RunWriter}, which decides their order in the file, so that each section's keys can be read in one place.
 * Public for {@link #fluctuations}, which {@code qtm fcs --json} shares.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    /**
     * One engine's object: its summary and ρ̄ verdict, the counting verdict, the waiting times, and for the collision
     * engine its Δt and its bookkeeping, in that order.
     *
     * @param json the engine's object, empty
     * @param e the engine's outcome
     * @param last the index of the last time point
     * @param sites the machine's sites, for the final state's keys ({@link FinalState})
     */
    static void engine(ObjectNode json, EngineOutcome e, int last, qtm.observe.SiteObservables sites) {
        EnsembleSummary r = e.result();
        engineSummary(json, r, e.verdict(), e.converged(), e.referenceRows().get(last));
        FinalState.write((ObjectNode) json.get("final"), r, e.reference().get(last), sites);
        counting(json, e, last);
        DetectionJson.write(json, e.detected());
        HomodyneJson.write(json, e.homodyne());
        WaitingReport.write(json.putObject("waiting_times"), e.waiting(), e.waitingAbsence());
        if (e.collision() != null) {
            collisionSummary(json.putObject("collision"), e);
            bookkeeping(json.putObject("thermodynamics"), e.bookkeeping(), r.trajectories());
        }
    }

    /**
     * The ensembles a stop came before.
     *
     * @param array summary.json's {@code skipped} array, empty
     * @param skipped the skipped ensembles
     */
    static void skipped(ArrayNode array, List<Skipped> skipped) {
        for (Skipped x : skipped) {
            array.addObject().put("ensemble", x.label()).put("engine", x.engine()).put("reason", x.reason().key())
                    .put("why", x.why());
        }
    }

    /**
     * Marks a merge that lacks trajectories: {@code "partial": true} and each ensemble's missing ranges.
     *
     * @param summary summary.json's root
     * @param missing the missing ranges [from, to) by ensemble label; empty for a complete result (nothing written)
     */
    static void missing(ObjectNode summary, Map<String, List<long[]>> missing) {
        if (missing.isEmpty()) {
            return;
        }
        summary.put("partial", true);
        ObjectNode m = summary.putObject("missing");
        for (Map.Entry<String, List<long[]>> e : missing.entrySet()) {
            ArrayNode a = m.putArray(e.getKey());
            for (long[] r : e.getValue()) {
                a.addArray().add(r[0]).add(r[1]);
            }
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

    private static void engineSummary(ObjectNode e, EnsembleSummary r, Verdict v, boolean converged,
            Snapshot reference) {
        verdictAndFinals(e, r, v, converged);
        ObjectNode ref = e.putObject("reference_final");
        ref.put(Estimates.concurrence(), reference.concurrence());
        ref.put(Estimates.heatFormula(qtm.model.Side.COLD), reference.heatCold());
        ref.put(Estimates.heatFormula(qtm.model.Side.HOT), reference.heatHot());
        ref.put(Estimates.purity(), reference.purity());
    }

    /**
     * An engine's size, stop, ρ̄ verdict and {@code final} object with every column's final estimate: what every
     * model's engine object begins with.
     *
     * @param e the engine's object, empty
     * @param r its summary
     * @param v its ρ̄ verdict
     * @param converged whether it converged
     */
    static void verdictAndFinals(ObjectNode e, EnsembleSummary r, Verdict v, boolean converged) {
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
    }

    /**
     * The counts' exact final values in reference_final, and their verdict: z-scores of the mean and variance of
     * N_k(t) and Q_k(t) over the grid and the χ² of each bath's final-count histogram.
     */
    private static void counting(ObjectNode e, EngineOutcome o, int last) {
        counting(e, o.countingReference(), o.counting(), o.kind() == qtm.engine.EngineKind.DIFFUSIVE
                ? qtm.run.MachineCountingReference.NO_JUMPS : o.result().trajectories() < 2 ? "too few trajectories"
                : "not recorded: N_k(t) and Q_k(t) are recorded on grids of at most "
                        + qtm.observe.NetCounts.MAX_POINTS + " points (their jackknife batches take about 1.5 KB "
                        + "per point)", last);
    }

    /**
     * The counts' exact final values in {@code reference_final} (which must exist), by bath name, and their verdict as
     * a {@code counting} object, or why there is none as {@code counting_verdict}: a preset's and a machine's alike.
     *
     * @param e the engine's object
     * @param x the exact counting statistics, or null
     * @param v the verdict, or null
     * @param absence why there is no verdict (when v is null)
     * @param last the final grid index
     */
    static void counting(ObjectNode e, qtm.verify.CountingReference x, qtm.verify.CountingVerdict v, String absence,
            int last) {
        ObjectNode ref = (ObjectNode) e.get("reference_final");
        if (x != null) {
            for (int k = 0; k < x.baths().size(); k++) {
                String b = x.baths().get(k);
                ref.put(Estimates.count(b), x.mean(k, false, last));
                ref.put(Estimates.countVariance(b), x.variance(k, false, last));
                ref.put(Estimates.energy(b), x.mean(k, true, last));
                ref.put(Estimates.energyVariance(b), x.variance(k, true, last));
            }
        }
        if (v == null) {
            e.put("counting_verdict", absence);
            return;
        }
        ObjectNode c = e.putObject("counting");
        c.put("max_abs_z", v.maxAbsZ());
        c.set("worst_z", worst(v.worst()));
        c.put("z_tests", v.tests());
        c.put("max_z_p_value", v.maxZPValue());
        for (qtm.verify.CountingVerdict.Histogram h : v.histograms()) {
            ObjectNode j = c.putObject("histogram_" + h.bath());
            j.put("chi_square", h.chiSquare());
            j.put("dof", h.dof());
            j.put("p_value", h.pValue());
        }
        c.put("converged", v.converged());
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
        BookkeepingJson.Steady steady = null;
        if (b.steady() != null) {
            double[] master = new double[Side.values().length];
            for (Side side : Side.values()) {
                master[side.ordinal()] = b.masterHeat().get(side);
            }
            steady = new BookkeepingJson.Steady(b.steady().heat(), b.steady().work(), b.steady().entropy(), master);
        }
        BookkeepingJson.write(o, java.util.Arrays.stream(Side.values()).map(Side::key).toList(),
                b.rows().get(b.rows().size() - 1), steady,
                new BookkeepingJson.Judged(b.maxAbsZ(), b.worst(), b.tests(), b.maxZPValue(), b.converged()));
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

    /** The exact solution's final and steady values, and its stationary fluctuations. */
    static void exact(ObjectNode o, RunOutcome run) {
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
        fluctuations(o, qtm.exact.MachineFluctuations.of(f));
    }

    /**
     * The stationary counting statistics of every bath, keyed by bath name in order, in the layout of
     * {@code qtm fcs --json}.
     *
     * @param o where to write
     * @param f the statistics
     */
    public static void fluctuations(ObjectNode o, qtm.exact.MachineFluctuations f) {
        for (int k = 0; k < f.names().size(); k++) {
            bath(o.putObject(f.names().get(k)), f.baths().get(k));
        }
        o.set("entropy_production", Json.number(f.entropyProduction()));
        o.set("tur", Json.number(f.tur()));
    }

    /**
     * One bath's stationary counting statistics, in the keys of {@code qtm fcs --json}: a true bath's, or what its
     * detector sees ({@link DetectedJson}).
     *
     * @param x the bath's object
     * @param b its statistics
     */
    static void bath(ObjectNode x, qtm.exact.Fluctuations.Bath b) {
        x.set("current", Json.number(b.quanta().current()));
        x.set("noise", Json.number(b.quanta().noise()));
        x.set("third", Json.number(b.quanta().third()));
        x.set("fano", Json.number(b.fano()));
        x.set("heat_current", Json.number(b.heat().current()));
        x.set("heat_noise", Json.number(b.heat().noise()));
    }

    private static void snapshot(ObjectNode o, Snapshot x) {
        double[] v = x.values();
        for (int i = 1; i < v.length; i++) {
            o.put(Snapshot.COLUMNS[i], v[i]);
        }
    }
}
