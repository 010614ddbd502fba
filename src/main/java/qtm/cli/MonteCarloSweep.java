package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import qtm.output.Csv;
import qtm.output.OutputDirectory;
import qtm.report.ChartFiles;
import qtm.report.KeySweepCharts;
import qtm.report.MachineRunWriter;
import qtm.report.RunWriter;
import qtm.report.ThisRun;
import qtm.report.TransientMapFigure;
import qtm.run.CollisionSteps;
import qtm.run.MachineRun;
import qtm.run.MonteCarloTable;
import qtm.run.PointRun;
import qtm.run.RunChecks;
import qtm.run.RunOptions;
import qtm.run.RunOutcome;
import qtm.run.RunPlan;
import qtm.run.ScenarioRun;
import qtm.scenario.Scenario;
import qtm.sweep.KeyStudy;
import qtm.sweep.KeySweep;

/**
 * {@code qtm sweep} over {@code sweep.axes} of a file that lists {@code engines} (issue 26): one ensemble run per grid
 * point, each written into {@code DIR/points/<i>/} exactly as {@code qtm run FILE --set KEY=VALUE --seed SEED+i}
 * writes its directory, then {@code DIR/sweep.csv} (the exact columns and each engine's final estimates, SEs and
 * verdicts), the exact sweep's charts and, over one axis, the transient map. Nothing is committed unless every point
 * ran to its end: an interrupted sweep leaves the directory as it was.
 */
final class MonteCarloSweep {
    private final KeyStudy study;
    private final IntFunction<Scenario> points;
    private final Path file;
    private final PrintWriter stdout;
    private final int threads;
    private final MonteCarloOptions shards;

    /**
     * @param study the key sweep
     * @param points the run scenario of each point index
     * @param file the sweep's file
     * @param stdout where the command prints
     * @param shards the slice to run, or the shards to merge (neither given: the whole sweep)
     */
    MonteCarloSweep(KeyStudy study, IntFunction<Scenario> points, Path file, PrintWriter stdout, MonteCarloOptions shards) {
        this.study = study;
        this.shards = shards;
        this.points = points;
        this.file = file;
        this.stdout = stdout;
        this.threads = Runtime.getRuntime().availableProcessors();
    }

    /**
     * Checks every point, claims the directory, runs the points and commits the directory.
     *
     * @param dir the output directory
     * @param force replace an earlier result of qtm
     * @param stderr where notices go
     * @param commandLine the command line, for the provenance
     * @return the exit status: 0, or the interrupt's
     * @throws IOException if the claim cannot be released
     */
    int write(Path dir, boolean force, PrintWriter stderr, List<String> commandLine) throws IOException {
        check(stderr);
        int n = study.sweep().size();
        int[] slice = shards.slice(n);
        Map<Integer, Path> owners = shards.merge == null ? null : shards.owners(n);
        if (trajectories() != null) {
            OptionChecks.trajectories(trajectories());
        }
        for (int i = 0; i < n && shards.extend != null; i++) {
            // Every point's saved ensembles checked before the claim, so a refused extension changes nothing.
            shards.prior(points.apply(i), i, points.apply(i).simulation().seed() + i, threads);
        }
        long start = System.nanoTime();
        try (OutputDirectory output = shards.extend == null ? OutputDirectory.open(dir, force, file)
                : OutputDirectory.open(dir, true, file, "--extend");
                Interrupt interrupt = Interrupt.install()) {
            try {
                if (!run(output, interrupt, ThisRun.now(commandLine, threads, List.of()), slice, owners)) {
                    stdout.println("stopped: nothing written, " + dir + " is as it was");
                    stdout.flush();
                    return interrupt.exitStatus();
                }
                output.commit();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw OptionChecks.unwritable(file, dir, e);
            }
        }
        stdout.printf(java.util.Locale.ROOT, "%s: points %d to %d of %d in %s (%.1f s)%n", study.name(), slice[0] + 1,
                slice[1], n, dir, (System.nanoTime() - start) / 1e9);
        stdout.flush();
        return 0;
    }

    /**
     * Refuses, before anything is written, a point that {@code qtm run} would refuse, and prints each distinct notice
     * of the collision step once.
     *
     * @param stderr where notices go
     */
    private void check(PrintWriter stderr) {
        Set<String> notices = new LinkedHashSet<>();
        for (int i = 0; i < study.sweep().size(); i++) {
            Scenario s = points.apply(i);
            RunChecks.points(s);
            if (s.isMachine()) {
                RunChecks.machine(s, threads);
                notices.addAll(qtm.run.DiffusiveSteps.check(s));
            } else {
                notices.addAll(CollisionSteps.check(s));
            }
        }
        notices.forEach(stderr::println);
        stderr.flush();
    }

