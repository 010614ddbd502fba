package qtm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    private static long entries(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void nothingIsVisibleUntilCommit(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("run");
        try (OutputDirectory out = OutputDirectory.open(target, false)) {
            Files.writeString(out.file("a.csv"), "x\n");
            assertFalse(Files.exists(target));
            out.commit();
        }
        assertEquals("x\n", Files.readString(target.resolve("a.csv")));
        assertEquals(1, entries(dir), "no staging directory left");
    }

    @Test
    void abandonedRunLeavesNothing(@TempDir Path dir) throws Exception {
        try (OutputDirectory out = OutputDirectory.open(dir.resolve("run"), false)) {
            Files.writeString(out.file("a.csv"), "x\n");
        }
        assertEquals(0, entries(dir));
    }

    @Test
    void existingResultNeedsForce(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("run"));
        Files.writeString(target.resolve("old.csv"), "old\n");
        assertThrows(FileAlreadyExistsException.class, () -> OutputDirectory.open(target, false));
        try (OutputDirectory out = OutputDirectory.open(target, true)) {
            Files.writeString(out.file("new.csv"), "new\n");
            out.commit();
        }
        assertTrue(Files.exists(target.resolve("new.csv")));
        assertFalse(Files.exists(target.resolve("old.csv")));
        assertEquals(1, entries(dir));
    }
}
