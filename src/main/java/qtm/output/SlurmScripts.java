package qtm.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import qtm.input.InputException;

/**
 * The two sbatch scripts of a sharded run, for OUT = {@code path/NAME}: {@code path/NAME.array.sbatch} (one array
 * task per shard, {@code qtm run --shard}; for a Monte Carlo sweep {@code qtm sweep --shard}, a slice of its points)
 * and {@code path/NAME.merge.sbatch} ({@code qtm merge}, or {@code qtm sweep --merge}, over the shard directories
 * {@code path/NAME.shards/I}), with Slurm's logs in {@code path/NAME.logs}. Each script ends with a line
 * holding the SHA-256 of what qtm wrote above it, so that a hand-edited script is recognised and kept.
 *
 * <p>Every path and value given here must already be safe for a shell script and for #SBATCH lines (no whitespace
 * nor control characters); the caller checks them.
 */
public final class SlurmScripts {
    private static final String SEAL = "# qtm-sha256: ";
    /** Ends the here document of shard directories in the merge script; no checked path can equal it. */
    private static final String END_OF_LIST = "QTM_SHARD_LIST";

    /**
     * What each job asks Slurm for.
     *
     * @param cpus CPUs (and qtm threads) per task
     * @param time sbatch --time, or null
     * @param mem sbatch --mem, or null
     * @param partition sbatch --partition, or null
     * @param account sbatch --account, or null
     */
    public record Resources(int cpus, String time, String mem, String partition, String account) {
    }

    private final String scenarioName;
    private final String scenarioFile;
    private final Path target;
    private final Resources resources;
    private final Path shardDir;
    private final Path logs;
    private final Path arrayScript;
    private final Path mergeScript;

    /**
     * @param scenarioName the scenario's name (the job names)
     * @param scenarioFile the scenario file as the user gave it
     * @param target the merged output directory, absolute and normalised
     * @param resources what each job asks for
     */
    public SlurmScripts(String scenarioName, String scenarioFile, Path target, Resources resources) {
        this.scenarioName = scenarioName;
        this.scenarioFile = scenarioFile;
        this.target = target;
        this.resources = resources;
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        shardDir = parent.resolve(name + ".shards");
        logs = parent.resolve(name + ".logs");
        arrayScript = parent.resolve(name + ".array.sbatch");
        mergeScript = parent.resolve(name + ".merge.sbatch");
    }

    /** @return the array script's path */
    public Path arrayScript() {
        return arrayScript;
    }

    /** @return the merge script's path */
    public Path mergeScript() {
        return mergeScript;
    }

    /**
     * @param i a shard's index
     * @return its result directory
     */
    public Path shard(int i) {
        return shardDir.resolve(Integer.toString(i));
    }

    /**
     * @param launcher the command that runs qtm, quoted for bash
     * @param cwd the directory the scenario file was given in
     * @param sets the --set assignments
     * @param seed the seed
     * @param trajectories the total --trajectories, or null
     * @param shards the number of shards
     * @return the array script, without its seal
     */
    public String array(String launcher, Path cwd, List<String> sets, long seed, Long trajectories, int shards) {
        StringBuilder options = new StringBuilder();
        for (String set : sets) {
            options.append(" --set ").append(quote(set));
        }
        options.append(" --seed ").append(seed);
        if (trajectories != null) {
            options.append(" --trajectories ").append(trajectories);
        }
        // The scenario path as the user gave it, from the directory it was given in: the outputs then name the file
        // as a run in that directory would.
        return header("qtm-" + scenarioName, logs.resolve("shard-%a.out"))
                + "#SBATCH --array=0-" + (shards - 1) + "\n"
                + "\n# Shard $SLURM_ARRAY_TASK_ID of " + shards + ": its contiguous range of every ensemble's "
                + "trajectory indices.\nset -euo pipefail\n" + cd(cwd)
                + "exec " + launcher + " run " + quote(scenarioFile) + options + " --shard \"$SLURM_ARRAY_TASK_ID/"
                + shards + "\"" + " --threads \"${SLURM_CPUS_PER_TASK:-" + resources.cpus() + "}\" --quiet --force"
                + " --out " + quote(shardDir.toString()) + "/\"$SLURM_ARRAY_TASK_ID\"\n";
    }

