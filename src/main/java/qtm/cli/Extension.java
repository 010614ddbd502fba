package qtm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import qtm.ensemble.EnsembleResult;
import qtm.run.RunOptions;
import qtm.run.RunPlan;
import qtm.report.RunWriter;
import qtm.scenario.Scenario;
import qtm.input.InputException;

/** {@code qtm run --extend DIR}: reads and checks the saved ensembles of DIR, which the run then continues. */
final class Extension {
    private Extension() {
    }

    /**
     * @param s the scenario
     * @param dir the earlier run's directory
     * @param settings the new run's seed and total trajectories
     * @return the saved result of each ensemble the scenario runs, by label: every file is read and checked now, so
     *     that a refused extension has done no work, and read again when its ensemble starts, so that the run holds
     *     one at a time
     * @throws InputException (exit 2) for a file that is missing, of another identity, not a prefix [0, N), or
     *     with N already at or above the new total
     */
    static Function<String, EnsembleResult> load(Scenario s, Path dir, RunOptions settings) {
        // Its jump-record index is carried over after the run: checked now, so that a damaged one is exit 2 first.
        try {
            qtm.output.JumpRecords.readIndex(dir);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new InputException("command line (scenario " + s.file() + ")", "--extend",
                    dir.resolve(qtm.output.JumpRecords.INDEX).toString(), "cannot be read as a jump-record index ("
                    + e.getMessage() + ")");
        }
        Map<String, Supplier<EnsembleResult>> out = new TreeMap<>();
        for (Map.Entry<String, String> e : RunPlan.ensembleLabels(s).entrySet()) {
            String label = e.getKey();
            long total = RunPlan.trajectoriesFor(s, e.getValue(), settings);
            one(s, dir, label, e.getValue(), total, settings.seed());
            out.put(label, () -> one(s, dir, label, e.getValue(), total, settings.seed()));
        }
        return label -> out.containsKey(label) ? out.get(label).get() : null;
    }

    /**
     * The saved results a run continues, remembering what each held before, so that this_run states the speed of
     * the new trajectories only.
     */
    static final class Prior implements Function<String, EnsembleResult> {
        private final Function<String, EnsembleResult> saved;
        private final Map<String, Long> before = new ConcurrentHashMap<>();

        /**
         * @param s the scenario
         * @param dir the earlier run's directory, or null for a run that extends nothing
         * @param settings the new run's seed and total trajectories
         */
        Prior(Scenario s, Path dir, RunOptions settings) {
            saved = dir == null ? label -> null : load(s, dir, settings);
        }

        @Override
        public EnsembleResult apply(String label) {
            EnsembleResult r = saved.apply(label);
            if (r != null) {
                before.put(label, r.trajectories());
            }
            return r;
        }

        /** @return the trajectories each extended ensemble held before, by label (filled as ensembles start) */
        Map<String, Long> before() {
            return before;
        }
    }

    private static EnsembleResult one(Scenario s, Path dir, String label, String engine, long total, long seed) {
        Path file = dir.resolve(RunWriter.savedName(label));
        String where = "command line (scenario " + s.file() + ")";
        // Not isRegularFile: a FIFO or directory there is refused by the reader as not a regular file, naming it.
        if (!Files.exists(file)) {
            throw new InputException(where, "--extend", dir.toString(), "holds no " + file.getFileName()
                    + ": expected the directory of an earlier qtm run of this scenario");
        }
        EnsembleResult r = SavedFiles.read(s, RunPlan.quantities(s, engine), file, label, seed, where,
                "--extend", "extended");
        List<long[]> ranges = r.ranges();
        if (ranges.size() != 1 || ranges.get(0)[0] != 0) {
            throw new InputException(where, "--extend", file.toString(), "cannot be extended: it does not hold "
                    + "the trajectories [0, N) (a partial merge); extend a complete run");
        }
        if (total <= r.trajectories()) {
            throw new InputException(where, "--trajectories", Long.toString(total), "expected a new total > "
                    + r.trajectories() + ": " + dir + " already holds that many of engine " + engine);
        }
        return r;
    }
}
