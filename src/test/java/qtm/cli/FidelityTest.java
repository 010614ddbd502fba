package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fidelity F = ⟨t|ρ∞|t⟩ with {@code observe.target} (issue 24), against steady states known by hand: sites with
 * no coupling, each reset by its own bath to its Gibbs state τ, have ρ∞ = τ_1 ⊗ τ_2 ⊗ …, whatever the engine; and
 * on a preset, with a coherence, the formula written out on the ρ∞ that steady prints.
 */
class FidelityTest {
    @TempDir
    Path dir;

    private JsonNode steady(String yaml, String... sets) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, yaml);
        List<String> a = new ArrayList<>(List.of("steady", f.toString(), "--json"));
        a.addAll(List.of(sets));
        CliTest.Run r = CliTest.run(a.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /** n independent qubits (levels [0, 1]), each reset to its Gibbs state at T. */
    private static String resetQubits(int n, double t) {
        StringBuilder sites = new StringBuilder();
        StringBuilder baths = new StringBuilder();
        for (int k = 0; k < n; k++) {
            String name = "q" + k;
            sites.append(k == 0 ? "" : ", ").append("{name: ").append(name).append(", levels: [0, 1]}");
            baths.append(k == 0 ? "" : ", ").append("{site: ").append(name).append(", kind: reset, T: ").append(t)
                    .append(", rate: 1e-2}");
        }
        return "model: {type: machine, sites: [" + sites + "], baths: [" + baths + "]}\n";
    }

    @Test
    void aBellStateHasFidelityOneHalfWithTheGroundState() throws Exception {
        String m = resetQubits(2, 0.0);
        assertEquals(0.5, steady(m + "observe: {target: {re: [0.7071, 0, 0, 0.7071]}}\n").get("fidelity")
                .asDouble(), 1e-15);
        assertEquals(1.0, steady(m + "observe: {target: \"00\"}\n").get("fidelity").asDouble(), 1e-15);
        assertEquals(0.0, steady(m + "observe: {target: \"11\"}\n").get("fidelity").asDouble(), 1e-15);
        // A phase and an overall scale change nothing: |t> ∝ (|00> + i|11>) · 1e200.
        assertEquals(0.5, steady(m + "observe: {target: {re: [1e200, 0, 0, 0], im: [0, 0, 0, 1e200]}}\n")
                .get("fidelity").asDouble(), 1e-15);
    }

    @Test
    void theWStateOfThreeThermalQubitsIsPOneTimesPZeroSquared() throws Exception {
        double t = 0.7;
        double p1 = Math.exp(-1 / t) / (1 + Math.exp(-1 / t));
        double p0 = 1 - p1;
        double w = 1 / Math.sqrt(3);
        String target = "observe: {target: {re: [0, " + w + ", " + w + ", 0, " + w + ", 0, 0, 0]}}\n";
        JsonNode j = steady(resetQubits(3, t) + target);
        // F = (p001 + p010 + p100) / 3 with every p = p1 p0 p0.
        assertEquals(p1 * p0 * p0, j.get("fidelity").asDouble(), 1e-14);
        assertEquals(p0 * p1 * p1, steady(resetQubits(3, t) + "observe: {target: \"011\"}\n").get("fidelity")
                .asDouble(), 1e-14);
    }

    @Test
    void onAPresetTheCoherenceEntersWithTheTargetsPhase() throws Exception {
        String reset = Files.readString(Path.of("scenarios/reset-paper.yaml"));
        // |t> = (|01> + e^{i phi} |10>)/sqrt 2: F = (p01 + p10)/2 + Re(e^{i phi} rho_{01,10}).
        double phi = 0.9;
        String target = "observe: {target: {re: [0, 1, " + Math.cos(phi) + ", 0], im: [0, 0, " + Math.sin(phi)
                + ", 0]}}\n";
        JsonNode j = steady(reset + target);
        JsonNode re = j.get("rho").get("re");
        JsonNode im = j.get("rho").get("im");
        double want = (re.get(1).get(1).asDouble() + re.get(2).get(2).asDouble()) / 2
                + Math.cos(phi) * re.get(1).get(2).asDouble() - Math.sin(phi) * im.get(1).get(2).asDouble();
        assertTrue(Math.hypot(re.get(1).get(2).asDouble(), im.get(1).get(2).asDouble()) > 1e-3, "a coherence");
        assertEquals(want, j.get("fidelity").asDouble(), 1e-15);
    }

    @Test
    void withoutATargetThereIsNoFidelityKeyAndTheTextSaysNothing() throws Exception {
        JsonNode j = steady(resetQubits(2, 0.0));
        assertFalse(j.has("fidelity"));
        CliTest.Run r = CliTest.run("steady", "scenarios/reset-paper.yaml");
        assertFalse(r.out().contains("fidelity"), r.out());
        CliTest.Run f = CliTest.run("steady", "scenarios/reset-paper.yaml", "--set", "observe.target=01");
        assertTrue(f.out().contains("fidelity"), f.out());
    }
}
