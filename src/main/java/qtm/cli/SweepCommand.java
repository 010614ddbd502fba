package qtm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.report.ChartFiles;
import qtm.report.Csv;
import qtm.report.OutputDirectory;
import qtm.report.SweepCharts;
import qtm.scenario.ScenarioException;
import qtm.scenario.Study;
import qtm.sweep.SweepTable;

/** {@code qtm sweep}: a steady-state sweep (one of the paper's figures) as tidy CSV and charts. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run the scenario's sweep (scenarios/paper/*.yaml) and write NAME.csv and charts "
                + "(PNG + SVG) into output/NAME/ (or --out DIR). A re-run replaces the directory as a whole.")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions study;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default output/NAME).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Study s = study.readStudy();
        if (s.sweep() == null) {
            throw new ScenarioException(s.file(), "sweep", "(missing)",
                    "a sweep scenario needs a sweep section; see scenarios/paper/");
        }
        Path dir = out != null ? out : Path.of("output", s.name());
        long start = System.nanoTime();
        SweepTable table;
        try {
            table = s.sweep().run(s.model(), s.optimizer());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ScenarioException(s.file(), "sweep", s.model().type(), e.getMessage());
        }
        // The sweep is deterministic, so a re-run may replace an earlier result.
        try (OutputDirectory o = OutputDirectory.open(dir, true)) {
            try (var w = java.nio.file.Files.newBufferedWriter(o.file(s.name() + ".csv"))) {
                Csv.write(w, table.columns().toArray(new String[0]), table.rows());
            }
            for (SweepTable.Chart c : table.charts()) {
                // The directory that will hold the CSV is where the charts go too.
                ChartFiles.write(SweepCharts.draw(table, c, title(s, c)), o.file(s.name() + ".csv").getParent(),
                        s.name() + c.suffix());
            }
            o.commit();
        }
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf("%s: %d rows, %d chart(s) in %s (%.1f s)%n", s.name(), table.rows().size(), table.charts().size(),
                dir, (System.nanoTime() - start) / 1e9);
        pw.flush();
        return 0;
    }

    /** The study's own description names the figure; extra charts of the same sweep say what they plot. */
    private static String title(Study s, SweepTable.Chart c) {
        if (s.description().isEmpty()) {
            return "";
        }
        return c.suffix().isEmpty() ? s.description() : s.description() + " (" + c.y() + ")";
    }
}
