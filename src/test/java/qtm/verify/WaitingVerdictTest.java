package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.observe.WaitingHistogram;

/**
 * The trajectory engine's waiting-time histograms against the exact distributions: χ² not rejected and every bin
 * within 5 SE on the paper's reset machine and the warm double dot; a wrong model rejected; and the delta-method SEs
 * honest over many seeds.
 */
class WaitingVerdictTest {
    static final Model RESET = new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
    static final Model DQD = new DotModel(1, 5e-3, 20, new Bath(0.2, 1e-2), new Bath(5, 1e-2));
    static final ZMatrixRMaj START = TwoQubits.basisState("00");

    static Stream<Arguments> cases() {
        // The reset machine's cold jumps are rare (one per ~2·10^4 in the steady state): a longer grid.
        return Stream.of(Arguments.of("reset", RESET, new TimeGrid(20_000, 21), 4000L),
                Arguments.of("dqd", DQD, new TimeGrid(5000, 21), 2000L));
    }

    private static EnsembleResult run(Model model, TimeGrid grid, WaitingHistogram q, long n, long seed) {
        return EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(model, START, grid, 0), List.of(q), grid,
                EnsembleSettings.count(n, seed, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void histogramsAgreeWithTheExactDistributions(String name, Model model, TimeGrid grid, long n) {
        WaitingHistogram q = WaitingHistogram.of(model, grid);
        assertNotNull(q);
        WaitingVerdict.Result v = WaitingVerdict.of(run(model, grid, q, n, 20261202L), q, model, START);
        assertEquals(3, v.pairs().size());
        for (WaitingVerdict.PairResult p : v.pairs()) {
            assertTrue(p.judged(), p.pair() + " not judged: " + p.starts() + " intervals");
            assertEquals(WaitingHistogram.BINS, p.dof(), p.pair().key());
            assertTrue(p.pValue() > 1e-4, p.pair() + " χ² " + p.chiSquare() + " p " + p.pValue());
            for (int i = 0; i < p.estimate().length; i++) {
                double z = (p.estimate()[i] - p.exact()[i]) / p.se()[i];
                assertTrue(Math.abs(z) < 5, p.pair() + " bin " + i + " z " + z);
            }
            // The estimates of a run are a probability distribution over the bins and the overflow.
            double total = 0;
            for (double x : p.estimate()) {
                total += x;
            }
            assertEquals(1.0, total, 1e-12);
        }
        assertTrue(v.passed());
    }

    /** Power: the same ensemble against the exact distributions of a hot bath 20 % slower is rejected. */
    @Test
    void aWrongModelIsRejected() {
        TimeGrid grid = new TimeGrid(5000, 21);
        WaitingHistogram q = WaitingHistogram.of(DQD, grid);
        EnsembleResult r = run(DQD, grid, q, 2000, 11);
        Model wrong = new DotModel(1, 5e-3, 20, DQD.cold(), new Bath(5, 0.8e-2));
        WaitingVerdict.Result v = WaitingVerdict.of(r, q, wrong, START);
        assertTrue(!v.passed());
        WaitingVerdict.PairResult hot = v.pairs().get(1);
        assertTrue(hot.pValue() < 1e-4, "hot_hot p " + hot.pValue());
    }

    /**
     * The SEs are honest: over 40 seeds × 3 pairs × 17 bins (with the overflow) the fraction of |z| &lt; 2 is
     * 0.9545 within 4 binomial SE, and the χ² p-values are not piled up near 0.
     */
    @Test
    @Tag("slow")
    void standardErrorsAreCalibrated() {
        TimeGrid grid = new TimeGrid(5000, 11);
        WaitingHistogram q = WaitingHistogram.of(DQD, grid);
        int inside = 0;
        int total = 0;
        int small = 0;
        int tests = 0;
        for (long seed = 1; seed <= 40; seed++) {
            WaitingVerdict.Result v = WaitingVerdict.of(run(DQD, grid, q, 500, 1000 + seed), q, DQD, START);
            for (WaitingVerdict.PairResult p : v.pairs()) {
                assertTrue(p.judged());
                for (int i = 0; i < p.estimate().length; i++) {
                    double z = (p.estimate()[i] - p.exact()[i]) / p.se()[i];
                    inside += Math.abs(z) < 2 ? 1 : 0;
                    total++;
                }
                small += p.pValue() < 0.05 ? 1 : 0;
                tests++;
            }
        }
        double expected = 0.9545;
        double fraction = (double) inside / total;
        double bound = 4 * Math.sqrt(expected * (1 - expected) / total);
        System.out.println("waiting-time calibration: |z| < 2 in " + inside + " of " + total + ", " + small + " of "
                + tests + " p-values below 0.05");
        assertTrue(Math.abs(fraction - expected) < bound, "fraction |z| < 2: " + fraction + " of " + total
                + " (bound ±" + bound + ")");
        // 120 p-values: P(p < 0.05) = 0.05, so 6 ± 2.4 expected; 16 is beyond 4 SE.
        assertTrue(small < 16, small + " of " + tests + " χ² p-values below 0.05");
    }

    @Test
    void absentWithoutAUniqueSteadyStateOrWithoutJumps() {
        TimeGrid grid = new TimeGrid(100, 11);
        assertNull(WaitingHistogram.of(new ResetModel(1, 0, new Bath(0.5, 0), new Bath(1, 1e-2)), grid));
        assertTrue(WaitingHistogram.absence(new ResetModel(1, 0, new Bath(0.5, 0), new Bath(1, 1e-2)), grid)
                .contains("steady"));
        // T_c = 0 and g = 0: the cold qubit sits in |0⟩ and never jumps.
        assertTrue(WaitingHistogram.absence(new ResetModel(1, 0, new Bath(0, 1e-2), new Bath(1, 1e-2)), grid)
                .contains("cold_cold"));
    }
}
