package qtm.run;

import java.util.function.Function;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.Shard;

/**
 * How a run goes (its options, as the command line gives them): seed, threads, size, and whether it extends, shards or merges saved results.
 *
 * @param seed the run's seed
 * @param threads worker threads (results do not depend on it)
 * @param trajectories trajectories per engine, or 0 for the scenario's own
 * @param prior the saved result to extend, by ensemble label ({@link RunPlan#label}), read when that ensemble starts
 *     (null: none): it covers [0, N), and the run adds the trajectories N … T − 1 and merges
 * @param shard run only this shard's index range of each ensemble, with no stop rule but an interruption
 *     (null: the whole ensemble)
 * @param merged the prior results are the whole data (a merge of shards): run no trajectory, only report them
 */
public record RunOptions(long seed, int threads, long trajectories, Function<String, EnsembleResult> prior,
        Shard shard, boolean merged) {

    /**
     * A run that may extend saved results.
     *
     * @param seed the run's seed
     * @param threads worker threads
     * @param trajectories trajectories per engine, or 0 for the scenario's own
     * @param prior saved results by label
     */
    public RunOptions(long seed, int threads, long trajectories, Function<String, EnsembleResult> prior) {
        this(seed, threads, trajectories, prior, null, false);
    }

    /**
     * A fresh run.
     *
     * @param seed the run's seed
     * @param threads worker threads
     * @param trajectories trajectories per engine, or 0 for the scenario's own
     */
    public RunOptions(long seed, int threads, long trajectories) {
        this(seed, threads, trajectories, label -> null);
    }
}
