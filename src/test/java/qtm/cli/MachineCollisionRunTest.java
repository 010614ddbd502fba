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
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.exact.MachineCollisionIntervalHeatTest;
import qtm.exact.ScratchCollision;
import qtm.model.Machine;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/**
 * {@code qtm run} on machines with both engines (issue 25): a harmonic qutrit with a bosonic and a reset bath, the
 * three-qubit chain, and three qubits with a bosonic bath, a fermionic lead (μ = 2 above ω) and a reset bath. The jump
 * engine is judged as in {@link MachineRunCommandTest} (its final ρ within 4 SE of the master equation, its last-bin
 * heat within 4 SE of Van Loan's closed form). The collision engine against its own map, rebuilt in the test from the
 * issue's text ({@link ScratchCollision}) at the step the rule gives (Δt shortened so that whole steps fill
 * each grid interval): summary.json's exact final ρ and last-bin heat equal the scratch ones to 1e-10, its final ρ̄
 * lies within 4 of its own SEs of the scratch map's ρ, and its counted heat per bath within 4 SE of the scratch
 * ancillas' energy gain over the last bin; both verdicts converge, the collision engine's without a waiting-time
 * verdict (no exact law for the discrete model, as for the presets); timeseries-collision-map.csv holds the scratch
 * map's populations; summary.json's {@code thermodynamics} (and thermo-collision.csv), keyed by bath name, holds the
 * map's final heat and work of every bath equal to the scratch ancillas' energy gain and ΔE_S + Q_k to 1e-10, the
 * engine's within 4 SE of them, and a converged verdict.
 */
class MachineCollisionRunTest {
    private static final String CHAIN = """
            name: chain
            model:
              type: machine
              sites:
                - {name: c, levels: [0.0, 1.0]}
                - {name: m, levels: [0.0, 1.0]}
                - {name: h, levels: [0.0, 1.0]}
              couplings:
                - {kind: exchange, sites: [c, m], g: 0.05}
                - {kind: exchange, sites: [m, h], g: 0.05}
              baths:
                - {name: cold, site: c, kind: bosonic, T: 0.3, rate: 0.04}
                - {name: hot, site: h, kind: bosonic, T: 2.0, rate: 0.02}
            initial: "010"
            time: {end: 60, points: 7}
            ensemble: {trajectories: 6000, seed: 21}
            """;

    @TempDir
    Path tmp;

    @Test
    void aQutritWithAResetBathShortensItsStepAndConverges() throws Exception {
        CliTest.Run r = bothEngines(MachineRunCommandTest.QUTRIT, "qutrit", 0.7);
        assertTrue(r.err().contains("collision.dt = 0.7 shortened to " + 10.0 / 15 + " so that 15 whole steps"),
                r.err());
    }

    @Tag("slow")
    @Test
    void theChainConverges() throws Exception {
        bothEngines(CHAIN, "chain", 1.0);
    }

    /** Slow: the jump engine's waiting-time laws of nine pairs of baths at d = 8 take seconds. */
    @Tag("slow")
    @Test
    void threeBathKindsConverge() throws Exception {
        bothEngines(MachineRunCommandTest.THREE_BATHS, "three", 1.0);
    }

