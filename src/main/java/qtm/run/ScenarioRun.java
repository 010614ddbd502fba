package qtm.run;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.Fluctuations;
import qtm.exact.Spectrum;
import qtm.exact.SteadyState;
import qtm.exact.Transient;
import qtm.model.Model;
import qtm.observe.Snapshot;
import qtm.scenario.Scenario;
import qtm.verify.CountingReference;

/**
 * One {@code qtm run} as computation only: the exact solution, each engine of the scenario against its exact
 * reference ({@link EngineLoop}), and for a list of collision steps the Δt study ({@link DtStudy}). Writing the
 * results is the report's job.
 */
public final class ScenarioRun {
    private ScenarioRun() {
    }

    /**
     * Runs the scenario.
     *
     * @param s the scenario
     * @param settings seed, threads, size
     * @param listener progress
     * @param stopRequested polled between rounds; engines not yet started are skipped once it is true
     * @return the outcome
     */
    public static RunOutcome run(Scenario s, RunOptions settings, RunListener listener,
            BooleanSupplier stopRequested) {
        Model model = s.model();
        List<ZMatrixRMaj> exact = new Transient(model, s.time()).evolve(s.initial());
        ZMatrixRMaj steady = model.hasUniqueSteadyState() ? SteadyState.of(model) : null;
        double gap = steady == null ? Double.NaN : Spectrum.gap(model);
        Snapshot steadyRow = steady == null ? null : Snapshot.of(model, Double.POSITIVE_INFINITY, steady);
        if (steady != null) {
            listener.steady(steadyRow);
        }
        CountingReference master = CountingReference.master(model, s.initial(), s.time());
        // The time budget starts here, after the exact layer.
        EnsembleRuns runs = new EnsembleRuns(s, settings, listener, stopRequested);
        List<EngineOutcome> engines = new EngineLoop(s, exact, steady, master, runs, listener).run();
        DtStudy study = DtStudy.run(s, exact, runs, listener);
        return new RunOutcome(ScenarioAsRun.of(s), settings.seed(), exact, steady, gap, engines, study.points(), study.slope(),
                stopRequested.getAsBoolean(), EngineLoop.rows(model, s.time(), exact), steadyRow,
                steady == null ? null : Fluctuations.of(model), master, runs.skipped());
    }
}
