package qtm.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;

/**
 * The numbers the paper states, at the paper's precision. The paper's thresholds (0.21, 0.283, 21.4) agree with ours
 * (0.2181, 0.2836, 21.486) when read as truncated to the digits printed, not rounded; its concurrences (0.054, 0.10,
 * 0.2587) agree either way. Each threshold is therefore asserted in [stated, stated + one unit of the last digit),
 * and pinned more tightly to what we compute, with the optimiser's convergence checked across starts.
 */
class PaperValuesTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    /** T_h for flux qubits, whose rates diverge at T = ∞; the transition-rate optimum is converged here to 1e-6. */
    private static final double FLUX_HOT = 1e6;
    private static final CouplingOptimizer OPT = CouplingOptimizer.paper(6);
    private static final CouplingOptimizer OPT_TH = OPT.tuningHot(true, 1e9);

    private static Model reset(double tc, double th) {
        return new ResetModel(1, 1e-3, new Bath(tc, 1e-3), new Bath(th, 1e-3));
    }

    private static Model dot(double u, double tc, double th) {
        return new DotModel(1, 1e-3, u, new Bath(tc, 1e-3), new Bath(th, 1e-3));
    }

    private static void assertConverged(Optimum o) {
        assertTrue(o.spread(3) < 1e-9, "three starts agree: " + java.util.Arrays.toString(o.startValues()));
    }

    @Test
    void resetOptimumAtZeroAndInfiniteTemperature() {
        Optimum o = OPT.maximise(reset(0, INF));
        assertConverged(o);
        assertEquals(0.054, o.concurrence(), 0.0005);
        assertEquals(0.0541090, o.concurrence(), 1e-6);
        // Paper: g ≈ 1.6e-3, p_c ≈ 1e-2, p_h ≈ 1.1e-3.
        assertEquals(1.6e-3, o.couplings().g(), 0.05e-3);
        assertEquals(1e-2, o.couplings().coldRate(), 1e-12);
        assertEquals(1.1e-3, o.couplings().hotRate(), 0.05e-3);
    }

    @Test
    void resetColdThreshold() {
        double tc = new Thresholds(OPT, 1e-9).cold(reset(0, INF));
        // Paper: "above T_c/E ≈ 0.21 no entanglement can be generated"; we find 0.21811.
        assertTrue(tc >= 0.21 && tc < 0.22, "T_c* = " + tc);
        assertEquals(0.218109, tc, 2e-6);
    }

    @Test
    void fluxOptimumAndThreshold() {
        Model flux = new FluxModel(1, 1e-3, new Bath(0, 1e-3), new Bath(FLUX_HOT, 1e-9));
        Optimum o = OPT.maximise(flux);
        assertConverged(o);
        assertEquals(0.10, o.concurrence(), 0.005);
        assertEquals(0.100350, o.concurrence(), 1e-5);
        double tc = new Thresholds(OPT, 1e-9).cold(flux);
        assertTrue(tc >= 0.283 && tc < 0.284, "T_c* = " + tc);
        assertEquals(0.283648, tc, 2e-6);
    }

    @Test
    void dotWithoutCoulombEnergyMatchesFluxQubits() {
        Optimum o = OPT.maximise(dot(0, 0, INF));
        assertConverged(o);
        assertEquals(0.10, o.concurrence(), 0.005);
        // With U = 0 and the search over transition rates, the dot and flux models are the same machine
        // (amplitude damping towards the bath's Gibbs state); only Γ's meaning differs.
        Optimum flux = OPT.maximise(new FluxModel(1, 1e-3, new Bath(0, 1e-3), new Bath(FLUX_HOT, 1e-9)));
        assertEquals(flux.signed(), o.signed(), 1e-6);
    }

    @Test
    void dotAtVeryLargeCoulombEnergy() {
        // Paper: C ≈ 0.2587 "for large U → 25e3 E", with T_h optimised (finite for U > 0).
        Optimum o = OPT_TH.maximise(dot(25e3, 0, INF));
        assertConverged(o);
        assertEquals(0.2587, o.concurrence(), 0.00005);
        assertTrue(o.hotTemperature() > 100 && o.hotTemperature() < 1e4, "finite optimal T_h " + o.hotTemperature());
    }

    @Test
    void dotColdThresholdAtU300() {
        double tc = new Thresholds(OPT_TH, 1e-9).cold(dot(300, 0, INF));
        // Paper: T_c/E ≈ 21.4; we find 21.486.
        assertTrue(tc >= 21.4 && tc < 21.5, "T_c* = " + tc);
        assertEquals(21.4864, tc, 2e-4);
    }
}
