package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;
import qtm.sweep.SteadyOutcome;

/**
 * {@code qtm optimize} and {@code qtm threshold} over any keys (issue 26). Every expected value comes from single
 * points read as {@code qtm steady --set KEY=VALUE} reads them, scanned or bisected here, never from the search under
 * test.
 */
class KeySearchCliTest {
    private static final Path DETUNED = Path.of("scenarios/machine-detuned-flux.yaml");
    private static final Path QUTRIT = Path.of("scenarios/machine-qutrit.yaml");
    private static final Path FLUX = Path.of("scenarios/flux-optimum.yaml");
    private static final String G = "model.couplings[0].g";
    /** The optimiser's value error: Brent stops within 1e-10 of the unit interval, a value error of order 1e-20. */
    private static final double VALUE_TOLERANCE = 1e-13;

    @Test
    void oneKeyConcurrenceOptimumOfAMachineBeatsADenseScan() throws Exception {
        JsonNode j = json("optimize", DETUNED.toString(), "--json", "--set",
                "optimize={vary: [{key: '" + G + "', min: 1.0e-4, max: 1.0e-1, scale: log}]}");
        double g = j.get("keys").get(G).asDouble();
        double best = j.get("value").asDouble();
        assertEquals(G + "=" + Double.toString(g), j.get("set").get(0).asText());
        double[] scan = logScan(1.0e-4, 1.0e-1, 601, x -> steady(DETUNED, G, x).concurrence());
        assertTrue(scan[1] > 1.0e-4 && scan[1] < 1.0e-1, "an interior maximum: " + scan[1]);
        assertTrue(best >= scan[0] - VALUE_TOLERANCE, best + " below the scan's " + scan[0]);
        assertTrue(Math.abs(Math.log(g / scan[1])) <= Math.log(1e3) / 600, g + " vs the scan's " + scan[1]);
        assertEquals(steady(DETUNED, G, g).concurrence(), best, 0.0, "--set reproduces the optimum bit for bit");
    }

    @Test
    void oneKeyNegativityOptimumOfAQubitQutritMachineBeatsADenseScan() throws Exception {
        String rate = "model.baths[hot].rate";
        JsonNode j = json("optimize", QUTRIT.toString(), "--json", "--set", "optimize={vary: [{key: '" + rate
                + "', min: 1.0e-6, max: 1.0e-1, scale: log}], maximise: negativity_c_vs_h}");
        double x = j.get("keys").get(rate).asDouble();
        double best = j.get("value").asDouble();
        double[] scan = logScan(1.0e-6, 1.0e-1, 501, v -> steady(QUTRIT, rate, v).negativity().get("c|h"));
        assertTrue(scan[1] > 1.0e-6 && scan[1] < 1.0e-1, "an interior maximum: " + scan[1]);
        assertTrue(best >= scan[0] - VALUE_TOLERANCE, best + " below the scan's " + scan[0]);
        assertTrue(Math.abs(Math.log(x / scan[1])) <= Math.log(1e5) / 500, x + " vs the scan's " + scan[1]);
        assertEquals(steady(QUTRIT, rate, x).negativity().get("c|h"), best, 0.0);
        assertEquals(best, j.get("observables").get("negativity_c_vs_h").asDouble(), 0.0);
    }

