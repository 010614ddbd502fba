package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import qtm.model.Machine;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;

/**
 * Issue 28: {@code qtm fcs --counts-at} and {@code --series} with a scenario's detectors give P(N_det = n, t) and the
 * detected count's mean and variance of every bath, each agreeing to 1e-9 with the count-resolved master equation of
 * {@link CountResolvedReference} (written from scratch, propagated in steps of 0.25); the same reference with η = 1 and θ = 0
 * gives the true distributions, which confirms it. Everything the output had without {@code detection} is kept.
 */
class DetectedCountsAtTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOL = 1e-9;
    private static final double STEP = 0.25;
    private static final int K = 30;
    /** Rates at the weak-coupling bound, so that t = 30 holds several clicks of each kind. */
    private static final String RESET = "name: fast-reset\nmodel:\n  type: reset\n  E: 1.0\n  g: 0.08\n"
            + "  cold: {T: 0.0, rate: 0.1}\n  hot: {T: inf, rate: 0.08}\ninitial: \"00\"\n"
            + "time: {end: 30, points: 4}\n";
    private static final String MACHINE = "name: fast-qubits\nmodel:\n  type: machine\n  approach: local\n  sites:\n"
            + "    - {name: c, levels: [0.0, 1.0]}\n    - {name: h, levels: [0.0, 1.2]}\n  couplings:\n"
            + "    - {kind: exchange, sites: [c, h], g: 0.08}\n  baths:\n"
            + "    - {name: cold, site: c, kind: bosonic, T: 0.5, rate: 0.1, spectral_exponent: 0}\n"
            + "    - {name: hot, site: h, kind: bosonic, T: 3.0, rate: 0.09, spectral_exponent: 0}\n"
            + "initial: \"10\"\ntime: {end: 30, points: 4}\n";
    private static final String DETECTION = "detection:\n  cold: {efficiency: 0.6, dark_rate: 0.05}\n"
            + "  hot: {efficiency: 0.7}\n";
    private static final double[][] DETECTORS = {{0.6, 0.05}, {0.7, 0}};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void detectedDistributionsAgreeWithTheCountResolvedMasterEquation(boolean machine, @TempDir Path dir)
            throws Exception {
        String text = machine ? MACHINE : RESET;
        Path plain = Files.writeString(dir.resolve("plain.yaml"), text);
        Path file = Files.writeString(dir.resolve("detected.yaml"), text + DETECTION);
        Scenario s = ScenarioReader.readAny(file, List.of());
        Machine m = s.machine();
        double[] times = {10, 30};
        CliTest.Run r = CliTest.run("fcs", file.toString(), "--json", "--counts-at", "10,30");
        assertEquals(0, r.status(), r.err());
        JsonNode counts = JSON.readTree(r.out()).get("counts");
        double largest = 0;
        for (int k = 0; k < 2; k++) {
            String bath = m.baths().get(k).name();
            double[][] det = new CountResolvedReference(m, k, DETECTORS[k][0], DETECTORS[k][1], K)
                    .distributions(s.initial(), times, STEP);
            double[][] truth = new CountResolvedReference(m, k, 1, 0, K).distributions(s.initial(), times, STEP);
            for (int i = 0; i < times.length; i++) {
                JsonNode e = counts.get(bath).get(i);
                String what = bath + " at t = " + times[i];
                assertEquals(times[i], e.get("t").asDouble(), 0, what);
                compare(truth[i], e, what + " true");
                compare(det[i], e.get("detected"), what + " detected");
                for (int n = 0; n < det[i].length; n++) {
                    largest = Math.max(largest, Math.abs(det[i][n] - truth[i][n]));
                }
            }
        }
        assertTrue(largest > 0.05, "the detectors change the distribution: " + largest);
        // Without the detected objects, the output is the one without detection.
        ObjectNode stripped = (ObjectNode) JSON.readTree(r.out());
        for (JsonNode bath : stripped.get("counts")) {
            for (JsonNode e : bath) {
                ((ObjectNode) e).remove("detected");
            }
        }
        for (String bath : List.of("cold", "hot")) {
            ((ObjectNode) stripped.get(bath)).remove("detected");
        }
        CliTest.Run before = CliTest.run("fcs", plain.toString(), "--json", "--counts-at", "10,30");
        assertEquals(JSON.readTree(before.out()), stripped);
        // The text gives a detected line after each true one, and nothing else changes.
        CliTest.Run withText = CliTest.run("fcs", file.toString(), "--counts-at", "10,30");
        CliTest.Run withoutText = CliTest.run("fcs", plain.toString(), "--counts-at", "10,30");
        assertEquals(4, withText.out().split("\ndetected P\\(N_").length - 1, withText.out());
        assertTrue(withText.out().contains("\ndetected P(N_hot = n, t = 30.0000), n:P >= 1e-6 from "), withText.out());
        assertEquals(withoutText.out().replace(plain.toString(), file.toString()),
                withText.out().replaceAll("detected [^\\n]*\\n", ""));
    }

    /** Every n the output holds against the reference; the reference's n outside the window carry < 1e-12. */
    private static void compare(double[] ref, JsonNode d, String what) {
        long first = d.get("first").asLong();
        JsonNode p = d.get("p");
        double inside = 0;
        for (int j = 0; j < p.size(); j++) {
            long n = first + j;
            double expected = Math.abs(n) <= K ? ref[(int) n + K] : 0;
            assertEquals(expected, p.get(j).asDouble(), TOL, what + " n = " + n);
            inside += expected;
        }
        double total = 0;
        for (double x : ref) {
            total += x;
        }
        assertEquals(1, total, 1e-10, what + ": the reference keeps its probability in [-K, K]");
        assertEquals(total, inside, 1e-12, what + ": the window holds the distribution");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void seriesAddsTheDetectedMeanAndVariance(boolean machine, @TempDir Path dir) throws Exception {
        String text = machine ? MACHINE : RESET;
        Path plain = Files.writeString(dir.resolve("plain.yaml"), text);
        Path file = Files.writeString(dir.resolve("detected.yaml"), text + DETECTION);
        Scenario s = ScenarioReader.readAny(file, List.of());
        CliTest.Run r = CliTest.run("fcs", file.toString(), "--series");
        CliTest.Run before = CliTest.run("fcs", plain.toString(), "--series");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        String[] old = before.out().split("\n");
        assertEquals(old.length, lines.length);
        String added = ",detected_count_cold,detected_count_cold_var,detected_count_hot,detected_count_hot_var";
        assertEquals(old[0] + added, lines[0]);
        double[] times = {0, 10, 20, 30};
        for (int k = 0; k < 2; k++) {
            double[][] p = new CountResolvedReference(s.machine(), k, DETECTORS[k][0], DETECTORS[k][1], K)
                    .distributions(s.initial(), times, STEP);
            for (int i = 0; i < times.length; i++) {
                String[] row = lines[i + 1].split(",");
                assertTrue(lines[i + 1].startsWith(old[i + 1] + ","), "the true columns are kept");
                double mean = 0;
                double second = 0;
                for (int n = -K; n <= K; n++) {
                    mean += n * p[i][n + K];
                    second += (double) n * n * p[i][n + K];
                }
                int col = row.length - 4 + 2 * k;
                assertEquals(mean, Double.parseDouble(row[col]), TOL, "mean, bath " + k + " t " + times[i]);
                assertEquals(second - mean * mean, Double.parseDouble(row[col + 1]), TOL,
                        "variance, bath " + k + " t " + times[i]);
                if (i == times.length - 1) {
                    assertTrue(second - mean * mean > 0.3, "a spread the test can see: " + (second - mean * mean));
                }
            }
        }
    }

    /**
     * The detected distributions count towards the bound of the true ones: on the three-qubit chain at four times the
     * true counts alone pass its first estimate (qtm fcs goes on to compute them), while with the detected ones the
     * estimate is about 1.4e11 operations, past the bound of 1.2e11.
     */
    @Test
    void detectedDistributionsCountTowardsTheBound(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("chain.yaml"), Files.readString(Path.of(
                "scenarios/machine-chain.yaml")) + "detection:\n  cold: {efficiency: 0.6}\n");
        CliTest.Run r = CliTest.run("fcs", file.toString(), "--counts-at", "100,200,300,400");
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--counts-at") && r.err().contains("and of their detected counts")
                && r.err().contains("about 1.4e+11") && r.err().contains("bound of 1.2e+11"), r.err());
    }

    @Test
    void theCollisionModelWithDetectionIsExitTwoForTheSeriesToo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("detected.yaml"), RESET + "collision: {dt: 1.0}\n" + DETECTION);
        CliTest.Run r = CliTest.run("fcs", file.toString(), "--series", "--collision");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("--collision") && r.err().contains("detection"), r.err());
        assertEquals("", r.out());
    }
}
