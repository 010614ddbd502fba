package qtm.ensemble;

/**
 * How large an ensemble to run and where its randomness comes from.
 *
 * @param trajectories maximum number of trajectories, ≥ 1
 * @param seed the run's seed
 * @param targetSe stop once the jackknife SE of the final concurrence is at most this (0: no target)
 * @param timeBudgetSeconds stop after this much wall time (∞: no budget)
 * @param threads worker threads, ≥ 1 (the result does not depend on it)
 */
public record EnsembleSettings(long trajectories, long seed, double targetSe, double timeBudgetSeconds, int threads) {
    /** @throws IllegalArgumentException on a value out of range */
    public EnsembleSettings {
        if (trajectories < 1) {
            throw new IllegalArgumentException("trajectories must be >= 1, got " + trajectories);
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
