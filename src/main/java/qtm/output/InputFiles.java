package qtm.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The files a command reads besides its scenario (shard and run directories): only regular files are opened, so that
 * a FIFO or device put in their place is refused instead of hanging the command or feeding it without end; small
 * files are read with a bound on their size; and an output is told apart from the inputs by what the paths are on
 * disk, not by how they are spelled, so that no symbolic link (or bind mount) lets a command write into its input.
 */
public final class InputFiles {
    /** Most bytes of a small JSON file qtm writes beside its data (shard.json, jumps.json, the scenario as run). */
    public static final long MAX_SMALL = 16L << 20;

    private InputFiles() {
    }

    /**
     * Whether a file a command may read is there. Symbolic links are followed (a shard directory assembled from links
     * is fine): it is what they lead to that must be a regular file.
     *
     * @param file a path
     * @return true if it is a regular file, false if nothing is there
     * @throws IllegalArgumentException if it is something else: a directory, FIFO, socket or device
     */
    public static boolean exists(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            // A dangling link is as good as nothing there; anything else that exists is looked at below.
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            throw new IllegalArgumentException("is a symbolic link to nothing");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be examined (" + e.getMessage() + ")");
        }
        if (!a.isRegularFile()) {
            throw new IllegalArgumentException("is not a regular file but " + (a.isDirectory() ? "a directory"
                    : "a FIFO, socket or device") + "; qtm reads only regular files");
        }
        return true;
    }

    /**
     * @param file a small text file
     * @return its text (UTF-8)
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is missing, not a regular file or larger than {@link #MAX_SMALL}
     */
    public static String readSmall(Path file) throws IOException {
        if (!exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the bound rather than trusting the size: the file may grow while it is read.
            byte[] b = in.readNBytes((int) MAX_SMALL + 1);
            if (b.length > MAX_SMALL) {
                throw new IllegalArgumentException("is larger than " + (MAX_SMALL >> 20) + " MiB, which qtm never "
                        + "writes there");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    /**
     * The input that an output would overwrite or lie in, by real paths (symbolic links resolved) and, where both
     * exist, by file identity (which also sees through bind mounts and other aliases).
     *
     * @param target the output directory to be
     * @param inputs directories read
     * @return the first input that is target, holds it or lies in it; else null
     */
    public static Path clash(Path target, List<Path> inputs) {
        Path t = OutputRule.real(target.toAbsolutePath().normalize());
        for (Path in : inputs) {
            Path i = OutputRule.real(in.toAbsolutePath().normalize());
            if (t.startsWith(i) || i.startsWith(t) || within(t, i) || within(i, t)) {
                return in;
            }
        }
        return null;
    }

    /** Whether {@code inner} or one of its existing ancestors is the same file as {@code outer}. */
    private static boolean within(Path inner, Path outer) {
        if (!Files.exists(outer)) {
            return false;
        }
        for (Path p = inner; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && Files.isSameFile(p, outer)) {
                    return true;
                }
            } catch (IOException e) {
                // Not comparable (unreadable): the real-path test above still applies.
            }
        }
        return false;
    }
}
