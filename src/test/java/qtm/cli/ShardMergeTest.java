package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10: {@code qtm run --shard I/N} then {@code qtm merge} in any order gives the data files of one
 * {@code qtm run}, byte for byte; what is not one ensemble is refused with exit 2, and {@code --partial} marks what
 * it merges.
 */
class ShardMergeTest {
    /**
     * The data files the issue names, and the report, summary.json and charts, which come out the same too but for
     * their this_run parts.
     */
    static void assertSameOutputs(Path single, Path merged) throws Exception {
        Map<String, byte[]> x = ExtendTest.files(single);
        Map<String, byte[]> y = ExtendTest.files(merged);
        x.remove(".qtm-output");
        y.remove(".qtm-output");
        assertEquals(x.keySet(), y.keySet());
        assertTrue(x.keySet().stream().anyMatch(f -> f.endsWith(".qtme")), x.keySet().toString());
        for (String f : x.keySet()) {
            assertArrayEquals(ThisRunParts.withoutThisRun(f, x.get(f)), ThisRunParts.withoutThisRun(f, y.get(f)), f);
        }
    }

    static List<String> shardDirs(Path root, int n) {
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dirs.add(root.resolve(Integer.toString(i)).toString());
        }
        return dirs;
    }

    @ParameterizedTest(name = "{0} in {1} shards")
    @CsvSource({"reset-paper, 8, 1600", "dqd-U20, 3, 1000", "reset-paper, 1, 300"})
    @Tag("slow")
    void mergedShardsAreOneRun(String name, int n, int trajectories, @TempDir Path dir) throws Exception {
        String file = "scenarios/" + name + ".yaml";
        Path single = dir.resolve("single");
        CliTest.Run a = CliTest.run("run", file, "--trajectories", Integer.toString(trajectories), "--out",
                single.toString(), "--quiet");
        assertEquals(0, a.status(), a.err());
        for (int i = 0; i < n; i++) {
            CliTest.Run s = CliTest.run("run", file, "--trajectories", Integer.toString(trajectories), "--shard",
                    i + "/" + n, "--out", dir.resolve("shards").resolve(Integer.toString(i)).toString(), "--quiet",
                    "--threads", Integer.toString(1 + i % 2));
            assertEquals(0, s.status(), s.err());
        }
        Path shard0 = dir.resolve("shards").resolve("0");
        assertTrue(Files.isRegularFile(shard0.resolve("shard.json")));
        assertFalse(Files.exists(shard0.resolve("concurrence.png")) || Files.exists(shard0.resolve("concurrence.pdf")),
                "a shard draws no charts");
        List<String> dirs = shardDirs(dir.resolve("shards"), n);
        Collections.shuffle(dirs, new Random(n));
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(dirs);
        args.addAll(List.of("--out", dir.resolve("merged").toString()));
        CliTest.Run m = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, m.status(), m.err());
        assertSameOutputs(single, dir.resolve("merged"));
        // The merge's this_run names its shards in index order, whatever the order of the directories.
        JsonNode shards = new ObjectMapper().readTree(dir.resolve("merged").resolve("summary.json").toFile())
                .get("this_run").get("shards");
        assertEquals(n, shards.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i + "/" + n, shards.get(i).get("shard").asText());
        }
    }

    @Test
    @Tag("slow")
    void whatIsNotOneEnsembleIsRefused(@TempDir Path dir) throws Exception {
        String file = "scenarios/reset-paper.yaml";
        Path shards = dir.resolve("shards");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, CliTest.run("run", file, "--trajectories", "90", "--shard", i + "/3", "--out",
                    shards.resolve(Integer.toString(i)).toString(), "--quiet").status());
        }
        assertEquals(0, CliTest.run("run", file, "--trajectories", "90", "--shard", "1/2", "--out",
                shards.resolve("half").toString(), "--quiet").status());
        assertEquals(0, CliTest.run("run", file, "--trajectories", "90", "--seed", "7", "--shard", "2/3", "--out",
                shards.resolve("seed7").toString(), "--quiet").status());
        assertEquals(0, CliTest.run("run", file, "--trajectories", "90", "--set", "model.g=2e-3", "--shard", "2/3",
                "--out", shards.resolve("other").toString(), "--quiet").status());
        String s0 = shards.resolve("0").toString();
        String s1 = shards.resolve("1").toString();
        String s2 = shards.resolve("2").toString();
        Object[][] cases = {
            {new String[] {s0, s1}, "[60, 90)"},
            {new String[] {s0, s1, s2, shards.resolve("half").toString()}, "overlap"},
            {new String[] {s0, s1, shards.resolve("seed7").toString()}, "seed 7"},
            {new String[] {s0, s1, shards.resolve("other").toString()}, "another scenario"},
            {new String[] {s0, dir.toString()}, "shard.json"},
        };
        for (Object[] c : cases) {
            Path out = dir.resolve("out");
            List<String> args = new ArrayList<>(List.of("merge"));
            args.addAll(List.of((String[]) c[0]));
            args.addAll(List.of("--out", out.toString()));
            CliTest.Run r = CliTest.run(args.toArray(new String[0]));
            assertEquals(2, r.status(), String.join(" ", args));
            assertTrue(r.err().contains((String) c[1]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
        }
        CliTest.Run intoInput = CliTest.run("merge", s0, s1, s2, "--out", s0, "--force");
        assertEquals(2, intoInput.status(), "merging into one of its inputs");
        assertTrue(Files.isRegularFile(shards.resolve("0").resolve("shard.json")), "the shard is kept");
        Path partial = dir.resolve("partial");
        CliTest.Run p = CliTest.run("merge", s2, s0, "--partial", "--out", partial.toString());
        assertEquals(0, p.status(), p.err());
        JsonNode summary = new ObjectMapper().readTree(partial.resolve("summary.json").toFile());
        assertTrue(summary.get("partial").asBoolean());
        assertEquals("[[30,60]]", summary.get("missing").get("trajectories").toString());
        assertEquals(60, summary.get("engines").get("trajectories").get("trajectories").asLong());
        assertEquals("partial", summary.get("engines").get("trajectories").get("stop_reason").asText());
        assertTrue(Files.readString(partial.resolve("report.html")).contains("Partial result"));
    }

    @Test
    @Tag("slow")
    void badShardsAreRefused(@TempDir Path dir) throws Exception {
        String file = "scenarios/reset-paper.yaml";
        Path run = dir.resolve("run");
        assertEquals(0, CliTest.run("run", file, "--trajectories", "40", "--out", run.toString(), "--quiet")
                .status());
        String[][] cases = {
            {"--shard", "3/3"}, {"--shard", "-1/3"}, {"--shard", "1/0"}, {"--shard", "a/b"}, {"--shard", "1"},
            {"--shard", "0/41"}, {"--shard", "0/2", "--extend", run.toString()},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("out");
            List<String> args = new ArrayList<>(List.of("run", file, "--trajectories", "40", "--quiet"));
            args.addAll(List.of(c));
            if (!List.of(c).contains("--extend")) {
                args.addAll(List.of("--out", out.toString()));
            }
            CliTest.Run r = CliTest.run(args.toArray(new String[0]));
            assertEquals(2, r.status(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains("--shard"), r.err());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    @Tag("slow")
    void anInterruptedShardKeepsItsPrefixAndTheRestIsMissing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("s0");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "qtm.cli.Main", "run", "scenarios/reset-paper.yaml",
                "--trajectories", "1000000000", "--shard", "0/2", "--out", out.toString(), "--quiet"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile())
                .start();
        // The shard says when its first ensemble starts; a second later blocks of it are committed, however busy
        // the machine (waiting a fixed time after the staging directory appeared raced the exact solution).
        Path log = dir.resolve("log");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(log) && Files.readString(log).contains("started")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "stops promptly after SIGINT");
        assertEquals(130, p.exitValue(), Files.readString(dir.resolve("log")));
        JsonNode record = new ObjectMapper().readTree(out.resolve("shard.json").toFile());
        assertFalse(record.get("complete").asBoolean());
        assertEquals("[0,500000000]", record.get("ensembles").get("trajectories").get("range").toString());
        assertFalse(Files.exists(out.resolve("ensemble-collision.qtme")), "the engine after the interrupt never ran");

        Path merged = dir.resolve("merged");
        CliTest.Run refused = CliTest.run("merge", out.toString(), "--out", merged.toString());
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("--partial"), refused.err());
        CliTest.Run m = CliTest.run("merge", out.toString(), "--partial", "--out", merged.toString());
        assertEquals(0, m.status(), m.err());
        JsonNode summary = new ObjectMapper().readTree(merged.resolve("summary.json").toFile());
        long n = summary.get("engines").get("trajectories").get("trajectories").asLong();
        assertTrue(n > 0 && n < 500_000_000L, "a prefix of the shard's range: " + n);
        assertEquals("[[" + n + ",1000000000]]", summary.get("missing").get("trajectories").toString());
        assertEquals("[[0,1000000000]]", summary.get("missing").get("collision").toString());
        assertFalse(summary.get("engines").has("collision"));
    }

    @Test
    void shardRangesPartitionTheIndices() {
        for (long total : new long[] {1, 7, 1000, 999_999_999_999L}) {
            for (int n : new int[] {1, 2, 3, 8, 1000}) {
                if (n > total) {
                    continue;
                }
                long at = 0;
                for (int i = 0; i < n; i++) {
                    long[] r = new qtm.ensemble.Shard(i, n).range(total);
                    assertEquals(at, r[0]);
                    assertTrue(r[1] > r[0] && r[1] - r[0] <= total / n + 1, total + " " + n);
                    at = r[1];
                }
                assertEquals(total, at);
            }
        }
    }
}
