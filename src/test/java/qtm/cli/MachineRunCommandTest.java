package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import qtm.math.MatrixExp;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.exact.MachineExact;
import qtm.model.TimeGrid;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/**
 * {@code qtm run} on machines of issue 24 with the jump engine: summary.json's {@code final.rho} is within 4 of its
 * own SEs of the exact transient at the final time (the exact layer's, itself checked against an independent numpy
 * solution), the heat into each bath by counting within 4 SE of the exact heat averaged over the last bin, the verdict
 * converges and has a χ² exactly where d = 4; an extension, and three shards merged, give the bytes of one run of the
 * total size, with the collision engine alone and with both engines (issue 25); the fidelity with observe.target is
 * within 4 SE of the exact one; jump records name the machine's baths; a grid too large for a machine's sums, the
 * collision engine in the global approach, a collision step beyond a reset's rate·Δt ≤ 1 or a swap's θ ≤ π/2 (the
 * message giving the longest step allowed), and a list of steps are refused with exit 2 and nothing written.
 */
class MachineRunCommandTest {
    static final String QUTRIT = qtm.verify.MachineCountFixtures.QUTRIT + "ensemble: {trajectories: 6000, seed: 11}\n";

    static final String THREE_BATHS = """
            name: three
            model:
              type: machine
              sites:
                - {name: c, levels: [0.0, 1.0]}
                - {name: m, levels: [0.0, 1.1]}
                - {name: h, levels: [0.0, 0.9]}
              couplings:
                - {kind: exchange, sites: [c, m], g: 0.05}
                - {kind: exchange, sites: [m, h], g: 0.05}
              baths:
                - {name: cold, site: c, kind: bosonic, T: 0.3, rate: 0.04}
                - {name: lead, site: m, kind: fermionic, T: 1.0, rate: 0.03, mu: 2.0}
                - {name: hot, site: h, kind: reset, T: 3.0, rate: 0.02}
            initial: "000"
            time: {end: 60, points: 7}
            ensemble: {trajectories: 6000, seed: 12}
            """;

    private static final String TWO_QUBITS = """
            name: pair
            model:
              type: machine
              sites:
                - {name: c, levels: [0.0, 1.0]}
                - {name: h, levels: [0.0, 1.0]}
              couplings:
                - {kind: exchange, sites: [c, h], g: 0.05}
              baths:
                - {name: cold, site: c, kind: bosonic, T: 0.2, rate: 0.04}
                - {name: hot, site: h, kind: bosonic, T: 2.0, rate: 0.02}
            initial: "01"
            time: {end: 60, points: 7}
            ensemble: {trajectories: 6000, seed: 13}
            """;

    @TempDir
    Path tmp;

