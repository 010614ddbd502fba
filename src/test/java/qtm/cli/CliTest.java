package qtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import qtm.exact.SteadyState;
import qtm.model.Bath;
import qtm.model.ResetModel;
import qtm.observe.Observables;

class CliTest {
    static final Path RESET = Path.of("scenarios/reset-paper.yaml");

    /** Output of one command line. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void steadyJsonReportsThePaperOptimum() throws Exception {
        Run r = run("steady", RESET.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(0.0541, j.get("concurrence").asDouble(), 5e-5);
        double[] p = new double[4];
        for (int k = 0; k < 4; k++) {
            p[k] = j.get("populations").get(k).asDouble();
        }
        ResetModel m = new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
        double[] expected = Observables.populations(SteadyState.closedForm(m));
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], p[k], 1e-12);
        }
        assertEquals(0.0, j.get("heat").get("cold").asDouble() + j.get("heat").get("hot").asDouble(), 1e-15);
        assertEquals(4, j.get("rho").get("re").size());
        assertEquals(4, j.get("rho").get("im").get(3).size());
        assertTrue(j.has("purity"));
    }

    @Test
    void setOverridesAKey() throws Exception {
        Run r = run("steady", RESET.toString(), "--json", "--set", "model.g=2e-3");
        assertEquals(0, r.status(), r.err());
        ResetModel m = new ResetModel(1, 2e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
        assertEquals(Observables.concurrence(SteadyState.closedForm(m)),
                new ObjectMapper().readTree(r.out()).get("concurrence").asDouble(), 1e-12);
    }

    @Test
    void evolveWritesTheTransientCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        Run r = run("evolve", RESET.toString(), "--csv", csv.toString(), "--set", "time.points=11");
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("t,p00,p01,p10,p11,rho_01_10_re,rho_01_10_im,concurrence,purity,heat_cold,heat_hot,"
                + "negativity_c_vs_h,pair_concurrence_c_h,population_c_0,population_c_1,population_h_0,population_h_1",
                lines.get(0));
        assertEquals(12, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals(0.0, Double.parseDouble(first[0]));
        assertEquals(1.0, Double.parseDouble(first[1]));
        String[] last = lines.get(11).split(",");
        assertEquals(5000.0, Double.parseDouble(last[0]));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void quenchStartsInTheBellStateFromItsKet() {
        Run r = run("evolve", "scenarios/quench.yaml", "--set", "time.points=3");
        assertEquals(0, r.status(), r.err());
        String[] first = r.out().lines().skip(1).findFirst().orElseThrow().split(",");
        assertEquals(0.5, Double.parseDouble(first[1]), 1e-15, "p00");
        assertEquals(0.5, Double.parseDouble(first[4]), 1e-15, "p11");
        assertEquals(1.0, Double.parseDouble(first[7]), 1e-12, "concurrence of (|00> + |11>)/sqrt 2");
        assertEquals(1.0, Double.parseDouble(first[8]), 1e-15, "purity");
    }

    @Test
    void ketWithPhasesBecomesItsProjector(@TempDir Path dir) throws Exception {
        // (|01> + i|10>)/sqrt 2, written unnormalised: rho_01,10 = <01|psi><psi|10> = (1)(conj i)/2 = -i/2.
        Path file = dir.resolve("k.yaml");
        Files.writeString(file, Files.readString(RESET).replace("initial: \"00\"",
                "initial: {ket: {re: [0, 2, 0, 0], im: [0, 0, 2, 0]}}"));
        Run r = run("evolve", file.toString(), "--set", "time.points=2");
        assertEquals(0, r.status(), r.err());
        String[] first = r.out().lines().skip(1).findFirst().orElseThrow().split(",");
        assertEquals(0.5, Double.parseDouble(first[2]), 1e-15, "p01");
        assertEquals(0.5, Double.parseDouble(first[3]), 1e-15, "p10");
        assertEquals(0.0, Double.parseDouble(first[5]), 1e-15, "Re rho_01,10");
        assertEquals(-0.5, Double.parseDouble(first[6]), 1e-15, "Im rho_01,10");
        assertEquals(1.0, Double.parseDouble(first[7]), 1e-12, "a maximally entangled ket");
    }

    @Test
    void evolveToStdoutIsByteIdenticalAcrossRuns() {
        Run a = run("evolve", RESET.toString(), "--set", "time.points=21");
        Run b = run("evolve", RESET.toString(), "--set", "time.points=21");
        assertEquals(0, a.status());
        assertEquals(a.out(), b.out());
        assertEquals(22, a.out().split("\n").length);
    }

    @Test
    void everyShippedScenarioRunsSteady() throws Exception {
        try (var files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Run r = run("steady", f.toString(), "--json");
                assertEquals(0, r.status(), f + ": " + r.err());
                JsonNode j = new ObjectMapper().readTree(r.out());
                // A machine with fewer than two qubit sites has no scalar C (issue 24); every model has negativities.
                if (!"machine".equals(j.get("model").asText())) {
                    double c = j.get("concurrence").asDouble();
                    assertTrue(c >= 0 && c <= 1, f.toString());
                }
                assertTrue(j.get("negativity").size() >= 1, f.toString());
                j.get("negativity").forEach(n -> assertTrue(n.asDouble() >= 0, f.toString()));
            }
        }
    }

    @Test
    void listShowsEveryScenarioWithItsDescription() throws Exception {
        Run r = run("list");
        assertEquals(0, r.status(), r.err());
        try (var files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String name = f.getFileName().toString().replace(".yaml", "");
                String line = r.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse("");
                assertTrue(line.length() > name.length() + 10, "a description for " + name + ": " + r.out());
                assertFalse(line.contains("(no description)") || line.contains("(unreadable"), line);
            }
        }
    }

    @Test
    void helpAndVersionWork() {
        Run v = run("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("qtm "));
        Run h = run("steady", "--help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("--set"));
    }

    /** A slip of the keyboard gets the name it was meant to be, in the one line of a usage error (exit 2). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rn scenarios/reset-paper.yaml            | Did you mean: run? (see 'qtm --help')",
        "stedy scenarios/reset-paper.yaml         | Did you mean: steady? (see 'qtm --help')",
        "sweap scenarios/reset-paper.yaml         | Did you mean: sweep? (see 'qtm --help')",
        "run --trajectoris 5                      | Did you mean: --trajectories? (see 'qtm run --help')",
        "run scenarios/reset-paper.yaml --tr 5    | Did you mean: --trajectories? (see 'qtm run --help')",
        "steady scenarios/reset-paper.yaml --jsn  | Did you mean: --json? (see 'qtm steady --help')",
        "xyzzy                                    | 'xyzzy' (see 'qtm --help')",
        "xyzzyplugh                               | 'xyzzyplugh' (see 'qtm --help')"})
    void aMistypedNameGetsASuggestion(String args, String ending) {
        Run r = run(args.split(" "));
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("qtm: command line: ") && lines.get(0).endsWith(ending), r.err());
    }
}
