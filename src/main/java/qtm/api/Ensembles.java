package qtm.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.SavedEnsemble;
import qtm.input.InputException;
import qtm.run.RunPlan;

/**
 * Saved ensembles ({@code ensemble-ENGINE.qtme}, the files {@code qtm run} writes and {@code qtm merge} reads):
 * writing one, reading one back and merging several. A file belongs to one scenario as run (every override applied),
 * one engine and one seed; reading checks that identity, so the shards of two different runs are refused instead of
 * merged into a wrong result. Merging is exact: the merge of shards over disjoint trajectory indices is, bit for bit,
 * the ensemble of one run over all of them.
 */
public final class Ensembles {
    private Ensembles() {
    }

    /**
     * @param scenario the scenario the ensemble was run from (with the same overrides)
     * @param engine the engine's name
     * @param seed the run's seed
     * @param ensemble the ensemble, such as {@link #merge}'s
     * @param file where to write (replaced if it exists)
     * @throws IOException if it cannot be written
     * @throws InputException for a bad scenario file, key or value
     */
    public static void save(Scenario scenario, String engine, long seed, EnsembleResult ensemble, Path file)
            throws IOException {
        write(scenario.readForRun(), engine, seed, ensemble, file);
    }

    /**
     * @param scenario the scenario the ensemble was run from (with the same overrides)
     * @param engine the engine's name
     * @param seed the run's seed
     * @param file a saved ensemble
     * @return its ensemble
     * @throws InputException (naming the file) if it cannot be read, is damaged, or belongs to another scenario,
     *     engine, seed or qtm version
     */
    public static EnsembleResult load(Scenario scenario, String engine, long seed, Path file) {
        return read(scenario.readForRun(), engine, seed, file);
    }

    /**
     * @param scenario the scenario the ensembles were run from (with the same overrides)
     * @param engine the engine's name
     * @param seed the runs' seed
     * @param files saved ensembles over disjoint trajectory indices (such as the shards of one run)
     * @return their exact sum
     * @throws InputException (naming the file) as {@link #load}, or if two files hold the same trajectories
     * @throws IllegalArgumentException without files
     */
    public static EnsembleResult merge(Scenario scenario, String engine, long seed, List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: give at least one saved ensemble");
        }
        qtm.scenario.Scenario s = scenario.readForRun();
        EnsembleResult merged = null;
        for (Path f : files) {
            EnsembleResult r = read(s, engine, seed, f);
            try {
                merged = merged == null ? r : merged.merge(r);
            } catch (IllegalArgumentException e) {
                throw new InputException(s.file(), "saved ensemble", f.toString(), "cannot be merged: "
                        + e.getMessage());
            }
        }
        return merged;
    }

    static void write(qtm.scenario.Scenario s, String engine, long seed, EnsembleResult r, Path file)
            throws IOException {
        String label = RunPlan.label(engine, Double.NaN);
        SavedEnsemble.write(file, RunPlan.identity(s.source().json(), label, seed), r);
    }

    private static EnsembleResult read(qtm.scenario.Scenario s, String engine, long seed, Path file) {
        String label = RunPlan.label(engine, Double.NaN);
        SavedEnsemble.Identity expected = RunPlan.identity(s.source().json(), label, seed);
        SavedEnsemble.Loaded loaded;
        try {
            loaded = SavedEnsemble.read(file, RunPlan.quantities(s, engine), s.time());
        } catch (IOException e) {
            throw new InputException(s.file(), "saved ensemble", file.toString(), "cannot be read ("
                    + e.getMessage() + ")");
        } catch (SavedEnsemble.Mismatch e) {
            String other = e.identity() == null ? null : SavedEnsemble.mismatch(expected, e.identity());
            throw new InputException(s.file(), "saved ensemble", file.toString(), "cannot be used: "
                    + (other != null ? other : e.getMessage()));
        }
        String why = SavedEnsemble.mismatch(expected, loaded.identity());
        if (why != null) {
            throw new InputException(s.file(), "saved ensemble", file.toString(), "cannot be used: " + why);
        }
        return loaded.result();
    }
}
