package qtm.run;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.observe.Observables;
import qtm.observe.Snapshot;
import qtm.scenario.Scenario;
import qtm.scenario.Simulation;
import qtm.stats.Verdict;
import qtm.verify.CountingReference;
import qtm.verify.CountingVerdict;
import qtm.verify.DetectedReference;
import qtm.verify.DetectedVerdict;
import qtm.verify.EngineReference;
import qtm.verify.Verdicts;

/**
 * Each engine's main run in turn, judged against its exact reference (the master equation, or the collision map)
 * by the judges of {@code qtm.verify}. Only the summary of an ensemble outlives its judging.
 */
final class EngineLoop {
    private final Scenario s;
    private final List<ZMatrixRMaj> exact;
    private final ZMatrixRMaj steady;
    private final CountingReference master;
    private final EnsembleRuns runs;
    private final RunListener listener;

    /**
     * @param s the scenario
     * @param exact exact ρ(t) of the master equation on the grid
     * @param steady ρ∞, or null
     * @param master the master equation's counting statistics
     * @param runs runs the ensembles
     * @param listener hears of each
     */
    EngineLoop(Scenario s, List<ZMatrixRMaj> exact, ZMatrixRMaj steady, CountingReference master, EnsembleRuns runs,
            RunListener listener) {
        this.s = s;
        this.exact = exact;
        this.steady = steady;
        this.master = master;
        this.runs = runs;
        this.listener = listener;
    }

    /** @return the engines run, in the scenario's order; a skipped one is absent */
    List<EngineOutcome> run() {
        List<EngineOutcome> engines = new ArrayList<>();
        for (String name : s.simulation().engines()) {
            EnsembleRuns.Start start = runs.start(RunPlan.label(name, Double.NaN), name);
            if (start != null) {
                EngineOutcome o = engine(name, start);
                engines.add(o);
                listener.finished(o);
            }
        }
        return engines;
    }

    private EngineOutcome engine(String name, EnsembleRuns.Start start) {
        Model model = s.model();
        Simulation sim = s.simulation();
        EngineKind kind = EngineKind.of(name);
        EngineReference ref = EngineReference.of(kind, model, s.initial(), s.time(), sim.dt(), exact, master);
        List<ZMatrixRMaj> reference = ref.states();
        EnsembleResult r = runs.run(kind, sim.dt(), RunPlan.label(name, Double.NaN), true, start);
        double biasMax = Double.NaN;
        double biasC = Double.NaN;
        if (ref.ownReference()) {
            biasMax = Bias.overGrid(reference, exact);
            int last = reference.size() - 1;
            biasC = Observables.concurrence(reference.get(last)) - Observables.concurrence(exact.get(last));
        }
        Verdict verdict = Verdicts.of(r, reference);
        CountingVerdict counting = ref.counting() == null ? null : CountingVerdict.of(r, ref.counting());
        EngineReference.Waiting waiting = ref.waiting(r, model, s.time(), s.initial());
        EnsembleSummary summary = EnsembleSummary.of(name, r, steady);
        listener.ensemble(RunPlan.label(name, Double.NaN), name, r);
        // After the ensemble is handed on (saved), so that no exact layer's failure can lose its trajectories.
        DetectedVerdict detected = detected(kind, r);
        qtm.verify.HomodyneVerdict homodyne = kind == EngineKind.DIFFUSIVE ? HomodyneRecords.verdict(s, r) : null;
        return new EngineOutcome(name, kind, summary, reference, verdict,
                ref.collision(), rows(model, s.time(), reference),
                biasMax, biasC, ref.counting(), counting, waiting.result(), waiting.absence(), ref.bookkeeping(r),
                detected, homodyne);
    }

    /** The detected counts against the detected tilted generator's statistics, where the run records them. */
    private DetectedVerdict detected(EngineKind kind, EnsembleResult r) {
        qtm.model.Detection detection = s.detection();
        if (detection == null || kind != EngineKind.TRAJECTORIES || r.trajectories() < 2
                || !r.records(qtm.observe.DetectedCounts.NAME)) {
            return null;
        }
        return DetectedVerdict.of(r, DetectedReference.master(s.model(), detection, s.initial(), s.time()),
                s.initial());
    }

    /**
     * @param model the machine
     * @param grid the grid
     * @param states states on it
     * @return their observables
     */
    static List<Snapshot> rows(Model model, TimeGrid grid, List<ZMatrixRMaj> states) {
        List<Snapshot> rows = new ArrayList<>(states.size());
        for (int k = 0; k < states.size(); k++) {
            rows.add(Snapshot.of(model, grid.time(k), states.get(k)));
        }
        return rows;
    }
}
