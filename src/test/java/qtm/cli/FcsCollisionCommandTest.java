package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import qtm.exact.CollisionCounting;
import qtm.exact.Fluctuations;
import qtm.model.Side;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/** Issue 11 for the collision model: {@code qtm fcs --collision} and its refusals. */
class FcsCollisionCommandTest {
    static JsonNode json(String... args) throws Exception {
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    static List<String> keys(JsonNode o) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> i = o.fieldNames(); i.hasNext();) {
            k.add(i.next());
        }
        return k;
    }

    @Test
    void theJsonHasTheKeysOfTheContinuousOneAndTheStep() throws Exception {
        for (String name : List.of("reset-paper", "flux-optimum", "dqd-U20")) {
            String file = "scenarios/" + name + ".yaml";
            JsonNode c = json("fcs", file, "--json");
            JsonNode d = json("fcs", file, "--json", "--collision");
            List<String> expected = new ArrayList<>(keys(c));
            expected.add(expected.indexOf("counts"), "dt");
            assertEquals(expected, keys(d), name);
            Scenario s = ScenarioReader.read(java.nio.file.Path.of(file), List.of());
            assertEquals(s.simulation().dt(), d.get("dt").asDouble(), name);
            Fluctuations f = CollisionCounting.fluctuations(s.model(), s.time(), s.simulation().dt());
            for (Side side : Side.values()) {
                JsonNode b = d.get(side.key());
                assertEquals(keys(c.get(side.key())), keys(b));
                assertEquals(f.bath(side).quanta().noise(), b.get("noise").asDouble(), 0.0, name);
                assertEquals(f.bath(side).heat().current(), b.get("heat_current").asDouble(), 0.0, name);
                // The O(Δt) bias of the collision model at γΔt ≈ 0.01: within a percent of the continuous value.
                double x = c.get(side.key()).get("current").asDouble();
                assertEquals(x, b.get("current").asDouble(), 0.01 * Math.abs(x), name);
                JsonNode counts = d.get("counts").get(side.key()).get(0);
                assertEquals(s.time().end(), counts.get("t").asDouble());
                double sum = 0;
                for (JsonNode p : counts.get("p")) {
                    sum += p.asDouble();
                }
                assertEquals(1, sum, 1e-10, name);
            }
        }
    }

    @Test
    void theTextTheCountsAndTheSeriesComeFromTheCollisionMap() throws Exception {
        CliTest.Run t = CliTest.run("fcs", "scenarios/flux-optimum.yaml", "--collision", "--counts-at", "10,100");
        assertEquals(0, t.status(), t.err());
        assertTrue(t.out().contains("collision model at dt = 1.00000"), t.out());
        assertTrue(t.out().contains("P(N_hot = n, t = 100.000)"), t.out());
        JsonNode o = json("fcs", "scenarios/flux-optimum.yaml", "--collision", "--json", "--counts-at", "10,100");
        assertEquals(2, o.get("counts").get("cold").size());
        CliTest.Run r = CliTest.run("fcs", "scenarios/flux-optimum.yaml", "--collision", "--series");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("t,count_cold,count_cold_var,heat_cold,heat_cold_var,count_hot,count_hot_var,heat_hot,"
                + "heat_hot_var", lines.get(0));
        Scenario s = ScenarioReader.read(java.nio.file.Path.of("scenarios/flux-optimum.yaml"), List.of());
        assertEquals(s.time().points() + 1, lines.size());
        double[][][] x = CollisionCounting.onGrid(s.model(), s.initial(), s.time(), s.simulation().dt());
        String[] last = lines.get(lines.size() - 1).split(",");
        for (int q = 0; q < 4; q++) {
            assertEquals(x[q][s.time().points() - 1][0], Double.parseDouble(last[1 + 2 * q]), 0.0);
            assertEquals(x[q][s.time().points() - 1][1], Double.parseDouble(last[2 + 2 * q]), 0.0);
        }
    }

    @Test
    void aStepThatCannotRunOrATimeOffTheStepIsRefused() {
        String[][] bad = {
            {"--set", "time.points=2", "--set", "collision.dt=1000", "--json"},
            {"--set", "collision.dt=1e-4"},
            {"--set", "collision.dt=-1"},
            {"--counts-at", "10.5"},
        };
        for (String[] b : bad) {
            List<String> args = new ArrayList<>(List.of("fcs", "scenarios/reset-paper.yaml", "--collision"));
            args.addAll(List.of(b));
            CliTest.Run r = CliTest.run(args.toArray(new String[0]));
            assertEquals(2, r.status(), String.join(" ", b) + ": " + r.err());
            assertEquals("", r.out(), String.join(" ", b));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(b[0].equals("--counts-at") ? "--counts-at" : "collision.dt"), r.err());
        }
    }
}
