package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Issue 8, point 3: running out of memory is exit 2 with a hint (fewer points or a larger -Xmx), not a stack trace. */
class OutOfMemoryTest {
    /** A command that runs out of memory the way a worker thread reports it: wrapped in another exception. */
    @Command(name = "wrapped")
    static final class Wrapped implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException(new java.util.concurrent.ExecutionException(
                    new OutOfMemoryError("Java heap space")));
        }
    }

    /** A command that runs out of memory on the main thread: an Error, which picocli does not catch. */
    @Command(name = "direct")
    static final class Direct implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    private static CliTest.Run run(String command) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new Wrapped());
        cl.addSubcommand(new Direct());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new CliTest.Run(cl.execute(command), out.toString(), err.toString());
    }

    @Test
    void anOutOfMemoryErrorIsBadInputWithAHint() {
        for (String command : List.of("direct", "wrapped")) {
            CliTest.Run r = run(command);
            String err = r.err().strip();
            assertEquals(Main.BAD_INPUT, r.status(), command + ": " + err);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("qtm: memory: "), err);
            assertTrue(err.contains("fewer points") && err.contains("-Xmx"), "the hint: " + err);
            assertFalse(err.contains("Error") || err.contains("\tat "), "no stack trace: " + err);
        }
    }

    /** The real thing: an allowed but large evolve in a JVM with a 32 MB heap. */
    @Test
    void aRealOutOfMemoryInASmallHeapIsExit2(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("big.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), "qtm.cli.Main", "evolve",
                Path.of("scenarios/reset-paper.yaml").toAbsolutePath().toString(), "--set", "time.points=100001",
                "--csv", csv.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "evolve in 32 MB finished");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(Main.BAD_INPUT, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("qtm: memory: the Java heap (") && err.contains("-Xmx"), err);
        assertFalse(Files.exists(csv), "nothing written");
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temporary file left in " + dir + File.separator);
        }
    }
}