    /**
     * The shard list goes through picocli's argument file (@FILE), read from a here document: an argument list of
     * 10,000 long paths would exceed the kernel's limit on exec's arguments, and the merge could never start. The
     * paths are single-quoted for picocli; the quoted delimiter keeps bash from expanding anything in them.
     *
     * @param launcher the command that runs qtm, quoted for bash
     * @param cwd the directory the scenario file was given in
     * @param shards the number of shards
     * @return the merge script, without its seal
     */
    public String merge(String launcher, Path cwd, int shards) {
        String dirs = shardList(shards);
        return header("qtm-" + scenarioName + "-merge", logs.resolve("merge.out"))
                + "\n# Runs after every shard succeeded (afterok). After a failed shard: qtm slurm ... --submit "
                + "--resume,\n# or qtm merge --partial over the shards that exist.\nset -euo pipefail\n" + cd(cwd)
                + "exec " + launcher + " merge @/dev/stdin --out " + quote(target.toString()) + " --force <<'"
                + END_OF_LIST + "'\n" + dirs + END_OF_LIST + "\n";
    }

    /**
     * The array script of a Monte Carlo sweep (issue 26): task I runs {@code qtm sweep --shard I/N}, its contiguous
     * slice of the grid points, into the shard directory I.
     *
     * @param launcher the command that runs qtm, quoted for bash
     * @param cwd the directory the sweep file was given in
     * @param sets the --set assignments (the seed among them, as ensemble.seed)
     * @param trajectories the --trajectories of every point, or null
     * @param shards the number of shards, at most the number of points
     * @return the array script, without its seal
     */
    public String sweepArray(String launcher, Path cwd, List<String> sets, Long trajectories, int shards) {
        return header("qtm-" + scenarioName, logs.resolve("shard-%a.out"))
                + "#SBATCH --array=0-" + (shards - 1) + "\n"
                + "\n# Shard $SLURM_ARRAY_TASK_ID of " + shards + ": its contiguous slice of the sweep's grid points, "
                + "each with the seed + its index.\nset -euo pipefail\n" + cd(cwd)
                + "exec " + launcher + " sweep " + quote(scenarioFile) + sweepOptions(sets, trajectories)
                + " --shard \"$SLURM_ARRAY_TASK_ID/" + shards + "\" --force --out " + quote(shardDir.toString())
                + "/\"$SLURM_ARRAY_TASK_ID\"\n";
    }

    /**
     * The merge script of a Monte Carlo sweep: {@code qtm sweep --merge} over every shard directory, read from a here
     * document as {@link #merge} reads them, into the target; the result is one process's sweep directory.
     *
     * @param launcher the command that runs qtm, quoted for bash
     * @param cwd the directory the sweep file was given in
     * @param sets the --set assignments, as the array's
     * @param trajectories the --trajectories, as the array's, or null
     * @param shards the number of shards
     * @return the merge script, without its seal
     */
    public String sweepMerge(String launcher, Path cwd, List<String> sets, Long trajectories, int shards) {
        return header("qtm-" + scenarioName + "-merge", logs.resolve("merge.out"))
                + "\n# Runs after every shard succeeded (afterok); it runs no trajectory.\nset -euo pipefail\n"
                + cd(cwd) + "exec " + launcher + " sweep " + quote(scenarioFile) + sweepOptions(sets, trajectories)
                + " --out " + quote(target.toString()) + " --force --merge @/dev/stdin <<'" + END_OF_LIST + "'\n"
                + shardList(shards) + END_OF_LIST + "\n";
    }

