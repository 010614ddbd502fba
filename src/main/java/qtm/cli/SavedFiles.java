package qtm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.Ranges;
import qtm.ensemble.SavedEnsemble;
import qtm.observe.Quantity;
import qtm.report.RunWriter;
import qtm.output.ShardRecord;
import qtm.scenario.Scenario;
import qtm.input.InputException;

/** Reading a saved ensemble that a command is about to use: the one identity rule, as exit 2 naming the file. */
final class SavedFiles {
    private SavedFiles() {
    }

    /**
     * @param s the scenario of the run
     * @param quantities its quantities
     * @param file the saved ensemble
     * @param label its ensemble's label
     * @param seed the run's seed
     * @param where the source named in errors
     * @param key the option named in errors
     * @param use what the file would be used for ("extended", "merged")
     * @return its data
     * @throws InputException (exit 2) if it cannot be read or belongs to another run
     */
    static EnsembleResult read(Scenario s, List<Quantity> quantities, Path file, String label, long seed, String where,
            String key, String use) {
        SavedEnsemble.Loaded loaded;
        try {
            loaded = SavedEnsemble.read(file, quantities, s.time());
        } catch (IOException e) {
            throw new InputException(where, key, file.toString(), "cannot be read (" + e.getMessage() + ")");
        } catch (SavedEnsemble.Mismatch e) {
            String other = e.identity() == null ? null
                    : SavedEnsemble.mismatch(RunWriter.identity(s.source().json(), label, seed), e.identity());
            throw new InputException(where, key, file.toString(), "cannot be " + use + ": "
                    + (other != null ? other : e.getMessage()));
        }
        String why = SavedEnsemble.mismatch(RunWriter.identity(s.source().json(), label, seed), loaded.identity());
        if (why != null) {
            throw new InputException(where, key, file.toString(), "cannot be " + use + ": " + why);
        }
        return loaded.result();
    }

    /**
     * A shard's saved ensemble for {@code qtm merge}, checked against the merge's identity and its shard's plan.
     *
     * @param s the scenario
     * @param quantities its quantities for this ensemble
     * @param d the shard directory
     * @param label the ensemble's label
     * @param seed the merge's seed
     * @param planned what the shard's record plans for this ensemble
     * @return the data, or null if the shard never started this ensemble (no file)
     * @throws InputException (exit 2) if the file is damaged, of another run, or outside its planned range
     */
    static EnsembleResult shard(Scenario s, List<qtm.observe.Quantity> quantities, Path d, String label,
            long seed, ShardRecord.Planned planned) {
        Path file = d.resolve(RunWriter.savedName(label));
        // Not isRegularFile: a FIFO or directory there is not "never started" but refused as unreadable.
        if (!Files.exists(file)) {
            return null;
        }
        EnsembleResult r = SavedFiles.read(s, quantities, file, label, seed, "command line", "DIR", "merged");
        // A shard runs only its planned range: trajectories outside it would be counted beyond the total.
        for (long[] x : r.ranges()) {
            if (x[0] < planned.from() || x[1] > planned.to()) {
                throw new InputException("command line", "DIR", file.toString(), "cannot be merged: it holds the "
                        + "trajectories " + Ranges.show(x) + ", outside the range [" + planned.from() + ", "
                        + planned.to() + ") its " + ShardRecord.FILE + " plans");
            }
        }
        return r;
    }
}
