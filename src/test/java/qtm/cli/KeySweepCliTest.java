package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code qtm sweep} over {@code sweep.axes} (issue 26): every row agrees with an independent single-point
 * {@code steady --set KEY=VALUE --json}, the grid has the right order and size, and bad input is refused before
 * anything is written.
 */
class KeySweepCliTest {
    private static final Path QUTRIT = Path.of("scenarios/machine-qutrit.yaml");

    @Test
    void presetSweepOverGAgreesWithSingleSteadyRuns(@TempDir Path dir) throws Exception {
        List<String[]> rows = sweep(dir, CliTest.RESET,
                "sweep={axes: [{key: model.g, from: 1.0e-4, to: 1.0e-2, points: 7, scale: log}]}");
        assertEquals(1 + 7, rows.size());
        assertEquals("1.0E-4", rows.get(1)[0], "the ends are written as given");
        assertEquals("0.01", rows.get(7)[0]);
        assertTrue(Arrays.asList(rows.get(0)).contains("concurrence"), "two qubit sites: the scalar C");
        agreeWithSteady(CliTest.RESET, rows, 1);
    }

    @Test
    void machineSweepOverACouplingAgreesWithSingleSteadyRuns(@TempDir Path dir) throws Exception {
        List<String[]> rows = sweep(dir, QUTRIT,
                "sweep={axes: [{key: 'model.couplings[0].g', from: 1.0e-4, to: 1.0e-2, points: 5, scale: log}]}");
        assertEquals(1 + 5, rows.size());
        assertFalse(Arrays.asList(rows.get(0)).contains("concurrence"), "a qubit and a qutrit: no scalar C");
        agreeWithSteady(QUTRIT, rows, 1);
    }

