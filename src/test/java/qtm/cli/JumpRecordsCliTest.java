package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import qtm.output.Npy;

/** Issue 11.5: {@code qtm run --records K} on the command line, with shards, merge and --extend. */
class JumpRecordsCliTest {
    private static final String FILE = "scenarios/reset-paper.yaml";
    @TempDir
    static Path scenarios;

    /** reset-paper on a shorter, coarser grid: the same machine, its many cold resets, and quick runs. */
    private static String small() throws IOException {
        Path f = scenarios.resolve("records.yaml");
        if (!Files.exists(f)) {
            String text = Files.readString(Path.of(FILE)).replaceFirst("(?m)^time: .*$",
                    "time: {end: 2000, points: 21}");
            assertTrue(text.contains("points: 21"));
            Files.writeString(f, text);
        }
        return f.toString();
    }

    private static CliTest.Run run(Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", small(), "--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        return CliTest.run(args.toArray(new String[0]));
    }

    @Test
    @Tag("slow")
    void theSameSeedGivesTheSameBytesOnOneAndTwoThreads(@TempDir Path dir) throws Exception {
        CliTest.Run a = run(dir.resolve("a"), "--trajectories", "200", "--records", "100", "--threads", "1");
        CliTest.Run b = run(dir.resolve("b"), "--trajectories", "200", "--records", "100", "--threads", "2");
        assertEquals(0, a.status(), a.err());
        assertEquals(0, b.status(), b.err());
        for (String f : new String[] {"jumps-trajectories.csv", "jumps-trajectories.npy", "jumps-collision.csv",
            "jumps-collision.npy", "jumps.json"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        String manifest = Files.readString(dir.resolve("a").resolve(".qtm-output"));
        assertTrue(manifest.contains(" jumps-trajectories.npy\n") && manifest.contains(" jumps.json\n"),
                "the manifest lists the records, so qtm knows it wrote them");
    }

    /** Rows of the .npy decoded by hand, each as its CSV line. */
    static List<String> npyAsCsv(Path npy, String[] labels) throws IOException {
        byte[] all = Files.readAllBytes(npy);
        byte[] header = Npy.header((all.length - 192) / Npy.ROW_BYTES);
        assertArrayEquals(header, java.util.Arrays.copyOf(all, header.length));
        assertEquals(0, (all.length - header.length) % Npy.ROW_BYTES);
        ByteBuffer b = ByteBuffer.wrap(all, header.length, all.length - header.length).order(ByteOrder.LITTLE_ENDIAN);
        List<String> rows = new ArrayList<>();
        while (b.hasRemaining()) {
            long index = b.getLong();
            double time = b.getDouble();
            int bath = b.get();
            int channel = b.getShort();
            int nu = b.get();
            double energy = b.getDouble();
            rows.add(index + "," + time + "," + (bath == 1 ? "hot" : "cold") + "," + channel + "," + labels[channel]
                    + "," + nu + "," + energy);
        }
        return rows;
    }

    @Test
    void csvAndNpyHoldTheSameRowsAndJsonSaysWhatTheyCover(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        CliTest.Run a = run(out, "--trajectories", "96", "--records", "1000");
        assertEquals(0, a.status(), a.err());
        String[] labels = qtm.scenario.ScenarioReader.read(Path.of(small()), List.of()).model().jumps().stream()
                .map(qtm.model.Jump::label).toArray(String[]::new);
        JsonNode index = new ObjectMapper().readTree(out.resolve("jumps.json").toFile());
        assertEquals(1000, index.get("records").asLong());
        for (String engine : new String[] {"trajectories", "collision"}) {
            List<String> csv = Files.readAllLines(out.resolve("jumps-" + engine + ".csv"), StandardCharsets.UTF_8);
            assertEquals("index,time,bath,channel,label,nu,energy", csv.get(0));
            List<String> npy = npyAsCsv(out.resolve("jumps-" + engine + ".npy"), labels);
            assertEquals(csv.subList(1, csv.size()), npy);
            JsonNode e = index.get("engines").get(engine);
            assertEquals(npy.size(), e.get("jumps").asLong());
            // K above the trajectory count: all 96 are recorded.
            assertEquals("[[0,96]]", e.get("trajectories").toString());
            for (String row : npy) {
                String[] f = row.split(",");
                double energy = Double.parseDouble(f[6]);
                assertEquals(Integer.parseInt(f[5]), (int) Math.signum(energy), "nu is the sign of the energy");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "1.5", "10000001", "99999999999999999999"})
    void aBadRecordsValueIsRefusedAndNothingIsWritten(String k, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        CliTest.Run r = run(out, "--trajectories", "64", "--records", k);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--records"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), "nothing written");
        CliTest.Run s = run(dir.resolve("shard"), "--trajectories", "64", "--records", k, "--shard", "0/2");
        assertEquals(2, s.status(), s.err());
        assertFalse(Files.exists(dir.resolve("shard")), "nothing written");
    }

    /**
     * 301 trajectories in 3 shards of 100, 100 and 101 on 1, 2 and 1 threads, K = 150 inside the second, merged in
     * reverse order: the bytes of one process.
     */
    @Test
    @Tag("slow")
    void mergedShardsRecordWhatOneRunRecords(@TempDir Path dir) throws Exception {
        Path single = dir.resolve("single");
        CliTest.Run a = run(single, "--trajectories", "301", "--records", "150");
        assertEquals(0, a.status(), a.err());
        for (int n : new int[] {3}) {
            Path shards = dir.resolve("shards" + n);
            for (int i = 0; i < n; i++) {
                CliTest.Run s = run(shards.resolve(Integer.toString(i)), "--trajectories", "301", "--records", "150",
                        "--shard", i + "/" + n, "--threads", Integer.toString(1 + i % 2));
                assertEquals(0, s.status(), s.err());
            }
            if (n == 3) {
                JsonNode last = new ObjectMapper().readTree(shards.resolve("2").resolve("jumps.json").toFile());
                assertEquals("[]", last.get("engines").get("trajectories").get("trajectories").toString(),
                        "shard 2 holds [200, 301), none below K");
                JsonNode middle = new ObjectMapper().readTree(shards.resolve("1").resolve("jumps.json").toFile());
                assertEquals("[[100,150]]", middle.get("engines").get("collision").get("trajectories").toString());
            }
            List<String> args = new ArrayList<>(List.of("merge"));
            List<String> dirs = ShardMergeTest.shardDirs(shards, n);
            java.util.Collections.reverse(dirs);
            args.addAll(dirs);
            args.addAll(List.of("--out", dir.resolve("merged" + n).toString()));
            CliTest.Run m = CliTest.run(args.toArray(new String[0]));
            assertEquals(0, m.status(), m.err());
            ShardMergeTest.assertSameOutputs(single, dir.resolve("merged" + n));
        }
    }

    @Test
    @Tag("slow")
    void shardsRunWithDifferentRecordsAreNotMerged(@TempDir Path dir) throws Exception {
        Path shards = dir.resolve("shards");
        String[][] records = {{"--records", "50"}, {}};
        for (int i = 0; i < 2; i++) {
            List<String> args = new ArrayList<>(List.of("--trajectories", "128", "--shard", i + "/2"));
            args.addAll(List.of(records[i]));
            CliTest.Run s = run(shards.resolve(Integer.toString(i)), args.toArray(new String[0]));
            assertEquals(0, s.status(), s.err());
        }
        Path out = dir.resolve("merged");
        CliTest.Run m = CliTest.run("merge", shards.resolve("0").toString(), shards.resolve("1").toString(),
                "--out", out.toString());
        assertEquals(2, m.status(), m.err());
        assertTrue(m.err().contains("--records"), m.err());
        assertFalse(Files.exists(out));
    }

    /** --extend keeps the earlier records unchanged and refuses --records, which could only leave a gap in them. */
    @Test
    @Tag("slow")
    void anExtensionKeepsTheRecords(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        assertEquals(0, run(out, "--trajectories", "64", "--records", "40").status());
        byte[] npy = Files.readAllBytes(out.resolve("jumps-collision.npy"));
        byte[] json = Files.readAllBytes(out.resolve("jumps.json"));
        CliTest.Run refused = CliTest.run("run", small(), "--extend", out.toString(), "--trajectories", "128",
                "--records", "100", "--quiet");
        assertEquals(2, refused.status(), refused.err());
        assertTrue(refused.err().contains("--records"), refused.err());
        CliTest.Run x = CliTest.run("run", small(), "--extend", out.toString(), "--trajectories", "128", "--quiet");
        assertEquals(0, x.status(), x.err());
        assertArrayEquals(npy, Files.readAllBytes(out.resolve("jumps-collision.npy")));
        assertArrayEquals(json, Files.readAllBytes(out.resolve("jumps.json")));
        assertTrue(Files.readString(out.resolve(".qtm-output")).contains(" jumps-collision.npy\n"));
    }

    /** numpy itself reads the file with no arguments, and numpy.save of what it read gives the same bytes. */
    @Test
    void numpyLoadsIt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(python("import numpy"), "skipped: python3 with numpy is not on this machine");
        Path out = dir.resolve("r");
        assertEquals(0, run(out, "--trajectories", "64", "--records", "64").status());
        String script = String.join("\n",
                "import numpy, io, csv, sys",
                "d = sys.argv[1]",
                "a = numpy.load(d + '/jumps-trajectories.npy')",
                "assert a.dtype.names == ('index', 'time', 'bath', 'channel', 'nu', 'energy'), a.dtype",
                "b = io.BytesIO(); numpy.save(b, a)",
                "assert b.getvalue() == open(d + '/jumps-trajectories.npy', 'rb').read(), 'numpy.save differs'",
                "rows = list(csv.DictReader(open(d + '/jumps-trajectories.csv')))",
                "assert len(rows) == len(a) > 0, (len(rows), len(a))",
                "for r, x in zip(rows, a):",
                "    assert int(r['index']) == x['index'] and float(r['time']) == x['time']",
                "    assert (r['bath'] == 'hot') == (x['bath'] == 1) and int(r['channel']) == x['channel']",
                "    assert int(r['nu']) == x['nu'] and float(r['energy']) == x['energy']");
        Path py = dir.resolve("check.py");
        Files.writeString(py, script + "\n");
        assertTrue(python(py.toString(), out.toString()), "the numpy check failed");
    }

    private static boolean python(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3"));
        if (args.length == 1 && !args[0].endsWith(".py")) {
            cmd.add("-c");
        }
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        if (p.exitValue() != 0 && args[0].endsWith(".py")) {
            System.err.println(output);
        }
        return p.exitValue() == 0;
    }
}