    /**
     * Without {@code observe.collision_work} the run books no collision's work (it would replay every step) and
     * says how to ask for it; its ρ̄ verdict still holds.
     */
    @Test
    void theBookkeepingIsRecordedOnlyWhenAskedFor() throws Exception {
        Path file = tmp.resolve("plain.yaml");
        Files.writeString(file, CHAIN + "engines: [collision]\ncollision: {dt: 1.0}\n");
        Path out = tmp.resolve("plain");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet", "--trajectories",
                "300");
        assertEquals(0, r.status(), r.err());
        JsonNode e = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("engines").get("collision");
        assertTrue(e.get("converged").asBoolean(), e.toString());
        assertTrue(e.get("thermodynamics").get("verdict").asText().contains("observe.collision_work: true"),
                e.toString());
        assertFalse(e.get("thermodynamics").has("final"), e.toString());
        assertFalse(Files.exists(out.resolve("thermo-collision.png")), "no bookkeeping chart without the bookkeeping");
    }

    private CliTest.Run bothEngines(String yaml, String name, double dt) throws Exception {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, yaml + "engines: [trajectories, collision]\ncollision: {dt: " + dt
                + "}\nobserve: {collision_work: true}\n");
        Path out = tmp.resolve(name);
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.status(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        MachineRunCommandTest.check(file, s);
        Scenario sc = ScenarioReader.readForRun(file, List.of());
        Machine m = sc.machine();
        double width = sc.time().step();
        int steps = (int) Math.ceil(width / dt - 1e-9);
        double taken = width / steps;
        ScratchCollision step = new ScratchCollision(m, taken);
        List<ZMatrixRMaj> rho = new ArrayList<>(List.of(sc.initial()));
        for (int k = 1; k < sc.time().points(); k++) {
            ZMatrixRMaj x = rho.get(k - 1);
            for (int n = 0; n < steps; n++) {
                x = step.apply(x);
            }
            rho.add(x);
        }
        int last = rho.size() - 1;
        JsonNode e = s.get("engines").get("collision");
        assertTrue(e.get("converged").asBoolean(), e.toString());
        // As for the presets: the discrete collision model has no exact waiting-time law to judge against.
        assertFalse(e.get("waiting_times").get("judged").asBoolean());
        assertTrue(e.get("waiting_times").get("reason").asText().contains("collision model"), e.toString());
        assertEquals(taken, e.get("collision").get("dt").asDouble(), 1e-15);
        assertEquals(steps, e.get("collision").get("steps_per_point").asInt());
        finalRho(e.get("final").get("rho"), rho.get(last), m.dimension());
        double[] q = MachineCollisionIntervalHeatTest.scratch(m, rho.get(last - 1), taken, steps, width);
        double largest = 0;
        for (double x : q) {
            largest = Math.max(largest, Math.abs(x));
        }
        for (int b = 0; b < q.length; b++) {
            JsonNode h = e.get("final").get("heat").get(m.bathNames().get(b));
            assertEquals(q[b], h.get("exact").asDouble(), 1e-10 * largest, name + " heat exact " + b);
            assertTrue(Math.abs(h.get("mean").asDouble() - q[b]) <= 4 * h.get("se").asDouble(), name + ": " + h);
        }
        double[][][] book = step.bookkeeping(m, sc.initial(), steps, sc.time().points());
        bookkeeping(e.get("thermodynamics"), book, m, name);
        assertTrue(Files.exists(out.resolve("thermo-collision.png")), "the bookkeeping chart");
        List<String> thermo = Files.readAllLines(out.resolve("thermo-collision.csv"));
        List<String> header = List.of(thermo.get(0).split(","));
        String[] end = thermo.get(thermo.size() - 1).split(",");
        for (int b = 0; b < m.baths().size(); b++) {
            int at = header.indexOf("map_work_" + m.bathNames().get(b));
            assertTrue(at > 0 && header.contains("work_" + m.bathNames().get(b) + "_se"), header.toString());
            assertEquals(book[1][b][last], Double.parseDouble(end[at]), 1e-10, "thermo CSV work " + b);
        }
        List<String> map = Files.readAllLines(out.resolve("timeseries-collision-map.csv"));
        String[] row = map.get(map.size() - 1).split(",");
        for (int i = 0; i < m.dimension(); i++) {
            assertEquals(rho.get(last).getReal(i, i), Double.parseDouble(row[1 + i]), 1e-10, "map CSV p" + i);
        }
        for (String f : List.of("timeseries-collision.csv", "rho-collision.csv", "ensemble-collision.qtme")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        return r;
    }

    /**
     * summary.json's collision bookkeeping (issue 25), keyed by bath name: the map's final heat and work equal the
     * scratch ones to 1e-10, the engine's lie within 4 SE of them, and the verdict converges.
     */
    private static void bookkeeping(JsonNode th, double[][][] scratch, Machine m, String name) {
        assertTrue(th.get("verdict").get("converged").asBoolean(), name + ": " + th);
        int last = scratch[0][0].length - 1;
        for (int b = 0; b < m.baths().size(); b++) {
            JsonNode x = th.get("final").get(m.bathNames().get(b));
            double q = scratch[0][b][last];
            double w = scratch[1][b][last];
            double scale = Math.max(1, Math.abs(q));
            assertEquals(q, x.get("map_heat").asDouble(), 1e-10 * scale, name + " map heat " + b);
            assertEquals(w, x.get("map_work").asDouble(), 1e-10 * scale, name + " map work " + b);
            assertTrue(Math.abs(x.get("heat").get("mean").asDouble() - q) <= 4 * x.get("heat").get("se").asDouble(),
                    name + " heat " + b + ": " + x);
            assertTrue(Math.abs(x.get("work").get("mean").asDouble() - w)
                    <= 4 * x.get("work").get("se").asDouble() + 1e-12 * scale, name + " work " + b + ": " + x);
        }
    }

    /** The exact ρ the summary gives equals the scratch map's; ρ̄ lies within 4 of its SEs of it. */
    private static void finalRho(JsonNode f, ZMatrixRMaj exact, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(exact.getReal(i, j), f.get("exact").get("re").get(i).get(j).asDouble(), 1e-10);
                assertEquals(exact.getImag(i, j), f.get("exact").get("im").get(i).get(j).asDouble(), 1e-10);
                double re = f.get("re").get(i).get(j).asDouble();
                double im = f.get("im").get(i).get(j).asDouble();
                assertTrue(Math.abs(re - exact.getReal(i, j)) <= 4 * f.get("re_se").get(i).get(j).asDouble() + 1e-12,
                        "Re rho " + i + j + ": " + re + " against " + exact.getReal(i, j));
                assertTrue(Math.abs(im - exact.getImag(i, j)) <= 4 * f.get("im_se").get(i).get(j).asDouble() + 1e-12,
                        "Im rho " + i + j + ": " + im + " against " + exact.getImag(i, j));
            }
        }
    }
}
