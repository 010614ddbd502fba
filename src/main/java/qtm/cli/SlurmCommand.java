package qtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import qtm.ensemble.Shard;
import qtm.output.OutputDirectory;
import qtm.output.ShardRecord;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioException;
import qtm.run.RunOptions;
import qtm.run.RunPlan;

/**
 * {@code qtm slurm FILE --shards N --out OUT}: writes an sbatch job-array script (one task per shard) and a merge
 * script next to OUT, and with {@code --submit} submits both, the merge depending on the whole array.
 *
 * <p>Files, for OUT = {@code path/NAME}: {@code path/NAME.array.sbatch}, {@code path/NAME.merge.sbatch}, the shard
 * directories {@code path/NAME.shards/I} and Slurm's logs in {@code path/NAME.logs}. Each script ends with a line
 * holding the SHA-256 of what qtm wrote above it, so that a hand-edited script is recognised and kept.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = "Write (and with --submit, submit) a Slurm job array that runs the scenario as N shards "
                + "(qtm run --shard) and a merge job (qtm merge) that depends on it.")
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

    private static final String WHERE = "command line";
    /**
     * Most shards: clusters cap array sizes anyway. The merge job reads the shard list from its own script (a here
     * document given to {@code qtm merge @/dev/stdin}), so no count of shards or length of path can make its command
     * line exceed the kernel's argument limit.
     */
    static final int MAX_SHARDS = 10_000;
    private static final String SEAL = "# qtm-sha256: ";
    /** Ends the here document of shard directories in the merge script; no plain() path can equal it. */
    private static final String END_OF_LIST = "QTM_SHARD_LIST";

    @Override
    public Integer call() throws IOException, InterruptedException {
        Scenario s = scenario.read();
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new ScenarioException(WHERE, "--shards", Integer.toString(shards), "expected 1 to " + MAX_SHARDS
                    + " (one array task each)");
        }
        if (cpus < 1 || cpus > 1024) {
            throw new ScenarioException(WHERE, "--cpus-per-task", Integer.toString(cpus), "expected 1 to 1024");
        }
        check("--time", time, "([0-9]+-)?[0-9]{1,3}(:[0-9]{2}){0,2}|UNLIMITED|INFINITE",
                "HH:MM:SS, D-HH:MM:SS, minutes or UNLIMITED");
        check("--mem", mem, "[0-9]+[KMGTkmgt]?", "a size such as 4000, 2G or 500M");
        check("--partition", partition, "[A-Za-z0-9_.,-]+", "a partition name (letters, digits, . _ , -)");
        check("--account", account, "[A-Za-z0-9_.-]+", "an account name (letters, digits, . _ -)");
        if ((await || resume) && !submit) {
            throw new ScenarioException(WHERE, await ? "--wait" : "--resume", "true", "needs --submit");
        }
        if (trajectories != null && (trajectories < 1 || trajectories > qtm.scenario.ScenarioReader.MAX_TRAJECTORIES)) {
            throw new ScenarioException(WHERE, "--trajectories", Long.toString(trajectories),
                    "expected a whole number in [1, " + qtm.scenario.ScenarioReader.MAX_TRAJECTORIES + "]");
        }
        RunOptions base = new RunOptions(seed != null ? seed : s.simulation().seed(), 1,
                trajectories != null ? trajectories : 0);
        // The same checks as each shard's and the merge's, now rather than in N failed jobs.
        ShardRun.requireEnough(s, shards, base, "--shards", Integer.toString(shards));
        OutputDirectory.preflight(out, true, scenario.file);
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        // Every path and value below goes into a shell script and into #SBATCH lines, which Slurm splits at
        // whitespace: refuse what would not survive that rather than write a script that does something else.
        plain("--out", target.toString());
        plain("FILE", scenario.file.toString());
        plain("FILE", Path.of("").toAbsolutePath().toString());
        for (String set : scenario.sets) {
            if (set.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new ScenarioException(WHERE, "--set", set, "expected no control characters");
            }
        }
        Path shardDir = parent.resolve(name + ".shards");
        Path logs = parent.resolve(name + ".logs");
        Path arrayScript = parent.resolve(name + ".array.sbatch");
        Path mergeScript = parent.resolve(name + ".merge.sbatch");
        String launcher = launcher();
        // The scenario path as the user gave it, from the directory it was given in: the outputs then name the file
        // as a run in that directory would.
        String file = quote(scenario.file.toString());
        String cd = "cd " + quote(Path.of("").toAbsolutePath().toString()) + "\n";
        StringBuilder options = new StringBuilder();
        for (String set : scenario.sets) {
            options.append(" --set ").append(quote(set));
        }
        options.append(" --seed ").append(base.seed());
        if (trajectories != null) {
            options.append(" --trajectories ").append(trajectories);
        }
        String array = header(s, "qtm-" + s.name(), logs.resolve("shard-%a.out"))
                + "#SBATCH --array=0-" + (shards - 1) + "\n"
                + "\n# Shard $SLURM_ARRAY_TASK_ID of " + shards + ": its contiguous range of every ensemble's "
                + "trajectory indices.\nset -euo pipefail\n" + cd
                + "exec " + launcher + " run " + file + options + " --shard \"$SLURM_ARRAY_TASK_ID/" + shards + "\""
                + " --threads \"${SLURM_CPUS_PER_TASK:-" + cpus + "}\" --quiet --force"
                + " --out " + quote(shardDir.toString()) + "/\"$SLURM_ARRAY_TASK_ID\"\n";
        // The shard list goes through picocli's argument file (@FILE), read from a here document: an argument list
        // of 10,000 long paths would exceed the kernel's limit on exec's arguments, and the merge could never start.
        // The paths are plain() (no quote, '#' or whitespace), single-quoted for picocli; the quoted delimiter
        // keeps bash from expanding anything in them.
        StringBuilder dirs = new StringBuilder();
        for (int i = 0; i < shards; i++) {
            dirs.append(quote(shardDir.resolve(Integer.toString(i)).toString())).append('\n');
        }
        String merge = header(s, "qtm-" + s.name() + "-merge", logs.resolve("merge.out"))
                + "\n# Runs after every shard succeeded (afterok). After a failed shard: qtm slurm ... --submit "
                + "--resume,\n# or qtm merge --partial over the shards that exist.\nset -euo pipefail\n" + cd
                + "exec " + launcher + " merge @/dev/stdin --out " + quote(target.toString()) + " --force <<'"
                + END_OF_LIST + "'\n" + dirs + END_OF_LIST + "\n";
        // Both seals and the directories are checked before anything is written, so a refusal leaves all as it was.
        requireOurs(arrayScript);
        requireOurs(mergeScript);
        requireDirectory(logs, "Slurm's logs");
        requireDirectory(shardDir, "the shards' results");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new ScenarioException(OutputDirectory.source(scenario.file), "--out", out.toString(), "the log directory " + logs + " cannot be "
                    + "created (" + e.getMessage() + ")");
        }
        writeScript(arrayScript, array);
        writeScript(mergeScript, merge);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + arrayScript);
        stdout.println("wrote " + mergeScript);
        stdout.flush();
        if (!submit) {
            return 0;
        }
        if (!onPath("sbatch")) {
            throw new ScenarioException(WHERE, "--submit", "sbatch", "not found on the PATH: submit the scripts on a "
                    + "Slurm login node (they are written: " + arrayScript + ", " + mergeScript + ")");
        }
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            if (!resume || !complete(shardDir.resolve(Integer.toString(i)), i, shards, s, base)) {
                todo.add(i);
            }
        }
        String arrayId = null;
        if (!todo.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
            if (resume) {
                cmd.add("--array=" + ranges(todo));
            }
            cmd.add(arrayScript.toString());
            arrayId = jobId(Slurm.run(cmd));
            stdout.println("submitted shards " + ranges(todo) + " of " + shards + " as job " + arrayId);
        } else {
            stdout.println("every shard has a complete result; submitting only the merge");
        }
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        if (arrayId != null) {
            // Without kill-on-invalid-dep a failed shard would leave the merge pending forever.
            cmd.add("--dependency=afterok:" + arrayId);
            cmd.add("--kill-on-invalid-dep=yes");
        }
        cmd.add(mergeScript.toString());
        String mergeId = jobId(Slurm.run(cmd));
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

    private String header(Scenario s, String job, Path log) {
        StringBuilder h = new StringBuilder("#!/bin/bash\n");
        h.append("# Written by qtm slurm for scenario ").append(s.name()).append(" (").append(scenario.file)
                .append("). Edit freely: qtm slurm keeps an edited\n# script unless given --force.\n");
        h.append("#SBATCH --job-name=").append(job).append('\n');
        h.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        // Slurm expands %-patterns in the log path (%a is the task index): a '%' of the user's path is written %%.
        h.append("#SBATCH --output=").append(log.getParent().toString().replace("%", "%%")).append('/')
                .append(log.getFileName()).append('\n');
        if (time != null) {
            h.append("#SBATCH --time=").append(time).append('\n');
        }
        if (mem != null) {
            h.append("#SBATCH --mem=").append(mem).append('\n');
        }
        if (partition != null) {
            h.append("#SBATCH --partition=").append(partition).append('\n');
        }
        if (account != null) {
            h.append("#SBATCH --account=").append(account).append('\n');
        }
        return h.toString();
    }

    private static void check(String option, String value, String pattern, String allowed) {
        if (value != null && !value.matches(pattern)) {
            throw new ScenarioException(WHERE, option, value, "expected " + allowed);
        }
    }

    /**
     * Refuses a script that exists and no longer matches the seal qtm wrote into it (unless --force), and, even with
     * --force, anything at the script's path that is not a regular file (a directory, a symbolic link, a FIFO).
     */
    private void requireOurs(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ScenarioException(OutputDirectory.source(scenario.file), "--out", out.toString(), file + " exists and is not a regular file "
                    + "(a directory, symbolic link or other); qtm never replaces it, even with --force: move it away "
                    + "or choose another --out");
        }
        if (force) {
            return;
        }
        String old;
        try {
            // Bytes decoded leniently: a file that is not UTF-8 is simply not qtm's (its seal cannot match).
            old = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(OutputDirectory.source(scenario.file), "--out", out.toString(), file + " cannot be read (" + e.getMessage()
                    + "); qtm replaces only a script it can check");
        }
        int at = old.lastIndexOf(SEAL);
        boolean ours = at >= 0 && old.substring(at + SEAL.length()).trim().equals(sha256(old.substring(0, at)));
        if (!ours) {
            throw new ScenarioException(OutputDirectory.source(scenario.file), "--out", out.toString(), file + " was edited by hand (or not "
                    + "written by qtm); keep it and submit it with sbatch, or give --force to overwrite it");
        }
    }

    /** Refuses a path that exists and is not a directory (nor a link to one): Slurm could not write into it. */
    private void requireDirectory(Path dir, String what) {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            throw new ScenarioException(OutputDirectory.source(scenario.file), "--out", out.toString(), dir + " exists and is not a directory, "
                    + "but holds " + what + "; qtm never replaces it: move it away or choose another --out");
        }
    }

    /**
     * Writes a script sealed with the hash of what it holds. The temporary file has a random name and is created
     * exclusively (O_EXCL, which never follows a symbolic link), so neither a link nor a user's file of a
     * predictable name is written through or over; it is then renamed onto the script in one step.
     */
    private static void writeScript(Path file, String body) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                w.write(body + SEAL + sha256(body) + "\n");
            }
            tmp.toFile().setExecutable(true);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            // Only the file this call created: its name is random and it was created exclusively.
            Files.deleteIfExists(tmp);
        }
    }

    private static void plain(String key, String value) {
        if (!value.matches("[A-Za-z0-9_./+,:@%=-]+")) {
            throw new ScenarioException(WHERE, key, value, "expected a path of letters, digits and . _ / + , : @ % = - "
                    + "only: it goes into #SBATCH lines, which Slurm splits at whitespace");
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A shard directory whose record says it ran its whole range of this very run: the same shard of the same N,
     * seed, qtm version, scenario as run, and index range and total of every ensemble.
     */
    private static boolean complete(Path dir, int index, int count, Scenario s, RunOptions base) {
        try {
            ShardRecord r = ShardRecord.read(dir);
            if (!r.complete() || r.shard() != index || r.shards() != count || r.seed() != base.seed()
                    || !r.qtmVersion().equals(qtm.ensemble.SavedEnsemble.QTM_VERSION)) {
                return false;
            }
            java.util.Map<String, String> labels = RunPlan.ensembleLabels(s);
            if (!r.ensembles().keySet().equals(labels.keySet())) {
                return false;
            }
            Shard shard = new Shard(index, count);
            for (java.util.Map.Entry<String, String> e : labels.entrySet()) {
                long total = RunPlan.trajectoriesFor(s, e.getValue(), base);
                long[] range = shard.range(total);
                ShardRecord.Planned p = r.ensembles().get(e.getKey());
                if (p.total() != total || p.from() != range[0] || p.to() != range[1]) {
                    return false;
                }
            }
            String asRun = Files.readString(dir.resolve(ShardRecord.SCENARIO), StandardCharsets.UTF_8);
            return asRun.equals(qtm.output.Json.write(s.source().json()) + "\n");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** "0-3,5,7-8" for sorted indices. */
    static String ranges(List<Integer> xs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < xs.size(); ) {
            int j = i;
            while (j + 1 < xs.size() && xs.get(j + 1) == xs.get(j) + 1) {
                j++;
            }
            b.append(b.length() == 0 ? "" : ",").append(xs.get(i));
            if (j > i) {
                b.append('-').append(xs.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }

    private static String jobId(String parsable) {
        String id = parsable.trim();
        int semi = id.indexOf(';');
        id = semi >= 0 ? id.substring(0, semi) : id;
        if (!id.matches("[0-9]+")) {
            throw new IllegalStateException("sbatch printed no job id: " + parsable);
        }
        return id;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The command that runs this qtm: its java and its jar by absolute path ({@code java -jar qtm.jar}), or for a
     * development build, its class path.
     */
    private static String launcher() {
        String javaCmd = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Path code = Path.of(SlurmCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code) && code.toString().endsWith(".jar")) {
                return quote(javaCmd) + " -jar " + quote(code.toAbsolutePath().normalize().toString());
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through to the class path
        }
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator)
                        .append(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return quote(javaCmd) + " -Djava.awt.headless=true -cp " + quote(cp.toString()) + " qtm.cli.Main";
    }

    /** Single-quoted for bash. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