    private static String sweepOptions(List<String> sets, Long trajectories) {
        StringBuilder options = new StringBuilder();
        for (String set : sets) {
            options.append(" --set ").append(quote(set));
        }
        if (trajectories != null) {
            options.append(" --trajectories ").append(trajectories);
        }
        return options.toString();
    }

    private String shardList(int shards) {
        StringBuilder dirs = new StringBuilder();
        for (int i = 0; i < shards; i++) {
            dirs.append(quote(shard(i).toString())).append('\n');
        }
        return dirs.toString();
    }

    private static String cd(Path cwd) {
        return "cd " + quote(cwd.toString()) + "\n";
    }

    private String header(String job, Path log) {
        StringBuilder h = new StringBuilder("#!/bin/bash\n");
        h.append("# Written by qtm slurm for scenario ").append(scenarioName).append(" (").append(scenarioFile)
                .append("). Edit freely: qtm slurm keeps an edited\n# script unless given --force.\n");
        h.append("#SBATCH --job-name=").append(job).append('\n');
        h.append("#SBATCH --cpus-per-task=").append(resources.cpus()).append('\n');
        // Slurm expands %-patterns in the log path (%a is the task index): a '%' of the user's path is written %%.
        h.append("#SBATCH --output=").append(log.getParent().toString().replace("%", "%%")).append('/')
                .append(log.getFileName()).append('\n');
        line(h, "time", resources.time());
        line(h, "mem", resources.mem());
        line(h, "partition", resources.partition());
        line(h, "account", resources.account());
        return h.toString();
    }

    private static void line(StringBuilder h, String option, String value) {
        if (value != null) {
            h.append("#SBATCH --").append(option).append('=').append(value).append('\n');
        }
    }

    /**
     * Writes both scripts, sealed, and creates the log directory. Both seals and the directories are checked before
     * anything is written, so a refusal leaves all as it was.
     *
     * @param array the array script ({@link #array})
     * @param merge the merge script ({@link #merge})
     * @param force replace scripts edited by hand
     * @param source the source named in errors
     * @param out the --out named in errors, as given
     * @throws InputException (exit 2) if a script was edited (without force), or a path holds something else
     * @throws IOException on write failure
     */
    public void write(String array, String merge, boolean force, String source, String out) throws IOException {
        requireOurs(arrayScript, force, source, out);
        requireOurs(mergeScript, force, source, out);
        requireDirectory(logs, "Slurm's logs", source, out);
        requireDirectory(shardDir, "the shards' results", source, out);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new InputException(source, "--out", out, "the log directory " + logs + " cannot be "
                    + "created (" + e.getMessage() + ")");
        }
        writeScript(arrayScript, array);
        writeScript(mergeScript, merge);
    }

    /**
     * Refuses a script that exists and no longer matches the seal qtm wrote into it (unless --force), and, even with
     * --force, anything at the script's path that is not a regular file (a directory, a symbolic link, a FIFO).
     */
    private static void requireOurs(Path file, boolean force, String source, String out) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(source, "--out", out, file + " exists and is not a regular file "
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
            throw new InputException(source, "--out", out, file + " cannot be read (" + e.getMessage()
                    + "); qtm replaces only a script it can check");
        }
        int at = old.lastIndexOf(SEAL);
        boolean ours = at >= 0 && old.substring(at + SEAL.length()).trim().equals(sha256(old.substring(0, at)));
        if (!ours) {
            throw new InputException(source, "--out", out, file + " was edited by hand (or not "
                    + "written by qtm); keep it and submit it with sbatch, or give --force to overwrite it");
        }
    }

    /** Refuses a path that exists and is not a directory (nor a link to one): Slurm could not write into it. */
    private static void requireDirectory(Path dir, String what, String source, String out) {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            throw new InputException(source, "--out", out, dir + " exists and is not a directory, "
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

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param s any text
     * @return it single-quoted for bash
     */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
