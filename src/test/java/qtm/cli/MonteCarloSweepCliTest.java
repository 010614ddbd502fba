package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qtm sweep} of a file with {@code engines} (issue 26): a Monte Carlo sweep over {@code model.g} converges at
 * every point, each point's directory is what {@code qtm run --set model.g=VALUE --seed SEED+i} writes, sweep.csv's
 * Monte Carlo columns are the points' summaries, and what cannot be Monte-Carlo'd is refused before anything is
 * written.
 */
class MonteCarloSweepCliTest {
    private static final long SEED = 7;
    private static final String[] G = {"0.001", "0.002", "0.004"};

    /** A short, small reset run: 31 grid points to t = 300, 200 trajectories of each engine. */
    private static Path scenario(Path dir) throws Exception {
        Path f = dir.resolve("mc.yaml");
        Files.writeString(f, String.join("\n", "name: mc", "model:", "  type: reset", "  E: 1.0", "  g: 1.6e-3",
                "  cold: {T: 0.0, rate: 1.0e-2}", "  hot: {T: inf, rate: 1.1e-3}", "initial: \"00\"",
                "time: {end: 300, points: 31}", "engines: [trajectories, collision]",
                "ensemble: {trajectories: 200, seed: " + SEED + "}",
                "sweep:", "  axes:", "    - {key: model.g, values: [" + String.join(", ", G) + "]}", ""));
        return f;
    }

