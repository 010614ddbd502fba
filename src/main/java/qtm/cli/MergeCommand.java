package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.Ranges;
import qtm.ensemble.ShardSum;
import qtm.output.InputFiles;
import qtm.output.JumpMerge;
import qtm.output.JumpRecords;
import qtm.output.OutputDirectory;
import qtm.report.MachineRunWriter;
import qtm.report.RunWriter;
import qtm.output.ShardRecord;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;
import qtm.run.MachineRun;
import qtm.run.ScenarioRun;
import qtm.run.RunOptions;
import qtm.run.EngineOutcome;
import qtm.run.RunOutcome;
import qtm.run.RunPlan;

/**
 * {@code qtm merge DIR... --out OUT}: the shards of one ensemble, written by {@code qtm run --shard}, merged exactly
 * into everything {@code qtm run} writes. Refuses shards of another scenario, seed or qtm version, overlapping
 * ranges and, without {@code --partial}, missing ones.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge shard directories written by qtm run --shard (in any order) into the outputs of one "
                + "qtm run: CSV, summary.json, charts, report. The data files equal those of one process with the "
                + "same seed and total count.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Shard directories.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "OUT", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--partial", description = "Merge what exists even if trajectory ranges are missing; the "
            + "result is marked partial in summary.json and the report, with the missing ranges.")
    boolean partial;

    @Option(names = "--force", description = "Replace an existing output directory written by qtm.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        qtm.report.ThisRun started = qtm.report.ThisRun.now(RunCommand.commandLine(spec), null, List.of());
        List<ShardRecord> records = new ArrayList<>();
        for (Path d : dirs) {
            records.add(record(d));
        }
        // By real path and file identity: a symbolic link must not let the merge write into (or replace) a shard.
        Path shared = InputFiles.clash(out, dirs);
        if (shared != null) {
            throw OptionChecks.refuse("--out", out.toString(), "is (or holds, or lies in) the shard "
                    + "directory " + shared + "; merge into a directory of its own");
        }
        Path first = dirs.get(0);
        ShardRecord r0 = records.get(0);
        String scenarioText = scenarioText(first);
        for (int i = 0; i < dirs.size(); i++) {
            Path d = dirs.get(i);
            String why = records.get(i).unlike(r0, first, () -> scenarioText(d).equals(scenarioText));
            if (why != null) {
                throw OptionChecks.refuse("DIR", d.toString(), "cannot be merged: " + why);
            }
        }
        Scenario read = ScenarioReader.readForRun(first.resolve(ShardRecord.SCENARIO), List.of());
        // Name and file as the shards were run, so that the outputs say what a single run would.
        // Shards of one scenario may name its file differently (relative, absolute): take the least, so that the
        // output does not depend on the order of the directories.
        String file = records.stream().map(ShardRecord::file).min(String::compareTo).orElseThrow();
        Scenario s = new Scenario(r0.name(), read.description(), file, read.model(), read.initial(), read.time(),
                read.source(), read.simulation(), read.machine(), read.target());
        Map<String, List<long[]>> missing = new LinkedHashMap<>();
        Map<String, EnsembleResult> merged = merged(s, records, missing);
        if (merged.isEmpty()) {
            throw OptionChecks.refuse("DIR", first.toString(), "cannot be merged: no shard holds any "
                    + "trajectory");
        }
        List<JumpRecords.Index> jumpIndexes = JumpMerge.indexes(dirs);
        PrintWriter stdout = spec.commandLine().getOut();
        write(s, records, merged, missing, jumpIndexes, started, stdout);
        stdout.println((missing.isEmpty() ? "merged " : "merged (partial) ") + dirs.size() + " shard"
                + (dirs.size() == 1 ? "" : "s") + " into " + out);
        stdout.flush();
        return 0;
    }

    /**
     * Each ensemble's shards summed, in the order of the first shard's record; the ranges an ensemble lacks go into
     * {@code missing} (with --partial; without it they are refused).
     */
    private Map<String, EnsembleResult> merged(Scenario s, List<ShardRecord> records,
            Map<String, List<long[]>> missing) {
        ShardRecord r0 = records.get(0);
        Map<String, EnsembleResult> merged = new LinkedHashMap<>();
        Map<String, String> engines = RunPlan.ensembleLabels(s);
        for (Map.Entry<String, ShardRecord.Planned> e : r0.ensembles().entrySet()) {
            String label = e.getKey();
            List<qtm.observe.Quantity> quantities = RunPlan.quantities(s, engines.get(label));
            // Shards are read in parallel (inflating the files is most of a large merge) and summed as they come:
            // the sums are exact, so the order does not change a bit.
            ShardSum all = java.util.stream.IntStream.range(0, dirs.size()).parallel()
                    .mapToObj(i -> ShardSum.of(SavedFiles.shard(s, quantities, dirs.get(i), label, r0.seed(),
                            records.get(i).ensembles().get(label)), dirs.get(i)))
                    .reduce(ShardSum::plus).orElseThrow();
            List<long[]> ranges = all.ranges();
            long[][] clash = Ranges.overlap(ranges);
            if (clash != null) {
                throw OptionChecks.refuse("DIR", all.owner(clash[1]).toString(), "cannot be merged: its "
                        + "trajectories " + Ranges.show(clash[1]) + " of ensemble " + label + " overlap "
                        + Ranges.show(clash[0]) + " of " + all.owner(clash[0]));
            }
            EnsembleResult sum = all.sum();
            List<long[]> gaps = Ranges.missing(ranges, e.getValue().total());
            if (!gaps.isEmpty()) {
                if (!partial) {
                    StringBuilder b = new StringBuilder();
                    for (long[] g : gaps) {
                        b.append(b.length() == 0 ? "" : ", ").append(Ranges.show(g));
                    }
                    throw OptionChecks.refuse("DIR", String.join(" ", dirs.stream().map(Path::toString)
                            .toList()), "cannot be merged: ensemble " + label + " lacks the trajectories " + b
                            + " of [0, " + e.getValue().total() + ")" + planners(records, dirs, label, gaps)
                            + "; run those shards (qtm slurm --resume), or merge with --partial");
                }
                missing.put(label, gaps);
                if (sum != null) {
                    sum = sum.withStop(qtm.ensemble.StopReason.PARTIAL, sum.seconds());
                }
            }
            if (sum != null) {
                merged.put(label, sum);
            }
        }
        return merged;
    }

    /** Writes the merged outputs as one run would, with the shards' jump records and the report last. */
    private void write(Scenario s, List<ShardRecord> records, Map<String, EnsembleResult> merged,
            Map<String, List<long[]>> missing, List<JumpRecords.Index> jumpIndexes, qtm.report.ThisRun started,
            PrintWriter stdout) throws IOException {
        ShardRecord r0 = records.get(0);
        try (OutputDirectory output = OutputDirectory.open(out, force)) {
            RunOptions settings = new RunOptions(r0.seed(), 1, 0, merged::get, null, true);
            try {
                // As its shards planned them, which is what one process of the same command would have planned.
                Map<String, Long> planned = new LinkedHashMap<>();
                r0.ensembles().forEach((label, p) -> planned.put(label, p.total()));
                List<ShardRecord> byIndex = records.stream()
                        .sorted(java.util.Comparator.comparingInt(ShardRecord::shard)).toList();
                RunWriter.Provenance provenance = new RunWriter.Provenance(planned,
                        jumpIndexes == null ? 0 : jumpIndexes.get(0).limit(), started.merging(byIndex));
                Writer writer = new Writer(s, output.staging(), r0.seed(), stdout);
                MachineRun.Outcome machine = s.isMachine() ? MachineRun.run(s, settings, writer, () -> false) : null;
                RunOutcome o = s.isMachine() ? null : ScenarioRun.run(s, settings, writer, () -> false);
                if (jumpIndexes != null) {
                    JumpMerge.merge(RunPlan.jumpChannels(s), s.simulation().engines(), dirs, jumpIndexes,
                            output.staging());
                }
                // Last: the report links every file of the directory.
                if (machine != null) {
                    MachineRunWriter.write(machine, output.staging(), missing, provenance);
                } else {
                    RunWriter.write(o, output.staging(), missing, provenance);
                }
                output.commit();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw OptionChecks.refuse("--out", out.toString(),
                        "the output directory cannot be written (" + e.getMessage() + "); nothing was replaced");
            }
        }
    }

    /** ", planned in DIR, …" for the shards whose planned range meets a gap (they lack their saved file or stopped). */
    private static String planners(List<ShardRecord> records, List<Path> dirs, String label, List<long[]> gaps) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ShardRecord.Planned p = records.get(i).ensembles().get(label);
            for (long[] g : gaps) {
                if (p != null && p.from() < g[1] && g[0] < p.to()) {
                    names.add(dirs.get(i).toString());
                    break;
                }
            }
        }
        return names.isEmpty() ? "" : ", planned in " + String.join(", ", names);
    }

    private static ShardRecord record(Path d) {
        if (!Files.exists(d.resolve(ShardRecord.FILE))) {
            throw OptionChecks.refuse("DIR", d.toString(), "holds no " + ShardRecord.FILE
                    + ": expected a directory written by qtm run --shard");
        }
        try {
            return ShardRecord.read(d);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw OptionChecks.refuse("DIR", d.resolve(ShardRecord.FILE).toString(),
                    "cannot be read as a shard record (damaged JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr()) + ")");
        } catch (IOException | IllegalArgumentException e) {
            throw OptionChecks.refuse("DIR", d.resolve(ShardRecord.FILE).toString(),
                    "cannot be read as a shard record (" + e.getMessage() + ")");
        }
    }

    private static String scenarioText(Path d) {
        try {
            return InputFiles.readSmall(d.resolve(ShardRecord.SCENARIO));
        } catch (IOException e) {
            throw OptionChecks.refuse("DIR", d.toString(), "holds no readable " + ShardRecord.SCENARIO
                    + ": expected a directory written by qtm run --shard");
        } catch (IllegalArgumentException e) {
            throw OptionChecks.refuse("DIR", d.resolve(ShardRecord.SCENARIO).toString(), e.getMessage());
        }
    }

    /** Writes each merged ensemble as a run would; one line per engine. */
    private static final class Writer extends RunConsole {
        Writer(Scenario scenario, Path staging, long seed, PrintWriter stdout) {
            super(stdout, scenario, staging, seed, false, null);
        }

        @Override
        public void finished(EngineOutcome e) {
            say("%-12s N=%d  max|z|=%.2f  p=%.3g  %s%n", e.name(), e.result().trajectories(), e.verdict().maxAbsZ(),
                    e.verdict().pValue(), e.verdictWords());
        }
    }
}
