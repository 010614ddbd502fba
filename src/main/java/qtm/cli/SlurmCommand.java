package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.ensemble.Shard;
import qtm.output.Json;
import qtm.output.OutputDirectory;
import qtm.output.ShardRecord;
import qtm.output.SlurmScripts;
import qtm.scenario.Scenario;
import qtm.run.RunOptions;
import qtm.run.RunPlan;

/**
 * {@code qtm slurm FILE --shards N --out OUT}: writes an sbatch job-array script (one task per shard) and a merge
 * script next to OUT, and with {@code --submit} submits both, the merge depending on the whole array.
 *
 * <p>The scripts, their files and their seal against hand edits are {@link SlurmScripts}'; this class checks the
 * options, calls it and sbatch, and prints.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = "Write (and with --submit, submit) a Slurm job array that runs the scenario as N shards "
                + "(qtm run --shard) and a merge job (qtm merge) that depends on it. A Monte Carlo sweep (sweep.axes "
                + "with engines) is sharded by points: each task runs qtm sweep --shard I/N, a slice of its points "
                + "(N at most their number), and the merge job qtm sweep --merge.")
final class SlurmCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--shards", paramLabel = "N", required = true, description = "Number of shards (array tasks).")
    int shards;

    @Option(names = "--out", paramLabel = "OUT", required = true, description = "The merged output directory.")
    Path out;

    @Option(names = "--trajectories", paramLabel = "N", description = "Total trajectories per engine (as for run).")
    Long trajectories;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (overrides ensemble.seed).")
    Long seed;

    @Option(names = "--partition", paramLabel = "P", description = "sbatch --partition.")
    String partition;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "sbatch --time of each shard and of the merge.")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "CPUs (and qtm threads) per shard "
            + "(default ${DEFAULT-VALUE}).")
    int cpus = 1;

    @Option(names = "--mem", paramLabel = "M", description = "sbatch --mem, e.g. 2G.")
    String mem;

    @Option(names = "--account", paramLabel = "A", description = "sbatch --account.")
    String account;

    @Option(names = "--submit", description = "Submit the array and the merge job (afterok dependency).")
    boolean submit;

    @Option(names = "--wait", description = "With --submit: wait for the merge job and exit 0 only if it completed.")
    boolean await;

    @Option(names = "--resume", description = "With --submit: submit only the shards that have no complete result.")
    boolean resume;

    @Option(names = "--force", description = "Overwrite scripts that were edited by hand.")
    boolean force;

    @Spec
    CommandSpec spec;

    /**
     * Most shards: clusters cap array sizes anyway. The merge job reads the shard list from its own script (a here
     * document given to {@code qtm merge @/dev/stdin}), so no count of shards or length of path can make its command
     * line exceed the kernel's argument limit.
     */
    static final int MAX_SHARDS = 10_000;

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkOptions();
        SlurmSweep sweep = SlurmSweep.of(scenario, seed, shards, resume);
        Scenario s = sweep == null ? scenario.readForRun() : null;
        RunOptions base = sweep == null ? checked(s) : null;
        checkPaths();
        Path target = out.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        SlurmScripts scripts = new SlurmScripts(sweep == null ? s.name() : sweep.name(), scenario.forScripts(),
                target, new SlurmScripts.Resources(cpus, time, mem, partition, account));
        String launcher = Slurm.launcher();
        String[] text = sweep != null ? sweep.scripts(scripts, launcher, cwd, trajectories, shards) : new String[] {
            scripts.array(launcher, cwd, scenario.sets, base.seed(), trajectories, shards),
            scripts.merge(launcher, cwd, shards)};
        scripts.write(text[0], text[1], force, OutputDirectory.source(scenario.file), out.toString());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + scripts.arrayScript());
        stdout.println("wrote " + scripts.mergeScript());
        stdout.flush();
        return submit ? submit(s, base, scripts, stdout) : 0;
    }

    /** Checks the options before any file is read. */
    private void checkOptions() {
        if (shards < 1 || shards > MAX_SHARDS) {
            throw OptionChecks.refuse("--shards", Integer.toString(shards), "expected 1 to " + MAX_SHARDS
                    + " (one array task each)");
        }
        OptionChecks.threads("--cpus-per-task", cpus);
        check("--time", time, "([0-9]+-)?[0-9]{1,3}(:[0-9]{2}){0,2}|UNLIMITED|INFINITE",
                "HH:MM:SS, D-HH:MM:SS, minutes or UNLIMITED");
        check("--mem", mem, "[0-9]+[KMGTkmgt]?", "a size such as 4000, 2G or 500M");
        check("--partition", partition, "[A-Za-z0-9_.,-]+", "a partition name (letters, digits, . _ , -)");
        check("--account", account, "[A-Za-z0-9_.-]+", "an account name (letters, digits, . _ -)");
        if ((await || resume) && !submit) {
            throw OptionChecks.refuse(await ? "--wait" : "--resume", "true", "needs --submit");
        }
        OptionChecks.trajectories(trajectories);
    }

    /** Checks a run scenario as each shard and the merge will; returns the run's options. */
    private RunOptions checked(Scenario s) {
        RunOptions base = new RunOptions(seed != null ? seed : s.simulation().seed(), 1,
                trajectories != null ? trajectories : 0);
        // The same checks as each shard's and the merge's, now rather than in N failed jobs.
        ShardRun.requireEnough(s, shards, base, "--shards", Integer.toString(shards));
        return base;
    }

    /** Checks the paths that go into the scripts before anything is written. */
    private void checkPaths() {
        OutputDirectory.preflight(out, true, scenario.file);
        // Every path and value below goes into a shell script and into #SBATCH lines, which Slurm splits at
        // whitespace: refuse what would not survive that rather than write a script that does something else.
        plain("--out", out.toAbsolutePath().normalize().toString());
        plain("FILE", scenario.forScripts());
        plain("FILE", Path.of("").toAbsolutePath().toString());
        for (String set : scenario.sets) {
            if (set.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw OptionChecks.refuse("--set", set, "expected no control characters");
            }
        }
    }

    /** Submits the array (with --resume, only its incomplete shards) and the merge; with --wait, awaits the merge. */
    private int submit(Scenario s, RunOptions base, SlurmScripts scripts, PrintWriter stdout)
            throws IOException, InterruptedException {
        if (!Slurm.onPath("sbatch")) {
            throw OptionChecks.refuse("--submit", "sbatch", "not found on the PATH: submit the scripts on a "
                    + "Slurm login node (they are written: " + scripts.arrayScript() + ", " + scripts.mergeScript()
                    + ")");
        }
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            if (!resume || !complete(scripts.shard(i), i, shards, s, base)) {
                todo.add(i);
            }
        }
        String arrayId = null;
        if (!todo.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
            if (resume) {
                cmd.add("--array=" + Slurm.ranges(todo));
            }
            cmd.add(scripts.arrayScript().toString());
            arrayId = Slurm.jobId(Slurm.run(cmd));
            stdout.println("submitted shards " + Slurm.ranges(todo) + " of " + shards + " as job " + arrayId);
        } else {
            stdout.println("every shard has a complete result; submitting only the merge");
        }
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        if (arrayId != null) {
            // Without kill-on-invalid-dep a failed shard would leave the merge pending forever.
            cmd.add("--dependency=afterok:" + arrayId);
            cmd.add("--kill-on-invalid-dep=yes");
        }
        cmd.add(scripts.mergeScript().toString());
        String mergeId = Slurm.jobId(Slurm.run(cmd));
        stdout.println("submitted merge as job " + mergeId);
        stdout.flush();
        if (!await) {
            return 0;
        }
        String state = Slurm.waitFor(mergeId);
        stdout.println("merge job " + mergeId + " ended " + state);
        stdout.flush();
        return state.equals("COMPLETED") ? 0 : 1;
    }

    private static void check(String option, String value, String pattern, String allowed) {
        if (value != null && !value.matches(pattern)) {
            throw OptionChecks.refuse(option, value, "expected " + allowed);
        }
    }

    private static void plain(String key, String value) {
        if (!value.matches("[A-Za-z0-9_./+,:@%=-]+")) {
            throw OptionChecks.refuse(key, value, "expected a path of letters, digits and . _ / + , : @ % = - "
                    + "only: it goes into #SBATCH lines, which Slurm splits at whitespace");
        }
    }

    /** A shard directory whose record says it ran its whole range of this very run ({@link ShardRecord#ranWhole}). */
    private static boolean complete(Path dir, int index, int count, Scenario s, RunOptions base) {
        try {
            Map<String, Long> totals = new LinkedHashMap<>();
            RunPlan.ensembleLabels(s).forEach((label, engine) ->
                    totals.put(label, RunPlan.trajectoriesFor(s, engine, base)));
            return ShardRecord.ranWhole(dir, new Shard(index, count), base.seed(), totals,
                    Json.write(s.source().json()) + "\n");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
