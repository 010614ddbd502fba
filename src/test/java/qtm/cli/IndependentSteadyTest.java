package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import qtm.scenario.ScenarioFile;

/**
 * Issue 24's done-when: an independent implementation of the issue's text ({@code src/test/python/independent_steady.py},
 * numpy, written from the issue alone) agrees with {@code qtm steady --json} to 1e-9 — ρ, negativity and pair
 * concurrence absolute, heat relative to the largest |heat| — on machines of every kind the issue lists. The machines
 * are {@code src/test/resources/independent/*.json} (JSON is YAML, so qtm reads the same file); each says in its
 * description what it probes. Skipped, with the reason shown, where no python3 imports numpy.
 */
@Tag("slow")
class IndependentSteadyTest {
    private static final Path DIR = Path.of("src/test/resources/independent");
    private static final Path SCRIPT = Path.of("src/test/python/independent_steady.py");
    private static final double TOL = 1e-9;
    /**
     * Heat below this is rounding in the independent solve (its residual, about 1e-32 here), not a value: on
     * cold-T-small the true heat is 1e-221 and "relative to the largest |heat|" would compare two roundings.
     */
    private static final double HEAT_FLOOR = 1e-20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String python;

    @BeforeAll
    static void findPython() {
        for (String p : List.of("python3", "/usr/bin/python3")) {
            try {
                Process pr = new ProcessBuilder(p, "-c", "import numpy").redirectErrorStream(true).start();
                pr.getInputStream().readAllBytes();
                if (pr.waitFor(60, TimeUnit.SECONDS) && pr.exitValue() == 0) {
                    python = p;
                    return;
                }
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static JsonNode independent(Path file) throws Exception {
        Assumptions.assumeTrue(python != null,
                "no python3 with numpy (tried python3 and /usr/bin/python3; Debian: apt-get install python3-numpy)");
        Process pr = new ProcessBuilder(python, SCRIPT.toString(), file.toString()).start();
        byte[] out = pr.getInputStream().readAllBytes();
        String err = new String(pr.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pr.waitFor(300, TimeUnit.SECONDS), "independent_steady.py timed out");
        assertEquals(0, pr.exitValue(), err);
        return JSON.readTree(out);
    }

    private static JsonNode qtm(Path file, String... sets) throws Exception {
        List<String> args = new ArrayList<>(List.of("steady", file.toString(), "--json"));
        args.addAll(List.of(sets));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return JSON.readTree(r.out());
    }

    private static List<String> keys(JsonNode o) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            k.add(it.next());
        }
        return k;
    }

    @ParameterizedTest
    @ValueSource(strings = {"qutrit-unit", "qutrit-harmonic-detuned", "detuned-local", "detuned-global",
            "density-fermionic", "density-fermionic-t0", "fermi-edge", "chain-local", "chain-global", "three-kinds",
            "qutrits-global", "degenerate-global", "two-baths-one-site", "four-sites", "grouping-probe",
            "cold-T-small"})
    void qtmAgreesWithTheIssuesTextTo1e9(String name) throws Exception {
        Path file = DIR.resolve(name + ".json");
        agree(name, independent(file), qtm(file));
    }

    /**
     * The shipped machine scenarios, each handed to the independent implementation as the JSON of the document qtm
     * read (so the corpus does not hold copies that could drift from the files people run).
     */
    @ParameterizedTest
    @ValueSource(strings = {"machine-qutrit", "machine-qutrit-unit", "machine-detuned-flux", "machine-chain",
            "machine-three-baths"})
    void qtmAgreesWithTheIssuesTextOnTheShippedMachines(String name, @TempDir Path dir) throws Exception {
        Path file = Path.of("scenarios", name + ".yaml");
        Path json = dir.resolve(name + ".json");
        Files.writeString(json, JSON.writeValueAsString(ScenarioFile.load(file, List.of()).json()));
        agree(name, independent(json), qtm(file));
        // The two with bosonic baths only, whose comments show the global approach too.
        if (name.equals("machine-detuned-flux") || name.equals("machine-chain")) {
            String global = "model.approach=global";
            Files.writeString(json, JSON.writeValueAsString(ScenarioFile.load(file, List.of(global)).json()));
            agree(name + " (global)", independent(json), qtm(file, "--set", global));
        }
    }

    private static void agree(String name, JsonNode p, JsonNode q) {
        for (String part : List.of("re", "im")) {
            JsonNode a = q.get("rho").get(part);
            JsonNode b = p.get("rho").get(part);
            assertEquals(b.size(), a.size(), name + ": dimension");
            for (int r = 0; r < b.size(); r++) {
                for (int c = 0; c < b.size(); c++) {
                    assertEquals(b.get(r).get(c).asDouble(), a.get(r).get(c).asDouble(), TOL,
                            name + ": rho." + part + "[" + r + "][" + c + "]");
                }
            }
        }

        assertEquals(keys(p.get("heat")), keys(q.get("heat")), name + ": baths");
        double largest = HEAT_FLOOR;
        for (JsonNode v : p.get("heat")) {
            largest = Math.max(largest, Math.abs(v.asDouble()));
        }
        for (String bath : keys(p.get("heat"))) {
            assertEquals(p.get("heat").get(bath).asDouble(), q.get("heat").get(bath).asDouble(), TOL * largest,
                    name + ": heat " + bath);
        }

        for (String key : List.of("negativity", "pair_concurrence")) {
            assertEquals(keys(p.get(key)), keys(q.get(key)), name + ": " + key + " labels");
            for (String label : keys(p.get(key))) {
                assertEquals(p.get(key).get(label).asDouble(), q.get(key).get(label).asDouble(), TOL,
                        name + ": " + key + " " + label);
            }
        }

        assertEquals(keys(p.get("site_populations")), keys(q.get("site_populations")), name + ": sites");
        for (String site : keys(p.get("site_populations"))) {
            JsonNode a = q.get("site_populations").get(site);
            JsonNode b = p.get("site_populations").get(site);
            assertEquals(b.size(), a.size(), name + ": levels of " + site);
            for (int n = 0; n < b.size(); n++) {
                assertEquals(b.get(n).asDouble(), a.get(n).asDouble(), TOL, name + ": population " + site + n);
            }
        }
        // The independent Liouvillian's kernel is one-dimensional: these machines do have a unique steady state.
        JsonNode sv = p.get("liouvillian_smallest_singular_values");
        assertTrue(sv.get(1).asDouble() > 1e6 * Math.max(sv.get(0).asDouble(), 1e-300), name + ": unique");
    }

    /**
     * A resonant chain c–m–h with its one bath on m: (|100⟩ − |001⟩)/√2 and (|110⟩ − |011⟩)/√2 are eigenstates of H
     * that the bath's Bohr components move only into each other, so the Liouvillian's kernel is two-dimensional (the
     * independent solve finds its second singular value at rounding) although every site is reached through an
     * exchange. The issue: "a machine whose steady state is not unique ... is exit 2".
     */
    @Test
    void aDarkStateThatEveryBathMissesIsExit2() throws Exception {
        Path file = DIR.resolve("dark-state-global.json");
        JsonNode p = independent(file);
        JsonNode sv = p.get("liouvillian_smallest_singular_values");
        assertTrue(sv.get(1).asDouble() < 1e-12, "the kernel is two-dimensional: " + sv);
        CliTest.Run r = CliTest.run("steady", file.toString(), "--json");
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("not unique"), r.err());
    }
}
