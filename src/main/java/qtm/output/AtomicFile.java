package qtm.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file through a temporary sibling that is renamed or linked into place, so a reader never sees half a
 * file. The file gets the default permissions (the user's umask), not the 0600 of a JDK temporary file.
 */
public final class AtomicFile {
    /** What fills the file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the writer
         * @throws IOException on failure
         */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes a new file; never replaces one.
     *
     * @param target the final path
     * @param content what to write
     * @throws FileAlreadyExistsException if the target exists (also if it appeared while writing); it is untouched
     * @throws IOException on failure; the target is then untouched
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, false, content);
    }

    /**
     * @param target the final path
     * @param replace whether an existing target is replaced; if false, a target that exists (or appears while the
     *        content is written) is left alone and {@link FileAlreadyExistsException} is thrown
     * @param content what to write
     * @throws IOException on failure; the target is then untouched
     */
    public static void write(Path target, boolean replace, Content content) throws IOException {
        Path tmp = target.toAbsolutePath()
                .resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            // Random name, created exclusively (O_EXCL never follows a link): nothing of the user's is written
            // through or over, and the finally below deletes only this call's own file.
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                content.writeTo(w);
            }
            if (replace) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                link(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** link(2) never clobbers: it is the atomic "create if absent" for a finished file. */
    private static void link(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // A file system without hard links: a checked move, which refuses an existing target.
            Files.move(tmp, target);
        }
    }
}
