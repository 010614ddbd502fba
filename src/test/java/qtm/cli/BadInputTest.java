package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command lines, and the model and grid checks that are not plain bad values. The plain bad values of a scenario
 * file are cases of the corpus (src/test/resources/bad-input/scenario.yaml, run by {@link BadInputCorpusTest}).
 */
class BadInputTest {
    private static final String GOOD = """
            name: t
            model: {type: reset, E: 1.0, g: 1.6e-3, cold: {T: 0.0, rate: 1.0e-2}, hot: {T: inf, rate: 1.1e-3}}
            initial: "00"
            time: {end: 100, points: 11}
            """;

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
