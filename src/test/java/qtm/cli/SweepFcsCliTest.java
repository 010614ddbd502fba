package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.scenario.ScenarioReader;

/**
 * {@code qtm sweep --fcs} (issue 26): the count current, count noise and Fano factor of every bath at every point are
 * {@code qtm fcs --json --set KEY=VALUE}'s at that point (to 1e-12 relative: the same exact counting), and at one point
 * of a preset and one of a machine they agree with the leading eigenvalue of a tilted Liouvillian written in
 * {@link MachineFcsIndependentTest} from the machine's H and channels alone (1e-7 of the larger of |current| and
 * noise, that test's bound). Without --fcs the columns are absent; a study kind or a Monte Carlo sweep refuses it.
 */
class SweepFcsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String G_AXIS = "sweep={axes: [{key: model.g, from: 4.0e-4, to: 6.4e-3, points: 3, "
            + "scale: log}]}";

    @Test
    void presetColumnsAreFcsAtEachPointAndTheTiltedEigenvalues(@TempDir Path dir) throws Exception {
        Path file = MachineFcsIndependentTest.withoutTime(CliTest.RESET, dir);
        List<String[]> rows = sweep(dir, file, G_AXIS, "--fcs");
        List<String> header = Arrays.asList(rows.get(0));
        List<String> added = List.of("count_current_cold", "count_noise_cold", "fano_cold", "count_current_hot",
                "count_noise_hot", "fano_hot");
        assertEquals(added, header.subList(header.size() - 6, header.size()), "per bath, after the purity");
        assertEquals("purity", header.get(header.size() - 7));
        for (int r : new int[] {1, 3}) {
            agreeWithFcs(file, "model.g", header, rows.get(r));
        }
        // The middle point against the tilted eigenvalue of the same preset written as a machine.
        String[] mid = rows.get(2);
        Machine m = MachinePresets.of(ScenarioReader.readAny(file, List.of("model.g=" + mid[0])).model());
        agreeWithEigenvalue(m, header, mid);
    }

    @Test
    void machineColumnsAgreeWithTheTiltedEigenvalue(@TempDir Path dir) throws Exception {
        Path file = MachineFcsIndependentTest.withoutTime(Path.of("scenarios/machine-qutrit.yaml"), dir);
        List<String[]> rows = sweep(dir, file, "sweep={axes: [{key: 'model.couplings[0].g', values: [1.0e-3, "
                + "4.0e-3]}]}", "--fcs");
        List<String> header = Arrays.asList(rows.get(0));
        agreeWithFcs(file, "model.couplings[0].g", header, rows.get(2));
        Machine m = ScenarioReader.readAny(file, List.of("model.couplings[0].g=" + rows.get(1)[0])).machine();
        agreeWithEigenvalue(m, header, rows.get(1));
    }

    @Test
    void withoutFcsNoCountingColumns(@TempDir Path dir) throws Exception {
        List<String[]> rows = sweep(dir, CliTest.RESET, G_AXIS);
        assertEquals("purity", rows.get(0)[rows.get(0).length - 1], "the steady columns end the row");
        assertFalse(Arrays.stream(rows.get(0)).anyMatch(c -> c.startsWith("count_") || c.startsWith("fano_")));
    }

    @Test
    void studyKindAndMonteCarloSweepRefuseFcs(@TempDir Path dir) {
        for (String file : List.of("scenarios/paper/fig2a.yaml", "scenarios/studies/mc-sweep-reset.yaml")) {
            Path out = dir.resolve("out");
            CliTest.Run r = CliTest.run("sweep", file, "--fcs", "--out", out.toString());
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("--fcs"), r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    private static List<String[]> sweep(Path dir, Path file, String set, String... more) throws Exception {
        Path out = dir.resolve("out");
        String[] args = {"sweep", file.toString(), "--set", set, "--out", out.toString()};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        CliTest.Run r = CliTest.run(all);
        assertEquals(0, r.status(), r.err());
        return Files.readAllLines(out.resolve("sweep.csv")).stream().map(l -> l.split(",", -1)).toList();
    }

    /** Every bath's three columns equal qtm fcs --json at the row's own --set text. */
    private static void agreeWithFcs(Path file, String key, List<String> header, String[] row) throws Exception {
        CliTest.Run f = CliTest.run("fcs", file.toString(), "--json", "--set", key + "=" + row[0]);
        assertEquals(0, f.status(), f.err());
        JsonNode o = JSON.readTree(f.out());
        int baths = 0;
        for (String c : header) {
            if (!c.startsWith("count_current_")) {
                continue;
            }
            String bath = c.substring("count_current_".length());
            baths++;
            for (String[] pair : new String[][] {{"count_current_", "current"}, {"count_noise_", "noise"},
                {"fano_", "fano"}}) {
                double expected = o.get(bath).get(pair[1]).asDouble();
                double got = Double.parseDouble(row[header.indexOf(pair[0] + bath)]);
                assertEquals(expected, got, 1e-12 * Math.abs(expected), pair[0] + bath + " at " + key + "=" + row[0]);
            }
        }
        int fcsBaths = 0;
        for (JsonNode v : o) {
            fcsBaths += v.has("current") ? 1 : 0;
        }
        assertEquals(fcsBaths, baths, "a column per bath of qtm fcs");
        assertTrue(baths >= 2, "baths found: " + baths);
    }

    /** Every bath's current and noise against the tilted eigenvalue's differences; the Fano factor their ratio. */
    private static void agreeWithEigenvalue(Machine m, List<String> header, String[] row) {
        for (int k = 0; k < m.baths().size(); k++) {
            String bath = m.baths().get(k).name();
            double[] ref = MachineFcsIndependentTest.cumulants(m, k, false, 0.6);
            double scale = Math.max(Math.abs(ref[0]), ref[1]);
            double current = Double.parseDouble(row[header.indexOf("count_current_" + bath)]);
            double noise = Double.parseDouble(row[header.indexOf("count_noise_" + bath)]);
            assertTrue(scale > 0, bath + " carries a current");
            assertEquals(ref[0], current, 1e-7 * scale, bath + " current");
            assertEquals(ref[1], noise, 1e-7 * scale, bath + " noise");
            assertEquals(ref[1] / Math.abs(ref[0]), Double.parseDouble(row[header.indexOf("fano_" + bath)]),
                    1e-6 * ref[1] / Math.abs(ref[0]), bath + " Fano factor");
        }
    }
}
