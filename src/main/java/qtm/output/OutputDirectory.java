package qtm.output;

import static qtm.output.OutputRule.refuse;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import qtm.output.OutputRule.Who;
import qtm.input.InputException;

/**
 * The one rule for every command that writes a directory ({@code run}, {@code sweep}, and any later).
 *
 * <ul>
 * <li>Never the user's data: an empty path, {@code /}, the current directory or an ancestor of it, the home
 * directory or an ancestor of it, a directory holding the scenario file, and a symbolic link are refused. An existing
 * directory is replaced only if qtm wrote it (it carries {@link OutputManifest#FILE} and holds nothing that marker
 * does not list, unchanged) and only with {@code --force}; a directory holding anything else is refused even with
 * {@code --force}, naming that entry.</li>
 * <li>Exclusive: before any work the run creates the staging directory {@code .NAME.qtm-staging} beside the target
 * (an atomic, exclusive mkdir) with its {@link OutputClaim} inside. A second run at the same target finds it and is
 * refused at once, having written nothing. Staging directories whose owner is gone are removed by any later run into
 * the same parent; a live owner's never.</li>
 * <li>Proof, not names: qtm removes or moves a leftover ({@code .NAME.qtm-staging}, {@code .NAME.qtm-replaced},
 * {@code .NAME.qtm-trash-*}) only when it carries a claim of exactly qtm's content for NAME whose owner is gone
 * ({@link OutputClaim#abandoned}); anything else of those names is the user's and is left alone, and a run it
 * blocks is refused naming it. A {@code .qtm-claim} in a result counts as qtm's only on the same proof.</li>
 * <li>All or nothing: files are written into the staging directory, which is renamed onto the target when the run
 * commits; a replaced result is moved aside first and deleted only after the new one is in place.</li>
 * <li>Files and directories are created with the default permissions, so the user's umask applies.</li>
 * </ul>
 *
 * Refusals are {@link InputException}s for the command-line key {@code --out}: one line, exit status 2.
 */
public final class OutputDirectory implements AutoCloseable {
    private static final String KEY = "--out";
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "qtm-output-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final Who label;
    private final String given;
    private final Path target;
    private final Path staging;
    private final boolean force;
    private final OutputClaim claim;
    private final ScheduledFuture<?> heartbeat;
    private final Thread onExit;
    private boolean committed;
    private boolean closed;

