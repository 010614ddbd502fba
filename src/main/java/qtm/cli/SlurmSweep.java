package qtm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import qtm.input.InputException;
import qtm.output.SlurmScripts;
import qtm.scenario.KeySweepReader;
import qtm.sweep.KeyStudy;

/**
 * {@code qtm slurm} over a Monte Carlo sweep (issue 26): a key sweep whose file lists engines becomes a job array whose
 * task I runs {@code qtm sweep FILE --shard I/N} (a contiguous slice of the grid points; N = the number of points
 * gives one task per point) and a merge job, {@code qtm sweep FILE --merge} over the shard directories, whose result
 * is the directory one process writes. The seed, given as {@code --seed}, travels as {@code --set ensemble.seed=S},
 * which is how a sweep takes it.
 *
 * @param name the sweep's name (the job names)
 * @param sets the --set assignments every job passes on, the seed last if given
 */
record SlurmSweep(String name, List<String> sets) {
    /** Copies the list. */
    SlurmSweep {
        sets = List.copyOf(sets);
    }

    /**
     * @param scenario the file and its --set
     * @param seed --seed, or null
     * @param shards --shards
     * @param resume --resume
     * @return the sweep, or null if the file has no {@code sweep.axes} (a run scenario, sharded by trajectories)
     * @throws qtm.input.InputException (exit 2) for an exact sweep, more shards than points, or --resume
     */
    static SlurmSweep of(ScenarioOptions scenario, Long seed, int shards, boolean resume) {
        Path file = scenario.file;
        // A run scenario is read as before, by qtm run's reader; only a sweep takes the seed as a --set.
        if (KeySweepReader.read(file, scenario.sets) == null) {
            return null;
        }
        List<String> sets = new ArrayList<>(scenario.sets);
        if (seed != null) {
            sets.add("ensemble.seed=" + seed);
        }
        KeyStudy k = KeySweepReader.read(file, sets);
        // Every point read as qtm run reads it, so a bad point is refused here rather than in a failed task.
        if (KeySweepReader.runs(file, sets, k.sweep()) == null) {
            throw new InputException(file.toString(), "engines", "(absent)", "qtm slurm shards a Monte Carlo "
                    + "sweep (sweep.axes with engines); this sweep lists none: qtm sweep solves it exactly in one "
                    + "process");
        }
        int n = k.sweep().size();
        String where = OptionChecks.WHERE + " (sweep " + file + ")";
        if (shards > n) {
            throw new InputException(where, "--shards", Integer.toString(shards), "expected 1 to " + n + ", the "
                    + "sweep's points: each task runs a slice of them (--shards " + n + ": one point each)");
        }
        if (resume) {
            throw new InputException(where, "--resume", "true", "is for a run's shards; a sweep's shard reruns "
                    + "its points whole: submit again without --resume");
        }
        return new SlurmSweep(k.name(), sets);
    }

    /**
     * @param scripts the scripts' files
     * @param launcher the command that runs qtm
     * @param cwd the directory the file was given in
     * @param trajectories --trajectories, or null
     * @param shards --shards
     * @return the array script and the merge script, unsealed
     */
    String[] scripts(SlurmScripts scripts, String launcher, Path cwd, Long trajectories, int shards) {
        return new String[] {scripts.sweepArray(launcher, cwd, sets, trajectories, shards),
            scripts.sweepMerge(launcher, cwd, sets, trajectories, shards)};
    }
}
