package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: {@code qtm run --extend DIR --trajectories T} continues an earlier run in place, and its data files equal
 * those of one run of T, byte for byte; anything that is not the same run is refused with exit 2.
 */
class ExtendTest {
    /** Both engines and a Δt study, so that every saved ensemble is extended. */
    static final String SCENARIO = """
            name: ext
            model: {type: dqd, g: 5e-3, U: 20, cold: {T: 0, rate: 1e-2}, hot: {T: 5, rate: 1e-2}}
            initial: "01"
            time: {end: 300, points: 7}
            ensemble: {trajectories: {trajectories: 1500, collision: 700}, seed: 9}
            collision: {dt: [2, 1]}
            """;

    static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    @Tag("slow")
    void anExtendedRunIsTheRunOfTheNewTotal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ext.yaml");
        Files.writeString(file, SCENARIO);
        Path once = dir.resolve("once");
        Path grown = dir.resolve("grown");
        CliTest.Run a = CliTest.run("run", file.toString(), "--out", once.toString(), "--trajectories", "2100",
                "--quiet");
        assertEquals(0, a.status(), a.err());
        CliTest.Run b = CliTest.run("run", file.toString(), "--out", grown.toString(), "--quiet", "--threads", "1");
        assertEquals(0, b.status(), b.err());
        CliTest.Run c = CliTest.run("run", file.toString(), "--extend", grown.toString(), "--trajectories", "2100",
                "--quiet", "--threads", "2");
        assertEquals(0, c.status(), c.err());
        Map<String, byte[]> x = files(once);
        Map<String, byte[]> y = files(grown);
        assertEquals(x.keySet(), y.keySet());
        assertTrue(x.keySet().containsAll(List.of("ensemble-trajectories.qtme", "ensemble-collision.qtme",
                "ensemble-collision-dt1.0.qtme", "ensemble-collision-dt2.0.qtme")), x.keySet().toString());
        for (String f : x.keySet()) {
            if (f.endsWith(".csv") || f.endsWith(".qtme") || f.equals("summary.json") || f.equals("report.html")) {
                assertArrayEquals(ThisRunParts.withoutThisRun(f, x.get(f)), ThisRunParts.withoutThisRun(f, y.get(f)),
                        f);
            }
        }
        JsonNode s = new ObjectMapper().readTree(grown.resolve("summary.json").toFile());
        assertEquals(2100, s.get("engines").get("collision").get("trajectories").asLong());
        // this_run states the extension's own part: what each ensemble held before, and the speed of the rest.
        JsonNode thisRun = s.get("this_run");
        assertEquals(700, thisRun.get("extended_from").get("collision").asLong());
        assertEquals(1500, thisRun.get("extended_from").get("trajectories").asLong());
        assertEquals(2100 - 700, thisRun.get("engines").get("collision").get("trajectories_run").asLong());
        assertEquals(2100 - 1500, thisRun.get("engines").get("trajectories").get("trajectories_run").asLong());
    }

    /**
     * Issue 13: an extension whose budget is spent before an engine starts names that engine as skipped and keeps
     * its saved trajectories (rewriting DIR without them would lose them).
     */
    @Test
    @Tag("slow")
    void anEngineSkippedByAnExtensionKeepsItsTrajectories(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ext.yaml");
        Files.writeString(file, SCENARIO.replace("{trajectories: 1500, collision: 700}", "100"));
        Path out = dir.resolve("out");
        assertEquals(0, CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet").status());
        CliTest.Run r = CliTest.run("run", file.toString(), "--extend", out.toString(), "--trajectories",
                "1000000000", "--set", "ensemble.time_budget_s=3", "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("time_budget", s.get("engines").get("trajectories").get("stop_reason").asText());
        assertEquals(List.of("collision", "collision-dt2.0", "collision-dt1.0"),
                s.get("skipped").findValuesAsText("ensemble"), s.get("skipped").toString());
        assertEquals(100, s.get("engines").get("collision").get("trajectories").asLong(), "kept, none added");
        for (String f : List.of("ensemble-collision.qtme", "ensemble-collision-dt1.0.qtme",
                "ensemble-collision-dt2.0.qtme")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
    }

    @Test
    void whatIsNotTheSameRunIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ext.yaml");
        Files.writeString(file, SCENARIO);
        Path out = dir.resolve("out");
        assertEquals(0, CliTest.run("run", file.toString(), "--out", out.toString(), "--quiet").status());
        Map<String, byte[]> before = files(out);
        String[][] cases = {
            {"--trajectories", "1500"},
            {"--trajectories", "3000", "--seed", "10"},
            {"--trajectories", "3000", "--set", "model.g=4e-3"},
            {"--trajectories", "3000", "--out", dir.resolve("else").toString()},
        };
        String[] expect = {"expected a new total > 1500", "seed 9, not 10", "another scenario", "--extend rewrites"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("run", file.toString(), "--extend", out.toString(),
                    "--quiet"));
            args.addAll(List.of(cases[i]));
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(2, r.status(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().contains(expect[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        Path empty = dir.resolve("empty");
        Files.createDirectory(empty);
        CliTest.Run r = CliTest.run("run", file.toString(), "--extend", empty.toString(), "--trajectories", "3000");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("holds no ensemble-trajectories.qtme"), r.err());
        Map<String, byte[]> after = files(out);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), "nothing touched: " + f);
        }
    }
}
