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
import qtm.report.SweepCharts;
import qtm.input.InputException;
import qtm.sweep.Study;
import qtm.scenario.StudyReader;
import qtm.sweep.SweepRunner;
import qtm.sweep.SweepTable;

/** {@code qtm sweep}: a steady-state sweep (one of the paper's figures) as tidy CSV and charts. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run the scenario's sweep (scenarios/paper/*.yaml) and write NAME.csv and charts "
                + "(PNG, SVG and PDF) into output/NAME/ (or --out DIR), for each file given. An earlier result is replaced, "
                + "as a whole, only with --force.")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions study;

    @Parameters(index = "1..*", paramLabel = "FILE", description = "More sweep scenarios, e.g. fig2b.yaml "
            + "fig2c.yaml after fig2a.yaml: files whose sweeps differ only in what they plot share one optimisation.")
    List<Path> more = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default output/NAME); with "
            + "several files, the directory holding each one's NAME/ (default output).")
    Path out;

    @Option(names = "--force", description = "Replace an existing output directory written by qtm (one holding "
            + "anything else is never replaced).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>(List.of(study.file));
        files.addAll(more);
        List<Study> studies = new ArrayList<>(List.of(study.readStudy()));
        for (Path f : more) {
            studies.add(StudyReader.read(f, study.sets));
        }
        List<Path> dirs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Study s : studies) {
            if (s.sweep() == null) {
                throw new InputException(s.file(), "sweep", "(missing)",
                        "a sweep scenario needs a sweep section; see scenarios/paper/");
            }
            // With several files --out is their parent, so each figure keeps the directory it has alone.
            Path dir = studies.size() == 1 && out != null ? out
                    : (out != null ? out : Path.of("output")).resolve(s.name());
            if (!seen.add(dir.toAbsolutePath().normalize())) {
                throw new InputException(s.file(), "name", s.name(),
                        "another file given writes " + dir + " too; give each file a different name");
            }
            dirs.add(dir);
        }
        long start = System.nanoTime();
        SweepRunner runner = new SweepRunner();
        List<OutputDirectory> outputs = new ArrayList<>();
        PrintWriter pw = spec.commandLine().getOut();
        try {
            // All claimed before any sweep runs, so a refused or concurrent sweep fails at once and writes nothing.
            for (int i = 0; i < studies.size(); i++) {
                outputs.add(OutputDirectory.open(dirs.get(i), force, files.get(i)));
            }
            List<SweepTable> tables = new ArrayList<>();
            for (Study s : studies) {
                try {
                    tables.add(runner.run(s));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new InputException(s.file(), "sweep", s.model().type(), e.getMessage());
                }
            }
            // Every result staged before any is committed, so a failure to write leaves all earlier results as they
            // were.
            for (int i = 0; i < studies.size(); i++) {
                stage(studies.get(i), tables.get(i), outputs.get(i), files.get(i), dirs.get(i));
            }
            for (int i = 0; i < studies.size(); i++) {
                commit(outputs.get(i), files.get(i), dirs.get(i));
            }
            for (int i = 0; i < studies.size(); i++) {
                pw.printf("%s: %d rows, %d chart(s) in %s (%.1f s)%n", studies.get(i).name(),
                        tables.get(i).rows().size(), tables.get(i).charts().size()
                        + tables.get(i).comparisons().size(), dirs.get(i),
                        (System.nanoTime() - start) / 1e9);
            }
        } finally {
            for (OutputDirectory o : outputs) {
                o.close();
            }
        }
        pw.flush();
        return 0;
    }

    private static void stage(Study s, SweepTable table, OutputDirectory o, Path file, Path dir) {
        try {
            try (var w = java.nio.file.Files.newBufferedWriter(o.file(s.name() + ".csv"))) {
                Csv.write(w, table.columns().toArray(new String[0]), table.rows());
            }
            for (SweepTable.Chart c : table.charts()) {
                ChartFiles.write(SweepCharts.draw(table, c, title(s, c)), o.staging(), s.name() + c.suffix());
            }
            for (SweepTable.Comparison c : table.comparisons()) {
                ChartFiles.write(SweepCharts.draw(table, c, s.description()), o.staging(), s.name() + c.suffix());
            }
        } catch (java.io.IOException e) {
            throw unwritable(file, dir, e);
        }
    }

    private static void commit(OutputDirectory o, Path file, Path dir) {
        try {
            o.commit();
        } catch (java.io.IOException e) {
            throw unwritable(file, dir, e);
        }
    }

    private static InputException unwritable(Path file, Path dir, java.io.IOException e) {
        return new InputException(OutputDirectory.source(file), "--out", dir.toString(),
                "the output directory cannot be written (" + e.getMessage() + "); nothing was replaced");
    }

    /** The study's own description names the figure; extra charts of the same sweep say what they plot. */
    private static String title(Study s, SweepTable.Chart c) {
        if (s.description().isEmpty()) {
            return "";
        }
        return c.suffix().isEmpty() ? s.description() : s.description() + " (" + c.y() + ")";
    }
}