    @Test
    @Tag("slow")
    void threePointsConvergeAndEachIsTheSingleRunOfItsPoint(@TempDir Path dir) throws Exception {
        Path f = scenario(dir);
        Path out = dir.resolve("sweep");
        CliTest.Run r = CliTest.run("sweep", f.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String[]> rows = Files.readAllLines(out.resolve("sweep.csv")).stream().map(l -> l.split(",")).toList();
        assertEquals(1 + G.length, rows.size());
        List<String> header = Arrays.asList(rows.get(0));
        for (String e : List.of("trajectories", "collision")) {
            for (String c : List.of("concurrence", "negativity_c_vs_h", "purity", "heat_cold", "heat_hot")) {
                assertTrue(header.contains(e + "_" + c) && header.contains(e + "_" + c + "_se"), e + "_" + c);
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < G.length; i++) {
            String[] row = rows.get(1 + i);
            assertEquals(G[i], row[0], "the axis value, as --set reproduces it");
            for (String e : List.of("trajectories", "collision")) {
                assertEquals("1.0", row[header.indexOf(e + "_converged")], "point " + i + ", " + e);
            }
            Path point = out.resolve("points").resolve(Integer.toString(i));
            Path single = dir.resolve("single-" + i);
            CliTest.Run s = CliTest.run("run", f.toString(), "--set", "model.g=" + G[i], "--seed",
                    Long.toString(SEED + i), "--out", single.toString(), "--quiet");
            assertEquals(0, s.status(), s.err());
            sameFiles(single, point);
            JsonNode summary = json.readTree(point.resolve("summary.json").toFile());
            assertEquals(SEED + i, summary.get("seed").asLong(), "point i runs on the stream of seed + i");
            for (String e : List.of("trajectories", "collision")) {
                JsonNode fin = summary.get("engines").get(e).get("final");
                assertTrue(summary.get("engines").get(e).get("converged").asBoolean());
                for (String c : List.of("concurrence", "negativity_c_vs_h", "purity", "heat_cold", "heat_hot")) {
                    assertEquals(fin.get(c).get("mean").asDouble(),
                            Double.parseDouble(row[header.indexOf(e + "_" + c)]), 0, e + "_" + c);
                    assertEquals(fin.get(c).get("se").asDouble(),
                            Double.parseDouble(row[header.indexOf(e + "_" + c + "_se")]), 0, e + "_" + c + "_se");
                }
            }
        }
        for (String fig : List.of("sweep-transient.png", "sweep-transient.svg", "sweep-transient.pdf", "sweep.png")) {
            assertTrue(Files.size(out.resolve(fig)) > 0, fig);
        }
    }

    /**
     * Every file of the single run, byte for byte; summary.json and report.html differ only in the provenance of the
     * process (command line, start time, seconds), so summary.json is compared without {@code this_run} and
     * report.html is not compared.
     */
    static void sameFiles(Path single, Path point) throws Exception {
        List<String> names;
        try (Stream<Path> s = Files.list(single)) {
            // The marker that claims a directory for qtm: a point lies inside the sweep's claimed directory.
            names = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".qtm-output")).sorted().toList();
        }
        List<String> theirs;
        try (Stream<Path> s = Files.list(point)) {
            theirs = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(names, theirs, "the same files");
        for (String n : names) {
            if (n.equals("report.html")) {
                continue;
            }
            if (n.equals("summary.json")) {
                ObjectMapper m = new ObjectMapper();
                ObjectNode a = (ObjectNode) m.readTree(single.resolve(n).toFile());
                ObjectNode b = (ObjectNode) m.readTree(point.resolve(n).toFile());
                assertTrue(a.remove("this_run") != null && b.remove("this_run") != null);
                assertEquals(m.writeValueAsString(a), m.writeValueAsString(b), n);
                continue;
            }
            assertArrayEquals(Files.readAllBytes(single.resolve(n)), Files.readAllBytes(point.resolve(n)), n);
        }
    }

    @Test
    @Tag("slow")
    void shardsMergeIntoTheBytesOfOneProcess(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("one.yaml");
        // One engine keeps the four sweeps of this test short; the shards' rule does not depend on the engines.
        Files.writeString(f, Files.readString(scenario(dir)).replace("[trajectories, collision]", "[trajectories]"));
        Path one = dir.resolve("one");
        assertEquals(0, CliTest.run("sweep", f.toString(), "--out", one.toString()).status());
        Path s0 = dir.resolve("s0");
        Path s1 = dir.resolve("s1");
        assertEquals(0, CliTest.run("sweep", f.toString(), "--out", s0.toString(), "--shard", "0/2").status());
        assertEquals(0, CliTest.run("sweep", f.toString(), "--out", s1.toString(), "--shard", "1/2").status());
        assertTrue(Files.isDirectory(s0.resolve("points/0")) && Files.isDirectory(s1.resolve("points/2")));
        assertFalse(Files.exists(s0.resolve("points/1")) || Files.exists(s0.resolve("sweep.csv")),
                "a shard runs its slice [0, 1) and writes no sweep.csv");
        Path merged = dir.resolve("merged");
        CliTest.Run m = CliTest.run("sweep", f.toString(), "--out", merged.toString(), "--merge", s1.toString(),
                s0.toString());
        assertEquals(0, m.status(), m.err());
        for (String n : List.of("sweep.csv", "sweep-transient.png", "sweep-transient.svg", "sweep.png")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(n)), Files.readAllBytes(merged.resolve(n)), n);
        }
        for (int i = 0; i < G.length; i++) {
            sameFiles(one.resolve("points/" + i), merged.resolve("points/" + i));
        }
        CliTest.Run missing = CliTest.run("sweep", f.toString(), "--out", dir.resolve("m2").toString(), "--merge",
                s1.toString());
        assertEquals(2, missing.status(), missing.err());
        assertTrue(missing.err().contains("point 0"), missing.err());
        assertFalse(Files.exists(dir.resolve("m2")), "nothing written");
    }

    /**
     * Physics: a reset model with fast baths (p_c = 0.1, p_h = 0.05, T_c = 0, T_h = inf) has relaxed by t = 400, so at
     * every point the trajectories' final purity and heat currents lie within 4 SE of the steady state of eq. (4),
     * written out here from scratch: ρ∞ = γ[p_c p_h τ_c⊗τ_h + 2g²/(p_c+p_h)² (p_cτ_c + p_hτ_h)^{⊗2}
     * + g p_c p_h (r_c−r_h)/(p_c+p_h) Y], γ = 1/(2g² + p_c p_h), Y = i|01⟩⟨10| − i|10⟩⟨01|, r_c = 1, r_h = 1/2; and the
     * exact columns are that state to 1e-12.
     */
    @Test
    @Tag("slow")
    void relaxedPointsAgreeWithEquationFourWithinFourStandardErrors(@TempDir Path dir) throws Exception {
        double pc = 0.1;
        double ph = 0.05;
        double[] gs = {0.01, 0.02, 0.04};
        Path f = dir.resolve("fast.yaml");
        Files.writeString(f, String.join("\n", "name: fast", "model:", "  type: reset", "  E: 1.0", "  g: 0.01",
                "  cold: {T: 0.0, rate: " + pc + "}", "  hot: {T: inf, rate: " + ph + "}", "initial: \"00\"",
                "time: {end: 400, points: 41}", "engines: [trajectories]", "ensemble: {trajectories: 2000, seed: 11}",
                "sweep:", "  axes:", "    - {key: model.g, values: [0.01, 0.02, 0.04]}", ""));
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", f.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String[]> rows = Files.readAllLines(out.resolve("sweep.csv")).stream().map(l -> l.split(",")).toList();
        List<String> h = Arrays.asList(rows.get(0));
        for (int i = 0; i < gs.length; i++) {
            double g = gs[i];
            double rc = 1;
            double rh = 0.5;
            double gamma = 1 / (2 * g * g + pc * ph);
            double m0 = (pc * rc + ph * rh) / (pc + ph);
            double[] tc = {rc, 1 - rc};
            double[] th = {rh, 1 - rh};
            double[] mix = {m0, 1 - m0};
            double purity = 0;
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    double p = gamma * (pc * ph * tc[a] * th[b] + 2 * g * g * mix[a] * mix[b]);
                    purity += p * p;
                }
            }
            double y = gamma * g * pc * ph * (rc - rh) / (pc + ph);
            purity += 2 * y * y;
            // J = 2g Im ρ_01,10 moves excitations from the hot qubit to the cold one, which the cold bath takes away.
            double heatCold = 2 * g * y;
            String[] row = rows.get(1 + i);
            assertEquals(purity, value(row, h, "purity"), 1e-12, "exact purity at g = " + g);
            assertEquals(heatCold, value(row, h, "heat_cold"), 1e-12 * heatCold, "exact heat at g = " + g);
            assertEquals(1.0, value(row, h, "trajectories_converged"), "g = " + g);
            double[][] checks = {{purity, value(row, h, "trajectories_purity"), value(row, h, "trajectories_purity_se")},
                {heatCold, value(row, h, "trajectories_heat_cold"), value(row, h, "trajectories_heat_cold_se")},
                {-heatCold, value(row, h, "trajectories_heat_hot"), value(row, h, "trajectories_heat_hot_se")}};
            for (double[] c : checks) {
                assertTrue(c[2] > 0 && Math.abs(c[1] - c[0]) <= 4 * c[2],
                        "g = " + g + ": " + c[1] + " ± " + c[2] + " against eq. (4) " + c[0]);
            }
        }
    }

    private static double value(String[] row, List<String> header, String column) {
        assertTrue(header.contains(column), column);
        return Double.parseDouble(row[header.indexOf(column)]);
    }

    @Test
    @Tag("slow")
    void aMachineSweepConvergesAndItsColumnsAreThePointsSummaries(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("machine.yaml");
        Files.writeString(f, Files.readString(Path.of("scenarios/machine-qutrit.yaml"))
                .replace("time: {end: 5000, points: 201}", "time: {end: 300, points: 31}")
                + "engines: [trajectories]\nensemble: {trajectories: 200, seed: 3}\nsweep:\n  axes:\n"
                + "    - {key: 'model.couplings[0].g', values: [0.001, 0.002, 0.004]}\n");
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", f.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String[]> rows = Files.readAllLines(out.resolve("sweep.csv")).stream().map(l -> l.split(",")).toList();
        List<String> header = Arrays.asList(rows.get(0));
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            String[] row = rows.get(1 + i);
            assertEquals("1.0", row[header.indexOf("trajectories_converged")], "point " + i);
            JsonNode fin = json.readTree(out.resolve("points/" + i + "/summary.json").toFile())
                    .get("engines").get("trajectories").get("final");
            // A machine's engine counts the heat: its columns say so.
            for (String c : List.of("negativity_c_vs_h", "purity", "heat_cold_count", "heat_hot_count")) {
                assertEquals(fin.get(c).get("mean").asDouble(),
                        Double.parseDouble(row[header.indexOf("trajectories_" + c)]), 0, c);
                assertEquals(fin.get(c).get("se").asDouble(),
                        Double.parseDouble(row[header.indexOf("trajectories_" + c + "_se")]), 0, c + "_se");
            }
        }
        Path single = dir.resolve("single");
        assertEquals(0, CliTest.run("run", f.toString(), "--set", "model.couplings[0].g=0.002", "--seed", "4",
                "--out", single.toString(), "--quiet").status());
        sameFiles(single, out.resolve("points/1"));
        assertTrue(Files.size(out.resolve("sweep-transient.png")) > 0);
    }

    @Test
    @Tag("slow")
    void extendingASweepGivesTheBytesOfOneProcessOfTheNewTotal(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("one.yaml");
        Files.writeString(f, Files.readString(scenario(dir)).replace("[trajectories, collision]", "[trajectories]"));
        Path extended = dir.resolve("extended");
        assertEquals(0, CliTest.run("sweep", f.toString(), "--out", extended.toString(), "--trajectories", "100")
                .status());
        CliTest.Run e = CliTest.run("sweep", f.toString(), "--extend", extended.toString(), "--trajectories", "250");
        assertEquals(0, e.status(), e.err());
        Path fresh = dir.resolve("fresh");
        assertEquals(0, CliTest.run("sweep", f.toString(), "--out", fresh.toString(), "--trajectories", "250")
                .status());
        assertArrayEquals(Files.readAllBytes(fresh.resolve("sweep.csv")), Files.readAllBytes(extended.resolve(
                "sweep.csv")));
        for (int i = 0; i < G.length; i++) {
            sameFiles(fresh.resolve("points/" + i), extended.resolve("points/" + i));
            JsonNode thisRun = new ObjectMapper().readTree(extended.resolve("points/" + i + "/summary.json")
                    .toFile()).get("this_run");
            assertEquals(100, thisRun.get("extended_from").get("trajectories").asLong(), "point " + i);
        }
        CliTest.Run fewer = CliTest.run("sweep", f.toString(), "--extend", extended.toString(), "--trajectories",
                "200");
        assertEquals(2, fewer.status(), fewer.err());
        assertTrue(fewer.err().contains("expected a new total > 250"), fewer.err());
        CliTest.Run otherSeed = CliTest.run("sweep", f.toString(), "--extend", extended.toString(), "--trajectories",
                "300", "--set", "ensemble.seed=9");
        assertEquals(2, otherSeed.status(), otherSeed.err());
        assertTrue(otherSeed.err().contains("seed"), otherSeed.err());
        sameFiles(fresh.resolve("points/0"), extended.resolve("points/0"));
    }

    @Test
    void aBadShardOrAShardOfAnExactSweepExitsTwo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        for (String bad : List.of("3/3", "0/4", "1", "a/b", "-1/2")) {
            CliTest.Run r = CliTest.run("sweep", scenario(dir).toString(), "--shard", bad, "--out", out.toString());
            assertEquals(2, r.status(), bad + ": " + r.err());
            assertTrue(r.err().contains("--shard"), r.err());
        }
        CliTest.Run r = CliTest.run("sweep", CliTest.RESET.toString(), "--set",
                "sweep={axes: [{key: model.g, values: [0.001, 0.002]}]}", "--shard", "0/2", "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("lists none"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aStudyKindWithEnginesExitsTwoAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", "scenarios/paper/fig2a.yaml", "--set", "engines=[trajectories]",
                "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("engines") && r.err().contains("sweep.axes"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aPointThatQtmRunRefusesExitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", scenario(dir).toString(), "--set", "time.points=100002",
                "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("time.points"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aMonteCarloSweepWithAnotherFileExitsTwo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path f = scenario(dir);
        Path g = dir.resolve("other.yaml");
        Files.writeString(g, Files.readString(f).replace("name: mc", "name: other"));
        CliTest.Run r = CliTest.run("sweep", f.toString(), g.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("one file"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
