package qtm.scenario;

import java.util.List;

/**
 * How {@code qtm run} simulates a scenario: which engines, how large an ensemble, and the collision step.
 *
 * @param engines engine names, each "trajectories" or "collision", without repeats
 * @param trajectories maximum trajectories per engine, ≥ 1
 * @param seed the run's seed
 * @param targetSe stop once the jackknife SE of the final concurrence is at most this (0: no target)
 * @param timeBudgetSeconds wall-time budget per engine
 * @param dt collision step Δt
 */
public record Simulation(List<String> engines, long trajectories, long seed, double targetSe,
        double timeBudgetSeconds, double dt) {
    /** Engine names a scenario may list. */
    public static final List<String> ENGINES = List.of("trajectories", "collision");
    /** Default trajectories per engine: converges on the bundled scenarios in well under a minute on two cores. */
    public static final long DEFAULT_TRAJECTORIES = 20_000;
    /** Default seed. */
    public static final long DEFAULT_SEED = 1;
    /** Default wall-time budget per engine, in seconds. */
    public static final double DEFAULT_TIME_BUDGET = 25;
    /** Default collision step: γΔt ≈ 0.01 for the bundled rates, so the O(Δt) bias stays at the percent level. */
    public static final double DEFAULT_DT = 1.0;

    /** Copies the engine list. */
    public Simulation {
        engines = List.copyOf(engines);
    }

    /** @return the defaults, used when a scenario has none of the keys */
    public static Simulation defaults() {
        return new Simulation(ENGINES, DEFAULT_TRAJECTORIES, DEFAULT_SEED, 0, DEFAULT_TIME_BUDGET, DEFAULT_DT);
    }
}
