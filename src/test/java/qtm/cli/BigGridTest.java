package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: a 100,000-point grid runs, both engines, in a 1 GB heap: memory is a few kB per grid point and one
 * ensemble at a time, independent of the number of trajectories.
 */
@Tag("slow")
class BigGridTest {
    @Test
    void aHundredThousandPointsFitInOneGigabyte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, """
                name: big
                model: {type: reset, g: 1.6e-3, cold: {T: 0, rate: 1e-2}, hot: {T: inf, rate: 1.1e-3}}
                time: {end: 100000, points: 100001}
                ensemble: {trajectories: 32}
                collision: {dt: 1}
                """);
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "qtm.cli.Main", "run",
                file.toString(), "--out", out.toString(), "--quiet", "--threads", "2").redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), log);
        assertEquals(0, p.exitValue(), log);
        for (String engine : new String[] {"trajectories", "collision"}) {
            try (Stream<String> lines = Files.lines(out.resolve("timeseries-" + engine + ".csv"))) {
                assertEquals(100_002, lines.count(), engine + ": header and every grid point");
            }
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(32, s.get("engines").get("collision").get("trajectories").asLong());
    }
}