    @Test
    void thresholdOfAMachineAgreesWithBisection() throws Exception {
        String t = "model.baths[cold].T";
        JsonNode j = json("threshold", DETUNED.toString(), "--json", "--set",
                "threshold={key: '" + t + "', min: 0, max: 2}");
        double found = j.get("threshold").asDouble();
        double lo = 0;
        double hi = 2;
        for (int i = 0; i < 48; i++) {
            double mid = 0.5 * (lo + hi);
            if (steady(DETUNED, t, mid).concurrence() > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(0.5 * (lo + hi), found, 1e-8);
        assertTrue(steady(DETUNED, t, j.get("bracket").get(0).asDouble()).concurrence() > 0);
        assertEquals(0.0, steady(DETUNED, t, j.get("bracket").get(1).asDouble()).concurrence());
        assertEquals(j.get("bracket").get(0).asDouble(), j.get("positive_at").asDouble(), 0.0);
    }

    @Test
    void negativityThresholdOfAQubitQutritMachineAgreesWithBisection() throws Exception {
        String t = "model.baths[cold].T";
        JsonNode j = json("threshold", QUTRIT.toString(), "--json", "--set",
                "threshold={key: '" + t + "', min: 0, max: 3, observable: negativity_c_vs_h}");
        double lo = 0;
        double hi = 3;
        for (int i = 0; i < 48; i++) {
            double mid = 0.5 * (lo + hi);
            if (steady(QUTRIT, t, mid).negativity().get("c|h") > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(0.5 * (lo + hi), j.get("threshold").asDouble(), 1e-8);
    }

    /** Issue 26's motivation: the hot rate in the file is too large for T_h = 1e6, and optimize varies it anyway. */
    @Test
    void fluxOptimumAtAMillionDegreesOptimises() throws Exception {
        CliTest.Run refused = CliTest.run("steady", FLUX.toString(), "--set", "model.hot.T=1e6");
        assertEquals(2, refused.status(), "as a single point the file's hot rate is out of range at T_h = 1e6");
        JsonNode j = json("optimize", FLUX.toString(), "--json", "--set", "model.hot.T=1e6", "--set",
                "optimize.starts=2");
        JsonNode p = j.get("params");
        Scenario s = ScenarioReader.readAny(FLUX, List.of("model.hot.T=1e6", "model.g=" + p.get("g").asDouble(),
                "model.cold.rate=" + p.get("cold_rate").asDouble(), "model.hot.rate=" + p.get("hot_rate").asDouble()));
        assertEquals(SteadyOutcome.of(s.model(), null).concurrence(), j.get("concurrence").asDouble(), 1e-12);
        assertTrue(j.get("concurrence").asDouble() > 0.0997, "the flux maximum C ~ 0.1: " + j);
    }

    /** Above hot.rate = 5e-8 the flux point at T_h = 1e6 is not a valid model: the search must stay below. */
    @Test
    void infeasiblePointsAreNeverReported() throws Exception {
        String key = "model.hot.rate";
        JsonNode j = json("optimize", FLUX.toString(), "--json", "--set", "model.hot.T=1e6", "--set",
                "optimize={vary: [{key: " + key + ", min: 1.0e-9, max: 1.0e-2, scale: log}, "
                + "{key: model.g, min: 1.0e-4, max: 1.0e-2, scale: log}]}");
        double rate = j.get("keys").get(key).asDouble();
        assertTrue(rate <= 5e-8, "a valid hot rate: " + rate);
        Scenario s = ScenarioReader.readAny(FLUX, List.of("model.hot.T=1e6", key + "=" + rate,
                "model.g=" + j.get("keys").get("model.g").asDouble()));
        assertEquals(SteadyOutcome.of(s.model(), null).concurrence(), j.get("value").asDouble(), 0.0);
    }

    /** Two keys of a machine: the optimum is at least the best point of a 61 × 61 log grid of single steady points. */
    @Test
    @Tag("slow")
    void twoKeyOptimumOfAMachineBeatsADenseGrid() throws Exception {
        String rate = "model.baths[hot].rate";
        JsonNode j = json("optimize", DETUNED.toString(), "--json", "--set", "optimize={vary: [{key: '" + G
                + "', min: 1.0e-4, max: 1.0e-1, scale: log}, {key: '" + rate + "', min: 1.0e-8, max: 1.0e-2, "
                + "scale: log}]}");
        double best = j.get("value").asDouble();
        double grid = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 60; i++) {
            for (int k = 0; k <= 60; k++) {
                double g = 1e-4 * Math.pow(1e3, i / 60.0);
                double r = 1e-8 * Math.pow(1e6, k / 60.0);
                // time=null: the search reads no time grid, whose range the fast corners of this grid exceed.
                Scenario s = ScenarioReader.readAny(DETUNED, List.of(G + "=" + g, rate + "=" + r, "time=null"));
                grid = Math.max(grid, SteadyOutcome.of(s.machine(), null).concurrence());
            }
        }
        assertTrue(best >= grid - VALUE_TOLERANCE, best + " below the grid's " + grid);
        Scenario at = ScenarioReader.readAny(DETUNED, List.of(j.get("set").get(0).asText(),
                j.get("set").get(1).asText(), "time=null"));
        assertEquals(SteadyOutcome.of(at.machine(), null).concurrence(), best, 0.0);
    }

    /**
     * The general threshold with the couplings optimised at each T_c agrees with the preset's own T_c threshold, a
     * separate code path (Brent on the signed concurrence over coupling ratios, relative accuracy 1e-9).
     */
    @Test
    @Tag("slow")
    void thresholdWithInnerOptimisationAgreesWithThePresetThreshold() throws Exception {
        double preset = json("threshold", CliTest.RESET.toString(), "--json").get("Tc").asDouble();
        JsonNode j = json("threshold", CliTest.RESET.toString(), "--json", "--set", "optimize={vary: [{key: model.g, "
                + "min: 1.0e-6, max: 1.0e-2, scale: log}, {key: model.hot.rate, min: 1.0e-6, max: 1.0e-2, "
                + "scale: log}]}", "--set", "threshold={key: model.cold.T, min: 0, max: 1}");
        assertEquals(preset, j.get("threshold").asDouble(), 1e-8);
    }

    static Stream<Arguments> badInput() {
        String g = "{key: '" + G + "', min: 1.0e-4, max: 1.0e-2}";
        return Stream.of(
                Arguments.of("optimize", "optimize={vary: [{key: 'model.couplings[3].g', min: 0, max: 1}]}",
                        "optimize.vary[0].key", "model.couplings[3].g"),
                Arguments.of("optimize", "optimize={vary: [{key: model.type, min: 0, max: 1}]}",
                        "optimize.vary[0].key", "model.type"),
                Arguments.of("optimize", "optimize={vary: [" + g + "], maximise: nope}", "optimize.maximise", "nope"),
                Arguments.of("optimize", "optimize={vary: [{key: '" + G + "', min: 1.0e-2, max: 1.0e-2}]}",
                        "optimize.vary[0].max", "0.01"),
                Arguments.of("optimize", "optimize={vary: [{key: '" + G + "', min: 0, max: 1.0e-2, scale: log}]}",
                        "optimize.vary[0].min", "0"),
                Arguments.of("threshold", "threshold={key: 'model.baths[cold].T', min: 2, max: 1}", "threshold.max",
                        "1"),
                Arguments.of("threshold", "threshold={key: 'model.baths[cold].T', min: 0, max: 1, observable: heat_x}",
                        "threshold.observable", "heat_x"),
                Arguments.of("threshold", "threshold={key: 'model.baths[cold].T', min: 1, max: 2}", "threshold.key",
                        "model.baths[cold].T"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputExitsTwoNamingFileKeyAndValue(String command, String set, String key, String value) {
        CliTest.Run r = CliTest.run(command, DETUNED.toString(), "--json", "--set", set);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(DETUNED.toString()) && r.err().contains(key) && r.err().contains(value),
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMachineWithoutVaryIsToldHowToSearchIt() {
        CliTest.Run r = CliTest.run("optimize", DETUNED.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("model.type") && r.err().contains("optimize.vary"), r.err());
    }

    private static JsonNode json(String... args) throws Exception {
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /** One point as {@code qtm steady FILE --set KEY=VALUE} reads and solves it. */
    private static SteadyOutcome steady(Path file, String key, double value) {
        Scenario s = ScenarioReader.readAny(file, List.of(key + "=" + value));
        return s.isMachine() ? SteadyOutcome.of(s.machine(), null) : SteadyOutcome.of(s.model(), null);
    }

    /** @return {largest value, its x} over a log grid */
    private static double[] logScan(double from, double to, int points, DoubleUnaryOperator f) {
        double[] best = {Double.NEGATIVE_INFINITY, Double.NaN};
        for (int i = 0; i < points; i++) {
            double x = from * Math.pow(to / from, (double) i / (points - 1));
            double v = f.applyAsDouble(x);
            if (v > best[0]) {
                best = new double[] {v, x};
            }
        }
        return best;
    }
}
