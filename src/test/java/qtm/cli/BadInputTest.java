package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case is a scenario text (or an override) that must give exit status 2, one line naming the file, the key and
 * the value, no stack trace and no output file.
 */
class BadInputTest {
    private static final String GOOD = """
            name: t
            model: {type: reset, E: 1.0, g: 1.6e-3, cold: {T: 0.0, rate: 1.0e-2}, hot: {T: inf, rate: 1.1e-3}}
            initial: "00"
            time: {end: 100, points: 11}
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                // yaml text, extra args, expected key, expected value
                Arguments.of("model: {type: reset, g: [1, 2", List.of(), "(document)", "malformed YAML"),
                Arguments.of("- 1\n- 2\n", List.of(), "(document)", "[1,2]"),
                Arguments.of(GOOD + "colour: red\n", List.of(), "colour", "red"),
                Arguments.of(GOOD.replace("E: 1.0, ", "E: 1.0, q: 3, "), List.of(), "model.q", "3"),
                Arguments.of(GOOD.replace("g: 1.6e-3", "g: abc"), List.of(), "model.g", "abc"),
                Arguments.of(GOOD.replace("g: 1.6e-3", "g: -1e-3"), List.of(), "model.g", "-0.001"),
                Arguments.of(GOOD.replace("g: 1.6e-3", "g: NaN"), List.of(), "model.g", "NaN"),
                Arguments.of(GOOD.replace("rate: 1.0e-2", "rate: -0.01"), List.of(), "model.cold.rate", "-0.01"),
                Arguments.of(GOOD.replace("T: 0.0", "T: -2"), List.of(), "model.cold.T", "-2"),
                Arguments.of(GOOD.replace("T: 0.0", "T: nan"), List.of(), "model.cold.T", "nan"),
                Arguments.of(GOOD.replace("type: reset", "type: flux"), List.of(), "model.hot.T", "inf"),
                Arguments.of(GOOD.replace("type: reset", "type: laser"), List.of(), "model.type", "laser"),
                Arguments.of(GOOD.replace("E: 1.0", "E: 0"), List.of(), "model.E", "0"),
                Arguments.of(GOOD.replace("E: 1.0, ", "E: 1.0, U: 20, "), List.of(), "model.U", "20"),
                Arguments.of(GOOD.replace("type: reset", "type: dqd"), List.of(), "model.U", "(missing)"),
                Arguments.of(GOOD.replace("end: 100", "end: -5"), List.of(), "time.end", "-5"),
                Arguments.of(GOOD.replace("end: 100", "end: 0"), List.of(), "time.end", "0"),
                Arguments.of(GOOD.replace("points: 11", "points: 1"), List.of(), "time.points", "1"),
                Arguments.of(GOOD.replace("points: 11", "points: 2.5"), List.of(), "time.points", "2.5"),
                Arguments.of(GOOD.replace("initial: \"00\"", "initial: \"02\""), List.of(), "initial", "02"),
                Arguments.of(GOOD.replace("initial: \"00\"", "initial: {re: [[1,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,1]]}"),
                        List.of(), "initial", "\"re\""),
                Arguments.of(GOOD.replace("initial: \"00\"", "initial: {re: [[1,0,0,0],[0,0,0,0],[0,0,0,0]]}"),
                        List.of(), "initial.re", "[[1,0,0,0]"),
                Arguments.of(GOOD.replace("initial: \"00\"",
                        "initial: {re: [[0.5,0.9,0,0],[0.9,0.5,0,0],[0,0,0,0],[0,0,0,0]]}"), List.of(), "initial",
                        "positive semidefinite"),
                Arguments.of(GOOD.replace("initial: \"00\"",
                        "initial: {re: [[0.5,0.1,0,0],[0.2,0.5,0,0],[0,0,0,0],[0,0,0,0]]}"), List.of(), "initial",
                        "Hermitian"),
                Arguments.of(GOOD, List.of("--set", "model.g=oops"), "model.g", "oops"),
                Arguments.of(GOOD, List.of("--set", "model.cold.rate=inf"), "model.cold.rate", "inf"),
                Arguments.of(GOOD, List.of("--set", "=3"), "--set", "=3"),
                Arguments.of(GOOD, List.of("--set", "model.g.x=3"), "model.g.x", "3"),
                Arguments.of(GOOD.replace("name: t", "name: ../escape"), List.of(), "name", "../escape"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void badScenarioIsExit2WithOneClearLine(String yaml, List<String> extra, String key, String value,
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        Path csv = dir.resolve("out.csv");
        for (String command : List.of("steady", "evolve")) {
            List<String> args = new ArrayList<>(List.of(command, file.toString()));
            args.addAll(extra);
            if (command.equals("evolve")) {
                args.addAll(List.of("--csv", csv.toString()));
            }
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(2, r.status(), command + " " + yaml + " -> " + r.out() + r.err());
            String err = r.err().strip();
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertTrue(err.contains(file.toString()), "names the file: " + err);
            assertTrue(err.contains(key), "names the key " + key + ": " + err);
            assertTrue(err.contains(value), "shows the value " + value + ": " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
            assertFalse(Files.exists(csv), "nothing written");
        }
    }

    @Test
    void isolatedQubitHasNoSteadyStateButStillEvolves(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("isolated.yaml");
        Files.writeString(file, GOOD.replace("g: 1.6e-3", "g: 0").replace("rate: 1.1e-3", "rate: 0"));
        CliTest.Run r = CliTest.run("steady", file.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(file + ": model = reset: no unique steady state"), r.err());
        assertEquals(0, CliTest.run("evolve", file.toString()).status());
    }

    @Test
    void steadyNeedsNoTimeGridButEvolveDoes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("no-time.yaml");
        Files.writeString(file, GOOD.replace("time: {end: 100, points: 11}\n", ""));
        assertEquals(0, CliTest.run("steady", file.toString()).status());
        CliTest.Run r = CliTest.run("evolve", file.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(file + ": time = (missing)"), r.err());
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void badCommandLineIsExit2(List<String> args) {
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(2, r.status(), args + " -> " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("qtm: "), r.err());
    }

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of("steady", "does/not/exist.yaml"),
                List.of("steady"),
                List.of("steady", "scenarios/reset-paper.yaml", "--bogus"),
                List.of("evolve", "scenarios/reset-paper.yaml", "--csv", "/nonexistent-dir/x.csv"),
                List.of("evolve", "scenarios/reset-paper.yaml", "--csv", "scenarios"),
                List.of("frobnicate"),
                List.of());
    }
}
