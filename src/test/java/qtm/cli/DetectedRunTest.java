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
 * Issue 28 through {@code qtm run}: a preset with imperfect detectors records the detected counts next to the true
 * ones, summary.json states them per bath with both Fano factors and their verdict, and the same seed gives the same
 * files on one thread, on two, and from two merged shards (the detectors' stream depends on the trajectory's index
 * alone).
 */
class DetectedRunTest {
    private static final String SCENARIO = """
            name: detected
            model:
              type: reset
              E: 1.0
              g: 1.6e-3
              cold: {T: 0.0, rate: 1.0e-2}
              hot:  {T: inf, rate: 1.1e-3}
            initial: "00"
            time: {end: 2000, points: 11}
            engines: [trajectories]
            ensemble: {trajectories: 300, seed: 4}
            detection:
              cold: {efficiency: 0.6}
              hot: {efficiency: 0.6, dark_rate: 1.0e-3}
            """;

    @Test
    @Tag("slow")
    void detectedCountsAreSummarisedAndTheSameOnAnyThreadsAndShards(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("detected.yaml");
        Files.writeString(file, SCENARIO);
        Path one = dir.resolve("one");
        assertEquals(0, CliTest.run("run", file.toString(), "--out", one.toString(), "--quiet", "--threads", "1")
                .status());
        // The shards on two threads each: the merge must still be the one-thread run, byte for byte.
        for (int i = 0; i < 2; i++) {
            CliTest.Run s = CliTest.run("run", file.toString(), "--shard", i + "/2", "--out",
                    dir.resolve("shards").resolve(Integer.toString(i)).toString(), "--quiet", "--threads", "2");
            assertEquals(0, s.status(), s.err());
        }
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(ShardMergeTest.shardDirs(dir.resolve("shards"), 2));
        args.addAll(List.of("--out", dir.resolve("merged").toString()));
        CliTest.Run m = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, m.status(), m.err());
        ShardMergeTest.assertSameOutputs(one, dir.resolve("merged"));