    @Test
    void twoAxesFormTheFullGridFirstAxisSlowest(@TempDir Path dir) throws Exception {
        List<String[]> rows = sweep(dir, QUTRIT, "sweep={axes: [{key: 'model.couplings[0].g', from: 1.0e-3, "
                + "to: 3.0e-3, points: 3}, {key: 'model.baths[cold].T', values: [0, 0.1, 0.2, 0.5]}]}");
        assertEquals(1 + 3 * 4, rows.size());
        assertEquals("model.couplings[0].g", rows.get(0)[0]);
        assertEquals("model.baths[cold].T", rows.get(0)[1]);
        double[] g = {1e-3, 2e-3, 3e-3};
        double[] t = {0, 0.1, 0.2, 0.5};
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 4; k++) {
                String[] r = rows.get(1 + 4 * i + k);
                assertEquals(g[i], Double.parseDouble(r[0]), 1e-18);
                assertEquals(t[k], Double.parseDouble(r[1]), 0);
            }
        }
        assertTrue(Files.exists(dir.resolve("out/sweep.png")), "two axes: a map");
        // Spot-check a corner of the grid against steady with both keys set.
        agreeWithSteady(QUTRIT, List.of(rows.get(0), rows.get(12)), 2);
    }

    @Test
    void overlayDrawsSeveralSweepsOverOneAxis(@TempDir Path dir) throws Exception {
        String axis = "sweep:\n  axes: [{key: 'model.couplings[0].g', from: 1.0e-3, to: 3.0e-3, points: 3}]\n";
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        String base = Files.readString(QUTRIT);
        Files.writeString(a, base.replace("name: machine-qutrit", "name: a") + axis);
        Files.writeString(b, base.replace("name: machine-qutrit", "name: b").replace("harmonic", "unit") + axis);
        CliTest.Run r = CliTest.run("sweep", a.toString(), b.toString(), "--out", dir.resolve("o").toString(),
                "--overlay", "both");
        assertEquals(0, r.status(), r.err());
        for (String f : List.of("a/sweep.csv", "b/sweep.csv", "both/both.png", "both/both.svg", "both/both.pdf")) {
            assertTrue(Files.exists(dir.resolve("o").resolve(f)), f);
        }
    }

    static Stream<Arguments> badAxes() {
        return Stream.of(
                Arguments.of("[{key: model.foo, values: [1, 2]}]", "model.foo"),
                Arguments.of("[{key: model.type, values: [1, 2]}]", "holds a number"),
                Arguments.of("[{key: 'model.g[2]', values: [1]}]", "model.g[2]"),
                Arguments.of("[{key: model.g, from: 1.0e-4, to: 1.0e-3, points: 0}]", "points"),
                Arguments.of("[{key: model.g, from: 0, to: 1.0e-3, points: 3, scale: log}]", "> 0 on a log scale"),
                Arguments.of("[{key: model.g, from: 1.0e-3, to: 1.0e-3, points: 3}]", "to != from"),
                Arguments.of("[{key: model.g, from: 1.0e-3, to: 2.0e-3, points: 3, values: [1]}]", "not both"),
                Arguments.of("[{key: model.g, from: abc, to: 2.0e-3, points: 3}]", "expected a number"),
                Arguments.of("[{key: model.g, values: [1]}, {key: model.g, values: [2]}]", "no earlier axis"),
                Arguments.of("[{key: model.g, from: 1.0e-3, to: 0.5, points: 3}]", "model.g=0.2505"),
                Arguments.of("[{key: model.hot.T, values: [1, -1]}]", "model.hot.T=-1.0"),
                Arguments.of("[]", "expected a list of axes"));
    }

    @ParameterizedTest
    @MethodSource("badAxes")
    void badAxesExitTwoAndWriteNothing(String axes, String named, @TempDir Path dir) {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", CliTest.RESET.toString(), "--set", "sweep={axes: " + axes + "}",
                "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(named), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void machineCouplingOutOfRangeNamesThePoint(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("sweep", QUTRIT.toString(), "--set",
                "sweep={axes: [{key: 'model.couplings[0].g', values: [1.0e-3, 0.25]}]}", "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("model.couplings[0].g=0.25") && r.err().contains("valid range"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static List<String[]> sweep(Path dir, Path file, String set) throws Exception {
        CliTest.Run r = CliTest.run("sweep", file.toString(), "--set", set, "--out", dir.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        return Files.readAllLines(dir.resolve("out/sweep.csv")).stream().map(l -> l.split(",", -1)).toList();
    }

    /** Every result column of every row is steady's value at --set KEY=VALUE with the row's own text, to 1e-12. */
    private static void agreeWithSteady(Path file, List<String[]> rows, int axes) throws Exception {
        String[] header = rows.get(0);
        for (String[] row : rows.subList(1, rows.size())) {
            String[] args = new String[3 + 2 * axes];
            args[0] = "steady";
            args[1] = file.toString();
            args[2] = "--json";
            for (int k = 0; k < axes; k++) {
                args[3 + 2 * k] = "--set";
                args[4 + 2 * k] = header[k] + "=" + row[k];
            }
            CliTest.Run s = CliTest.run(args);
            assertEquals(0, s.status(), s.err());
            Map<String, Double> expected = expected(new ObjectMapper().readTree(s.out()));
            assertEquals(expected.keySet(), new java.util.HashSet<>(Arrays.asList(header).subList(axes,
                    header.length)), "the result columns are steady's quantities");
            for (int c = axes; c < header.length; c++) {
                assertEquals(expected.get(header[c]), Double.parseDouble(row[c]), 1e-12, header[c] + " at "
                        + String.join(",", row));
            }
        }
    }

    /** steady's JSON under the CSV's names, made safe for a header as the run CSVs make them. */
    private static Map<String, Double> expected(JsonNode j) {
        Map<String, Double> out = new HashMap<>();
        if (j.has("concurrence")) {
            out.put("concurrence", j.get("concurrence").asDouble());
        }
        j.get("negativity").fields().forEachRemaining(e -> out.put("negativity_" + safe(e.getKey()),
                e.getValue().asDouble()));
        j.get("log_negativity").fields().forEachRemaining(e -> out.put("log_negativity_" + safe(e.getKey()),
                e.getValue().asDouble()));
        j.get("pair_concurrence").fields().forEachRemaining(e -> out.put("pair_concurrence_" + safe(e.getKey()),
                e.getValue().asDouble()));
        j.get("heat").fields().forEachRemaining(e -> out.put("heat_" + e.getKey(), e.getValue().asDouble()));
        out.put("purity", j.get("purity").asDouble());
        return out;
    }

    private static String safe(String label) {
        return label.replace("|", "_vs_").replace(",", "_");
    }
}
