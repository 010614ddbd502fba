package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: the scripts {@code qtm slurm} writes, without a Slurm cluster. */
class SlurmScriptTest {
    static final String FILE = "scenarios/reset-paper.yaml";

    @Test
    void theScriptsRunEveryShardAndThenTheMerge(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("big");
        CliTest.Run r = CliTest.run("slurm", FILE, "--shards", "8", "--out", out.toString(), "--partition", "short",
                "--time", "01:30:00", "--mem", "2G", "--account", "phys", "--trajectories", "4000");
        assertEquals(0, r.status(), r.err());
        String array = Files.readString(dir.resolve("big.array.sbatch"));
        String merge = Files.readString(dir.resolve("big.merge.sbatch"));
        for (String line : List.of("#SBATCH --array=0-7", "#SBATCH --cpus-per-task=1", "#SBATCH --partition=short",
                "#SBATCH --time=01:30:00", "#SBATCH --mem=2G", "#SBATCH --account=phys",
                "--shard \"$SLURM_ARRAY_TASK_ID/8\"", "--threads \"${SLURM_CPUS_PER_TASK:-1}\"",
                "--trajectories 4000", "--seed 1", "'" + FILE + "'")) {
            assertTrue(array.contains(line), line + " in\n" + array);
        }
        assertTrue(array.contains("'" + Path.of(System.getProperty("java.home")).toAbsolutePath()), array);
        for (int i = 0; i < 8; i++) {
            assertTrue(merge.contains(dir.resolve("big.shards").resolve(Integer.toString(i)) + "'"), merge);
        }
        assertTrue(merge.contains(" merge ") && merge.contains("--out '" + out + "'"), merge);
        assertTrue(Files.isExecutable(dir.resolve("big.array.sbatch")));
        // bash reads both (no syntax error).
        for (String s : List.of("big.array.sbatch", "big.merge.sbatch")) {
            Process p = new ProcessBuilder("bash", "-n", dir.resolve(s).toString()).redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
        }
    }

    @Test
    void anEditedScriptIsKeptUnlessForced(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, CliTest.run("slurm", FILE, "--shards", "4", "--out", out.toString()).status());
        assertEquals(0, CliTest.run("slurm", FILE, "--shards", "2", "--out", out.toString()).status(),
                "an unedited script is rewritten");
        assertTrue(Files.readString(dir.resolve("run.array.sbatch")).contains("--array=0-1"));
        Path merge = dir.resolve("run.merge.sbatch");
        String edited = Files.readString(merge).replace("#SBATCH --cpus-per-task=1", "#SBATCH --cpus-per-task=4");
        Files.writeString(merge, edited);
        CliTest.Run r = CliTest.run("slurm", FILE, "--shards", "4", "--out", out.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("edited by hand"), r.err());
        assertEquals(edited, Files.readString(merge));
        assertTrue(Files.readString(dir.resolve("run.array.sbatch")).contains("--array=0-1"),
                "a refused call leaves the other script as it was too");
        assertEquals(0, CliTest.run("slurm", FILE, "--shards", "4", "--out", out.toString(), "--force").status());
        assertTrue(Files.readString(merge).contains("--cpus-per-task=1"));
    }

    @Test
    void withoutSbatchSubmitIsExitTwoAndTheScriptsAreWritten(@TempDir Path dir) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "qtm.cli.Main", "slurm", FILE, "--shards", "3", "--out", dir.resolve("x").toString(),
                "--submit"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", dir.resolve("empty").toString());
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue(), text);
        assertTrue(text.contains("sbatch") && text.contains("not found on the PATH"), text);
        assertTrue(Files.isRegularFile(dir.resolve("x.array.sbatch")));
        assertTrue(Files.isRegularFile(dir.resolve("x.merge.sbatch")));
    }

    @Test
    void badOptionsAreRefused(@TempDir Path dir) {
        String out = dir.resolve("o").toString();
        String[][] cases = {
            {"--shards", "0"}, {"--shards", "100001"}, {"--shards", "3", "--time", "soon"},
            {"--shards", "3", "--mem", "lots"}, {"--shards", "3", "--cpus-per-task", "0"},
            {"--shards", "3", "--partition", "a b"}, {"--shards", "3", "--wait"}, {"--shards", "3", "--resume"},
            {"--shards", "201", "--trajectories", "200"}, {"--shards", "10001"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("slurm", FILE, "--out", out));
            args.addAll(List.of(c));
            CliTest.Run r = CliTest.run(args.toArray(new String[0]));
            assertEquals(2, r.status(), String.join(" ", c));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(!Files.exists(dir.resolve("o.array.sbatch")), String.join(" ", c));
        }
    }

    @Test
    void anOutputThatAScriptOrTheMergeCouldNotUseIsRefusedNow(@TempDir Path dir) throws Exception {
        Path foreign = dir.resolve("mine");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "my notes\n");
        for (String out : new String[] {dir.resolve("with space").toString(), dir.resolve("new\nline").toString(),
            "/", "", foreign.toString()}) {
            CliTest.Run r = CliTest.run("slurm", FILE, "--shards", "2", "--out", out);
            assertEquals(2, r.status(), "--out " + out + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(foreign), files.toList(), "nothing written");
        }
        assertEquals("my notes\n", Files.readString(foreign.resolve("notes.txt")));
    }
}