        String header = Files.readAllLines(one.resolve("timeseries-trajectories.csv")).get(0);
        for (String c : List.of("count_cold", "detected_count_cold", "detected_count_cold_var", "detected_fano_cold",
                "detected_count_hot", "detected_count_hot_var_se")) {
            assertTrue(List.of(header.split(",")).contains(c), c + " in " + header);
        }
        JsonNode e = new ObjectMapper().readTree(one.resolve("summary.json").toFile()).get("engines")
                .get("trajectories");
        JsonNode hot = e.get("detection").get("hot");
        assertEquals(List.of("efficiency", "dark_rate", "detected_count", "detected_count_var", "detected_fano",
                "true_count", "true_count_var", "true_fano", "exact_detected_count", "exact_detected_count_var",
                "exact_detected_fano", "exact_true_count", "exact_true_count_var", "exact_true_fano",
                "stationary_detected_fano", "stationary_true_fano", "detected_energy", "detected_energy_var",
                "true_energy", "exact_detected_energy", "exact_detected_energy_var"), names(hot));
        assertEquals(0.6, hot.get("efficiency").asDouble(), 0.0);
        assertEquals(1e-3, hot.get("dark_rate").asDouble(), 0.0);
        // Dark clicks of rate θ add θt to the variance and nothing to the mean: the detector's Fano factor is far
        // above the true one, at the final time and in the steady state.
        assertTrue(hot.get("exact_detected_fano").asDouble() > 5 * hot.get("exact_true_fano").asDouble(), hot.toString());
        assertTrue(hot.get("stationary_detected_fano").asDouble() > 5 * hot.get("stationary_true_fano").asDouble());
        JsonNode x = hot.get("detected_count");
        assertEquals(hot.get("exact_detected_count").asDouble(), x.get("mean").asDouble(), 5 * x.get("se").asDouble());
        JsonNode v = e.get("detection_verdict");
        assertTrue(v.get("z_tests").asInt() > 0);
        assertTrue(v.get("histogram_cold").get("dof").asInt() >= 1 && v.get("histogram_hot").get("dof").asInt() >= 1,
                v.toString());
        // The waiting times between consecutive detected clicks, judged beside the true ones' (issue 28).
        for (String bath : List.of("cold", "hot")) {
            JsonNode w = v.get("waiting_" + bath);
            assertTrue(w != null && w.get("starts").asDouble() > 0, v.toString());
            assertTrue(!w.get("judged").asBoolean() || w.get("p_value").asDouble() >= 1e-3 / 2, w.toString());
        }
        assertTrue(v.get("converged").asBoolean(), v.toString());
    }

    /**
     * Rates at the weak-coupling bound, so that 300 trajectories to t = 600 hold enough detected intervals for every
     * bin: the run judges the waiting times between consecutive detected clicks by χ² (16 degrees of freedom each) in
     * detection_verdict, and they pass against their exact law.
     */
    @Test
    @Tag("slow")
    void theDetectedWaitingTimesAreJudgedInTheSummary(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("fast.yaml"), SCENARIO.replace("g: 1.6e-3", "g: 0.08")
                .replace("rate: 1.0e-2", "rate: 0.1").replace("rate: 1.1e-3", "rate: 0.08")
                .replace("end: 2000", "end: 600").replace("{efficiency: 0.6}", "{efficiency: 0.6, dark_rate: 0.02}")
                .replace("{efficiency: 0.6, dark_rate: 1.0e-3}", "{efficiency: 0.5}"));
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode v = new ObjectMapper().readTree(dir.resolve("out").resolve("summary.json").toFile()).get("engines")
                .get("trajectories").get("detection_verdict");
        for (String bath : List.of("cold", "hot")) {
            JsonNode w = v.get("waiting_" + bath);
            assertTrue(w.get("judged").asBoolean() && w.get("dof").asInt() == 16, w.toString());
            assertTrue(w.get("p_value").asDouble() >= 1e-3 / 2, w.toString());
        }
        assertTrue(v.get("converged").asBoolean(), v.toString());
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> i = o.fieldNames(); i.hasNext();) {
            out.add(i.next());
        }
        return out;
    }

    /**
     * The guide's machine (scenarios/studies/detection-qutrit.yaml): its run judges the detected counts, states the
     * true ones beside them (a machine records its true net counts), and draws the detected-counts chart; the detected
     * mean count and heat are η times the true ones within their SEs, identities of thinning that need no reference,
     * and each bath's final detected-count histogram has its χ².
     */
    @Test
    @Tag("slow")
    void aMachinesDetectedCountsAreDrawnBesideItsTrueOnes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", "scenarios/studies/detection-qutrit.yaml", "--out", out.toString(),
                "--quiet", "--trajectories", "2000", "--set", "time.points=11");
        assertEquals(0, r.status(), r.err());
        JsonNode e = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("engines")
                .get("trajectories");
        assertTrue(e.get("detection_verdict").get("converged").asBoolean(), e.toString());
        for (String bath : List.of("cold", "hot")) {
            JsonNode b = e.get("detection").get(bath);
            double detected = b.get("detected_count").get("mean").asDouble();
            double trueMean = b.get("true_count").get("mean").asDouble();
            // E N_det = η E N (dark clicks add nothing to the mean); the two estimates share their trajectories,
            // so the SE of their difference is at most the sum of their SEs.
            double se = b.get("detected_count").get("se").asDouble() + 0.6 * b.get("true_count").get("se").asDouble();
            assertTrue(Math.abs(detected - 0.6 * trueMean) <= 4 * se, bath + ": " + b);
            // The same identity of the heat: each kept jump carries its channel's heat, dark clicks ±ω₁ with mean 0.
            double heat = b.get("detected_energy").get("mean").asDouble();
            double trueHeat = b.get("true_energy").get("mean").asDouble();
            double heatSe = b.get("detected_energy").get("se").asDouble()
                    + 0.6 * b.get("true_energy").get("se").asDouble();
            assertTrue(Math.abs(heat - 0.6 * trueHeat) <= 4 * heatSe, bath + " heat: " + b);
            // A machine's final detected counts are binned and judged as the true ones are.
            JsonNode h = e.get("detection_verdict").get("histogram_" + bath);
            assertTrue(h != null && h.get("dof").asInt() >= 1, e.get("detection_verdict").toString());
        }
        assertTrue(Files.exists(out.resolve("detected-counts.png")), "the detected-counts chart");
    }

    /**
     * Dark clicks so frequent that Var N_det = θt (3·10⁴ here) is beyond the Fourier inversion's window: the run still
     * ends with exit 0, its detected mean and variance are judged, and the histogram the reference cannot give is
     * left unjudged instead of failing the run after its trajectories.
     */
    @Test
    void aDetectedCountTooWideForItsDistributionIsJudgedWithoutItsHistogram(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dark.yaml");
        Files.writeString(file, SCENARIO.replace("time: {end: 2000, points: 11}", "time: {end: 300, points: 3}")
                .replace("trajectories: 300", "trajectories: 50").replace("dark_rate: 1.0e-3", "dark_rate: 100"));
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode v = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("engines")
                .get("trajectories").get("detection_verdict");
        assertTrue(v.get("z_tests").asInt() > 0, v.toString());
        assertTrue(v.has("histogram_cold") && !v.has("histogram_hot"), v.toString());
    }
}
