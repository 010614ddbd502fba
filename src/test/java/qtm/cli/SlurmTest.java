package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 on a real Slurm: {@code qtm slurm --submit --wait} runs an 8-shard job array and the merge job, whose
 * output equals one process's byte for byte; a failed shard cancels the merge, {@code merge --partial} marks what
 * exists, and {@code --resume} completes it. Skipped, with the reason, when no Slurm node is up ({@code .ci/run}
 * starts one with {@code .ci/slurm-up}).
 */
@Tag("slow")
class SlurmTest {
    /** What sinfo said, asked once: it can take seconds to time out when no controller answers. */
    private static String state;

    /**
     * In each test rather than once for the class, so that without Slurm every test is reported as skipped with the
     * reason (an assumption failing in a class-level hook shows as zero tests run).
     */
    @BeforeEach
    void slurmIsUp() throws Exception {
        if (state == null) {
            state = sinfo();
        }
        Assumptions.assumeTrue(state.matches("(?s).*\\b(idle|mixed|allocated)\\b.*"),
                "no Slurm node is up (" + state.lines().findFirst().orElse("") + "); as root, .ci/slurm-up starts one");
    }

    private static String sinfo() throws Exception {
        String state;
        try {
            Process p = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true).start();
            state = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                state = "sinfo failed: " + state;
            }
        } catch (java.io.IOException e) {
            state = "sinfo not found";
        }
        return state.isEmpty() ? "sinfo printed nothing" : state;
    }

    /** {@code qtm ARGS} in a new JVM, as a user runs it: the scripts it writes call that JVM's java. */
    static CliTest.Run qtm(Path log, String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", cp, "qtm.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "qtm " + String.join(" ", args) + " did not finish");
        return new CliTest.Run(p.exitValue(), Files.readString(log), "");
    }

    @Test
    void eightShardsOnSlurmAreOneRun(@TempDir Path dir) throws Exception {
        // One scenario: what Slurm adds (the array, the merge job, the paths) does not depend on the model, and
        // ShardMergeTest merges the double dot's shards in process; a second Slurm array cost CI a minute.
        for (String[] c : new String[][] {{"reset-paper", "8", "4000"}}) {
            String file = "scenarios/" + c[0] + ".yaml";
            Path single = dir.resolve(c[0] + "-single");
            CliTest.Run a = CliTest.run("run", file, "--trajectories", c[2], "--out", single.toString(), "--quiet");
            assertEquals(0, a.status(), a.err());
            Path out = dir.resolve(c[0]);
            CliTest.Run s = qtm(dir.resolve(c[0] + ".log"), "slurm", file, "--shards", c[1], "--trajectories", c[2],
                    "--out", out.toString(), "--submit", "--wait");
            assertEquals(0, s.status(), s.out());
            assertTrue(s.out().contains("ended COMPLETED"), s.out());
            ShardMergeTest.assertSameOutputs(single, out);
        }
    }

    @Test
    void aFailedShardStopsTheMergeAndResumeCompletesIt(@TempDir Path dir) throws Exception {
        String file = "scenarios/reset-paper.yaml";
        Path out = dir.resolve("run");
        Path shards = dir.resolve("run.shards");
        // Shard 3's output path is a plain file: qtm run refuses to write there, so that array task fails.
        Files.createDirectories(shards);
        Files.writeString(shards.resolve("3"), "not a directory\n");
        CliTest.Run failed = qtm(dir.resolve("failed.log"), "slurm", file, "--shards", "8", "--trajectories", "800",
                "--out", out.toString(), "--submit", "--wait");
        assertNotEquals(0, failed.status(), failed.out());
        assertTrue(failed.out().contains("ended CANCELLED"), failed.out());
        assertFalse(Files.exists(out), "the merge ran although a shard failed");

        List<String> args = new ArrayList<>(List.of("merge", "--partial", "--out", dir.resolve("partial").toString()));
        for (int i = 0; i < 8; i++) {
            if (i != 3) {
                args.add(shards.resolve(Integer.toString(i)).toString());
            }
        }
        CliTest.Run partial = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, partial.status(), partial.err());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("partial").resolve("summary.json").toFile());
        assertTrue(summary.get("partial").asBoolean());
        assertEquals("[[300,400]]", summary.get("missing").get("trajectories").toString());

        Files.delete(shards.resolve("3"));
        CliTest.Run resumed = qtm(dir.resolve("resumed.log"), "slurm", file, "--shards", "8", "--trajectories", "800",
                "--out", out.toString(), "--submit", "--wait", "--resume");
        assertEquals(0, resumed.status(), resumed.out());
        assertTrue(resumed.out().contains("submitted shards 3 of 8"), resumed.out());
        Path single = dir.resolve("single");
        assertEquals(0, CliTest.run("run", file, "--trajectories", "800", "--out", single.toString(), "--quiet")
                .status());
        ShardMergeTest.assertSameOutputs(single, out);
    }
}
