package qtm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import qtm.ensemble.EnsembleResult;
import qtm.report.RunWriter;
import qtm.run.MachineRun;
import qtm.run.PointRun;
import qtm.run.RunListener;
import qtm.run.RunOptions;
import qtm.run.RunPlan;
import qtm.run.ScenarioRun;
import qtm.scenario.Scenario;

/**
 * The options of a Monte Carlo sweep beyond a plain run, {@code --trajectories} and {@code --extend} as
 * {@code qtm run} has them, and its shards (issue 26): {@code --shard I/N} runs the contiguous slice I of N of the grid points,
 * each into {@code points/<i>/} as one process would, and nothing else; {@code --merge DIR...} takes every point
 * from the one shard that ran it, byte for byte, and recomputes what sweep.csv and the transient map need from the
 * point's saved ensembles (no trajectory is run), so that the merged directory is what one process writes.
 */
final class MonteCarloOptions {
    @Option(names = "--shard", paramLabel = "I/N", description = "Monte Carlo sweeps: run only the points of slice "
            + "I of N (I from 0 to N-1, as $SLURM_ARRAY_TASK_ID; contiguous, in grid order) into DIR/points/<i>/, "
            + "and no sweep.csv; merge the slices with --merge.")
    String shard;

    @Option(names = "--merge", paramLabel = "DIR", arity = "1..*", description = "Monte Carlo sweeps: merge the "
            + "directories written by --shard (in any order) into --out: every point exactly once.")
    List<Path> merge;

    /**
     * Refuses what a Monte Carlo sweep cannot be combined with, and --shard or --merge on an exact sweep.
     *
     * @param file the first file
     * @param monteCarlo whether it lists engines
     * @param files the number of files given
     * @param overlay the --overlay name, or null
     */
    static void refuse(Path file, boolean monteCarlo, int files, String overlay) {
        if (!monteCarlo) {
            throw OptionChecks.refuse("--shard, --merge, --extend, --trajectories", "(given)", "take a Monte Carlo "
                    + "sweep only: a key sweep (sweep.axes) whose file lists engines; " + file + " lists none");
        }
        if (files > 1 || overlay != null) {
            throw new qtm.input.InputException(file.toString(), "engines", "(listed)", "a Monte Carlo sweep runs one file on "
                    + "its own: give no other file and no --overlay");
        }
    }

    @Option(names = "--extend", paramLabel = "DIR", description = "Monte Carlo sweeps: add trajectories to every "
            + "point of the sweep in DIR (written by qtm sweep of the same file) up to the new total --trajectories, "
            + "and rewrite DIR in place.")
    Path extend;

    @Option(names = "--trajectories", paramLabel = "N", description = "Monte Carlo sweeps: trajectories per engine "
            + "at every point (overrides ensemble.trajectories, as qtm run --trajectories does).")
    Long trajectories;

    /**
     * Runs the sweep if it is a Monte Carlo sweep: the first file a key sweep that lists engines.
     *
     * @param c the command, its options parsed
     * @return the exit status, or null if it is no Monte Carlo sweep (and no Monte Carlo option is given)
     * @throws IOException if the claim cannot be released
     */
    static Integer runIfListed(SweepCommand c) throws IOException {
        Path f = c.study.file;
        qtm.sweep.KeyStudy k = qtm.scenario.KeySweepReader.read(f, c.study.sets);
        java.util.function.IntFunction<Scenario> points = k == null ? null : qtm.scenario.KeySweepReader.runs(f, c.study.sets,
                k.sweep());
        if (points == null && !c.shards.given()) {
            return null;
        }
        MonteCarloOptions.refuse(f, points != null, 1 + c.more.size(), c.overlay);
        c.counting.refuseMonteCarlo(f);
        Path dir = c.shards.target(c.out != null ? c.out : Path.of("output", k.name()), c.out);
        return new MonteCarloSweep(k, points, f, c.spec.commandLine().getOut(), c.shards).write(dir, c.force,
                c.spec.commandLine().getErr(), RunCommand.commandLine(c.spec));
    }

    /** @return whether any of these options is given */
    boolean given() {
        return shard != null || merge != null || extend != null || trajectories != null;
    }

