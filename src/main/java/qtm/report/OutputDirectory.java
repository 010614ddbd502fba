package qtm.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run's output directory, written as a whole or not at all: files go into a hidden temporary sibling that is
 * renamed onto the target when the run commits. A reader never sees half a result, and a failed or killed run
 * leaves the previous result in place.
 */
public final class OutputDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final boolean force;
    private boolean committed;

    private OutputDirectory(Path target, Path staging, boolean force) {
        this.target = target;
        this.staging = staging;
        this.force = force;
    }

    /**
     * Checks the target and opens a staging directory beside it.
     *
     * @param target the final directory
     * @param force whether an existing target may be replaced
     * @return the open output
     * @throws FileAlreadyExistsException if the target exists and force is false
     * @throws IOException if the parent cannot be created or written
     */
    public static OutputDirectory open(Path target, boolean force) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !force) {
            throw new FileAlreadyExistsException(target.toString());
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException(target + " exists and is not a directory");
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
        return new OutputDirectory(abs, staging, force);
    }

    /**
     * @param name a file name inside the output
     * @return where to write it now (inside the staging directory)
     */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /**
     * Moves the staged files into place, replacing an old result when forced.
     *
     * @throws IOException on failure; the staging directory is then removed by {@link #close()}
     */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            if (!force) {
                throw new FileAlreadyExistsException(target.toString());
            }
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        if (old != null) {
            deleteTree(old);
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

    /** Removes the staging directory unless the output was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
