package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.exact.MachineExact;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/**
 * {@code qtm run} with the diffusive engine (issue 29) beside the jump engine, on the flux preset
 * (scenarios/studies/diffusive-flux.yaml: η = 0.8 on the hot bath, so mixed conditional states) and on a machine of two
 * qubits with bosonic baths (η = 1, pure states): both engines' final ρ̄ lie within 4 of their own SEs of the master
 * equation's ρ (MachineExact) and their verdicts converge; the diffusive ensemble has no jump-driven column; the
 * machine's engines both record the conditional negativity. A run's data files are the same bytes on 1 and 2 threads,
 * from two shards merged, and extended from half the trajectories.
 */
class DiffusiveRunTest {
    private static final Path FLUX = Path.of("scenarios/studies/diffusive-flux.yaml");
    private static final String MACHINE = """
            name: diffusive-machine
            model:
              type: machine
              sites:
                - {name: c, levels: [0.0, 1.0]}
                - {name: h, levels: [0.0, 1.0]}
              couplings:
                - {kind: exchange, sites: [c, h], g: 0.05}
              baths:
                - {name: cold, site: c, kind: bosonic, T: 0.2, rate: 0.05}
                - {name: hot, site: h, kind: bosonic, T: 1.0, rate: 0.02}
            initial: {ket: {re: [0.7071067811865476, 0, 0.7071067811865476, 0]}}
            time: {end: 40, points: 11}
            engines: [trajectories, diffusive]
            ensemble: {trajectories: 300, seed: 5}
            diffusive: {hot: {phase: 0.5}}
            """;

    @TempDir
    Path tmp;

