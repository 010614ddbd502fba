package qtm.ensemble;

/**
 * How large an ensemble to run and where its randomness comes from.
 *
 * @param first the first trajectory index, ≥ 0: the run covers indices [first, trajectories)
 * @param trajectories one past the last index, &gt; first (so the total count of a run from 0)
 * @param seed the run's seed
 * @param targetSe stop once the jackknife SE of the final concurrence is at most this (0: no target)
 * @param timeBudgetSeconds stop after this much wall time (∞: no budget)
 * @param threads worker threads, ≥ 1 (the result does not depend on it)
 */
public record EnsembleSettings(long first, long trajectories, long seed, double targetSe, double timeBudgetSeconds, int threads) {
    /** @throws IllegalArgumentException on a value out of range */
    public EnsembleSettings {
        if (first < 0 || trajectories <= first) {
            throw new IllegalArgumentException("trajectories must be > " + first + ", got " + trajectories);
        }
        if (!(targetSe >= 0) || !Double.isFinite(targetSe)) {
            throw new IllegalArgumentException("target_se must be finite and >= 0, got " + targetSe);
        }
        if (!(timeBudgetSeconds > 0)) {
            throw new IllegalArgumentException("time_budget_s must be > 0, got " + timeBudgetSeconds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /**
     * Settings for the indices [0, trajectories).
     *
     * @param trajectories number of trajectories, ≥ 1
     * @param seed the run's seed
     * @param targetSe stop once the SE of the final concurrence is at most this (0: no target)
     * @param timeBudgetSeconds stop after this much wall time
     * @param threads worker threads
     */
    public EnsembleSettings(long trajectories, long seed, double targetSe, double timeBudgetSeconds, int threads) {
        this(0, trajectories, seed, targetSe, timeBudgetSeconds, threads);
    }

    /**
     * Settings that stop on the trajectory count only.
     *
     * @param trajectories number of trajectories
     * @param seed seed
     * @param threads worker threads
     * @return the settings
     */
    public static EnsembleSettings count(long trajectories, long seed, int threads) {
        return new EnsembleSettings(trajectories, seed, 0, Double.POSITIVE_INFINITY, threads);
    }
}
