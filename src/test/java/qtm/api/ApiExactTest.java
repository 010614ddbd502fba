package qtm.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import qtm.cli.Main;
import qtm.input.InputException;
import qtm.model.Bath;
import qtm.model.MachinePresets;
import qtm.model.ResetModel;

/**
 * The exact facades of issue 27 ({@link Scenario#steady}, {@link ExactState#of}, {@link Scenario#evolve},
 * {@link Scenario#counting}, {@link Sweeps#exact}, {@link Sweeps#table}) against values written here from scratch:
 * the reset model's closed-form steady state, eq. (4) of Brask et al., and its heat current 2gE Im ρ_01,10; and, for
 * a machine, against what the command line prints for the same file and overrides.
 */
class ApiExactTest {
    private static final double E = 1, PC = 1e-2, PH = 1.1e-3;

    /**
     * Eq. (4) at T_c = 0, T_h = ∞: ρ = γ[p_c p_h τ_c⊗τ_h + 2g² χ⊗χ] + i y (|01⟩⟨10| − h.c.), with χ the rate-weighted
     * mix of the two baths' states, γ = 1/(2g² + p_c p_h), y = γ g p_c p_h (r_c − r_h)/(p_c + p_h) and r the ground
     * probabilities (1 cold, 1/2 hot). Index 2 n_c + n_h.
     */
    private static double[][] eq4(double g) {
        double rc = 1, rh = 0.5;
        double gamma = 1 / (2 * g * g + PC * PH);
        double m0 = (PC * rc + PH * rh) / (PC + PH);
        double[] tc = {rc, 1 - rc}, th = {rh, 1 - rh}, mix = {m0, 1 - m0};
        double[][] re = new double[4][4];
        double[][] im = new double[4][4];
        for (int nc = 0; nc < 2; nc++) {
            for (int nh = 0; nh < 2; nh++) {
                re[2 * nc + nh][2 * nc + nh] = gamma * (PC * PH * tc[nc] * th[nh] + 2 * g * g * mix[nc] * mix[nh]);
            }
        }
        double y = gamma * g * PC * PH * (rc - rh) / (PC + PH);
        im[1][2] = y;
        im[2][1] = -y;
        return new double[][] {re[0], re[1], re[2], re[3], im[0], im[1], im[2], im[3]};
    }

