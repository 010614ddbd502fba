package qtm.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ejml.data.ZMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.exact.Transient;
import qtm.observe.Snapshot;
import qtm.report.AtomicFile;
import qtm.report.Csv;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioException;

/** {@code qtm evolve}: the exact transient ρ(t) on the scenario's grid, as CSV. */
@Command(name = "evolve", mixinStandardHelpOptions = true,
        description = "Write the exact transient rho(t) = exp(L t) rho0 from the scenario's initial state on its time "
                + "grid as CSV (to stdout, or to --csv PATH).")
final class EvolveCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--csv", paramLabel = "PATH", description = "Write the CSV to this file instead of stdout.")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario.read();
        if (csv != null) {
            requireWritableParent(csv);
        }
        List<ZMatrixRMaj> states = new Transient(s.model(), s.time()).evolve(s.initial());
        List<double[]> rows = new ArrayList<>(states.size());
        for (int k = 0; k < states.size(); k++) {
            rows.add(Snapshot.of(s.model(), s.time().time(k), states.get(k)).values());
        }
        if (csv == null) {
            PrintWriter out = spec.commandLine().getOut();
            Csv.write(out, Snapshot.COLUMNS, rows);
            out.flush();
        } else {
            AtomicFile.write(csv, w -> Csv.write(w, Snapshot.COLUMNS, rows));
        }
        return 0;
    }

    /**
     * Checks before any work that an output file can be created.
     *
     * @param path the output file
     */
    static void requireWritableParent(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (Files.isDirectory(path)) {
            throw new ScenarioException("command line", "--csv", path.toString(), "is a directory; give a file path");
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new ScenarioException("command line", "--csv", path.toString(),
                    "its directory must exist and be writable");
        }
    }
}
