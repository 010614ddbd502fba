package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25's waiting times in a machine's {@code qtm run}: summary.json's {@code engines.trajectories.waiting_times}
 * holds every ordered pair of baths, keyed "&lt;from&gt;_&lt;to&gt;" as the presets' "cold_hot", each with exactly the
 * fields a preset's pair has; every pair is judged and passes at a fixed seed, so the engine converges; the
 * waiting-times chart is drawn.
 */
@Tag("slow")
class MachineWaitingTimesRunTest {
    /** The three-bath machine of {@link MachineRunCommandTest}, run long enough for every pair's waiting times. */
    private static final String THREE_BATHS = MachineRunCommandTest.THREE_BATHS.replace(
            "time: {end: 60, points: 7}\nensemble: {trajectories: 6000, seed: 12}\n",
            "time: {end: 1500, points: 7}\nensemble: {trajectories: 2000, seed: 25}\n");

    @TempDir
    Path tmp;

    private JsonNode run(String... args) throws Exception {
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.status(), r.err());
        int out = List.of(args).indexOf("--out") + 1;
        return new ObjectMapper().readTree(Path.of(args[out]).resolve("summary.json").toFile());
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> i = o.fieldNames(); i.hasNext();) {
            out.add(i.next());
        }
        return out;
    }

    @Test
    void everyOrderedPairOfBathsIsJudgedWithThePresetsFields() throws Exception {
        Path file = tmp.resolve("three.yaml");
        Files.writeString(file, THREE_BATHS);
        Path out = tmp.resolve("three");
        JsonNode s = run("run", file.toString(), "--out", out.toString(), "--quiet", "--threads", "2");
        JsonNode preset = run("run", "scenarios/dqd-warm-cold.yaml", "--out", tmp.resolve("dqd").toString(),
                "--quiet", "--trajectories", "200", "--seed", "3", "--set", "time.points=21", "--threads", "2");
        JsonNode presetWaiting = preset.get("engines").get("trajectories").get("waiting_times");
        List<String> pairFields = names(presetWaiting.get("cold_hot"));

        JsonNode e = s.get("engines").get("trajectories");
        JsonNode w = e.get("waiting_times");
        List<String> pairs = List.of("cold_cold", "cold_lead", "cold_hot", "lead_cold", "lead_lead", "lead_hot",
                "hot_cold", "hot_lead", "hot_hot");
        List<String> top = new ArrayList<>(List.of("judged", "passed", "significance_per_pair"));
        top.addAll(pairs);
        assertEquals(top, names(w));
        assertEquals(List.of("judged", "passed", "significance_per_pair", "cold_cold", "hot_hot", "cold_hot"),
                names(presetWaiting), "the presets keep their three pairs");
        assertEquals(1e-3 / 9, w.get("significance_per_pair").asDouble(), 1e-18);
        for (String p : pairs) {
            JsonNode x = w.get(p);
            assertEquals(pairFields, names(x), p);
            assertTrue(x.get("judged").asBoolean(), p + ": " + x.get("intervals"));
            assertEquals(17, x.get("edges").size(), p);
            assertEquals(17, x.get("exact").size(), p);
            double total = 0;
            for (JsonNode v : x.get("exact")) {
                total += v.asDouble();
            }
            assertEquals(1.0, total, 1e-12, p + " exact bins sum to 1");
            assertTrue(x.get("p_value").asDouble() > 1e-4, p + ": " + x.get("p_value"));
        }
        assertTrue(w.get("passed").asBoolean());
        assertTrue(e.get("converged").asBoolean());
        for (String ext : List.of(".png", ".svg", ".pdf")) {
            assertTrue(Files.size(out.resolve("waiting-times" + ext)) > 1000, "waiting-times" + ext);
        }
    }

    /** Above 12 states nothing is recorded, and summary.json says why instead. */
    @Test
    void aLargeMachineSaysWhyItHasNoWaitingTimes() throws Exception {
        Path file = tmp.resolve("four.yaml");
        Files.writeString(file, """
                name: four
                model:
                  type: machine
                  sites:
                    - {name: a, levels: [0.0, 1.0]}
                    - {name: b, levels: [0.0, 1.0]}
                    - {name: c, levels: [0.0, 1.0]}
                    - {name: e, levels: [0.0, 1.0]}
                  couplings:
                    - {kind: exchange, sites: [a, b], g: 0.05}
                    - {kind: exchange, sites: [b, c], g: 0.05}
                    - {kind: exchange, sites: [c, e], g: 0.05}
                  baths:
                    - {name: cold, site: a, kind: bosonic, T: 0.3, rate: 0.04}
                    - {name: hot, site: e, kind: bosonic, T: 2.0, rate: 0.04}
                time: {end: 20, points: 3}
                ensemble: {trajectories: 200, seed: 4}
                """);
        Path out = tmp.resolve("four");
        JsonNode w = run("run", file.toString(), "--out", out.toString(), "--quiet").get("engines")
                .get("trajectories").get("waiting_times");
        assertFalse(w.get("judged").asBoolean());
        assertTrue(w.get("reason").asText().startsWith("not recorded: a machine of 16 states"), w.toString());
        assertFalse(Files.exists(out.resolve("waiting-times.png")));
    }
}
