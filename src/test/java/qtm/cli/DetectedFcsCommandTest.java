package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import qtm.model.Machine;
import qtm.scenario.ScenarioReader;

/**
 * Issue 28's done-when for the exact layer: with efficiency 0.6 on every bath (no dark clicks, and dark clicks at a
 * tenth of each bath's rate), {@code qtm fcs --json} gives per bath a {@code detected} object whose current, noise,
 * heat current and heat noise agree to 1e-7 relative with the leading eigenvalue of the detected count's tilted
 * Liouvillian written from scratch in {@link MachineFcsIndependentTest} (Richardson-extrapolated central differences;
 * for a preset, of its machine form; the detuned qubits' gaps differ from 1, so a dark click's heat ±ω₁ differs from
 * its count); every key of the output without {@code detection} keeps its value; and the text
 * output says the detected current, noise and Fano factor beside the true ones.
 */
@Tag("slow")
class DetectedFcsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOL = 1e-7;
    private static final double ETA = 0.6;

    @ParameterizedTest
    @CsvSource({"scenarios/reset-paper.yaml, 0", "scenarios/reset-paper.yaml, 0.1",
        "scenarios/machine-three-baths.yaml, 0", "scenarios/machine-three-baths.yaml, 0.1",
        "scenarios/machine-detuned-flux.yaml, 0.1"})
    void theDetectedStatisticsAgreeWithTheTiltedEigenvalue(String name, double darkOverRate, @TempDir Path dir)
            throws Exception {
        Path plain = MachineFcsIndependentTest.withoutTime(Path.of(name), dir);
        Machine m = ScenarioReader.readAny(plain, List.of()).machine();
        StringBuilder detection = new StringBuilder("detection:\n");
        for (int k = 0; k < m.baths().size(); k++) {
            detection.append(String.format(Locale.ROOT, "  %s: {efficiency: %s, dark_rate: %s}%n",
                    m.baths().get(k).name(), ETA, darkOverRate * m.baths().get(k).rate()));
        }
        Path file = Files.writeString(dir.resolve("detected.yaml"), Files.readString(plain) + detection);
        CliTest.Run r = CliTest.run("fcs", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode o = JSON.readTree(r.out());
        for (int k = 0; k < m.baths().size(); k++) {
            String bath = m.baths().get(k).name();
            double theta = darkOverRate * m.baths().get(k).rate();
            JsonNode d = o.get(bath).get("detected");
            assertEquals(ETA, d.get("efficiency").asDouble(), 0, bath);
            assertEquals(theta, d.get("dark_rate").asDouble(), 0, bath);
            for (boolean heat : new boolean[] {false, true}) {
                double[] ref = MachineFcsIndependentTest.cumulants(m, k, heat, 0.6, ETA, theta);
                String what = name + " " + bath + (heat ? " heat" : " count") + " theta " + theta;
                double current = d.get(heat ? "heat_current" : "current").asDouble();
                double noise = d.get(heat ? "heat_noise" : "noise").asDouble();
                assertTrue(ref[1] > 0, what + ": a detected count with eta < 1 is never bounded");
                assertEquals(ref[0], current, TOL * Math.abs(ref[0]), what + " current");
                assertEquals(ref[1], noise, TOL * ref[1], what + " noise");
            }
            assertEquals(d.get("noise").asDouble() / Math.abs(d.get("current").asDouble()),
                    d.get("fano").asDouble(), 1e-12 * d.get("fano").asDouble(), bath + " fano");
        }
        // Every key and value of the output without detection is kept: only the detected objects are added.
        CliTest.Run before = CliTest.run("fcs", plain.toString(), "--json");
        ObjectNode stripped = (ObjectNode) o.deepCopy();
        for (int k = 0; k < m.baths().size(); k++) {
            ((ObjectNode) stripped.get(m.baths().get(k).name())).remove("detected");
        }
        assertEquals(JSON.readTree(before.out()), stripped);
    }

    /**
     * At equal temperatures detailed balance survives thinning and dark clicks (they treat +1 and −1 alike): the
     * detected current and third cumulant are reported as 0, which the reference's slope confirms to 1e-7 of the
     * noise, and the noise is the reference's.
     */
    @org.junit.jupiter.api.Test
    void atEquilibriumTheDetectedCurrentVanishes(@TempDir Path dir) throws Exception {
        Path plain = MachineFcsIndependentTest.withoutTime(Path.of("scenarios/equilibrium.yaml"), dir);
        Path file = Files.writeString(dir.resolve("detected.yaml"), Files.readString(plain)
                + "detection: {cold: {efficiency: 0.6, dark_rate: 1.0e-3}, hot: {efficiency: 0.6}}\n");
        CliTest.Run r = CliTest.run("fcs", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode o = JSON.readTree(r.out());
        Machine m = ScenarioReader.readAny(plain, List.of()).machine();
        for (int k = 0; k < 2; k++) {
            JsonNode d = o.get(m.baths().get(k).name()).get("detected");
            double[] ref = MachineFcsIndependentTest.cumulants(m, k, false, 0.6, ETA, k == 0 ? 1.0e-3 : 0);
            assertEquals(0, d.get("current").asDouble(), 0);
            assertEquals(0, d.get("third").asDouble(), 0);
            assertEquals(0, ref[0], TOL * ref[1], "the reference's current");
            assertEquals(ref[1], d.get("noise").asDouble(), TOL * ref[1], "noise");
        }
    }

    @ParameterizedTest
    @CsvSource({"scenarios/reset-paper.yaml", "scenarios/machine-qutrit.yaml"})
    void theTextSaysTheDetectedNextToTheTrueAndOnlyWithDetection(String name, @TempDir Path dir) throws Exception {
        Path plain = MachineFcsIndependentTest.withoutTime(Path.of(name), dir);
        Path file = Files.writeString(dir.resolve("detected.yaml"), Files.readString(plain)
                + "detection: {hot: {efficiency: 0.5}}\n");
        CliTest.Run with = CliTest.run("fcs", file.toString());
        CliTest.Run without = CliTest.run("fcs", plain.toString());
        assertEquals(0, with.status(), with.err());
        JsonNode o = JSON.readTree(CliTest.run("fcs", file.toString(), "--json").out());
        String cold = String.format(Locale.ROOT, "detected cold (efficiency 1.00000, dark_rate 0.00000): current "
                + "%.6g (true %.6g)", o.get("cold").get("detected").get("current").asDouble(),
                o.get("cold").get("current").asDouble());
        assertTrue(with.out().contains(cold), with.out());
        assertTrue(with.out().contains("detected hot (efficiency 0.500000, dark_rate 0.00000)"), with.out());
        // A bath the section does not list is detected perfectly: its detected statistics are the true ones.
        assertEquals(o.get("cold").get("noise"), o.get("cold").get("detected").get("noise"));
        assertEquals(without.out(), with.out().replaceAll("detected [^\\n]*\\n", ""));
        assertTrue(!without.out().contains("detected"), without.out());
    }
}
