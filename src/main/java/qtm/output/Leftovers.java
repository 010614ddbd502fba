package qtm.output;

import static qtm.output.OutputRule.refuse;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import qtm.output.OutputRule.Who;

/**
 * What runs leave beside a target {@code NAME}: the staging directory {@code .NAME.qtm-staging}, an earlier result
 * moved aside ({@code .NAME.qtm-replaced}) and directories being discarded ({@code .NAME.qtm-trash-*}). qtm removes
 * or moves one only on proof, not by its name: when it carries a claim of exactly qtm's content for NAME whose owner
 * is gone ({@link OutputClaim#abandoned}); anything else of those names is the user's and is left alone. A directory
 * qtm deletes loses its claim last, so a run killed midway leaves one that still proves itself.
 */
final class Leftovers {
    /** Suffix of a staging directory. */
    static final String STAGING = ".qtm-staging";
    /** Suffix of an earlier result moved aside. */
    static final String REPLACED = ".qtm-replaced";
    /** Infix of a directory being discarded. */
    static final String TRASH = ".qtm-trash-";

    private Leftovers() {
    }

    /**
     * Refuses when {@code .NAME.qtm-replaced} exists but could not be settled as qtm's: committing would move the
     * result onto it, and qtm never removes what it cannot prove it wrote.
     */
    static void requireNoLeftover(Who label, String given, Path parent, String name) {
        Path replaced = parent.resolve("." + name + REPLACED);
        if (Files.exists(replaced, LinkOption.NOFOLLOW_LINKS)
                && Files.exists(parent.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(label, given, replaced + " exists and carries no claim of a finished qtm run; qtm needs "
                    + "that name to replace the result but removes only what it can prove it wrote: move it away");
        }
    }

    /**
     * Removes what runs whose owners are gone left in {@code parent}: staging directories, directories being
     * discarded, and an earlier result moved aside by a run killed before its new result was in place (which is put
     * back when the target is missing). Each only if it carries a claim {@link OutputClaim#abandoned proven} qtm's:
     * a directory of such a name without one is the user's and stays. Best effort: whatever cannot be removed now is
     * left for a later run.
     */
    static void reapStale(Path parent) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, ".*.qtm-*")) {
            ds.forEach(entries::add);
        } catch (IOException | RuntimeException e) {
            return;
        }
        Instant now = Instant.now();
        for (Path p : entries) {
            String n = p.getFileName().toString();
            try {
                if (n.endsWith(STAGING)) {
                    String name = n.substring(1, n.length() - STAGING.length());
                    if (OutputClaim.abandoned(p, name, now)) {
                        reap(p, name);
                    }
                } else if (n.contains(TRASH)) {
                    if (OutputClaim.abandoned(p, n.substring(1, n.lastIndexOf(TRASH)), now)) {
                        deleteOwned(p);
                    }
                } else if (n.endsWith(REPLACED)) {
                    String name = n.substring(1, n.length() - REPLACED.length());
                    if (!Files.exists(parent.resolve("." + name + STAGING), LinkOption.NOFOLLOW_LINKS)) {
                        settleReplaced(parent, name);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Another run may be removing the same entry, or the parent is shared read-only: leave it.
            }
        }
    }

    /**
     * Removes a stale staging directory. It is first renamed to a unique name, and put back if the claim found there
     * is not the one judged stale (a new owner took the name in between), so a live run's directory is never
     * deleted.
     */
    static void reap(Path staging, String name) {
        String judged = OutputClaim.proven(staging.resolve(OutputClaim.FILE), name).map(OutputClaim::id).orElse("");
        Path grave = trash(staging);
        try {
            Files.move(staging, grave, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            return;
        }
        String found = OutputClaim.proven(grave.resolve(OutputClaim.FILE), name).map(OutputClaim::id).orElse("");
        if (judged.isEmpty() || !found.equals(judged)) {
            moveQuietly(grave, staging);
            return;
        }
        deleteQuietly(grave);
    }

    /**
     * An earlier result moved aside by a run that is gone (it carries that run's proven claim): put back, without
     * the claim, if the target is missing, else discarded. Anything else of that name is left alone.
     */
    static void settleReplaced(Path parent, String name) {
        Path replaced = parent.resolve("." + name + REPLACED);
        if (!OutputClaim.abandoned(replaced, name, Instant.now())) {
            return;
        }
        Path target = parent.resolve(name);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            moveQuietly(replaced, target);
            Path mark = target.resolve(OutputClaim.FILE);
            if (OutputClaim.proven(mark, name).isPresent()) {
                try {
                    Files.deleteIfExists(mark);
                } catch (IOException e) {
                    // A proven claim left in a result is accepted as qtm's by later runs.
                }
            }
        } else {
            discard(replaced, name);
        }
    }

    /**
     * Renames a directory qtm no longer needs to a trash name (so nobody mistakes it for a result) and deletes it;
     * it carries this or a dead run's claim for {@code name}, which the trash keeps until its last moment.
     */
    static void discard(Path dir, String name) {
        Path grave = trash(dir);
        try {
            Files.move(dir, grave, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            return;
        }
        deleteQuietly(grave);
    }

    private static Path trash(Path p) {
        String n = p.getFileName().toString();
        String base = n.endsWith(STAGING) ? n.substring(0, n.length() - STAGING.length())
                : n.endsWith(REPLACED) ? n.substring(0, n.length() - REPLACED.length()) : n;
        return p.resolveSibling(base + TRASH + UUID.randomUUID());
    }

    static void moveQuietly(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Left where it is; reapStale settles it later.
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteOwned(dir);
        } catch (IOException | RuntimeException e) {
            // Left for a later run's reapStale.
        }
    }

    /**
     * Deletes a directory qtm proved its own (links are removed, never followed). Its claim goes last, so a run
     * killed midway leaves a directory that still proves itself and that a later run finishes removing.
     */
    static void deleteOwned(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path mark = dir.resolve(OutputClaim.FILE);
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path p : all) {
            if (!p.equals(mark) && !p.equals(dir)) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(mark);
        Files.deleteIfExists(dir);
    }
}
