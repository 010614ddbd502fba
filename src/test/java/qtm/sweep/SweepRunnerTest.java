package qtm.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.exact.SteadyState;
import qtm.model.Bath;
import qtm.model.ResetModel;
import qtm.model.TwoQubits;
import qtm.scenario.StudyReader;

/**
 * Figs. 2(a)–(c) from one optimisation pass: the shipped scenario files, on a coarser grid so that the test takes
 * seconds, must give in one runner exactly the tables of three separate runs, with one optimisation per point instead
 * of three, and numbers that hold against the closed form eq. (4) and the paper's optimum.
 */
class SweepRunnerTest {
    /** Coarser than the shipped 49 × 5, the same range: Th = 0.01, 0.316, 10, 316, 1e4. */
    private static final List<String> COARSE = List.of("sweep.x.points=5",
            "sweep.series={key: Tc, values: [0.0, 0.1, 0.2]}");
    private static final double E = 1.0;

    private static Study fig(String name) {
        return StudyReader.read(Path.of("scenarios/paper/" + name + ".yaml"), COARSE);
    }

    /** A runner whose optimisers count their calls. */
    private static SweepRunner counting(AtomicInteger calls) {
        return new SweepRunner(o -> (m, tc, th, hint) -> {
            calls.incrementAndGet();
            return o.maximise(m, tc, th, hint);
        });
    }

    @Test
    void onePassGivesTheThreeSeparatePassesTablesWithAThirdOfTheOptimisations() {
        List<Study> figs = List.of(fig("fig2a"), fig("fig2b"), fig("fig2c"));
        AtomicInteger shared = new AtomicInteger();
        SweepRunner one = counting(shared);
        List<SweepTable> together = figs.stream().map(one::run).toList();
        int rows = together.get(0).rows().size();
        assertEquals(5 + 4 + 4, rows, "Th = 0.01 lies below Tc = 0.1 and 0.2 and is skipped there");
        assertEquals(rows, shared.get(), "one optimisation per point for all three figures");
        assertEquals(1, one.passes());

        for (int f = 0; f < figs.size(); f++) {
            AtomicInteger alone = new AtomicInteger();
            SweepTable separate = counting(alone).run(figs.get(f));
            assertEquals(rows, alone.get(), "a figure run alone optimises every point itself");
            assertSameTable(separate, together.get(f));
        }
        // And the plan's own run, as qtm sweep ran one file before the runner existed.
        Study b = figs.get(1);
        assertSameTable(b.sweep().run(b.model(), b.optimizer()), together.get(1));
        // Each figure keeps its own chart: the projection of the same optima.
        assertEquals(List.of("concurrence", "heat_cold", "purity"),
                together.stream().map(t -> t.charts().get(0).y()).toList());
    }

    @Test
    void studiesThatOptimiseDifferentlyDoNotShare() {
        AtomicInteger calls = new AtomicInteger();
        SweepRunner runner = counting(calls);
        Study a = fig("fig2a");
        runner.run(a);
        Study fewerStarts = StudyReader.read(Path.of("scenarios/paper/fig2b.yaml"),
                List.of(COARSE.get(0), COARSE.get(1), "optimize.starts=2"));
        Study otherSeries = StudyReader.read(Path.of("scenarios/paper/fig2c.yaml"),
                List.of(COARSE.get(0), "sweep.series={key: Tc, values: [0.0, 0.15]}"));
        runner.run(fewerStarts);
        runner.run(otherSeries);
        assertEquals(3, runner.passes());
        runner.run(fig("fig2c"));
        assertEquals(3, runner.passes(), "fig2c shares fig2a's optima");
    }

    /**
     * Every row of the one pass against eq. (4) at the row's couplings, which shares no code with the optimiser
     * or the null-space solve; and the paper's optimum C = 0.054 at T_c = 0, T_h → ∞ (here T_h = 1e4).
     */
    @Test
    void onePassRowsHoldAgainstEquationFourAndThePaper() {
        SweepRunner runner = new SweepRunner();
        List<SweepTable> tables = List.of(runner.run(fig("fig2a")), runner.run(fig("fig2b")), runner.run(fig("fig2c")));
        SweepTable t = tables.get(1);
        boolean sawPaperPoint = false;
        for (double[] row : t.rows()) {
            double tc = row[t.column("Tc")];
            double th = row[t.column("Th")];
            double g = row[t.column("g")];
            double pc = row[t.column("cold_rate")];
            double ph = row[t.column("hot_rate")];
            ZMatrixRMaj rho = SteadyState.closedForm(new ResetModel(E, g, new Bath(tc, pc), new Bath(th, ph)));
            double coherence = Math.abs(rho.getImag(TwoQubits.I01, TwoQubits.I10));
            double signed = 2 * (coherence - Math.sqrt(rho.getReal(0, 0) * rho.getReal(3, 3)));
            double purity = 2 * coherence * coherence;
            for (int i = 0; i < TwoQubits.DIM; i++) {
                purity += rho.getReal(i, i) * rho.getReal(i, i);
            }
            // The excitations the coupling moves from the hot qubit to the cold one, J = 2g Im ρ_01,10, are what the
            // cold bath takes away in the steady state.
            double heatCold = E * 2 * g * rho.getImag(TwoQubits.I01, TwoQubits.I10);
            String at = "Tc " + tc + ", Th " + th;
            assertEquals(signed, row[t.column("signed")], 1e-12, at);
            assertEquals(Math.max(0, signed), row[t.column("concurrence")], 1e-12, at);
            assertEquals(purity, row[t.column("purity")], 1e-12, at);
            assertEquals(heatCold, row[t.column("heat_cold")], 1e-12 * Math.max(Math.abs(heatCold), 1e-6), at);
            assertEquals(-heatCold, row[t.column("heat_hot")], 1e-12 * Math.max(Math.abs(heatCold), 1e-6), at);
            if (tc == 0 && th == 1e4) {
                sawPaperPoint = true;
                double c = row[t.column("concurrence")];
                assertTrue(Math.abs(c - 0.054) < 0.0005, "paper: C = 0.054 at Tc = 0, Th -> inf; got " + c);
                assertEquals(0.0541090, c, 1e-4, "our Th = inf optimum (PaperValuesTest), r_h = 1/2 to 1e-4");
                assertEquals(1e-2, pc, 1e-12, "paper: p_c = 1e-2 at the optimum");
            }
        }
        assertTrue(sawPaperPoint, "the grid ends at Th = 1e4 for Tc = 0");
        for (SweepTable other : tables) {
            assertSameTable(t, other);
        }
    }

    private static void assertSameTable(SweepTable expected, SweepTable actual) {
        assertEquals(expected.columns(), actual.columns());
        assertEquals(expected.rows().size(), actual.rows().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            assertArrayEquals(expected.rows().get(i), actual.rows().get(i), 0.0, "row " + i);
        }
    }
}
