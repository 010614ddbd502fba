package qtm.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.ensemble.StopReason;
import qtm.scenario.Scenario;
import qtm.scenario.Simulation;

/**
 * Runs a scenario's ensembles one after another under the run's stop rules: Ctrl-C or SIGTERM, and
 * time_budget_s, which bounds the engines together (every ensemble gets what is left of it). An ensemble is fresh,
 * a shard's range, an extension of a saved one, or (in a merge) the saved one as it is.
 */
final class EnsembleRuns {
    /** Whether an ensemble goes ahead, and why the run had stopped before it started (null: it had not). */
    record Start(StopReason before) {
    }

    private final Scenario s;
    private final RunOptions settings;
    private final RunListener listener;
    private final BooleanSupplier stopRequested;
    private final long deadline;
    private final List<Skipped> skipped = new ArrayList<>();

    /**
     * Starts the time budget: call after the exact layer, so that it bounds the engines only (the writing comes after
     * it).
     */
    EnsembleRuns(Scenario s, RunOptions settings, RunListener listener, BooleanSupplier stopRequested) {
        this.s = s;
        this.settings = settings;
        this.listener = listener;
        this.stopRequested = stopRequested;
        this.deadline = System.nanoTime() + (long) Math.min(9e18, s.simulation().timeBudgetSeconds() * 1e9);
    }

    /** @return the ensembles that ran no trajectory of their own so far, in run order */
    List<Skipped> skipped() {
        return skipped;
    }

    /**
     * Whether an ensemble starts. A merge in which no shard got to it, or a stopped run with nothing saved to extend,
     * skips it; a stopped extension keeps what it saved.
     *
     * @param label the ensemble's label
     * @param engine its engine
     * @return null when it does not run
     */
    Start start(String label, String engine) {
        if (settings.merged() && settings.prior().apply(label) == null) {
            // A partial merge in which no shard got to this ensemble: reported as not run.
            return null;
        }
        StopReason before = stoppedBefore();
        if (before != null) {
            Skipped x = new Skipped(label, engine, before);
            skipped.add(x);
            listener.skipped(x);
            if (settings.prior().apply(label) == null) {
                return null;
            }
        }
        return new Start(before);
    }

    /** Why the run stopped before the next ensemble starts, or null. A shard and a merge have no time budget. */
    private StopReason stoppedBefore() {
        if (stopRequested.getAsBoolean()) {
            return StopReason.INTERRUPTED;
        }
        boolean budget = !settings.merged() && settings.shard() == null;
        return budget && System.nanoTime() - deadline >= 0 ? StopReason.TIME_BUDGET : null;
    }

    /**
     * Runs one ensemble.
     *
     * @param kind the engine
     * @param dt its collision step
     * @param label the ensemble's label
     * @param main whether it is the engine's main run (only that one records jumps)
     * @param start from {@link #start}: a stop before it is only reached by an extension
     * @return its result, merged with the saved one it extends
     */
    EnsembleResult run(EngineKind kind, double dt, String label, boolean main, Start start) {
        long n = RunPlan.trajectoriesFor(s, kind.key(), settings);
        EnsembleResult prior = settings.prior().apply(label);
        long first = prior == null ? 0 : prior.trajectories();
        double left = Math.max(Double.MIN_VALUE, (deadline - System.nanoTime()) * 1e-9);
        LongConsumer progress = listener.started(label, settings.shard() == null ? n
                : settings.shard().range(n)[1] - settings.shard().range(n)[0]);
        if (settings.merged()) {
            if (prior == null) {
                throw new IllegalStateException("no merged result for " + label);
            }
            return prior;
        } else if (settings.shard() != null) {
            // Inside a shard only Ctrl-C and SIGTERM stop: a target SE or budget would cut the ensemble at a point
            // that depends on how it was sharded.
            long[] range = settings.shard().range(n);
            EnsembleSettings es = new EnsembleSettings(range[0], range[1], settings.seed(), 0,
                    Double.POSITIVE_INFINITY, settings.threads());
            return trajectories(kind, dt, label, main, es, progress);
        } else if (first >= n) {
            return prior;
        } else if (start.before() != null) {
            // An extension stopped before this ensemble: it keeps the saved trajectories, so that none is lost.
            return prior.withStop(start.before(), 0);
        }
        Simulation sim = s.simulation();
        EnsembleSettings es = new EnsembleSettings(first, n, settings.seed(), sim.targetSe(), left,
                settings.threads());
        EnsembleResult r = trajectories(kind, dt, label, main, es, done -> progress.accept(first + done));
        return prior == null ? r : prior.merge(r).withStop(r.stopReason(), r.seconds());
    }

    private EnsembleResult trajectories(EngineKind kind, double dt, String label, boolean main, EnsembleSettings es,
            LongConsumer progress) {
        return EnsembleRunner.run(RunPlan.engines(s, kind, dt), RunPlan.quantities(s, kind.key()), s.time(), es, progress, stopRequested,
                main ? listener.records(label, kind.key()) : null);
    }
}
