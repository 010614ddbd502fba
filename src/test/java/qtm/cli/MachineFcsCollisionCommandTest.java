package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Weight;
import qtm.exact.MachineCollisionCounting;
import qtm.model.Machine;
import qtm.model.TimeGrid;
import qtm.scenario.ScenarioReader;

/**
 * {@code qtm fcs --collision} on a machine (issue 25): the continuous layout keyed by bath name with the step, the
 * numbers of {@link MachineCollisionCounting} (which {@code qtm.exact.MachineCollisionCountingTest} holds to an
 * independent tilted map), the distributions after whole steps, the series, and the refusals.
 */
class MachineFcsCollisionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJsonIsTheContinuousLayoutWithTheStepAndTheCollisionMapsNumbers(@TempDir Path dir) throws Exception {
        Path file = MachineFcsIndependentTest.withoutTime(Path.of("scenarios/machine-three-baths.yaml"), dir);
        CliTest.Run r = CliTest.run("fcs", file.toString(), "--json", "--collision", "--set", "collision.dt=5");
        assertEquals(0, r.status(), r.err());
        JsonNode o = JSON.readTree(r.out());
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("cold", "lead", "hot", "entropy_production", "tur", "dt", "counts"), keys);
        assertEquals(5.0, o.get("dt").asDouble());
        Machine m = ScenarioReader.readAny(file, List.of()).machine();
        CliTest.Run continuous = CliTest.run("fcs", file.toString(), "--json");
        JsonNode c = JSON.readTree(continuous.out());
        for (int k = 0; k < m.baths().size(); k++) {
            String bath = m.baths().get(k).name();
            JsonNode b = o.get(bath);
            Cumulants n = new MachineCollisionCounting(m, new TimeGrid(5, 2), 5, k, Weight.QUANTA).stationary();
            Cumulants q = new MachineCollisionCounting(m, new TimeGrid(5, 2), 5, k, Weight.HEAT).stationary();
            double scale = Math.max(Math.abs(n.current()), n.noise());
            assertEquals(n.current(), b.get("current").asDouble(), 1e-12 * scale, bath);
            assertEquals(n.noise(), b.get("noise").asDouble(), 1e-12 * scale, bath);
            assertEquals(n.third(), b.get("third").asDouble(), 1e-12 * scale, bath);
            assertEquals(q.current(), b.get("heat_current").asDouble(), 1e-12 * scale, bath);
            assertEquals(q.noise(), b.get("heat_noise").asDouble(), 1e-12 * scale, bath);
            // The O(Δt) bias at γΔt ≈ 0.05: within a few percent of the master equation's.
            double me = c.get(bath).get("current").asDouble();
            assertEquals(me, b.get("current").asDouble(), 0.05 * Math.abs(me), bath + " near the master equation");
        }
    }

    @Test
    void theTextTheCountsAndTheSeriesComeFromTheCollisionMap() throws Exception {
        CliTest.Run t = CliTest.run("fcs", "scenarios/machine-detuned-flux.yaml", "--collision", "--counts-at", "300");
        assertEquals(0, t.status(), t.err());
        assertTrue(t.out().contains("collision model at dt = 1.00000") && t.out().contains("P(N_cold = n, t = 300"),
                t.out());
        JsonNode counts = JSON.readTree(CliTest.run("fcs", "scenarios/machine-detuned-flux.yaml", "--collision",
                "--json", "--counts-at", "0,300").out()).get("counts");
        for (String bath : List.of("cold", "hot")) {
            JsonNode at0 = counts.get(bath).get(0);
            assertEquals(1.0, at0.get("p").get((int) -at0.get("first").asLong()).asDouble(), 1e-12, bath + " at 0");
            double sum = 0;
            for (JsonNode p : counts.get(bath).get(1).get("p")) {
                sum += p.asDouble();
            }
            assertEquals(1, sum, 1e-10, bath);
        }
        CliTest.Run s = CliTest.run("fcs", "scenarios/machine-qutrit.yaml", "--collision", "--series");
        assertEquals(0, s.status(), s.err());
        List<String> lines = s.out().lines().toList();
        assertEquals("t,count_cold,count_cold_var,heat_cold,heat_cold_var,count_hot,count_hot_var,heat_hot,"
                + "heat_hot_var", lines.get(0));
        assertEquals(202, lines.size());
    }

    @Test
    void aTimeOffTheStepTheGlobalApproachAndTheBoundAreExitTwo(@TempDir Path dir) throws Exception {
        CliTest.Run off = CliTest.run("fcs", "scenarios/machine-detuned-flux.yaml", "--collision", "--set",
                "collision.dt=2", "--counts-at", "301");
        assertEquals(2, off.status(), off.err());
        assertEquals("", off.out());
        assertTrue(off.err().contains("--counts-at") && off.err().contains("multiple of the collision step"),
                off.err());
        CliTest.Run global = CliTest.run("fcs", "src/test/resources/independent/qutrits-global.json", "--collision");
        assertEquals(2, global.status(), global.err());
        assertTrue(global.err().contains("model.approach"), global.err());
        CliTest.Run big = CliTest.run("fcs", "scenarios/machine-three-baths.yaml", "--collision", "--set",
                "collision.dt=1e-4");
        assertEquals(2, big.status(), big.err());
        assertTrue(big.err().contains("collision.dt"), big.err());
        Path five = dir.resolve("five.yaml");
        Files.writeString(five, MachineFcsCommandTest.FIVE);
        CliTest.Run r = CliTest.run("fcs", five.toString(), "--collision", "--json");
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--collision") && r.err().contains("more than the bound of 1.2e+11"), r.err());
    }
}