    /**
     * Runs every point into the staging directory and stages the sweep's own files; the caller commits.
     *
     * @param output the claimed output directory
     * @param interrupt Ctrl-C and SIGTERM
     * @param thisRun the provenance of the command
     * @param slice the points to run, [from, to)
     * @param owners the shard directory of each point, or null to run the points
     * @return false if a stop was requested (nothing is to be committed)
     * @throws IOException on write failure
     */
    private boolean run(OutputDirectory output, Interrupt interrupt, ThisRun thisRun, int[] slice,
            Map<Integer, Path> owners) throws IOException {
        KeySweep sweep = study.sweep();
        List<PointRun> runs = new ArrayList<>();
        SweepEta eta = new SweepEta(slice[1] - slice[0]);
        for (int i = slice[0]; i < slice[1]; i++) {
            Scenario s = points.apply(i);
            Path dir = Files.createDirectories(MonteCarloOptions.point(output.staging(), i));
            // Point i's stream: the seed qtm run --seed SEED+i gives, so a point is reproduced on its own.
            long seed = s.simulation().seed() + i;
            Extension.Prior prior = shards.prior(s, i, seed, threads);
            RunOptions settings = new RunOptions(seed, threads, trajectories() == null ? 0 : trajectories(), prior);
            if (owners != null) {
                runs.add(MonteCarloOptions.merged(s, settings, MonteCarloOptions.point(owners.get(i), i), dir));
                continue;
            }
            eta.pointStarted(i - slice[0], s.simulation().timeBudgetSeconds(), System.nanoTime());
            SweepConsole console = new SweepConsole(stdout, s, dir, settings.seed(), i, sweep.size(), eta);
            // Read after the run, as qtm run reads it: an extension learns what each ensemble held as it starts.
            java.util.function.Supplier<RunWriter.Provenance> provenance = () -> new RunWriter.Provenance(
                    RunPlan.planned(s, settings), 0, thisRun.extending(prior.before()));
            PointRun p;
            boolean stopped;
            if (s.isMachine()) {
                MachineRun.Outcome o = MachineRun.run(s, settings, console, interrupt::requested);
                MachineRunWriter.write(o, dir, Map.of(), provenance.get());
                p = PointRun.of(o);
                stopped = o.interrupted();
            } else {
                RunOutcome o = ScenarioRun.run(s, settings, console, interrupt::requested);
                RunWriter.write(o, dir, Map.of(), provenance.get());
                p = PointRun.of(o);
                stopped = o.interrupted();
            }
            if (stopped) {
                return false;
            }
            runs.add(p);
            eta.pointFinished(System.nanoTime());
            console.say("point %d of %d (%s): %s%n", i + 1, sweep.size(), values(sweep, i), verdicts(p));
        }
        if (shards.shard != null) {
            return true;
        }
        KeySweep.KeyTable exact = study.run();
        KeySweep.KeyTable table = MonteCarloTable.of(exact, runs);
        try (var w = Files.newBufferedWriter(output.file("sweep.csv"))) {
            Csv.write(w, table.table().columns().toArray(new String[0]), table.table().rows());
        }
        for (KeySweepCharts.Figure f : KeySweepCharts.draw(exact, study.description())) {
            ChartFiles.write(f.chart(), output.staging(), "sweep" + f.suffix());
        }
        if (sweep.axes().size() == 1) {
            ChartFiles.write(TransientMapFigure.draw(sweep.axes().get(0), runs, ""), output.staging(),
                    "sweep-transient");
        }
        return true;
    }

    private Long trajectories() {
        return shards.trajectories;
    }

    private static String values(KeySweep sweep, int i) {
        List<String> out = new ArrayList<>();
        double[] x = sweep.point(i);
        for (int k = 0; k < x.length; k++) {
            out.add(sweep.axes().get(k).key() + "=" + KeySweep.text(x[k]));
        }
        return String.join(", ", out);
    }

    private static String verdicts(PointRun p) {
        List<String> out = new ArrayList<>();
        for (PointRun.Engine e : p.engines()) {
            out.add(e.name() + (e.converged() ? " converged" : " NOT converged"));
        }
        return String.join(", ", out);
    }
}