    /**
     * @param dir the directory --out (or the default) gives
     * @param out --out, or null
     * @return the directory to write: --extend's own, or {@code dir}
     */
    Path target(Path dir, Path out) {
        if (extend == null) {
            return dir;
        }
        if (out != null) {
            throw OptionChecks.refuse("--out", out.toString(), "--extend rewrites its own directory; give no --out "
                    + "with it");
        }
        if (shard != null || merge != null) {
            throw OptionChecks.refuse("--extend", extend.toString(), "cannot be combined with --shard or --merge: "
                    + "extend the merged sweep");
        }
        if (trajectories == null) {
            throw OptionChecks.refuse("--extend", extend.toString(), "needs the new total --trajectories N");
        }
        return extend;
    }

    /**
     * @param s a point's run scenario
     * @param i its index
     * @param seed its seed
     * @param threads worker threads
     * @return its settings: fresh, or extending the point's saved ensembles in the --extend directory
     */
    Extension.Prior prior(Scenario s, int i, long seed, int threads) {
        long n = trajectories == null ? 0 : trajectories;
        return new Extension.Prior(s, extend == null ? null : point(extend, i), new RunOptions(seed, threads, n));
    }

    /**
     * @param n the number of points
     * @return the point indices this process runs: all, or the shard's slice [I·n/N, (I+1)·n/N)
     */
    int[] slice(int n) {
        if (shard == null) {
            return new int[] {0, n};
        }
        if (merge != null) {
            throw OptionChecks.refuse("--shard", shard, "cannot be combined with --merge");
        }
        String[] p = shard.split("/", -1);
        long i;
        long of;
        try {
            i = p.length == 2 ? Long.parseLong(p[0]) : -1;
            of = p.length == 2 ? Long.parseLong(p[1]) : -1;
        } catch (NumberFormatException e) {
            i = -1;
            of = -1;
        }
        if (of < 1 || of > n || i < 0 || i >= of) {
            throw OptionChecks.refuse("--shard", shard, "expected I/N with 1 <= N <= " + n
                    + " (the sweep's points) and 0 <= I < N");
        }
        return new int[] {(int) (i * n / of), (int) ((i + 1) * n / of)};
    }

    /**
     * @param n the number of points
     * @return the shard directory holding each point, by index
     * @throws qtm.input.InputException (exit 2) if a point is in no directory, or in two
     */
    Map<Integer, Path> owners(int n) {
        Map<Integer, Path> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            for (Path d : merge) {
                if (Files.isDirectory(point(d, i)) && out.put(i, d) != null) {
                    throw OptionChecks.refuse("--merge", d.toString(), "holds the point " + i + ", which "
                            + out.get(i) + " holds too; give each point's shard once");
                }
            }
            if (!out.containsKey(i)) {
                throw OptionChecks.refuse("--merge", String.join(" ", merge.stream().map(Path::toString).toList()),
                        "no directory holds the point " + i + " (points/" + i + "/); run its shard first");
            }
        }
        return out;
    }

    /** A point's directory in a sweep directory. */
    static Path point(Path dir, int i) {
        return dir.resolve("points").resolve(Integer.toString(i));
    }

    /**
     * Copies a shard's point into the staging directory and recomputes its outcome from its saved ensembles.
     *
     * @param s the point's run scenario
     * @param settings its seed and threads
     * @param from the point's directory in its shard
     * @param to the point's directory in the staging area
     * @return the point's outcome, as the run that wrote {@code from} found it
     * @throws IOException on copy failure
     */
    static PointRun merged(Scenario s, RunOptions settings, Path from, Path to) throws IOException {
        Map<String, EnsembleResult> saved = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : RunPlan.ensembleLabels(s).entrySet()) {
            Path file = from.resolve(RunWriter.savedName(e.getKey()));
            if (Files.exists(file)) {
                saved.put(e.getKey(), SavedFiles.read(s, RunPlan.quantities(s, e.getValue()), file, e.getKey(),
                        settings.seed(), "command line", "--merge", "merged"));
            }
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> w = Files.walk(from)) {
            w.forEach(files::add);
        }
        for (Path f : files) {
            Path t = to.resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
                Files.createDirectories(t);
            } else {
                Files.copy(f, t);
            }
        }
        RunOptions only = new RunOptions(settings.seed(), settings.threads(), 0, saved::get, null, true);
        return s.isMachine() ? PointRun.of(MachineRun.run(s, only, SILENT, () -> false))
                : PointRun.of(ScenarioRun.run(s, only, SILENT, () -> false));
    }

    /** The merge's runs write nothing: the point's files are the shard's own. */
    private static final RunListener SILENT = new RunListener() {
        @Override
        public void ensemble(String label, String engine, EnsembleResult result) {
        }
    };
}
