package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SweepCliTest {
    private static final String SWEEP = """
            name: small
            description: a small sweep
            model: {type: reset, g: 1.0e-3, cold: {T: 0.0, rate: 1.0e-2}, hot: {T: inf, rate: 1.0e-3}}
            optimize: {starts: 2}
            sweep:
              kind: curves
              x: {key: Th, from: 0.5, to: 100, points: 4, scale: log}
              series: {key: Tc, values: [0.0, 1.0]}
              plot: [concurrence, purity]
            """;

    @Test
    void optimizeJsonGivesThePaperOptimumAndParamsThatReproduceIt() throws Exception {
        CliTest.Run r = CliTest.run("optimize", CliTest.RESET.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(0.054109, j.get("concurrence").asDouble(), 1e-6);
        assertEquals(j.get("concurrence").asDouble(), j.get("signed").asDouble(), 0);
        JsonNode p = j.get("params");
        assertEquals(1.6e-3, p.get("g").asDouble(), 0.05e-3);
        assertEquals(1e-2, p.get("cold_rate").asDouble(), 1e-12);
        assertEquals(1.1e-3, p.get("hot_rate").asDouble(), 0.05e-3);
        assertEquals("inf", p.get("Th").asText(), "the JSON convention writes infinity as \"inf\"");
        // Feeding the params back into steady gives the same concurrence.
        CliTest.Run s = CliTest.run("steady", CliTest.RESET.toString(), "--json",
                "--set", "model.g=" + p.get("g").asDouble(),
                "--set", "model.cold.rate=" + p.get("cold_rate").asDouble(),
                "--set", "model.hot.rate=" + p.get("hot_rate").asDouble());
        assertEquals(j.get("concurrence").asDouble(),
                new ObjectMapper().readTree(s.out()).get("concurrence").asDouble(), 1e-12);
    }

    @Test
    void thresholdJsonForTheResetModel() throws Exception {
        CliTest.Run r = CliTest.run("threshold", CliTest.RESET.toString(), "--json",
                "--set", "optimize={starts: 3}");
        assertEquals(0, r.status(), r.err());
        assertEquals(0.218109, new ObjectMapper().readTree(r.out()).get("Tc").asDouble(), 1e-5);
    }

    @Test
    void thresholdWithFiniteHotBathIsBelowTheInfiniteOne() throws Exception {
        CliTest.Run r = CliTest.run("threshold", CliTest.RESET.toString(), "--json", "--set", "model.hot.T=1.0");
        assertEquals(0, r.status(), r.err());
        double tc = new ObjectMapper().readTree(r.out()).get("Tc").asDouble();
        assertTrue(tc > 0.05 && tc < 0.218, "Tc = " + tc);
    }

    @Test
    void sweepWritesTidyCsvAndCharts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, SWEEP);
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", file.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("small.csv"));
        assertTrue(csv.get(0).startsWith("Tc,Th,U,concurrence,signed,purity,heat_cold,heat_hot,g,"), csv.get(0));
        assertEquals(1 + 4 + 3, csv.size(), "Tc = 0 at 4 points, Tc = 1 at the 3 with Th >= Tc");
        for (String f : List.of("small.png", "small.svg", "small.pdf", "small-purity.png", "small-purity.svg",
                "small-purity.pdf")) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        assertTrue(Files.readString(out.resolve("small.svg")).contains("<svg"));
        // A re-run replaces the result, with --force only.
        assertEquals(2, CliTest.run("sweep", file.toString(), "--out", out.toString()).status());
        assertEquals(0, CliTest.run("sweep", file.toString(), "--out", out.toString(), "--force").status());
    }

    @Test
    void localGlobalSweepWritesTheComparisonAndItsFigure(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", "scenarios/paper/local-global-dqd.yaml", "--out", out.toString(),
                "--set", "sweep.g_over_rate.points=7");
        assertEquals(0, r.status(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("local-global-dqd.csv"));
        assertEquals(String.join(",", qtm.sweep.LocalGlobalSweep.COLUMNS), csv.get(0));
        assertEquals(1 + 7, csv.size());
        for (String f : List.of("local-global-dqd.png", "local-global-dqd.svg", "local-global-dqd.pdf")) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        assertTrue(Files.readString(out.resolve("local-global-dqd.svg")).contains("Bloch-Redfield"));
        CliTest.Run bad = CliTest.run("sweep", "scenarios/paper/local-global-dqd.yaml", "--out",
                dir.resolve("bad").toString(), "--set", "sweep.g_over_rate.to=11");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("sweep.g_over_rate.to = 11"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad")), "nothing written");
    }

    @Test
    void severalFilesShareOnePassAndEachWritesWhatItWouldAlone(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("small.yaml");
        Files.writeString(a, SWEEP);
        Path b = dir.resolve("small-heat.yaml");
        Files.writeString(b, SWEEP.replace("name: small", "name: small-heat")
                .replace("plot: [concurrence, purity]", "plot: [heat_cold]"));
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Path alone = dir.resolve("alone");
        assertEquals(0, CliTest.run("sweep", b.toString(), "--out", alone.toString()).status());
        assertEquals(-1L, Files.mismatch(alone.resolve("small-heat.csv"), out.resolve("small-heat/small-heat.csv")),
                "the shared pass writes the bytes of a run of its own");
        for (String f : List.of("small/small.csv", "small/small.png", "small/small-purity.svg",
                "small-heat/small-heat.png", "small-heat/small-heat.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        assertFalse(Files.exists(out.resolve("small-heat/small-heat-purity.png")), "each file charts its own plot");
    }

    @Test
    void severalFilesAreRefusedTogetherWritingNothing(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("small.yaml");
        Files.writeString(a, SWEEP);
        Path twin = dir.resolve("twin.yaml");
        Files.writeString(twin, SWEEP);
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", a.toString(), twin.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(twin.toString()) && err.contains("name") && err.contains("small"), err);
        assertFalse(Files.exists(out));
        // The second output is the user's directory: the first file's result is not written either.
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, SWEEP.replace("name: small", "name: mine"));
        Path mine = out.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "keep");
        CliTest.Run refused = CliTest.run("sweep", a.toString(), other.toString(), "--out", out.toString(), "--force");
        assertEquals(2, refused.status(), refused.out() + refused.err());
        assertTrue(refused.err().contains("--out"), refused.err());
        assertFalse(Files.exists(out.resolve("small")));
        assertEquals("keep", Files.readString(mine.resolve("notes.txt")));
    }

    static Stream<Arguments> badStudies() {
        return Stream.of(
                Arguments.of(SWEEP.replace("kind: curves", "kind: spiral"), "sweep.kind", "spiral"),
                Arguments.of(SWEEP.replace("key: Th,", "key: Tx,"), "sweep.x.key", "Tx"),
                Arguments.of(SWEEP.replace("from: 0.5", "from: -1"), "sweep.x.from", "-1"),
                Arguments.of(SWEEP.replace("key: Tc, values", "key: U, values"), "sweep.series.key", "U"),
                Arguments.of(SWEEP.replace("plot: [concurrence, purity]", "plot: [entropy]"), "sweep.plot",
                        "entropy"),
                Arguments.of(SWEEP.replace("optimize: {starts: 2}", "optimize: {starts: 0}"), "optimize.starts", "0"),
                Arguments.of(SWEEP.replace("optimize: {starts: 2}", "optimize: {Th: maybe}"), "optimize.Th", "maybe"),
                Arguments.of(SWEEP.replace("optimize: {starts: 2}", "optimize: {bounds: {min: 1, max: 0.1}}"),
                        "optimize.bounds.min", "1"),
                Arguments.of(SWEEP.replace("optimize: {starts: 2}", "optimize: {speed: 3}"), "optimize.speed", "3"),
                Arguments.of(SWEEP.replace("type: reset", "type: flux").replace("T: inf", "T: 5"), "", ""));
    }

    @ParameterizedTest
    @MethodSource("badStudies")
    void badStudyIsExit2WithOneClearLine(String yaml, String key, String value, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        if (key.isEmpty()) {
            // A control: the same sweep for flux qubits at a finite Th is fine.
            assertEquals(0, CliTest.run("sweep", file.toString(), "--out", dir.resolve("ok").toString()).status());
            return;
        }
        Path out = dir.resolve("out");
        for (String command : List.of("sweep", "optimize", "threshold")) {
            CliTest.Run r = command.equals("sweep") ? CliTest.run(command, file.toString(), "--out", out.toString())
                    : CliTest.run(command, file.toString(), "--json");
            assertEquals(2, r.status(), command + ": " + r.out() + r.err());
            String err = r.err().strip();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains(file.toString()) && err.contains(key) && err.contains(value), err);
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void sweepNeedsASweepSection() {
        CliTest.Run r = CliTest.run("sweep", CliTest.RESET.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("sweep = (missing)"), r.err());
    }
}
