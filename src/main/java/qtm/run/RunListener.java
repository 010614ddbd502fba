package qtm.run;

import java.util.function.LongConsumer;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.JumpSink;
import qtm.observe.Snapshot;

/** Hears about a run as it goes: progress display, and writing each ensemble as soon as it is done. */
public interface RunListener {
    /**
     * An ensemble is complete; after this call the run keeps only its {@link EnsembleSummary}.
     *
     * @param label its label ({@link RunPlan#label})
     * @param engine engine name for an engine's main run, null for a Δt-study point
     * @param result the full result
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    void ensemble(String label, String engine, EnsembleResult result);

    /**
     * The exact steady state is known (called only when it is unique), before any engine starts.
     *
     * @param steady the observables of ρ∞
     */
    default void steady(Snapshot steady) {
    }

    /**
     * An ensemble starts.
     *
     * @param label engine name (and step)
     * @param trajectories planned trajectories
     * @return receives the number of trajectories done so far (by default, nobody)
     */
    default LongConsumer started(String label, long trajectories) {
        return done -> { };
    }

    /**
     * An engine finished.
     *
     * @param outcome its result
     */
    default void finished(EngineOutcome outcome) {
    }

    /**
     * An engine's main run is about to start its trajectories (not called for a merge, an extension's saved part or a
     * Δt-study point).
     *
     * @param label the ensemble's label
     * @param engine engine name
     * @return where its jump records go, or null (the default) for none
     */
    default JumpSink records(String label, String engine) {
        return null;
    }

    /**
     * An ensemble will not run: the run was stopped, or its time budget spent, before it started.
     *
     * @param skipped which, and why
     */
    default void skipped(Skipped skipped) {
    }
}
