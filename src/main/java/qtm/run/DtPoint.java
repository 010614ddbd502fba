package qtm.run;

import qtm.stats.Estimate;

/**
 * The collision model at one step of a Δt study.
 *
 * @param dt the step
 * @param mapBias max over t and elements of |ρ_map − ρ_ME|
 * @param mapBiasFinal the same at the final time
 * @param engineBiasFinal the engine's estimate at the final time, with the SE of the element that attains it
 * @param trajectories trajectories run
 */
public record DtPoint(double dt, double mapBias, double mapBiasFinal, Estimate engineBiasFinal, long trajectories) {
}
