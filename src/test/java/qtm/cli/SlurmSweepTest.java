package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qtm slurm} over a Monte Carlo sweep (issue 26), without a Slurm cluster: the scripts are run by bash with
 * qtm's launcher replaced by a command that prints its arguments (and the merge's here document), each printed command
 * line is then run in this process, and the merged directory is one process's sweep, byte for byte but for the
 * points' record of the process.
 */
class SlurmSweepTest {
    /** Replaces qtm's launcher in a script: prints the arguments NUL-separated, and what stdin holds to stderr. */
    private static final String ECHO = "bash -c 'printf \"%s\\0\" \"$@\"; cat >&2' qtm";

    private static Path scenario(Path dir, String engines) throws Exception {
        Path f = dir.resolve("mc.yaml");
        Files.writeString(f, String.join("\n", "name: mc", "model:", "  type: reset", "  E: 1.0", "  g: 1.6e-3",
                "  cold: {T: 0.0, rate: 1.0e-2}", "  hot: {T: inf, rate: 1.1e-3}", "initial: \"00\"",
                "time: {end: 200, points: 21}", engines, "ensemble: {trajectories: 100, seed: 5}",
                "sweep:", "  axes:", "    - {key: model.g, values: [0.001, 0.002, 0.004]}", ""));
        return f;
    }

    @Test
    @Tag("slow")
    void theScriptsShardTheSweepByPointsAndTheMergeIsOneProcess(@TempDir Path dir) throws Exception {
        Path f = scenario(dir, "engines: [trajectories]");
        Path one = dir.resolve("one");
        CliTest.Run single = CliTest.run("sweep", f.toString(), "--out", one.toString(), "--set", "ensemble.seed=11");
        assertEquals(0, single.status(), single.err());
        Path out = dir.resolve("big");
        CliTest.Run r = CliTest.run("slurm", f.toString(), "--shards", "2", "--out", out.toString(), "--seed", "11",
                "--time", "00:10:00");
        assertEquals(0, r.status(), r.err());
        String array = Files.readString(dir.resolve("big.array.sbatch"));
        String merge = Files.readString(dir.resolve("big.merge.sbatch"));
        for (String line : List.of("#SBATCH --array=0-1", "#SBATCH --time=00:10:00", " sweep '" + f + "'",
                "--set 'ensemble.seed=11'", "--shard \"$SLURM_ARRAY_TASK_ID/2\"")) {
            assertTrue(array.contains(line), line + " in\n" + array);
        }
        assertTrue(merge.contains(" sweep '" + f + "'") && merge.contains("--merge @/dev/stdin"), merge);
        String launcher = Slurm.launcher();
        assertTrue(array.contains("exec " + launcher + " ") && merge.contains("exec " + launcher + " "), array);
        for (int i = 0; i < 2; i++) {
            List<String> args = commandOf(dir, array.replace(launcher, ECHO), Integer.toString(i), null);
            CliTest.Run s = CliTest.run(args.toArray(new String[0]));
            assertEquals(0, s.status(), s.err());
        }
        assertTrue(Files.isDirectory(dir.resolve("big.shards/0/points/0"))
                && Files.isDirectory(dir.resolve("big.shards/1/points/2")), "the slices [0, 1) and [1, 3)");
        assertFalse(Files.exists(out), "the shards write into big.shards/ only");
        List<String> args = commandOf(dir, merge.replace(launcher, ECHO), null, dir.resolve("shards.args"));
        CliTest.Run m = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, m.status(), m.err());
        for (String n : List.of("sweep.csv", "sweep-transient.png", "sweep-transient.svg", "sweep.png")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(n)), Files.readAllBytes(out.resolve(n)), n);
        }
        for (int i = 0; i < 3; i++) {
            MonteCarloSweepCliTest.sameFiles(one.resolve("points/" + i), out.resolve("points/" + i));
        }
    }

    /**
     * Runs a script by bash, as a task of the array would run it, with the launcher replaced by {@link #ECHO}.
     *
     * @param task $SLURM_ARRAY_TASK_ID, or null
     * @param stdin where the merge's here document goes; @/dev/stdin in the arguments then names this file
     * @return qtm's arguments
     */
    private static List<String> commandOf(Path dir, String script, String task, Path stdin) throws Exception {
        Path file = Files.writeString(dir.resolve("script.sh"), script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString());
        if (task != null) {
            pb.environment().put("SLURM_ARRAY_TASK_ID", task);
        }
        pb.environment().remove("SLURM_CPUS_PER_TASK");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(err, StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>();
        for (String a : new String(out, StandardCharsets.UTF_8).split("\0")) {
            args.add(stdin != null && a.equals("@/dev/stdin") ? "@" + stdin : a);
        }
        if (stdin != null) {
            Files.write(stdin, err);
            assertTrue(args.contains("@" + stdin), "the merge reads its shards from stdin: " + args);
        }
        return args;
    }

    @Test
    void anExactSweepMoreShardsThanPointsAndResumeAreRefused(@TempDir Path dir) throws Exception {
        Path mc = scenario(dir, "engines: [trajectories]");
        Path exact = Files.writeString(dir.resolve("exact.yaml"), Files.readString(mc).replace("engines: "
                + "[trajectories]\n", ""));
        String[][] cases = {{exact.toString(), "--shards", "2"}, {mc.toString(), "--shards", "4"},
            {mc.toString(), "--shards", "2", "--submit", "--resume"}};
        String[] named = {"a Monte Carlo sweep", "expected 1 to 3", "--resume"};
        for (int c = 0; c < cases.length; c++) {
            List<String> args = new ArrayList<>(List.of("slurm"));
            args.addAll(List.of(cases[c]));
            args.addAll(List.of("--out", dir.resolve("o").toString()));
            CliTest.Run r = CliTest.run(args.toArray(new String[0]));
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains(named[c]), r.err());
            assertFalse(Files.exists(dir.resolve("o.array.sbatch")), "nothing written");
        }
    }
}
