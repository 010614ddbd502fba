package qtm.cli;

import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.observe.SiteObservables;
import qtm.observe.Snapshot;
import qtm.output.AtomicFile;
import qtm.output.Csv;
import qtm.output.OutputDirectory;
import qtm.report.EvolveCharts;
import qtm.run.MachineEvolution;
import qtm.scenario.Scenario;
import qtm.input.InputException;

/** {@code qtm evolve}: the exact transient ρ(t) on the scenario's grid, as CSV. */
@Command(name = "evolve", mixinStandardHelpOptions = true,
        description = "Write the exact transient rho(t) = exp(L t) rho0 from the scenario's initial state on its time "
                + "grid as CSV (to stdout, or to --csv PATH: a new file, or with --force an earlier evolve output). "
                + "Takes the presets and any machine (model.type = machine, issue 24).")
final class EvolveCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--csv", paramLabel = "PATH", description = "Write the CSV to this new file instead of stdout.")
    Path csv;

    @Option(names = "--force", description = "Replace an existing --csv file, if it is an earlier evolve output, "
            + "and an existing --charts directory, if qtm wrote it.")
    boolean force;

    @Option(names = "--charts", paramLabel = "DIR", description = "Also draw the negativity and pair concurrence over "
            + "time and the populations per site (PNG, SVG, PDF) into this new directory, by the rules of run --out.")
    Path charts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario.readForRun();
        if (csv != null) {
            requireWritableParent(csv);
            requireReplaceable(csv, scenario.file, force);
        }
        try (OutputDirectory dir = charts == null ? null : OutputDirectory.open(charts, force, scenario.file,
                "--charts")) {
            evolve(s, dir);
        }
        return 0;
    }

    private void evolve(Scenario s, OutputDirectory dir) throws Exception {
        // One place lays out evolve's columns for every model, so that the Java API gives the same numbers.
        MachineEvolution evolution = MachineEvolution.ofAny(s);
        String[] header = evolution.header();
        List<double[]> rows = evolution.rows();
        SiteObservables sites = evolution.sites();
        if (csv == null) {
            PrintWriter out = spec.commandLine().getOut();
            Csv.write(out, header, rows);
            out.flush();
        } else {
            try {
                AtomicFile.write(csv, force && Files.exists(csv, LinkOption.NOFOLLOW_LINKS),
                        w -> Csv.write(w, header, rows));
            } catch (FileAlreadyExistsException e) {
                throw new InputException(OutputDirectory.source(scenario.file), "--csv", csv.toString(),
                        "the file appeared while evolve was working and was left alone; give a new file path");
            }
        }
        if (dir != null) {
            List<String> names = List.of(header);
            EvolveCharts.write(dir.staging(), sites, column(rows, 0), c -> column(rows, names.indexOf(c)));
            dir.commit();
        }
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rows.get(k)[c];
        }
        return out;
    }

    /**
     * The rule for a file qtm writes, in the spirit of {@link qtm.output.OutputDirectory}: a new file is always fine;
     * an existing one is replaced only with --force and only if it is an earlier evolve output (its first line is
     * evolve's header), never the scenario file or anything else of the user's.
     *
     * @param path the output file
     * @param scenario the scenario file
     * @param force whether an earlier evolve output may be replaced
     */
    static void requireReplaceable(Path path, Path scenario, boolean force) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String key = "--csv";
        try {
            if (Files.isSameFile(path, scenario)) {
                throw new InputException(OutputDirectory.source(scenario), key, path.toString(),
                        "is the scenario file, which qtm never replaces; give a new file path");
            }
        } catch (java.io.IOException e) {
            // The scenario file was read a moment ago; if it cannot be compared, the header check below decides.
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(OutputDirectory.source(scenario), key, path.toString(),
                    "exists and is not a regular file; qtm never replaces it, even with --force; give a new file path");
        }
        String first = firstLine(path);
        // An evolve output of before issue 24 ends its header at the snapshot's columns; it is evolve's all the same.
        // A machine's evolve header starts with its first site's populations (MachineEvolution).
        if (first == null || !(first.equals(String.join(",", Snapshot.COLUMNS))
                || first.startsWith(String.join(",", Snapshot.COLUMNS) + ",negativity_")
                || first.startsWith("t,population_"))) {
            throw new InputException(OutputDirectory.source(scenario), key, path.toString(),
                    "exists and was not written by qtm evolve (its first line is not evolve's header); qtm never "
                    + "replaces it, even with --force; give a new file path");
        }
        if (!force) {
            throw new InputException(OutputDirectory.source(scenario), key, path.toString(),
                    "exists (an earlier evolve output); pass --force to replace it, or give a new file path");
        }
    }

    private static String firstLine(Path path) {
        byte[] head = new byte[4096];
        int n;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (java.io.IOException e) {
            return null;
        }
        String s = new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        return nl < 0 ? null : s.substring(0, nl);
    }

    /**
     * Checks before any work that an output file can be created.
     *
     * @param path the output file
     */
    static void requireWritableParent(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (Files.isDirectory(path)) {
            throw new InputException("command line", "--csv", path.toString(), "is a directory; give a file path");
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new InputException("command line", "--csv", path.toString(),
                    "its directory must exist and be writable");
        }
    }
}