    private JsonNode run(Path file, Path out, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString(), "--quiet"));
        args.addAll(List.of(more));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    /** Both engines' final ρ̄ within 4 SE of the master equation's, each verdict converged. */
    private static void converges(Path file, JsonNode s, String... set) {
        Scenario sc = ScenarioReader.readForRun(file, List.of(set));
        List<ZMatrixRMaj> rho = new MachineExact(sc.machine()).evolve(sc.initial(), sc.time());
        ZMatrixRMaj last = rho.get(rho.size() - 1);
        for (String engine : List.of("trajectories", "diffusive")) {
            JsonNode e = s.get("engines").get(engine);
            assertTrue(e.get("converged").asBoolean(), engine + ": " + e.get("worst_z"));
            JsonNode f = e.get("final").get("rho");
            int d = last.numRows;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double re = f.get("re").get(i).get(j).asDouble();
                    double im = f.get("im").get(i).get(j).asDouble();
                    assertTrue(Math.abs(re - last.getReal(i, j)) <= 4 * f.get("re_se").get(i).get(j).asDouble()
                            + 1e-12, engine + " Re rho " + i + j + ": " + re + " against " + last.getReal(i, j));
                    assertTrue(Math.abs(im - last.getImag(i, j)) <= 4 * f.get("im_se").get(i).get(j).asDouble()
                            + 1e-12, engine + " Im rho " + i + j + ": " + im + " against " + last.getImag(i, j));
                }
            }
        }
    }

    /** Slow: the preset's charts and report take seconds. */
    @Test
    @Tag("slow")
    void theFluxPresetConvergesAndRecordsNoJumps() throws Exception {
        Path out = tmp.resolve("flux");
        JsonNode s = run(FLUX, out, "--trajectories", "200", "--threads", "2");
        converges(FLUX, s);
        // Grid step 2, diffusive.dt 0.05: 40 whole steps, nothing shortened.
        JsonNode dt = s.get("settings").get("diffusive").get("dt");
        assertEquals(0.05, dt.get("requested").asDouble(), 0);
        assertEquals(0.05, dt.get("used").asDouble(), 1e-15);
        assertEquals(40, dt.get("steps_per_point").asInt());
        JsonNode f = s.get("engines").get("diffusive").get("final");
        assertTrue(f.has("pure_concurrence") && f.has("heat_cold") && f.has("heat_hot"), f.toString());
        assertFalse(f.has("heat_cold_count") || f.has("count_cold"), "the diffusive engine counts no jumps: " + f);
        assertEquals("not recorded: the diffusive engine records no jumps",
                s.get("engines").get("diffusive").get("waiting_times").get("reason").asText());
        String header = Files.readAllLines(out.resolve("timeseries-diffusive.csv")).get(0);
        assertFalse(header.contains("count"), header);
        assertTrue(Files.exists(out.resolve("heat.png")), "the heat chart draws without counted heat");
        assertTrue(Files.exists(out.resolve("unravellings.png")), "the chart of both unravellings");
    }

    @Test
    void aMachineConvergesAndBothEnginesRecordTheConditionalNegativity() throws Exception {
        Path file = tmp.resolve("machine.yaml");
        Files.writeString(file, MACHINE);
        JsonNode s = run(file, tmp.resolve("machine"), "--threads", "2");
        assertTrue(Files.exists(tmp.resolve("machine").resolve("unravellings.png")), "the chart of both unravellings");
        converges(file, s);
        JsonNode dt = s.get("settings").get("diffusive").get("dt");
        int steps = dt.get("steps_per_point").asInt();
        assertEquals(4.0, steps * dt.get("used").asDouble(), 1e-12, "whole steps fill the grid step 4");
        assertTrue(dt.get("used").asDouble() <= dt.get("requested").asDouble(), dt.toString());
        for (String engine : List.of("trajectories", "diffusive")) {
            JsonNode x = s.get("engines").get(engine).get("final").get("conditional_negativity_c_vs_h");
            assertTrue(x != null && x.get("mean").asDouble() >= 0, engine + ": " + x);
        }
        // The jump engine's counts are judged; the diffusive engine has none, and says so rather than borrowing the
        // jump engine's reason.
        assertTrue(s.get("engines").get("trajectories").get("counting").isObject());
        assertEquals("not recorded: the diffusive engine counts no jumps",
                s.get("engines").get("diffusive").get("counting_verdict").asText());
        assertEquals("not recorded: the diffusive engine records no jumps",
                s.get("engines").get("diffusive").get("waiting_times").get("reason").asText());
    }

    /** A given step that does not divide the grid step is shortened with a notice, as the collision step is. */
    @Test
    void aStepIsShortenedToTheGridWithANotice() throws Exception {
        Path file = tmp.resolve("short.yaml");
        Files.writeString(file, MACHINE.replace("diffusive: {hot: {phase: 0.5}}", "diffusive: {dt: 0.03}"));
        Scenario sc = ScenarioReader.readForRun(file, List.of("engines=[diffusive]"));
        List<String> notices = qtm.run.RunChecks.all(sc, 2);
        // Grid step 4: ⌈4 / 0.03⌉ = 134 steps of 4/134.
        assertEquals(List.of("qtm: " + file + ": diffusive.dt = 0.03 shortened to " + 4.0 / 134
                + " so that 134 whole steps fill each grid interval of 4.0"), notices);
        assertEquals(4.0 / 134, qtm.run.DiffusiveSteps.taken(sc, sc.time()), 1e-15);
    }

    /**
     * The diffusive engine alone reads the detectors' efficiencies (the trajectories engine's detected counts are
     * not needed for them), so a run of it with {@code detection} passes every check.
     */
    @Test
    void theDiffusiveEngineAloneTakesTheDetectorsEfficiency() {
        Scenario sc = ScenarioReader.readForRun(FLUX, List.of("engines=[diffusive]"));
        assertEquals(0.8, sc.detection().of("hot").efficiency(), 0);
        assertEquals(List.of(), qtm.run.RunChecks.all(sc, 2));
    }

    /** --set reaches a bath's phase as it reaches every key; a phase changes the records, not ρ̄'s convergence. */
    @Test
    void setReachesThePhase() throws Exception {
        Path file = tmp.resolve("set.yaml");
        Files.writeString(file, MACHINE);
        Scenario sc = ScenarioReader.readForRun(file, List.of("diffusive.hot.phase=1.25"));
        assertEquals(1.25, sc.diffusive().phase("hot"), 0);
        assertEquals(0, sc.diffusive().phase("cold"), 0);
        // The engine's channels carry them, with the detectors' efficiencies: hot is bath 1.
        Scenario flux = ScenarioReader.readForRun(FLUX, List.of("diffusive.cold.phase=-0.5"));
        List<qtm.model.MonitoredChannel> channels = qtm.run.RunPlan.monitoredChannels(flux);
        assertEquals(flux.model().jumps().size(), channels.size());
        for (qtm.model.MonitoredChannel c : channels) {
            assertEquals(c.bath() == 1 ? Math.PI / 2 : -0.5, c.phase(), 1e-15);
            assertEquals(c.bath() == 1 ? 0.8 : 1.0, c.efficiency(), 0);
        }
    }

    @Test
    @Tag("slow")
    void threadsShardsAndExtensionGiveTheSameBytes() throws Exception {
        Path file = tmp.resolve("m.yaml");
        Files.writeString(file, MACHINE.replace("engines: [trajectories, diffusive]", "engines: [diffusive]"));
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        run(file, one, "--trajectories", "120", "--threads", "1");
        run(file, two, "--trajectories", "120", "--threads", "2");
        ShardMergeTest.assertSameOutputs(one, two);
        for (int i = 0; i < 2; i++) {
            CliTest.Run r = CliTest.run("run", file.toString(), "--trajectories", "120", "--shard", i + "/2",
                    "--out", tmp.resolve("shards").resolve(Integer.toString(i)).toString(), "--quiet");
            assertEquals(0, r.status(), r.err());
        }
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(ShardMergeTest.shardDirs(tmp.resolve("shards"), 2));
        args.addAll(List.of("--out", tmp.resolve("merged").toString()));
        CliTest.Run m = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, m.status(), m.err());
        ShardMergeTest.assertSameOutputs(one, tmp.resolve("merged"));
        Path grown = tmp.resolve("grown");
        run(file, grown, "--trajectories", "60", "--threads", "2");
        CliTest.Run c = CliTest.run("run", file.toString(), "--extend", grown.toString(), "--trajectories", "120",
                "--quiet", "--threads", "1");
        assertEquals(0, c.status(), c.err());
        Map<String, byte[]> x = ExtendTest.files(one);
        Map<String, byte[]> y = ExtendTest.files(grown);
        for (String f : List.of("ensemble-diffusive.qtme", "timeseries-diffusive.csv", "rho-diffusive.csv",
                "summary.json")) {
            assertTrue(x.containsKey(f), f);
            assertTrue(java.util.Arrays.equals(ThisRunParts.withoutThisRun(f, x.get(f)),
                    ThisRunParts.withoutThisRun(f, y.get(f))), f);
        }
    }
}
