package qtm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.report.ChartFiles;
import qtm.output.Csv;
import qtm.output.OutputDirectory;
import qtm.report.KeySweepCharts;
import qtm.report.SweepCharts;
import qtm.input.InputException;
import qtm.scenario.KeySweepReader;
import qtm.scenario.LocalGlobalReader;
import qtm.sweep.KeyStudy;
import qtm.sweep.KeySweep;
import qtm.sweep.MachineStudy;
import qtm.sweep.Study;
import qtm.scenario.StudyReader;
import qtm.sweep.SweepRunner;
import qtm.sweep.SweepTable;

/** {@code qtm sweep}: a steady-state sweep (one of the paper's figures, or any keys) as tidy CSV and charts. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run the scenario's sweep and write its CSV and charts (PNG, SVG and PDF) into output/NAME/ "
                + "(or --out DIR), for each file given. A study kind (sweep.kind: curves, map, hot-threshold, "
                + "local-global; scenarios/paper/*.yaml) writes NAME.csv and NAME*.png; a sweep over any numeric "
                + "keys of any model, preset or machine (sweep.axes: [{key: model.g, from: 1.0e-4, to: 1.0e-2, "
                + "points: 21, scale: log}, {key: 'model.baths[cold].T', values: [0, 0.1]}]; the full grid, first "
                + "axis slowest) writes sweep.csv (one column per axis, then the exact steady concurrence where there "
                + "are two qubit sites, negativity_*, log_negativity_*, pair_concurrence_*, heat_* and purity, "
                + "with --fcs also count_current_*, count_noise_* and fano_* per bath; --set KEY=VALUE with a row's values gives that row) and sweep.png: the charted columns "
                + "(sweep.plot) against one axis, or their maps over two. A key sweep whose file lists engines is a "
                + "Monte Carlo sweep: qtm run at every point i into DIR/points/<i>/ with seed + i, each engine's "
                + "final estimates, SEs and verdict in sweep.csv, and sweep-transient.png over one axis; it shards "
                + "by points (--shard, --merge). An earlier result is replaced, as a whole, only with --force.")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions study;

    @Parameters(index = "1..*", paramLabel = "FILE", converter = ScenarioOptions.Resolve.class,
            description = "More sweep scenarios, e.g. fig2b.yaml "
            + "fig2c.yaml after fig2a.yaml: files whose sweeps differ only in what they plot share one optimisation.")
    List<Path> more = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default output/NAME); with "
            + "several files, the directory holding each one's NAME/ (default output).")
    Path out;

    @Option(names = "--overlay", paramLabel = "NAME", description = "With several key sweeps over one and the same "
            + "axis: also draw every file's charted columns on one chart, NAME.png (SVG, PDF), in NAME/ beside "
            + "theirs; the legend names each file's sweep.")
    String overlay;

    @Option(names = "--force", description = "Replace an existing output directory written by qtm (one holding "
            + "anything else is never replaced).")
    boolean force;

    @Mixin
    MonteCarloOptions shards;

    @Mixin
    FcsColumns counting;

    @Spec
    CommandSpec spec;

    /** A file's sweep: a study kind of a preset or of a machine, or a key sweep, exactly one of them non-null. */
    private record Job(Path file, Path dir, Study study, MachineStudy machine, KeyStudy keys) {
        String name() {
            return study != null ? study.name() : machine != null ? machine.name() : keys.name();
        }

        String description() {
            return study != null ? study.description() : machine.description();
        }
    }

    @Override
    public Integer call() throws Exception {
        Integer monteCarlo = MonteCarloOptions.runIfListed(this);
        if (monteCarlo != null) {
            return monteCarlo;
        }
        List<Path> files = new ArrayList<>(List.of(study.file));
        files.addAll(more);
        List<Job> jobs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            KeyStudy k = counting.check(f, KeySweepReader.read(f, study.sets));
            MachineStudy m = k == null ? LocalGlobalReader.read(f, study.sets) : null;
            Study s = k == null && m == null ? StudyReader.read(f, study.sets) : null;
            if (s != null && s.sweep() == null) {
                throw new InputException(s.file(), "sweep", "(missing)",
                        "a sweep scenario needs a sweep section; see scenarios/paper/");
            }
            String name = k != null ? k.name() : m != null ? m.name() : s.name();
            jobs.add(new Job(f, dir(name, files.size(), f, seen), s, m, k));
        }
        Path overlayDir = overlay == null ? null : overlayDir(jobs, seen);
        long start = System.nanoTime();
        SweepRunner runner = new SweepRunner();
        List<OutputDirectory> outputs = new ArrayList<>();
        PrintWriter pw = spec.commandLine().getOut();
        try {
            // All claimed before any sweep runs, so a refused or concurrent sweep fails at once and writes nothing.
            for (Job j : jobs) {
                outputs.add(OutputDirectory.open(j.dir(), force, j.file()));
            }
            if (overlayDir != null) {
                outputs.add(OutputDirectory.open(overlayDir, force, jobs.get(0).file()));
            }
            List<Object> results = new ArrayList<>();
            for (Job j : jobs) {
                try {
                    results.add(j.study() != null ? runner.run(j.study())
                            : j.machine() != null ? j.machine().run() : j.keys().run(counting.fcs));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new InputException(j.file().toString(), "sweep",
                            j.study() != null ? j.study().model().type() : j.name(), e.getMessage());
                }
            }
            // Every result staged before any is committed, so a failure to write leaves all earlier results as they
            // were.
            int[] charts = new int[jobs.size()];
            for (int i = 0; i < jobs.size(); i++) {
                charts[i] = stage(jobs.get(i), results.get(i), outputs.get(i));
            }
            if (overlayDir != null) {
                stageOverlay(jobs, results, outputs.get(jobs.size()));
            }
            for (int i = 0; i < outputs.size(); i++) {
                OptionChecks.commit(outputs.get(i), i < jobs.size() ? jobs.get(i).file() : jobs.get(0).file(),
                        outputs.get(i).target());
            }
            for (int i = 0; i < jobs.size(); i++) {
                SweepTable t = table(results.get(i));
                pw.printf("%s: %d rows, %d chart(s) in %s (%.1f s)%n", jobs.get(i).name(), t.rows().size(),
                        charts[i], jobs.get(i).dir(), (System.nanoTime() - start) / 1e9);
            }
            if (overlayDir != null) {
                pw.printf("%s: overlay of %d sweeps in %s%n", overlay, jobs.size(), overlayDir);
            }
        } finally {
            for (OutputDirectory o : outputs) {
                o.close();
            }
        }
        pw.flush();
        return 0;
    }

    /** With several files --out is their parent, so each figure keeps the directory it has alone. */
    private Path dir(String name, int count, Path file, Set<Path> seen) {
        Path dir = count == 1 && out != null ? out : (out != null ? out : Path.of("output")).resolve(name);
        if (!seen.add(dir.toAbsolutePath().normalize())) {
            throw new InputException(file.toString(), "name", name,
                    "another file given writes " + dir + " too; give each file a different name");
        }
        return dir;
    }

    private Path overlayDir(List<Job> jobs, Set<Path> seen) {
        String why = "an overlay draws several key sweeps (sweep.axes) over one and the same axis";
        if (jobs.size() < 2 || !overlay.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new InputException("command line", "--overlay", overlay, why + ": give two or more files and a "
                    + "name of letters, digits, '.', '_' and '-'");
        }
        for (Job j : jobs) {
            KeySweep k = j.keys() == null ? null : j.keys().sweep();
            if (k == null || k.axes().size() != 1
                    || !k.axes().get(0).sameAs(jobs.get(0).keys().sweep().axes().get(0))) {
                throw new InputException(j.file().toString(), "sweep.axes", j.name(), why + " (the first file's)");
            }
        }
        return dir(overlay, 2, jobs.get(0).file(), seen);
    }

    private static SweepTable table(Object result) {
        return result instanceof SweepTable t ? t : ((KeySweep.KeyTable) result).table();
    }

    /** @return the number of charts staged */
    private static int stage(Job j, Object result, OutputDirectory o) {
        try {
            if (result instanceof KeySweep.KeyTable k) {
                csv(k.table(), o, "sweep.csv");
                List<KeySweepCharts.Figure> figures = KeySweepCharts.draw(k, j.keys().description());
                for (KeySweepCharts.Figure f : figures) {
                    ChartFiles.write(f.chart(), o.staging(), "sweep" + f.suffix());
                }
                return figures.size();
            }
            SweepTable table = (SweepTable) result;
            csv(table, o, j.name() + ".csv");
            for (SweepTable.Chart c : table.charts()) {
                ChartFiles.write(SweepCharts.draw(table, c, title(j.description(), c)), o.staging(),
                        j.name() + c.suffix());
            }
            for (SweepTable.Comparison c : table.comparisons()) {
                ChartFiles.write(SweepCharts.draw(table, c, j.description()), o.staging(), j.name() + c.suffix());
            }
            return table.charts().size() + table.comparisons().size();
        } catch (java.io.IOException e) {
            throw OptionChecks.unwritable(j.file(), j.dir(), e);
        }
    }

    private void stageOverlay(List<Job> jobs, List<Object> results, OutputDirectory o) {
        List<KeySweep.KeyTable> tables = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            tables.add((KeySweep.KeyTable) results.get(i));
            names.add(jobs.get(i).name());
        }
        try {
            ChartFiles.write(KeySweepCharts.overlay(tables, names, overlay), o.staging(), overlay);
        } catch (java.io.IOException e) {
            throw OptionChecks.unwritable(jobs.get(0).file(), o.target(), e);
        }
    }

    private static void csv(SweepTable table, OutputDirectory o, String name) throws java.io.IOException {
        try (var w = java.nio.file.Files.newBufferedWriter(o.file(name))) {
            Csv.write(w, table.columns().toArray(new String[0]), table.rows());
        }
    }

    /** The study's own description names the figure; extra charts of the same sweep say what they plot. */
    private static String title(String description, SweepTable.Chart c) {
        if (description.isEmpty()) {
            return "";
        }
        return c.suffix().isEmpty() ? description : description + " (" + c.y() + ")";
    }
}
