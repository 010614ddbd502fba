package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.exact.SteadyState;
import qtm.scenario.ScenarioReader;

/**
 * {@code qtm steady} on every model (issue 24): the presets keep today's ρ∞ and gain the entanglement keys, whose
 * values on their X states are known in closed form; a machine gives its state, heat per bath and Σ_k Q_k; and
 * {@code --set} reaches list items by index and by name.
 */
class MachineSteadyCommandTest {
    private static final Path QUTRIT = Path.of("scenarios/machine-qutrit.yaml");

    private static JsonNode json(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("steady"));
        a.addAll(List.of(args));
        a.add("--json");
        CliTest.Run r = CliTest.run(a.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void onThePresetsRhoIsTodaysAndTheEntanglementIsTheXStatesClosedForm() throws Exception {
        for (String f : List.of("reset-paper", "reset-cold-entangled", "flux-optimum", "flux-optimum-global",
                "dqd-U20", "dqd-warm-cold")) {
            Path file = Path.of("scenarios/" + f + ".yaml");
            JsonNode j = json(file.toString());
            ZMatrixRMaj want = SteadyState.of(ScenarioReader.read(file, List.of(), false).model());
            JsonNode re = j.get("rho").get("re");
            JsonNode im = j.get("rho").get("im");
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(want.getReal(r, c), re.get(r).get(c).asDouble(), 1e-12, f);
                    assertEquals(want.getImag(r, c), im.get(r).get(c).asDouble(), 1e-12, f);
                    boolean x = r == c || r == 1 && c == 2 || r == 2 && c == 1;
                    if (!x) {
                        assertEquals(0, Math.hypot(want.getReal(r, c), want.getImag(r, c)), 1e-14, f + ": X state");
                    }
                }
            }
            double p00 = want.getReal(0, 0);
            double p11 = want.getReal(3, 3);
            double coherence = Math.hypot(want.getReal(1, 2), want.getImag(1, 2));
            double c = 2 * Math.max(0, coherence - Math.sqrt(p00 * p11));
            double n = Math.max(0, Math.hypot((p00 - p11) / 2, coherence) - (p00 + p11) / 2);
            assertEquals(c, j.get("pair_concurrence").get("c,h").asDouble(), 1e-12, f);
            assertEquals(c, j.get("concurrence").asDouble(), 1e-12, f);
            assertEquals(n, j.get("negativity").get("c|h").asDouble(), 1e-12, f);
            assertEquals(Math.log1p(2 * n) / Math.log(2), j.get("log_negativity").get("c|h").asDouble(), 1e-12, f);
            assertEquals(p00 + want.getReal(1, 1), j.get("site_populations").get("c").get(0).asDouble(), 1e-12, f);
            assertEquals(p00 + want.getReal(2, 2), j.get("site_populations").get("h").get(0).asDouble(), 1e-12, f);
            assertEquals(1, j.get("negativity").size());
        }
    }

    @Test
    void theQutritMachineGivesItsStateHeatAndNegativity() throws Exception {
        JsonNode j = json(QUTRIT.toString());
        assertEquals("machine", j.get("model").asText());
        assertEquals(6, j.get("rho").get("re").size());
        assertEquals(6, j.get("rho").get("im").get(5).size());
        assertNull(j.get("concurrence"), "one qubit site: no scalar C");
        assertEquals(0, j.get("pair_concurrence").size());
        assertEquals(List.of("c|h"), names(j.get("negativity")));
        assertEquals(3, j.get("site_populations").get("h").size());
        double q = Math.abs(j.get("heat").get("cold").asDouble()) + Math.abs(j.get("heat").get("hot").asDouble());
        assertTrue(q > 1e-6, j.toString());
        // Equal gaps: the exchange commutes with H₀, so the local approach conserves energy.
        assertEquals(0, j.get("heat_total").asDouble(), 1e-12 * q);
        double trace = 0;
        for (int i = 0; i < 6; i++) {
            trace += j.get("rho").get("re").get(i).get(i).asDouble();
        }
        assertEquals(1, trace, 1e-13);
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aDetunedLocalMachineSaysThatItsHeatsDoNotSumToZero() {
        CliTest.Run resonant = CliTest.run("steady", QUTRIT.toString());
        assertEquals(0, resonant.status(), resonant.err());
        assertTrue(resonant.out().contains("site h") && resonant.out().contains("negativity   c|h")
                && resonant.out().contains("Q_cold") && resonant.out().contains("sum_k Q_k"), resonant.out());
        assertFalse(resonant.out().contains("does not conserve energy"), resonant.out());
        CliTest.Run detuned = CliTest.run("steady", QUTRIT.toString(), "--set", "model.sites[1].levels[2]=2.3");
        assertEquals(0, detuned.status(), detuned.err());
        assertTrue(detuned.out().contains("the local approach does not conserve energy"), detuned.out());
    }

    @Test
    void setReachesListItemsByIndexAndByName(@TempDir Path dir) throws Exception {
        String text = Files.readString(QUTRIT);
        Path edited = dir.resolve("edited.yaml");
        Files.writeString(edited, text.replace("T: 0.0, rate: 1.0e-2", "T: 0.3, rate: 1.0e-2")
                .replace("levels: [0.0, 1.0, 2.0]", "levels: [0.0, 1.0, 2.2]"));
        JsonNode byFile = json(edited.toString());
        JsonNode byName = json(QUTRIT.toString(), "--set", "model.baths[cold].T=0.3", "--set",
                "model.sites[h].levels[2]=2.2");
        JsonNode byIndex = json(QUTRIT.toString(), "--set", "model.baths[0].T=0.3", "--set",
                "model.sites[1].levels[2]=2.2");
        assertEquals(byFile.get("rho"), byName.get("rho"));
        assertEquals(byFile.get("rho"), byIndex.get("rho"));
        assertFalse(byFile.get("rho").equals(json(QUTRIT.toString()).get("rho")));
    }

    @Test
    void threeSitesWithThreeKindsOfBathAreLabelledAsTheIssueSays(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("three.yaml");
        Files.writeString(f, """
                model:
                  type: machine
                  sites:
                    - {name: c, levels: [0, 1]}
                    - {name: m, levels: [0, 1, 2]}
                    - {name: h, levels: [0, 1]}
                  couplings:
                    - {kind: exchange, sites: [c, m], g: 2e-3}
                    - {kind: exchange, sites: [m, h], g: 3e-3}
                    - {kind: density, sites: [c, h], U: 0.5}
                  baths:
                    - {name: cold, site: c, kind: bosonic, T: 0.1, rate: 1e-2, spectral_exponent: 1}
                    - {site: m, kind: reset, T: 0.5, rate: 2e-3}
                    - {name: hot, site: h, kind: fermionic, T: 2, rate: 5e-3, mu: 0.2}
                initial: "010"
                """);
        JsonNode j = json(f.toString());
        assertEquals(List.of("c|m,h", "m|c,h", "h|c,m"), names(j.get("negativity")));
        assertEquals(List.of("c,h"), names(j.get("pair_concurrence")));
        assertEquals(j.get("pair_concurrence").get("c,h").asDouble(), j.get("concurrence").asDouble(), 0);
        assertEquals(List.of("cold", "m", "hot"), names(j.get("heat")));
        assertEquals(12, j.get("populations").size());
    }
}
