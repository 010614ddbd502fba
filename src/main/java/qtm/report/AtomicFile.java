package qtm.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling that is renamed into place, so a reader never sees half a file.
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
     * @param target the final path
     * @param content what to write
     * @throws IOException on failure; the target is then untouched
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
