package qtm.run;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.observe.Observables;
import qtm.observe.Snapshot;
import qtm.observe.WaitingHistogram;
import qtm.scenario.Scenario;
import qtm.scenario.Simulation;
import qtm.stats.Verdict;
import qtm.verify.CollisionBookkeeping;
import qtm.verify.CountingReference;
import qtm.verify.CountingVerdict;
import qtm.verify.References;
import qtm.verify.Verdicts;
import qtm.verify.WaitingVerdict;

/**
 * Each engine's main run in turn, judged against its exact reference (the master equation, or the collision map)
 * by the judges of {@code qtm.verify}. Only the summary of an ensemble outlives its judging.
 */
final class EngineLoop {
    /** A waiting-time verdict, or why there is none. */
    private record Waiting(WaitingVerdict.Result result, String absence) {
    }

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
        boolean collision = kind == EngineKind.COLLISION;
        List<ZMatrixRMaj> reference = kind == EngineKind.TRAJECTORIES ? exact
                : References.of(kind, model, s.initial(), s.time(), sim.dt());
        EnsembleResult r = runs.run(kind, sim.dt(), RunPlan.label(name, Double.NaN), true, start);
        double biasMax = Double.NaN;
        double biasC = Double.NaN;
        if (collision) {
            biasMax = Bias.overGrid(reference, exact);
            int last = reference.size() - 1;
            biasC = Observables.concurrence(reference.get(last)) - Observables.concurrence(exact.get(last));
        }
        Verdict verdict = Verdicts.of(r, reference);
        CountingReference countingReference = collision
                ? CountingReference.collision(model, s.initial(), s.time(), sim.dt()) : master;
        CountingVerdict counting = countingReference == null ? null : CountingVerdict.of(r, countingReference);
        Waiting waiting = waiting(r, collision);
        CollisionBookkeeping.Result bookkeeping = collision
                ? CollisionBookkeeping.of(model, s.initial(), s.time(), sim.dt(), r, countingReference) : null;
        EnsembleSummary summary = EnsembleSummary.of(name, r, steady);
        listener.ensemble(RunPlan.label(name, Double.NaN), name, r);
        return new EngineOutcome(name, kind, summary, reference, verdict,
                collision ? Collision.of(model, s.time(), sim.dt()) : null, rows(model, s.time(), reference),
                biasMax, biasC, countingReference, counting, waiting.result(), waiting.absence(), bookkeeping);
    }

    /** The waiting times against the exact distributions: trajectories only, where recorded. */
    private Waiting waiting(EnsembleResult r, boolean collision) {
        WaitingHistogram histogram = r.recorded(WaitingHistogram.class);
        if (collision) {
            return new Waiting(null,
                    "not judged: no exact discrete-time waiting-time distribution for the collision model");
        } else if (histogram == null) {
            return new Waiting(null, "not recorded: " + WaitingHistogram.absence(s.model(), s.time()));
        } else if (r.trajectories() < 2) {
            return new Waiting(null, "not judged: fewer than two trajectories");
        }
        return new Waiting(WaitingVerdict.of(r, histogram, s.model(), s.initial()), null);
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
