package qtm.api;

import java.util.LinkedHashMap;
import java.util.Map;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.Ranges;
import qtm.ensemble.Shard;
import qtm.run.MachineRun;
import qtm.run.RunChecks;
import qtm.run.RunListener;
import qtm.run.RunOptions;
import qtm.run.ScenarioRun;

/**
 * A scenario's ensembles to run, as {@code qtm run} runs them: every engine the scenario lists (quantum jumps,
 * the collision model) on a preset or any machine, each judged against its exact reference. Immutable: each
 * {@code with} method returns a changed copy; {@link #run} runs it.
 *
 * @param scenario the scenario
 * @param trajectories trajectories per engine, or 0 for the scenario's own ({@code ensemble.trajectories})
 * @param seed the run's seed, or null for the scenario's own ({@code ensemble.seed})
 * @param threads worker threads (the result does not depend on them)
 * @param shard run only this shard's share of each ensemble's trajectory indices, as {@code qtm run --shard}
 *     (null: all of them)
 */
public record EnsembleRun(Scenario scenario, long trajectories, Long seed, int threads, Shard shard) {
    /** Checks the sizes. */
    public EnsembleRun {
        if (trajectories < 0 || trajectories > Ranges.MAX_TRAJECTORIES) {
            throw new IllegalArgumentException("trajectories " + trajectories + ": expected 0 (the scenario's own) to "
                    + Ranges.MAX_TRAJECTORIES);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + ": expected at least 1");
        }
    }

    /**
     * @param n trajectories per engine, as {@code --trajectories}
     * @return the changed run
     */
    public EnsembleRun withTrajectories(long n) {
        return new EnsembleRun(scenario, n, seed, threads, shard);
    }

    /**
     * @param s the seed, as {@code --seed}
     * @return the changed run
     */
    public EnsembleRun withSeed(long s) {
        return new EnsembleRun(scenario, trajectories, s, threads, shard);
    }

    /**
     * @param t worker threads, as {@code --threads}
     * @return the changed run
     */
    public EnsembleRun withThreads(int t) {
        return new EnsembleRun(scenario, trajectories, seed, t, shard);
    }

    /**
     * @param index the shard, from 0
     * @param count the number of shards
     * @return the run of that shard only, as {@code qtm run --shard INDEX/COUNT}; its saved ensembles merge with the
     *     other shards' ({@link Ensembles#merge}) into exactly the unsharded run's
     */
    public EnsembleRun withShard(int index, int count) {
        return new EnsembleRun(scenario, trajectories, seed, threads, new Shard(index, count));
    }

    /**
     * Runs every engine of the scenario (its Δt study too, where it lists several collision steps).
     *
     * @return the engines' estimates and verdicts, and their full ensembles
     * @throws qtm.input.InputException for a bad file, key or value, or anything else {@code qtm run} refuses (a grid
     *     too large, a collision step out of range)
     */
    public RunResult run() {
        qtm.scenario.Scenario s = scenario.readForRun();
        // The refusals of qtm run, so that the API never runs what the command line would refuse.
        RunChecks.all(s, threads);
        long runSeed = seed != null ? seed : s.simulation().seed();
        RunOptions options = new RunOptions(runSeed, threads, trajectories, label -> null, shard, false);
        Kept kept = new Kept();
        if (s.isMachine()) {
            return RunResult.of(s, runSeed, MachineRun.run(s, options, kept, () -> false), kept.results);
        }
        return RunResult.of(s, runSeed, ScenarioRun.run(s, options, kept, () -> false), kept.results);
    }

    /** @return the seed this run uses: its own, or the scenario's */
    long seedOrScenarios() {
        return seed != null ? seed : scenario.readForRun().simulation().seed();
    }

    /** Keeps each finished ensemble whole (the run itself keeps only summaries), for saving; shows nothing. */
    private static final class Kept implements RunListener {
        final Map<String, EnsembleResult> results = new LinkedHashMap<>();

        @Override
        public void ensemble(String label, String engine, EnsembleResult result) {
            results.put(label, result);
        }
    }
}
