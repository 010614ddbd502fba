package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Issue 25, {@code observe.waiting: channels} in a machine's {@code qtm run}: summary.json's {@code waiting_times}
 * keeps its layout with one entry per ordered pair of channels, keyed by the jump records' labels joined by "_"
 * (36 pairs of the six channels of two detuned qubits, the reset's |n⟩⟨n| included), each with the fields of a bath
 * pair, judged, its exact bins summing to 1 and its p-value above 1e-4 at a fixed seed; without the key the same
 * file records its four bath pairs, as before. Two full runs with their charts: about 9 s.
 */
@Tag("slow")
class MachineChannelWaitingRunTest {
    private static final String DETUNED = """
            name: detuned
            model:
              type: machine
              sites:
                - {name: c, levels: [0.0, 1.0]}
                - {name: h, levels: [0.0, 1.3]}
              couplings:
                - {kind: exchange, sites: [c, h], g: 0.05}
              baths:
                - {name: cold, site: c, kind: bosonic, T: 0.4, rate: 0.03}
                - {name: hot, site: h, kind: reset, T: 2.0, rate: 0.02}
            time: {end: 1500, points: 7}
            engines: [trajectories]
            ensemble: {trajectories: 1000, seed: 3}
            """;

    @TempDir
    Path tmp;

    private JsonNode waiting(String text, String name) throws Exception {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, text);
        Path out = tmp.resolve(name);
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.status(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(s.get("engines").get("trajectories").get("converged").asBoolean(), name);
        return s.get("engines").get("trajectories").get("waiting_times");
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> i = o.fieldNames(); i.hasNext();) {
            out.add(i.next());
        }
        return out;
    }

    @Test
    void channelPairsReplaceBathPairsInTheSameLayout() throws Exception {
        JsonNode baths = waiting(DETUNED, "baths");
        JsonNode channels = waiting(DETUNED + "observe: {waiting: channels}\n", "channels");
        assertEquals(List.of("judged", "passed", "significance_per_pair", "cold_cold", "cold_hot", "hot_cold",
                "hot_hot"), names(baths));
        List<String> labels = List.of("cold-@1.00000", "cold+@1.00000", "hot:0<-0", "hot:0<-1", "hot:1<-0",
                "hot:1<-1");
        List<String> pairs = new ArrayList<>();
        for (String a : labels) {
            for (String b : labels) {
                pairs.add(a + "_" + b);
            }
        }
        List<String> top = new ArrayList<>(List.of("judged", "passed", "significance_per_pair"));
        top.addAll(pairs);
        assertEquals(top, names(channels));
        assertEquals(1e-3 / 36, channels.get("significance_per_pair").asDouble(), 1e-18);
        List<String> fields = names(baths.get("cold_hot"));
        for (String p : pairs) {
            JsonNode x = channels.get(p);
            assertEquals(fields, names(x), p);
            assertTrue(x.get("judged").asBoolean(), p + ": " + x.get("intervals"));
            double total = 0;
            for (JsonNode v : x.get("exact")) {
                total += v.asDouble();
            }
            assertEquals(1.0, total, 1e-12, p + " exact bins sum to 1");
            assertTrue(x.get("p_value").asDouble() > 1e-4, p + ": " + x.get("p_value"));
        }
        assertTrue(channels.get("passed").asBoolean());
        assertTrue(Files.size(tmp.resolve("channels").resolve("waiting-times.png")) > 1000);
    }
}