    private OutputDirectory(Who label, String given, Path target, Path staging, boolean force, OutputClaim claim) {
        this.label = label;
        this.given = given;
        this.target = target;
        this.staging = staging;
        this.force = force;
        this.claim = claim;
        Path file = staging.resolve(OutputClaim.FILE);
        long every = OutputClaim.HEARTBEAT_EVERY.toMillis();
        this.heartbeat = HEARTBEATS.scheduleAtFixedRate(() -> {
            try {
                OutputClaim.beat(file);
            } catch (IOException | RuntimeException e) {
                // Gone (committed, or removed by a run that took us for dead): commit() reports the latter.
            }
        }, every, every, TimeUnit.MILLISECONDS);
        // An ordinary JVM exit (System.exit, SIGTERM or SIGINT without qtm's handler) leaves no staging behind.
        this.onExit = new Thread(this::closeQuietly, "qtm-output-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Same as {@link #open(Path, boolean, Path)} without a scenario file to protect.
     *
     * @param target the final directory
     * @param force whether an existing qtm result may be replaced
     * @return the open output
     * @throws InputException if the rule refuses the target or it cannot be written
     */
    public static OutputDirectory open(Path target, boolean force) {
        return open(target, force, null);
    }

    /**
     * Applies the rule, removes stale staging directories beside the target, and claims the target, all before any
     * work is done.
     *
     * @param target the final directory, as the user gave it
     * @param force whether an existing qtm result may be replaced
     * @param scenario the scenario file, which the target must not contain (null: none)
     * @return the open output, holding the claim until {@link #commit()} or {@link #close()}
     * @throws InputException if the rule refuses the target, another run is writing it, or it cannot be written
     */
    public static OutputDirectory open(Path target, boolean force, Path scenario) {
        return open(target, force, scenario, KEY);
    }

    /**
     * As {@link #open(Path, boolean, Path)} for a directory given by another option than {@code --out} (such as
     * {@code --extend}), which the refusals then name.
     *
     * @param target the final directory, as the user gave it
     * @param force whether an existing qtm result may be replaced
     * @param scenario the scenario file, which the target must not contain (null: none)
     * @param key the option that gave the directory
     * @return the open output
     * @throws InputException if the rule refuses the target, another run is writing it, or it cannot be written
     */
    public static OutputDirectory open(Path target, boolean force, Path scenario, String key) {
        Who label = new Who(source(scenario), key);
        String given = target.toString();
        Path where = OutputRule.check(label, target, scenario);
        OutputRule.checkExisting(label, given, where, force);
        Path parent = where.getParent();
        Path created = firstMissing(parent);
        try {
            Files.createDirectories(parent);
        } catch (IOException | RuntimeException e) {
            throw refuse(label, given, "its parent directory cannot be created (" + e.getMessage() + ")");
        }
        String name = where.getFileName().toString();
        Path staging = parent.resolve("." + name + Leftovers.STAGING);
        OutputClaim claim = OutputClaim.mine(name);
        try {
            Leftovers.reapStale(parent);
            claimStaging(label, given, staging, name, claim);
        } catch (RuntimeException e) {
            // A refused run leaves nothing behind: not even the empty parent directories it just created.
            removeEmpty(parent, created);
            throw e;
        }
        OutputDirectory out = new OutputDirectory(label, given, where, staging, force, claim);
        try {
            // Checked again now that the target is ours: a run that held it a moment ago may have committed.
            OutputRule.checkExisting(label, given, where, force);
            Leftovers.settleReplaced(parent, name);
            Leftovers.requireNoLeftover(label, given, parent, name);
        } catch (RuntimeException e) {
            out.closeQuietly();
            removeEmpty(parent, created);
            throw e;
        }
        return out;
    }

    /** Creates the staging directory exclusively with this run's claim, or refuses naming who holds it. */
    private static void claimStaging(Who label, String given, Path staging, String name, OutputClaim claim) {
        for (int attempt = 0; ; attempt++) {
            try {
                Files.createDirectory(staging);
                break;
            } catch (FileAlreadyExistsException e) {
                Optional<OutputClaim> other = awaitClaim(staging, name);
                if (attempt == 0 && OutputClaim.abandoned(staging, name, Instant.now())) {
                    Leftovers.reap(staging, name);
                    continue;
                }
                if (other.isEmpty()) {
                    throw refuse(label, given, staging + " exists and carries no claim of a qtm run (a run just "
                            + "starting, or not qtm's); qtm removes only what it can prove it wrote: if no qtm run is "
                            + "writing this directory, move it away");
                }
                throw refuse(label, given, "another qtm run (" + other.get().owner() + ") is writing this directory "
                        + "now; wait for it to finish or choose another directory");
            } catch (IOException | RuntimeException e) {
                throw refuse(label, given,
                        "the output directory cannot be created or written (" + e.getMessage() + ")");
            }
        }
        try {
            claim.create(staging.resolve(OutputClaim.FILE));
        } catch (IOException | RuntimeException e) {
            // Still empty (the claim is its first entry), so removing it cannot lose anything.
            deleteEmptyQuietly(staging);
            throw refuse(label, given, "the output directory cannot be created or written (" + e.getMessage() + ")");
        }
    }

    /** The outermost ancestor of dir that does not exist yet (dir itself, or null if it exists). */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes dir and its ancestors up to top (what this run created), each only while it is empty. */
    private static void removeEmpty(Path dir, Path top) {
        if (top == null) {
            return;
        }
        for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
            if (!deleteEmptyQuietly(p)) {
                return;
            }
        }
    }

    /** rmdir(2): fails, and returns false, on a directory that holds anything. */
    private static boolean deleteEmptyQuietly(Path dir) {
        try {
            Files.delete(dir);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The claim of a staging directory, given its owner a moment to finish writing it (for the message). */
    private static Optional<OutputClaim> awaitClaim(Path staging, String name) {
        Optional<OutputClaim> c = OutputClaim.proven(staging.resolve(OutputClaim.FILE), name);
        for (int i = 0; i < 25 && c.isEmpty() && Files.isDirectory(staging); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            c = OutputClaim.proven(staging.resolve(OutputClaim.FILE), name);
        }
        return c;
    }

    /**
     * @param name a file name inside the output
     * @return where to write it now (inside the staging directory)
     */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /**
     * Writes the marker and moves the staged files into place, replacing an earlier qtm result when forced.
     *
     * @throws InputException if the target changed meanwhile so that it may no longer be replaced, or this run's
     *         staging directory was taken from it; nothing is replaced then
     * @throws IOException on failure; the staging directory is then removed by {@link #close()}
     */
    public synchronized void commit() throws IOException {
        if (!ownsStaging()) {
            throw refuse(label, given, "this run's staging directory " + staging + " was removed by another qtm run "
                    + "(no heartbeat seen for " + OutputClaim.STALE_AFTER.toSeconds() + " s); nothing was written");
        }
        heartbeat.cancel(false);
        OutputManifest.write(staging);
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path replaced = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            OutputRule.checkExisting(label, given, target, force);
            Leftovers.settleReplaced(parent, name);
            Leftovers.requireNoLeftover(label, given, parent, name);
            replaced = parent.resolve("." + name + Leftovers.REPLACED);
            // The earlier result is moved aside carrying this run's claim: the proof a later run needs to put it
            // back or discard it should this run be killed now. (A claim there already is a killed run's: proven.)
            Path mark = target.resolve(OutputClaim.FILE);
            if (OutputClaim.proven(mark, name).isPresent()) {
                Files.deleteIfExists(mark);
            }
            claim.create(mark);
            try {
                Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteMine(mark);
                throw e;
            }
        }
        try {
            // rename(2): fails rather than clobber a directory that appeared meanwhile with anything in it.
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (replaced != null) {
                Leftovers.moveQuietly(replaced, target);
                deleteMine(target.resolve(OutputClaim.FILE));
            }
            throw refuse(label, given, "the directory appeared while this run was working and was left alone ("
                    + e.getMessage() + ")" + OutputRule.ELSEWHERE);
        }
        committed = true;
        removeHook();
        deleteMine(target.resolve(OutputClaim.FILE));
        if (replaced != null) {
            Leftovers.discard(replaced, name);
        }
    }

    /** @return the directory files are written into until {@link #commit()} */
    public Path staging() {
        return staging;
    }

    /** @return the final directory */
    public Path target() {
        return target;
    }

    /** Removes the staging directory unless the output was committed, and gives up the claim. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.cancel(false);
        removeHook();
        if (!committed && ownsStaging()) {
            Leftovers.deleteOwned(staging);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // Best effort at exit: a later run removes what is left once it sees this process gone.
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down, possibly running this very hook.
        }
    }

    /** Deletes a claim file only if it is this run's own (same content, same id). */
    private void deleteMine(Path file) {
        if (OutputClaim.proven(file, target.getFileName().toString()).map(c -> c.id().equals(claim.id()))
                .orElse(false)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A claim left in a result is accepted as qtm's by the next run (it is proven).
            }
        }
    }

    private boolean ownsStaging() {
        return OutputClaim.read(staging.resolve(OutputClaim.FILE)).map(c -> c.id().equals(claim.id()))
                .orElse(false);
    }

    /**
     * The rules {@link #open} applies, checked without writing anything: for a command that writes its output later
     * (the merge job that {@code qtm slurm} submits), so that an unusable directory is refused now.
     *
     * @param target the output directory to be
     * @param force whether the later write replaces an earlier qtm result
     * @param scenario the scenario file, which the directory must not hold (null: none)
     * @throws InputException (exit 2) if the later write would be refused
     */
    public static void preflight(Path target, boolean force, Path scenario) {
        Who label = new Who(source(scenario), KEY);
        OutputRule.checkExisting(label, target.toString(), OutputRule.check(label, target, scenario), force);
    }

    /**
     * Where an output option comes from, for messages: the command line, and the scenario it was given with (so a
     * refusal names the scenario file like every other bad-input message).
     *
     * @param scenario the scenario file, or null
     * @return "command line" or "command line (scenario FILE)"
     */
    public static String source(Path scenario) {
        return scenario == null ? "command line" : "command line (scenario " + scenario + ")";
    }
}