    private JsonNode run(String yaml, String name, String... more) throws Exception {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        Path out = tmp.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("run", file.toString(), "--out", out.toString(),
                "--quiet", "--threads", "2"));
        args.addAll(List.of(more));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        check(file, s);
        // Issue 25: the counts' figure, one panel per bath, where they were judged.
        assertTrue(Files.exists(out.resolve("counts.png")), "counts.png");
        return s;
    }

    static void check(Path file, JsonNode s) {
        Scenario sc = ScenarioReader.readForRun(file, List.of());
        MachineExact exact = new MachineExact(sc.machine());
        TimeGrid grid = sc.time();
        List<ZMatrixRMaj> rho = exact.evolve(sc.initial(), grid);
        ZMatrixRMaj last = rho.get(grid.points() - 1);
        JsonNode e = s.get("engines").get("trajectories");
        assertTrue(e.get("converged").asBoolean(), e.toString());
        JsonNode f = e.get("final").get("rho");
        int d = sc.machine().dimension();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double re = f.get("re").get(i).get(j).asDouble();
                double se = f.get("re_se").get(i).get(j).asDouble();
                assertTrue(Math.abs(re - last.getReal(i, j)) <= 4 * se + 1e-12, "Re rho " + i + j + ": " + re
                        + " ± " + se + " against " + last.getReal(i, j));
                double im = f.get("im").get(i).get(j).asDouble();
                double seIm = f.get("im_se").get(i).get(j).asDouble();
                assertTrue(Math.abs(im - last.getImag(i, j)) <= 4 * seIm + 1e-12, "Im rho " + i + j);
            }
        }
        // Issue 25: the counts of every bath are judged, by bath name, with their exact final values alongside.
        JsonNode counting = e.get("counting");
        assertTrue(counting != null && counting.get("converged").asBoolean(), String.valueOf(e.get("counting_verdict")));
        assertTrue(counting.get("z_tests").asInt() > 0, counting.toString());
        for (String bath : sc.machine().bathNames()) {
            assertTrue(counting.get("histogram_" + bath).get("dof").asInt() >= 0, bath);
            double mean = e.get("final").get("count_" + bath).get("mean").asDouble();
            double se = e.get("final").get("count_" + bath).get("se").asDouble();
            double exactCount = e.get("reference_final").get("count_" + bath).asDouble();
            assertTrue(Math.abs(mean - exactCount) <= 4 * se + 1e-12, bath + " count " + mean + " ± " + se + " against "
                    + exactCount);
            assertTrue(e.get("reference_final").has("energy_" + bath + "_var"), bath);
        }
        // The exact heat averaged over the last bin in closed form, independent of the run's quadrature: the heat is
        // linear in ρ, and ∫ρ over the bin is the top right of exp([[L, ρ(t_K−1)], [0, 0]]·Δt) (Van Loan).
        double dt = grid.step();
        Map<String, Double> q = exact.heat(binIntegral(exact, rho.get(grid.points() - 2), dt));
        double largest = q.values().stream().mapToDouble(Math::abs).max().orElse(0);
        for (String bath : sc.machine().bathNames()) {
            double mean = q.get(bath) / dt;
            JsonNode h = e.get("final").get("heat").get(bath);
            assertEquals(mean, h.get("exact").asDouble(), 1e-10 * largest / dt, bath + " exact");
            assertTrue(Math.abs(h.get("mean").asDouble() - mean) <= 4 * h.get("se").asDouble(), bath + ": " + h);
        }
    }

    /** ∫₀^Δt e^{Ls}ρ ds as a matrix. */
    private static ZMatrixRMaj binIntegral(MachineExact exact, ZMatrixRMaj rho, double dt) {
        DMatrixRMaj l = exact.generator();
        int n = l.numRows;
        double[] x = exact.basis().coordinates(rho, new double[n]);
        DMatrixRMaj m = new DMatrixRMaj(n + 1, n + 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, l.get(i, j) * dt);
            }
            m.set(i, n, x[i] * dt);
        }
        DMatrixRMaj e = MatrixExp.exp(m);
        double[] integral = new double[n];
        for (int i = 0; i < n; i++) {
            integral[i] = e.get(i, n);
        }
        return exact.basis().matrix(integral, new ZMatrixRMaj(rho.numRows, rho.numCols));
    }

    @Test
    void aQutritMachineRunsAndMatchesItsExactTransient() throws Exception {
        JsonNode s = run(QUTRIT + "observe: {target: \"11\"}\n", "qutrit");
        // The fidelity with the basis state |1⟩_c|1⟩_h (index 1·3 + 1 = 4) is that state's population.
        Scenario sc = ScenarioReader.readForRun(tmp.resolve("qutrit.yaml"), List.of());
        List<ZMatrixRMaj> rho = new MachineExact(sc.machine()).evolve(sc.initial(), sc.time());
        double p11 = rho.get(rho.size() - 1).getReal(4, 4);
        JsonNode f = s.get("engines").get("trajectories").get("final").get("fidelity");
        assertEquals(p11, f.get("exact").asDouble(), 1e-12);
        assertTrue(Math.abs(f.get("mean").asDouble() - p11) <= 4 * f.get("se").asDouble(), f.toString());
        assertEquals(0, s.get("engines").get("trajectories").get("dof").asInt(), "no χ² above d = 4");
        assertTrue(s.get("engines").get("trajectories").get("final").get("negativity").has("c|h"));
        for (String chart : List.of("entanglement", "site-populations")) {
            for (String ext : List.of(".png", ".svg", ".pdf")) {
                assertTrue(Files.size(tmp.resolve("qutrit").resolve(chart + ext)) > 1000, chart + ext);
            }
        }
    }

    @Tag("slow")
    @Test
    void threeSitesWithThreeBathKindsRun() throws Exception {
        JsonNode s = run(THREE_BATHS, "three", "--records", "40");
        // The records name the machine's baths; ν is the channel's count, the sign of the energy ω it moves, and the
        // energy column its heat: for the fermionic lead at μ = 2 > ω = 1.1 the heat ω − μ has the opposite sign.
        List<String> rows = Files.readAllLines(tmp.resolve("three").resolve("jumps-trajectories.csv"));
        assertEquals("index,time,bath,channel,label,nu,energy", rows.get(0));
        assertTrue(rows.size() > 40, "jumps recorded: " + rows.size());
        java.util.Set<String> baths = new java.util.TreeSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            baths.add(f[2]);
            int nu = Integer.parseInt(f[5]);
            double energy = Double.parseDouble(f[6]);
            assertTrue(Long.parseLong(f[0]) < 40, row);
            assertEquals((f[2].equals("lead") ? -1 : 1) * (int) Math.signum(energy), nu, row);
        }
        assertEquals(java.util.Set.of("cold", "hot", "lead"), baths);
        JsonNode pairs = s.get("engines").get("trajectories").get("final").get("pair_concurrence");
        for (String p : List.of("c,m", "c,h", "m,h")) {
            assertTrue(pairs.has(p), p);
        }
    }

    @Test
    void aOneSiteMachineRunsWithoutBipartitionsAndRefusesATargetSe() throws Exception {
        String one = """
                name: one
                model:
                  type: machine
                  sites:
                    - {name: q, levels: [0.0, 1.0, 2.5]}
                  baths:
                    - {name: bath, site: q, kind: bosonic, T: 1.0, rate: 0.05}
                time: {end: 40, points: 5}
                ensemble: {trajectories: 3000, seed: 14}
                """;
        JsonNode s = run(one, "one");
        assertEquals(0, s.get("engines").get("trajectories").get("final").get("negativity").size());
        Path file = tmp.resolve("one-target.yaml");
        Files.writeString(file, one.replace("seed: 14}", "seed: 14, target_se: 0.01}"));
        Path out = tmp.resolve("one-target");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("ensemble.target_se"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aTwoQubitMachineKeepsTheChiSquare() throws Exception {
        JsonNode s = run(TWO_QUBITS, "pair");
        assertTrue(s.get("engines").get("trajectories").get("dof").asInt() > 0, "χ² at d = 4");
    }

    /** The collision engine alone (issue 25), extended. */
    @Test
    void anExtensionGivesTheBytesOfOneRun() throws Exception {
        Path file = tmp.resolve("q.yaml");
        Files.writeString(file, QUTRIT + "engines: [collision]\ncollision: {dt: 1.0}\n");
        Path once = tmp.resolve("once");
        Path twice = tmp.resolve("twice");
        assertEquals(0, CliTest.run("run", file.toString(), "--out", once.toString(), "--quiet",
                "--trajectories", "3000").status());
        assertEquals(0, CliTest.run("run", file.toString(), "--out", twice.toString(), "--quiet",
                "--trajectories", "1000").status());
        assertEquals(0, CliTest.run("run", file.toString(), "--extend", twice.toString(), "--quiet",
                "--trajectories", "3000").status());
        sameOutputs(once, twice, "collision");
        assertFalse(Files.exists(once.resolve("ensemble-trajectories.qtme")), "the collision engine alone");
    }

    /** Both engines (issue 25), each with its jump records. */
    @Test
    void shardsMergeIntoTheBytesOfOneRun() throws Exception {
        Path file = tmp.resolve("q.yaml");
        Files.writeString(file, QUTRIT + "engines: [trajectories, collision]\ncollision: {dt: 1.0}\n");
        Path once = tmp.resolve("once");
        assertEquals(0, CliTest.run("run", file.toString(), "--out", once.toString(), "--quiet",
                "--trajectories", "2000", "--records", "900").status());
        List<String> merge = new java.util.ArrayList<>(List.of("merge"));
        for (int i = 2; i >= 0; i--) {
            Path d = tmp.resolve("shard" + i);
            CliTest.Run r = CliTest.run("run", file.toString(), "--out", d.toString(), "--quiet", "--trajectories",
                    "2000", "--shard", i + "/3", "--threads", Integer.toString(1 + i % 2), "--records", "900");
            assertEquals(0, r.status(), r.err());
            merge.add(d.toString());
        }
        Path merged = tmp.resolve("merged");
        merge.addAll(List.of("--out", merged.toString()));
        CliTest.Run m = CliTest.run(merge.toArray(String[]::new));
        assertEquals(0, m.status(), m.err());
        sameOutputs(once, merged, "trajectories", "collision");
        // The records of the first 900 trajectories span two shards (667 each): merged, they are one run's.
        for (String f : List.of("jumps-trajectories.csv", "jumps-trajectories.npy", "jumps-collision.csv",
                "jumps-collision.npy", "jumps.json")) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(once.resolve(f)),
                    Files.readAllBytes(merged.resolve(f))), f);
        }
    }

    private static void sameOutputs(Path a, Path b, String... engines) throws Exception {
        List<String> files = new java.util.ArrayList<>(List.of("timeseries-exact.csv"));
        for (String e : engines) {
            files.addAll(List.of("timeseries-" + e + ".csv", "rho-" + e + ".csv", "ensemble-" + e + ".qtme"));
        }
        if (List.of(engines).contains("collision")) {
            files.add("timeseries-collision-map.csv");
        }
        for (String f : files) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f))),
                    f);
        }
        ObjectMapper m = new ObjectMapper();
        ObjectNode x = (ObjectNode) m.readTree(a.resolve("summary.json").toFile());
        ObjectNode y = (ObjectNode) m.readTree(b.resolve("summary.json").toFile());
        x.remove("this_run");
        y.remove("this_run");
        assertEquals(x, y);
    }

    @Test
    void whatAMachineRunCannotDoIsRefusedAndNothingWritten() throws Exception {
        Path file = tmp.resolve("q.yaml");
        Files.writeString(file, QUTRIT);
        Path out = tmp.resolve("refused");
        // Five qubits, d = 32: about (304 + 48·2)·1024 B = 410 kB of sums per grid point on two threads, so at most
        // 7e8 / 410 kB ≈ 1,700 points.
        Files.writeString(file, """
                model:
                  type: machine
                  sites:
                    - {name: a, levels: [0.0, 1.0]}
                    - {name: b, levels: [0.0, 1.0]}
                    - {name: c, levels: [0.0, 1.0]}
                    - {name: d, levels: [0.0, 1.0]}
                    - {name: e, levels: [0.0, 1.0]}
                  couplings:
                    - {kind: exchange, sites: [a, b], g: 0.01}
                    - {kind: exchange, sites: [b, c], g: 0.01}
                    - {kind: exchange, sites: [c, d], g: 0.01}
                    - {kind: exchange, sites: [d, e], g: 0.01}
                  baths:
                    - {name: cold, site: a, kind: bosonic, T: 0.1, rate: 0.01}
                    - {name: hot, site: e, kind: bosonic, T: 2.0, rate: 0.01}
                time: {end: 100, points: 3000}
                """);
        CliTest.Run big = CliTest.run("run", file.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(2, big.status(), big.err());
        assertTrue(big.err().contains("time.points") && big.err().contains("32 states on 2 threads"), big.err());
        assertFalse(Files.exists(out), "nothing written");
        // The global approach has no collision picture.
        Files.writeString(file, QUTRIT.replace("type: machine", "type: machine\n  approach: global")
                .replace("kind: reset, T: inf", "kind: bosonic, T: 2.0") + "engines: [collision]\n");
        refused(file, out, "engines", "no local collision picture for the global approach");
        // One grid interval of 60, so that a step is not shortened below what the limits allow. The reset bath's
        // probability rate·Δt = 0.1 · 20 exceeds 1: the message gives the longest step, 1/rate.
        String wide = QUTRIT.replace("points: 7", "points: 2");
        Files.writeString(file, wide.replace("T: inf, rate: 0.02", "T: inf, rate: 0.1")
                + "engines: [trajectories, collision]\ncollision: {dt: 20.0}\n");
        refused(file, out, "collision.dt", "use dt <= " + 1 / 0.1);
        // The cold swap's angle θ = √((γ↓ + γ↑)Δt) with γ↓ + γ↑ = 0.1·(1 + 2/(e² − 1)) ≈ 0.131 exceeds π/2 at Δt = 30.
        Files.writeString(file, wide.replace("T: 0.5, rate: 0.03", "T: 0.5, rate: 0.1")
                + "engines: [collision]\ncollision: {dt: 30.0}\n");
        refused(file, out, "collision.dt", "exceed pi/2 for channel");
        Files.writeString(file, QUTRIT + "engines: [collision]\ncollision: {dt: [1.0, 0.5]}\n");
        refused(file, out, "collision.dt", "one collision step");
    }

    private static void refused(Path file, Path out, String key, String why) {
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(key) && r.err().contains(why), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
