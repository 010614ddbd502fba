package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.run.CollisionSteps;
import qtm.run.RunChecks;
import qtm.run.ScenarioRun;
import qtm.run.RunOptions;
import qtm.run.EngineOutcome;
import qtm.run.RunOutcome;
import qtm.run.RunPlan;
import qtm.run.EnsembleSummary;
import qtm.output.JumpRecords;
import qtm.output.OutputDirectory;
import qtm.report.RunWriter;
import qtm.report.ThisRun;
import qtm.ensemble.Shard;
import qtm.scenario.Scenario;
import qtm.input.InputException;
import qtm.stats.Verdict;

/** {@code qtm run}: the stochastic engines with error bars, checked against the exact solution. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the scenario's Monte Carlo engines (quantum-jump trajectories, collision model) and write "
                + "time series with standard errors, summary.json, charts (PNG, SVG and PDF) and report.html into DIR. "
                + "The scenario's ensemble.time_budget_s bounds the engines' wall time only: the files are written "
                + "after it, which takes seconds more (charts, report).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--trajectories", paramLabel = "N",
            description = "Trajectories per engine (overrides ensemble.trajectories).")
    Long trajectories;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (overrides ensemble.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default output/<name>/).")
    Path out;

    @Option(names = "--force", description = "Replace an existing output directory written by qtm (one holding "
            + "anything else is never replaced).")
    boolean force;

    @Option(names = "--extend", paramLabel = "DIR", description = "Add trajectories to the run in DIR (written by "
            + "qtm run of the same scenario and seed) up to the new total --trajectories, and rewrite DIR in place.")
    Path extend;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (I from 0 to N-1, as "
            + "$SLURM_ARRAY_TASK_ID): that contiguous range of each ensemble's trajectory indices, with the same seed "
            + "and no stop rule but Ctrl-C/SIGTERM. Writes the saved ensembles, scenario-as-run.json and shard.json "
            + "(no charts) for qtm merge.")
    String shard;

    @Option(names = "--quiet", description = "No progress bar (it is also off when stderr is not a terminal).")
    boolean quiet;

    @Option(names = "--records", paramLabel = "K", description = "Write the jumps of the trajectories with index "
            + "below K (all of them if K exceeds the trajectories) as jumps-ENGINE.csv and jumps-ENGINE.npy, with "
            + "jumps.json saying which indices they cover (default 0: none; at most "
            + JumpRecords.MAX_RECORDS + ").")
    Long records;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Scenario s = scenario.readForRun();
        OptionChecks.trajectories(trajectories);
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        OptionChecks.threads("--threads", t);
        RunChecks.points(s);
        long recordLimit = recordLimit();
        if (s.isMachine()) {
            RunChecks.machine(s, t);
        }
        List<String> notices = CollisionSteps.check(s);
        long runSeed = seed != null ? seed : s.simulation().seed();
        RunOptions base = new RunOptions(runSeed, t, trajectories != null ? trajectories : 0);
        if (shard != null) {
            if (extend != null) {
                throw OptionChecks.refuse("--shard", shard, "cannot be combined with --extend: "
                        + "extend the merged result, or run more shards");
            }
            Shard which = ShardRun.parse(s, shard, base);
            Path dir = out != null ? out : Path.of("output", s.name() + "-shards", Integer.toString(which.index()));
            return ShardRun.run(s, scenario.file, which, base, dir, force, quiet, spec.commandLine().getOut(),
                    notices, recordLimit);
        }
        Path dir = extend != null ? extend : out != null ? out : Path.of("output", s.name());
        Extension.Prior prior = new Extension.Prior(s, extend, base);
        ThisRun thisRun = ThisRun.now(commandLine(spec), t, List.of());
        // The whole output rule (which paths, replacing only qtm's own results, one run per target) lives there;
        // the claim is taken before any work, so a refused run has written nothing.
        // Refusals name the option that gave the directory: --extend's own, or --out.
        String dirKey = extend != null ? "--extend" : "--out";
        try (OutputDirectory output = OutputDirectory.open(dir, force || extend != null, scenario.file, dirKey);
                Interrupt interrupt = Interrupt.install();
                JumpRecords jumps = recordLimit == 0 ? null
                        : new JumpRecords(output.staging(), recordLimit, RunPlan.jumpChannels(s))) {
            // Notices only once the run is sure to go ahead: a refused run prints its one error line and nothing else.
            PrintWriter stderr = spec.commandLine().getErr();
            notices.forEach(stderr::println);
            stderr.flush();
            RunOptions settings = new RunOptions(runSeed, t, base.trajectories(), prior);
            try {
                boolean interrupted = s.isMachine()
                        ? new MachineRunOutput(spec.commandLine().getOut(), s, output, quiet).run(settings, interrupt,
                                jumps, extend, () -> thisRun.extending(prior.before()), recordLimit, dir)
                        : runAndWrite(s, settings, output, interrupt, jumps, () -> thisRun.extending(prior.before()),
                                recordLimit, dir).interrupted();
                return interrupted ? interrupt.exitStatus() : 0;
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new InputException(OutputDirectory.source(scenario.file), dirKey, dir.toString(),
                        "the output directory cannot be written (" + e.getMessage() + "); nothing was replaced");
            }
        }
    }

    /** Checks --records and what it cannot be combined with; returns how many trajectories' jumps to record. */
    private long recordLimit() {
        long recordLimit = records == null ? 0 : records;
        if (recordLimit < 0 || recordLimit > JumpRecords.MAX_RECORDS) {
            throw OptionChecks.refuse("--records", Long.toString(recordLimit),
                    "expected a whole number in [0, " + JumpRecords.MAX_RECORDS + "]");
        }
        if (extend != null && records != null) {
            throw OptionChecks.refuse("--records", Long.toString(recordLimit), "cannot be combined "
                    + "with --extend: an extension keeps the records of " + extend + " as they are");
        }
        if (extend != null && out != null) {
            throw OptionChecks.refuse("--out", out.toString(),
                    "--extend rewrites its own directory; give no --out with it");
        }
        return recordLimit;
    }

    /**
     * Runs the scenario into the staging directory, adds the jump records and the report, and commits the directory.
     * The provenance is read only after the run, since an extension learns what each ensemble held as it starts.
     */
    private RunOutcome runAndWrite(Scenario s, RunOptions settings, OutputDirectory output, Interrupt interrupt,
            JumpRecords jumps, Supplier<ThisRun> thisRun, long recordLimit, Path dir) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        RunOutcome o = ScenarioRun.run(s, settings, new Console(stdout, s, output.staging(), settings.seed(), jumps),
                interrupt::requested);
        if (jumps != null) {
            jumps.writeIndex();
        }
        if (extend != null) {
            JumpRecords.carry(extend, output.staging());
        }
        // Last: the report links every file of the directory.
        RunWriter.write(o, output.staging(), java.util.Map.of(), new RunWriter.Provenance(
                RunPlan.planned(s, settings), recordLimit, thisRun.get()));
        output.commit();
        stdout.println("wrote " + dir);
        stdout.flush();
        return o;
    }

    /** Progress bars on stderr and one line per engine on stdout. */
    private final class Console extends BarConsole {
        Console(PrintWriter stdout, Scenario scenario, Path staging, long seed, JumpRecords jumps) {
            super(stdout, scenario, staging, seed, jumps, quiet);
        }

        @Override
        public void steady(qtm.observe.Snapshot steady) {
            String title = scenario().model().title();
            String how = title.indexOf(", ") < 0 ? "" : title.substring(title.indexOf(", "));
            say("exact: steady state C=%.5f, Q_cold=%.6g (master equation%s)%n", steady.concurrence(),
                    steady.heatCold(), how);
        }

        @Override
        public void finished(EngineOutcome e) {
            endBar();
            EnsembleSummary r = e.result();
            Verdict v = e.verdict();
            qtm.stats.RareEvents.Flagged c = r.last(qtm.observe.Estimates.concurrence());
            // The exact value is the one the verdict judges against: the collision map's for the collision model.
            List<qtm.observe.Snapshot> exact = e.referenceRows();
            say("%s: N=%d, %s, %.1f s, C(final)=%.5f ± %.5f (exact %.5f)%s, max|z|=%.2f, p=%.3g, %s%n", e.name(),
                    r.trajectories(), r.stopReason().words(), r.seconds(), c.mean(), c.se(),
                    exact.get(exact.size() - 1).concurrence(), c.reliable() ? "" : ", SE unreliable", v.maxAbsZ(),
                    v.pValue(), e.verdictWords());
        }
    }

    /**
     * @param spec any command's spec
     * @return "qtm" and the arguments as picocli received them, for the provenance
     */
    static List<String> commandLine(CommandSpec spec) {
        List<String> line = new ArrayList<>(List.of("qtm"));
        line.addAll(spec.root().commandLine().getParseResult().originalArgs());
        return line;
    }
}
