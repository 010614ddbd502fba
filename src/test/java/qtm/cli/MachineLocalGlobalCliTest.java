package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qtm sweep} of kind local-global on a machine (issue 25): the shipped chain study writes its CSV and figure,
 * its local and global columns agree with {@code steady --json} of the same machine at each scaled g and approach,
 * and a reset bath or a g_scale beyond the valid range is exit 2 with nothing written.
 */
class MachineLocalGlobalCliTest {
    private static final Path CHAIN = Path.of("scenarios/studies/local-global-chain.yaml");

    @Test
    void theChainStudyAgreesWithSteadyAtEachScaledG(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", CHAIN.toString(), "--set", "sweep.g_scale.points=3", "--out",
                out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(out.resolve("local-global-chain.png")));
        List<String> lines = Files.readAllLines(out.resolve("local-global-chain.csv"));
        assertEquals(4, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        ObjectMapper json = new ObjectMapper();
        for (String line : lines.subList(1, 4)) {
            String[] row = line.split(",");
            double g = 1.6e-3 * Double.parseDouble(row[0]);
            for (String approach : List.of("local", "global")) {
                CliTest.Run s = CliTest.run("steady", CHAIN.toString(), "--json", "--set",
                        "model.couplings[0].g=" + g, "--set", "model.couplings[1].g=" + g, "--set",
                        "model.approach=" + approach);
                assertEquals(0, s.status(), s.err());
                JsonNode steady = json.readTree(s.out());
                for (String bath : List.of("cold", "hot")) {
                    double expected = steady.get("heat").get(bath).asDouble();
                    double actual = Double.parseDouble(row[header.indexOf(approach + "_heat_" + bath)]);
                    assertEquals(expected, actual, 1e-12 * Math.abs(expected), approach + " " + bath + " at g " + g);
                }
                double n = steady.get("negativity").get("c|m,h").asDouble();
                assertEquals(n, Double.parseDouble(row[header.indexOf(approach + "_negativity_c_vs_m_h")]), 1e-12);
            }
        }
    }

    @Test
    void aResetBathOrAScaleBeyondTheValidRangeIsRefused(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliTest.Run reset = CliTest.run("sweep", "scenarios/machine-qutrit.yaml", "--set",
                "sweep={kind: local-global, g_scale: {from: 1, to: 2, points: 3}}", "--out", out.toString());
        assertEquals(2, reset.status());
        assertTrue(reset.err().contains("model.baths[1].kind = reset"), reset.err());
        CliTest.Run far = CliTest.run("sweep", CHAIN.toString(), "--set", "sweep.g_scale.to=100", "--out",
                out.toString());
        assertEquals(2, far.status());
        assertTrue(far.err().contains("sweep.g_scale.to = 100"), far.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
