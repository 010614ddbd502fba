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

/** {@code qtm fcs} on a machine: its layout keyed by bath name, its series, and what it refuses. */
class MachineFcsCommandTest {
    static final String FIVE = String.join("\n", "name: five", "model:", "  type: machine",
            "  approach: local", "  sites:", "    - {name: a, levels: [0.0, 1.0]}",
            "    - {name: b, levels: [0.0, 1.0]}",
            "    - {name: c, levels: [0.0, 1.0]}", "    - {name: d, levels: [0.0, 1.0]}",
            "    - {name: e, levels: [0.0, 1.0]}", "  couplings:", "    - {kind: exchange, sites: [a, b], g: 5.0e-3}",
            "    - {kind: exchange, sites: [b, c], g: 5.0e-3}", "    - {kind: exchange, sites: [c, d], g: 5.0e-3}",
            "    - {kind: exchange, sites: [d, e], g: 5.0e-3}", "  baths:",
            "    - {name: cold, site: a, kind: bosonic, T: 0.1, rate: 1.0e-2}",
            "    - {name: hot, site: e, kind: bosonic, T: 2.0, rate: 1.0e-2}", "initial: \"00000\"",
            "time: {end: 100, points: 11}", "");

    @Test
    void theJsonIsKeyedByBathNameInFileOrder(@TempDir Path dir) throws Exception {
        Path file = MachineFcsIndependentTest.withoutTime(Path.of("scenarios/machine-three-baths.yaml"), dir);
        CliTest.Run r = CliTest.run("fcs", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("cold", "lead", "hot", "entropy_production", "tur", "counts"), keys);
        for (String bath : List.of("cold", "lead", "hot")) {
            JsonNode b = o.get(bath);
            for (String k : List.of("current", "noise", "third", "fano", "heat_current", "heat_noise")) {
                assertTrue(b.get(k).isNumber(), bath + " " + k);
            }
            assertEquals(b.get("noise").asDouble() / Math.abs(b.get("current").asDouble()), b.get("fano").asDouble(),
                    1e-12 * b.get("fano").asDouble(), bath);
            assertEquals(0, o.get("counts").get(bath).size(), bath + ": no time section, no distributions");
        }
        // Heat into the bath at T = 0 makes sigma infinite, as for the presets.
        assertEquals("inf", o.get("entropy_production").asText());
    }

    @Test
    void theCountsAtAGivenTimeSumToOne() throws Exception {
        CliTest.Run r = CliTest.run("fcs", "scenarios/machine-detuned-flux.yaml", "--json", "--counts-at", "300");
        assertEquals(0, r.status(), r.err());
        JsonNode counts = new ObjectMapper().readTree(r.out()).get("counts");
        for (String bath : List.of("cold", "hot")) {
            JsonNode d = counts.get(bath).get(0);
            assertEquals(300, d.get("t").asDouble());
            double sum = 0;
            for (JsonNode p : d.get("p")) {
                sum += p.asDouble();
            }
            assertEquals(1, sum, 1e-10, bath);
        }
    }

    @Test
    void theSeriesHasFourColumnsPerBathAndStartsAtZero() {
        CliTest.Run r = CliTest.run("fcs", "scenarios/machine-qutrit.yaml", "--series");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("t,count_cold,count_cold_var,heat_cold,heat_cold_var,count_hot,count_hot_var,heat_hot,"
                + "heat_hot_var", lines.get(0));
        assertEquals(202, lines.size());
        for (String v : lines.get(1).split(",")) {
            assertEquals(0.0, Double.parseDouble(v), 1e-12, lines.get(1));
        }
    }

    @Test
    void distributionsBeyondTheBoundAreExitTwoNamingIt(@TempDir Path dir) throws Exception {
        Path five = dir.resolve("five.yaml");
        Files.writeString(five, FIVE);
        CliTest.Run r = CliTest.run("fcs", five.toString(), "--json");
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--counts-at") && r.err().contains("more than the bound of 1.2e+11"), r.err());
        assertTrue(r.err().contains("2048 x 2048"), r.err());
        CliTest.Run s = CliTest.run("fcs", five.toString(), "--series");
        assertEquals(2, s.status(), s.err());
        assertTrue(s.err().contains("--series") && s.err().contains("bound of 1.2e+11"), s.err());
        CliTest.Run many = CliTest.run("fcs", "scenarios/machine-chain.yaml", "--counts-at",
                "100,200,300,400,500,600,700,800,900,1000");
        assertEquals(2, many.status(), many.err());
        assertTrue(many.err().contains("10 time(s)") && many.err().contains("bound of 1.2e+11"), many.err());
    }
}
