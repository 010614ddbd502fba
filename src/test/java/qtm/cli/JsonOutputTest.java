package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON qtm writes is strict JSON under one convention (numbers, "inf"/"-inf", null; never NaN, Infinity or
 * -0.0); {@code initial} is a basis label wherever it comes from; optimize and threshold read every shipped scenario.
 */
class JsonOutputTest {
    /** A -0 number token: a minus sign, zeros only, then the end of the token. */
    private static final Pattern MINUS_ZERO = Pattern.compile("-0+(\\.0*)?([eE][-+]?\\d+)?(?=[\\s,\\]}])");
    private static final Set<String> FORBIDDEN_TEXT = Set.of("NaN", "Infinity", "-Infinity", "+Infinity");

    /**
     * Parses with Jackson's defaults, which refuse NaN and Infinity tokens, and checks every value.
     *
     * @return the tree
     */
    static JsonNode strict(String text) throws IOException {
        assertFalse(MINUS_ZERO.matcher(text).find(), "no -0.0 in " + text);
        JsonNode tree = new ObjectMapper().readTree(text);
        check(tree, "$");
        return tree;
    }

    private static void check(JsonNode v, String path) {
        if (v.isNumber()) {
            assertTrue(Double.isFinite(v.doubleValue()), path);
            assertFalse(Double.doubleToRawLongBits(v.doubleValue()) == Long.MIN_VALUE, path + " is -0.0");
        } else if (v.isTextual()) {
            assertFalse(FORBIDDEN_TEXT.contains(v.textValue()), path + " = " + v.textValue());
        }
        v.fields().forEachRemaining(e -> check(e.getValue(), path + "." + e.getKey()));
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                check(v.get(i), path + "[" + i + "]");
            }
        }
    }

    @Test
    void steadyJsonIsStrictAlsoWhereCurrentsVanish() throws IOException {
        for (String f : List.of("scenarios/reset-paper.yaml", "scenarios/equilibrium.yaml")) {
            CliTest.Run r = CliTest.run("steady", f, "--json");
            assertEquals(0, r.status(), r.err());
            JsonNode j = strict(r.out());
            assertTrue(j.get("heat").get("cold").isNumber(), f);
        }
    }

    @Test
    void optimizeWritesAnInfiniteHotTemperatureAsInf() throws IOException {
        CliTest.Run r = CliTest.run("optimize", "scenarios/reset-paper.yaml", "--json", "--set", "optimize.starts=2");
        assertEquals(0, r.status(), r.err());
        assertEquals("inf", strict(r.out()).get("params").get("Th").textValue());
    }

    /** fcs --json, of the master equation and of the collision map: at T_c = 0 the entropy production is +∞. */
    @Test
    void fcsJsonIsStrictAndWritesInfinityAsInf() throws IOException {
        for (String extra : List.of("--json", "--collision")) {
            CliTest.Run r = extra.equals("--json") ? CliTest.run("fcs", "scenarios/reset-paper.yaml", "--json")
                    : CliTest.run("fcs", "scenarios/reset-paper.yaml", "--json", extra);
            assertEquals(0, r.status(), r.err());
            JsonNode o = strict(r.out());
            assertEquals("inf", o.findValue("entropy_production").textValue(), r.out());
        }
    }

    @Test
    void thresholdAndBenchJsonAreStrict() throws IOException {
        CliTest.Run t = CliTest.run("threshold", "scenarios/reset-paper.yaml", "--json", "--set", "optimize.starts=2");
        assertEquals(0, t.status(), t.err());
        assertTrue(strict(t.out()).get("Tc").isNumber());
        CliTest.Run b = CliTest.run("bench", "--json", "--runs", "1", "--trajectories", "200");
        assertEquals(0, b.status(), b.err());
        assertTrue(strict(b.out()).get("trajectories_per_second_per_core").isNumber());
    }

    @Test
    void benchBaselineScalingAndModelsAreStrict() throws IOException {
        CliTest.Run b = CliTest.run("bench", "--json", "--baseline", "--model", "flux", "--runs", "1",
                "--trajectories", "64");
        assertEquals(0, b.status(), b.err());
        JsonNode o = strict(b.out());
        assertEquals("flux-optimum", o.get("scenario").textValue());
        double ratio = o.get("ratio").asDouble();
        assertEquals(o.get("trajectories_per_second_per_core").asDouble()
                / o.get("baseline_trajectories_per_second_per_core").asDouble(), ratio, 1e-12 * ratio);
        CliTest.Run s = CliTest.run("bench", "--json", "--scaling", "--threads", "2", "--runs", "1",
                "--trajectories", "64", "--engine", "collision", "--model", "dqd");
        assertEquals(0, s.status(), s.err());
        JsonNode threads = strict(s.out()).get("threads");
        assertEquals(2, threads.size());
        assertEquals(1.0, threads.get(0).get("efficiency").asDouble(), 0);
        assertEquals(2, threads.get(1).get("threads").asInt());
    }

    @Test
    void benchRefusesWhatItCannotRun() {
        String[][] bad = {{"--engine", "euler"}, {"--model", "qdot"}, {"--baseline", "--model", "dqd"},
            {"--baseline", "--engine", "collision"}, {"--baseline", "--scaling"}};
        for (String[] args : bad) {
            String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("bench", "--runs", "1",
                    "--trajectories", "32"), java.util.Arrays.stream(args)).toArray(String[]::new);
            CliTest.Run r = CliTest.run(all);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("command line: --"), r.err());
            assertTrue(r.out().isEmpty(), r.out());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void summaryJsonOfATinyRunIsStrict(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yaml"), """
                name: tiny
                model: {type: reset, g: 1.6e-3, cold: {T: 0, rate: 1e-2}, hot: {T: inf, rate: 1.1e-3}}
                time: {end: 200, points: 5}
                engines: [trajectories, collision]
                collision: {dt: [2, 4]}
                """);
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("run", file.toString(), "--trajectories", "64", "--out", out.toString(),
                "--quiet");
        assertEquals(0, r.status(), r.err());
        JsonNode summary = strict(Files.readString(out.resolve("summary.json")));
        assertEquals(64, summary.get("engines").get("trajectories").get("trajectories").asLong());
        assertTrue(summary.get("exact").get("steady").get("concurrence").isNumber());
    }

    @Test
    void initialFromSetIsABasisLabelForSteadyAndEvolve(@TempDir Path dir) throws IOException {
        CliTest.Run s = CliTest.run("steady", "scenarios/reset-paper.yaml", "--set", "initial=01");
        assertEquals(0, s.status(), s.err());
        Path csv = dir.resolve("e.csv");
        CliTest.Run e = CliTest.run("evolve", "scenarios/reset-paper.yaml", "--set", "initial=01",
                "--set", "time.points=3", "--csv", csv.toString());
        assertEquals(0, e.status(), e.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("t,p00,p01,p10,p11", String.join(",", List.of(lines.get(0).split(",")).subList(0, 5)));
        String[] first = lines.get(1).split(",");
        double[] p = {Double.parseDouble(first[1]), Double.parseDouble(first[2]), Double.parseDouble(first[3]),
            Double.parseDouble(first[4])};
        assertEquals(0.0, Double.parseDouble(first[0]), 0);
        assertEquals(List.of(0.0, 1.0, 0.0, 0.0), List.of(p[0], p[1], p[2], p[3]), "starts in |01>");
    }

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** Every shipped scenario has a threshold (the equilibrium one too: its couplings are optimised away). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedScenarios")
    void optimizeAndThresholdReadEveryShippedScenario(Path file) throws IOException {
        if (Files.readString(file).contains("type: machine")) {
            // Issue 26: without optimize.vary (or a threshold section) a machine has no couplings the preset
            // optimiser knows, so it is refused, naming the key and the section that searches a machine.
            for (String command : List.of("optimize", "threshold")) {
                CliTest.Run r = CliTest.run(command, file.toString(), "--json");
                assertEquals(2, r.status(), file + ": " + r.err());
                assertTrue(r.err().contains("model.type") && r.err().contains("optimize.vary"), r.err());
            }
            return;
        }
        CliTest.Run o = CliTest.run("optimize", file.toString(), "--json", "--set", "optimize.starts=2");
        assertEquals(0, o.status(), file + ": " + o.err());
        double c = strict(o.out()).get("concurrence").asDouble();
        assertTrue(c >= 0 && c <= 1, file + ": " + c);
        CliTest.Run t = CliTest.run("threshold", file.toString(), "--json", "--set", "optimize.starts=2");
        assertEquals(0, t.status(), file + ": " + t.err());
        if (Files.readString(file).contains("approach: global")) {
            // The global steady state is diagonal in H's eigenbasis, so C = max(0, |p+ − p−| − 2√(p00 p11)),
            // which the optimiser finds at 0 within the weak-coupling bounds: no machine to threshold.
            assertTrue(c < 1e-6, file + ": " + c);
            return;
        }
        assertTrue(strict(t.out()).get("Tc").asDouble() > 0, file + ": " + t.out());
    }
}
