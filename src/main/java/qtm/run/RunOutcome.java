package qtm.run;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.Fluctuations;
import qtm.observe.Snapshot;
import qtm.verify.CountingReference;

/**
 * Everything a run found.
 *
 * @param scenario the scenario as run
 * @param seed the seed used
 * @param exact exact ρ(t) of the master equation on the grid
 * @param steady ρ∞, or null when it is not unique
 * @param gap the Liouvillian's spectral gap (NaN without a unique steady state)
 * @param engines the engines run, in order
 * @param dtStudy the Δt study (empty unless the scenario lists several collision steps)
 * @param dtSlope fitted log–log slope of the map bias against Δt (NaN without a study)
 * @param interrupted whether a stop was requested
 * @param exactRows the observables of the exact ρ(t) on the grid
 * @param fluctuations the exact stationary counting statistics (null without a unique steady state)
 * @param steadyRow the observables of ρ∞, or null
 * @param counting the master equation's counting statistics from the initial state on the grid
 * @param skipped the ensembles that ran no trajectory of their own, in run order
 */
public record RunOutcome(ScenarioAsRun scenario, long seed, List<ZMatrixRMaj> exact, ZMatrixRMaj steady, double gap,
        List<EngineOutcome> engines, List<DtPoint> dtStudy, double dtSlope, boolean interrupted,
        List<Snapshot> exactRows, Snapshot steadyRow, Fluctuations fluctuations, CountingReference counting,
        List<Skipped> skipped) {
    /** Copies the list. */
    public RunOutcome {
        skipped = List.copyOf(skipped);
    }
}
