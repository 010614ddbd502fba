package qtm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.SavedEnsemble;
import qtm.observe.Quantity;
import qtm.report.RunWriter;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioException;

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
     * @throws ScenarioException (exit 2) if it cannot be read or belongs to another run
     */
    static EnsembleResult read(Scenario s, List<Quantity> quantities, Path file, String label, long seed, String where,
            String key, String use) {
        SavedEnsemble.Loaded loaded;
        try {
            loaded = SavedEnsemble.read(file, quantities, s.time());
        } catch (IOException e) {
            throw new ScenarioException(where, key, file.toString(), "cannot be read (" + e.getMessage() + ")");
        } catch (SavedEnsemble.Mismatch e) {
            String other = e.identity() == null ? null
                    : SavedEnsemble.mismatch(RunWriter.identity(s, label, seed), e.identity());
            throw new ScenarioException(where, key, file.toString(), "cannot be " + use + ": "
                    + (other != null ? other : e.getMessage()));
        }
        String why = SavedEnsemble.mismatch(RunWriter.identity(s, label, seed), loaded.identity());
        if (why != null) {
            throw new ScenarioException(where, key, file.toString(), "cannot be " + use + ": " + why);
        }
        return loaded.result();
    }
}