    private static void assertEq4(double g, ExactState s) {
        double[][] x = eq4(g);
        ZMatrixRMaj rho = s.rho();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(x[i][j], rho.getReal(i, j), 1e-12, "Re rho " + i + j);
                assertEquals(x[4 + i][j], rho.getImag(i, j), 1e-12, "Im rho " + i + j);
            }
        }
        double y = x[5][2];
        double c = 2 * Math.max(0, Math.abs(y) - Math.sqrt(x[0][0] * x[3][3]));
        assertEquals(c, s.concurrence(), 1e-12);
        assertEquals(c, s.pairConcurrences().get("c,h"), 1e-12);
        assertEquals(2 * g * E * y, s.heat("cold"), 1e-14);
        assertEquals(-2 * g * E * y, s.heat("hot"), 1e-14);
        assertArrayEquals(new double[] {x[0][0] + x[1][1], x[2][2] + x[3][3]}, s.populations("c"), 1e-12);
        double purity = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                purity += x[i][j] * x[i][j] + x[4 + i][j] * x[4 + i][j];
            }
        }
        assertEquals(purity, s.purity(), 1e-12);
    }

    @Test
    void theResetPresetByNameFromItsFileAndInCodeIsEq4() {
        assertEq4(1.6e-3, Scenario.of("reset-paper").steady());
        assertEq4(1.6e-3, Scenario.of("scenarios/reset-paper.yaml").steady());
        assertEq4(1.6e-3, ExactState.of(new ResetModel(E, 1.6e-3, new Bath(0, PC),
                new Bath(Double.POSITIVE_INFINITY, PH))));
        // The same preset as a machine built in code: the general solver, not the preset's own.
        assertEq4(1.6e-3, ExactState.of(MachinePresets.of(new ResetModel(E, 1.6e-3, new Bath(0, PC),
                new Bath(Double.POSITIVE_INFINITY, PH)))));
        assertTrue(Scenario.shipped().containsAll(List.of("reset-paper", "machine-qutrit")), Scenario.shipped()
                .toString());
        // The paper's optimum, C = 0.0541 (its Fig. 2(a)).
        assertEquals(0.0541, Scenario.of("reset-paper").steady().concurrence(), 5e-5);
    }

    @Test
    void anOverrideIsEq4AtTheNewCouplingAndTheExactSweepIsOneAtEachValue() {
        assertEq4(3.2e-3, Qtm.scenario("reset-paper").set("model.g", 3.2e-3).steady());
        double[] gs = {2e-4, 1.6e-3, 1.28e-2};
        List<ExactState> scan = Sweeps.exact(Scenario.of("reset-paper"), "model.g", gs);
        for (int i = 0; i < gs.length; i++) {
            assertEq4(gs[i], scan.get(i));
        }
        Table t = Sweeps.table(Scenario.of("studies/mc-sweep-reset"));
        double[] g = t.column("model.g");
        double[] c = t.column("concurrence");
        assertEquals(7, g.length);
        for (int i = 0; i < g.length; i++) {
            double[][] x = eq4(g[i]);
            assertEquals(2 * Math.max(0, Math.abs(x[5][2]) - Math.sqrt(x[0][0] * x[3][3])), c[i], 1e-12);
        }
    }

    private static String cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(args), err.toString());
        return out.toString();
    }

    @Test
    void aMachinesStateIsWhatSteadyJsonPrints() throws Exception {
        String set = "model.baths[cold].T=0.2";
        ExactState s = Scenario.of("machine-qutrit").set("model.baths[cold].T", 0.2).steady();
        JsonNode j = new ObjectMapper().readTree(cli("steady", "machine-qutrit", "--set", set, "--json"));
        ZMatrixRMaj rho = s.rho();
        assertEquals(6, rho.numRows);
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 6; k++) {
                assertEquals(j.get("rho").get("re").get(i).get(k).asDouble(), rho.getReal(i, k), 1e-15);
                assertEquals(j.get("rho").get("im").get(i).get(k).asDouble(), rho.getImag(i, k), 1e-15);
            }
        }
        assertEquals(j.get("negativity").get("c|h").asDouble(), s.negativity("c|h"), 1e-15);
        assertEquals(j.get("log_negativity").get("c|h").asDouble(), s.logNegativities().get("c|h"), 1e-15);
        assertEquals(j.get("purity").asDouble(), s.purity(), 1e-15);
        assertEquals(List.of("cold", "hot"), new ArrayList<>(s.heat().keySet()));
        for (String bath : s.heat().keySet()) {
            assertEquals(j.get("heat").get(bath).asDouble(), s.heat(bath), 1e-15);
        }
        for (int n = 0; n < 3; n++) {
            assertEquals(j.get("site_populations").get("h").get(n).asDouble(), s.populations("h")[n], 1e-15);
        }
        assertTrue(s.negativity("c|h") > 0);
        // A bad value is the command line's refusal, naming the key.
        InputException bad = assertThrows(InputException.class,
                () -> Scenario.of("machine-qutrit").set("model.baths[cold].T", -1.0).steady());
        assertTrue(bad.getMessage().contains("T"), bad.getMessage());
    }

    @Test
    void theTransientIsEvolvesCsvAndStartsInTheInitialState() {
        Scenario s = Scenario.of("machine-qutrit").set("time.points", 6);
        Table t = s.evolve();
        List<String> csv = cli("evolve", "machine-qutrit", "--set", "time.points=6").lines().toList();
        assertEquals(String.join(",", t.columns()), csv.get(0));
        assertEquals(6, t.rows().size());
        for (int k = 0; k < 6; k++) {
            String[] cells = csv.get(k + 1).split(",");
            for (int c = 0; c < cells.length; c++) {
                assertEquals(Double.parseDouble(cells[c]), t.rows().get(k)[c], 0.0, t.columns().get(c) + " row " + k);
            }
        }
        // initial "00": both sites in their ground level, no entanglement, a pure state
        assertEquals(1.0, t.column("population_c_0")[0], 1e-15);
        assertEquals(1.0, t.column("population_h_0")[0], 1e-15);
        assertEquals(0.0, t.column("negativity_c_vs_h")[0], 1e-15);
        assertEquals(1.0, t.column("purity")[0], 1e-14);
        // a preset's transient has the preset's columns
        Table reset = Scenario.of("reset-paper").set("time.points", 3).evolve();
        assertEquals(1.0, reset.column("p00")[0], 1e-15);
        assertEquals(3, reset.column("concurrence").length);
    }

    /** A number as qtm's JSON writes it: inf and -inf as text, NaN as null. */
    private static double number(JsonNode n) {
        return n.isNull() ? Double.NaN : n.isTextual() ? (n.asText().equals("inf") ? Double.POSITIVE_INFINITY
                : Double.NEGATIVE_INFINITY) : n.asDouble();
    }

    @Test
    void countingIsFcsJsonAndItsHeatCurrentIsEq4s() throws Exception {
        Counting c = Scenario.of("reset-paper").counting(50);
        JsonNode j = new ObjectMapper().readTree(cli("fcs", "reset-paper", "--json", "--counts-at", "50"));
        for (String bath : List.of("cold", "hot")) {
            JsonNode b = j.get(bath);
            assertEquals(number(b.get("current")), c.current(bath), 0.0);
            assertEquals(number(b.get("noise")), c.noise(bath), 0.0);
            assertEquals(number(b.get("third")), c.third(bath), 0.0);
            assertEquals(number(b.get("fano")), c.fano(bath), 0.0);
            assertEquals(number(b.get("heat_current")), c.heatCurrent(bath), 0.0);
            assertEquals(number(b.get("heat_noise")), c.heatNoise(bath), 0.0);
        }
        // T_c = 0: Q_c/T_c makes σ infinite, which the JSON writes as "inf"
        assertEquals(Double.POSITIVE_INFINITY, c.entropyProduction());
        assertEquals(number(j.get("entropy_production")), c.entropyProduction(), 0.0);
        assertEquals(number(j.get("tur")), c.tur(), 0.0);
        double y = eq4(1.6e-3)[5][2];
        assertEquals(2 * 1.6e-3 * E * y, c.heatCurrent("cold"), 1e-12);
        // each quantum carries E: the quanta current is the heat current over E
        assertEquals(c.heatCurrent("cold") / E, c.current("cold"), 1e-12);
        double total = 0;
        for (double p : c.distribution("cold", 0).p()) {
            total += p;
        }
        assertEquals(1.0, total, 1e-9);
        assertEquals(List.of(50.0), c.times());
    }
}
