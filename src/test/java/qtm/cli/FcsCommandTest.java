package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import qtm.exact.SteadyState;
import qtm.model.Side;
import qtm.observe.Heat;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/** Issue 11, point 1: {@code qtm fcs --json} and the JSON convention for its infinities and 0/0. */
class FcsCommandTest {
    static JsonNode fcs(String scenario) throws Exception {
        CliTest.Run r = CliTest.run("fcs", "scenarios/" + scenario + ".yaml", "--json");
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void everyShippedMachineHasItsCumulantsAndTheHeatOfTheCouplingFormula() throws Exception {
        for (String name : List.of("reset-paper", "flux-optimum", "dqd-U20", "flux-warm-cold", "dqd-warm-cold",
                "reset-cold-entangled")) {
            JsonNode o = fcs(name);
            Scenario s = ScenarioReader.read(java.nio.file.Path.of("scenarios/" + name + ".yaml"), List.of());
            Heat h = Heat.steady(s.model(), SteadyState.of(s.model()));
            for (Side side : Side.values()) {
                JsonNode b = o.get(side.key());
                for (String k : List.of("current", "noise", "third", "fano", "heat_current", "heat_noise")) {
                    assertTrue(b.has(k), name + " " + k);
                }
                assertEquals(h.get(side), b.get("heat_current").asDouble(), 1e-9 * Math.abs(h.get(side)), name);
                assertTrue(b.get("noise").asDouble() > 0, name);
                assertEquals(b.get("noise").asDouble() / Math.abs(b.get("current").asDouble()),
                        b.get("fano").asDouble(), 1e-12, name);
            }
            double sigma = o.get("entropy_production").isNumber() ? o.get("entropy_production").asDouble()
                    : Double.POSITIVE_INFINITY;
            if (s.model().cold().temperature() > 0) {
                double qc = h.cold();
                double expected = qc / s.model().cold().temperature() + h.hot() / s.model().hot().temperature();
                assertEquals(expected, sigma, 1e-9 * expected, name);
                double tur = o.get("cold").get("heat_noise").asDouble() * sigma / (qc * qc);
                assertEquals(tur, o.get("tur").asDouble(), 1e-9 * tur, name);
            } else {
                assertEquals("inf", o.get("entropy_production").asText(), name + ": heat into a bath at T = 0");
                assertEquals("inf", o.get("tur").asText(), name);
            }
        }
    }

    @Test
    void atEquilibriumTheCurrentIsZeroAndTheRatiosFollowTheConvention() throws Exception {
        JsonNode o = fcs("equilibrium");
        assertEquals(0.0, o.get("cold").get("current").asDouble());
        assertEquals("inf", o.get("cold").get("fano").asText(), "noise without a current");
        assertEquals(0.0, o.get("entropy_production").asDouble());
        assertTrue(o.get("tur").isNull(), "0/0 is null");
    }

    @Test
    void theCountsAtTheFinalTimeSumToOneAndTheSeriesStartsAtZero() throws Exception {
        JsonNode o = fcs("dqd-U20");
        for (String side : List.of("cold", "hot")) {
            JsonNode d = o.get("counts").get(side).get(0);
            assertEquals(5000, d.get("t").asDouble());
            double sum = 0;
            for (JsonNode p : d.get("p")) {
                sum += p.asDouble();
            }
            assertEquals(1, sum, 1e-10, side);
        }
        CliTest.Run r = CliTest.run("fcs", "scenarios/reset-paper.yaml", "--series");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("t,count_cold,count_cold_var,heat_cold,heat_cold_var,count_hot,count_hot_var,heat_hot,"
                + "heat_hot_var", lines.get(0));
        assertEquals(202, lines.size());
        assertEquals("0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0", lines.get(1));
        for (String[] bad : new String[][] {{"--counts-at", "-1"}, {"--counts-at", "5001"}, {"--counts-at", "x"}}) {
            CliTest.Run b = CliTest.run("fcs", "scenarios/reset-paper.yaml", bad[0], bad[1]);
            assertEquals(2, b.status(), bad[1]);
            assertEquals(1, b.err().strip().lines().count(), b.err());
        }
    }

    @Test
    void aRunReportsTheSameStationaryStatistics(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path out = dir.resolve("run");
        CliTest.Run r = CliTest.run("run", "scenarios/reset-cold-entangled.yaml", "--trajectories", "40", "--out",
                out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode fcs = fcs("reset-cold-entangled");
        ((com.fasterxml.jackson.databind.node.ObjectNode) fcs).remove("counts");
        assertEquals(fcs, summary.get("exact").get("fluctuations"));
        assertTrue(java.nio.file.Files.readString(out.resolve("report.html")).contains("id=\"fluctuations\""));
    }

    @Test
    void aNoiseThatDoublePrecisionCannotResolveIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path f = dir.resolve("tiny.yaml");
        java.nio.file.Files.writeString(f, "name: tiny\nmodel: {type: reset, g: 1e-9, cold: {T: 1, rate: 1e-2}, "
                + "hot: {T: inf, rate: 1e-2}}\n");
        CliTest.Run r = CliTest.run("fcs", f.toString(), "--json");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("model.g") && r.err().contains("resolved"), r.err());
        assertEquals("", r.out());
    }
}
