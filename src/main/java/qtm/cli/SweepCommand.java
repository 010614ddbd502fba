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
import qtm.sweep.Study;
import qtm.sweep.SweepTable;

/** {@code qtm sweep}: a steady-state sweep (one of the paper's figures) as tidy CSV and charts. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run the scenario's sweep (scenarios/paper/*.yaml) and write NAME.csv and charts "
                + "(PNG + SVG) into output/NAME/ (or --out DIR). An earlier result is replaced, as a whole, only with "
                + "--force.")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions study;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default output/NAME).")
    Path out;

    @Option(names = "--force", description = "Replace an existing output directory written by qtm (one holding "
            + "anything else is never replaced).")
    boolean force;

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
        // Claimed before the sweep runs, so a refused or concurrent sweep fails at once and writes nothing.
        try (OutputDirectory o = OutputDirectory.open(dir, force, study.file)) {
            try {
                table = s.sweep().run(s.model(), s.optimizer());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ScenarioException(s.file(), "sweep", s.model().type(), e.getMessage());
            }
            try {
                try (var w = java.nio.file.Files.newBufferedWriter(o.file(s.name() + ".csv"))) {
                    Csv.write(w, table.columns().toArray(new String[0]), table.rows());
                }
                for (SweepTable.Chart c : table.charts()) {
                    ChartFiles.write(SweepCharts.draw(table, c, title(s, c)), o.staging(), s.name() + c.suffix());
                }
                o.commit();
            } catch (java.io.IOException e) {
                throw new ScenarioException(OutputDirectory.source(study.file), "--out", dir.toString(),
                        "the output directory cannot be written (" + e.getMessage() + "); nothing was replaced");
            }
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
