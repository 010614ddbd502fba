package qtm.scenario;

import java.util.List;

/**
 * How {@code qtm run} simulates a scenario: which engines, how large an ensemble, and the collision step.
 *
 * @param engines engine names, each "trajectories", "collision" or "diffusive", without repeats
 * @param trajectories trajectories per engine name; an engine not in the map runs its default
 * @param seed the run's seed
 * @param targetSe stop once the jackknife SE of the final concurrence is at most this (0: no target)
 * @param timeBudgetSeconds wall-time budget of the engines (the writing of the files after them is not counted)
 * @param dts collision steps Δt: one, or several for a convergence study (the first is the main one)
 * @param sampling the collision engine's sampling, "events" or "steps", or null for the model's default (events for
 *     the reset model, steps otherwise)
 */
public record Simulation(List<String> engines, java.util.Map<String, Long> trajectories, long seed, double targetSe,
        double timeBudgetSeconds, List<Double> dts, String sampling) {
    /** Engine names a scenario may list. */
    public static final List<String> ENGINES = List.of("trajectories", "collision", "diffusive");
    /**
     * The engines run without an {@code engines} key: the diffusive engine (issue 29) only when listed, so that
     * every scenario without the key runs what it ran before.
     */
    public static final List<String> DEFAULT_ENGINES = List.of("trajectories", "collision");
    /**
     * Default trajectories for the quantum-jump engine: about 5 s per bundled scenario on two cores, and an SE of
     * about 0.002 on the final concurrence.
     */
    public static final long DEFAULT_TRAJECTORIES = 200_000;
    /** Default trajectories for the collision engine, whose steps cost about 20 times more per trajectory. */
    public static final long DEFAULT_COLLISION_TRAJECTORIES = 20_000;
    /**
     * Default trajectories for the diffusive engine: one Gaussian per channel and step at a step of a tenth of the
     * fastest rate or frequency, some hundred times the jump engine's cost per trajectory.
     */
    public static final long DEFAULT_DIFFUSIVE_TRAJECTORIES = 2_000;
    /** Default seed. */
    public static final long DEFAULT_SEED = 1;
    /** Default wall-time budget of a whole run, in seconds. */
    public static final double DEFAULT_TIME_BUDGET = 60;
    /** Default collision step: γΔt ≈ 0.01 for the bundled rates, so the O(Δt) bias stays at the percent level. */
    public static final double DEFAULT_DT = 1.0;

    /** Copies the lists. */
    public Simulation {
        engines = List.copyOf(engines);
        trajectories = java.util.Map.copyOf(trajectories);
        dts = List.copyOf(dts);
        if (dts.isEmpty()) {
            throw new IllegalArgumentException("at least one collision step is required");
        }
    }

    /** @return the main collision step, the first of {@link #dts()} */
    public double dt() {
        return dts.get(0);
    }

    /** @return the defaults, used when a scenario has none of the keys */
    public static Simulation defaults() {
        return new Simulation(DEFAULT_ENGINES, java.util.Map.of(), DEFAULT_SEED, 0, DEFAULT_TIME_BUDGET, List.of(DEFAULT_DT), null);
    }

    /**
     * @param engine an engine name
     * @return the trajectory count for that engine: the configured one, or the engine's default
     */
    public long trajectoriesFor(String engine) {
        Long n = trajectories.get(engine);
        if (n != null) {
            return n;
        }
        return engine.equals("collision") ? DEFAULT_COLLISION_TRAJECTORIES
                : engine.equals("diffusive") ? DEFAULT_DIFFUSIVE_TRAJECTORIES : DEFAULT_TRAJECTORIES;
    }
}
