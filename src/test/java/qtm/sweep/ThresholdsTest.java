package qtm.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.Model;
import qtm.model.ResetModel;

class ThresholdsTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final CouplingOptimizer OPT = CouplingOptimizer.paper(4);

    @Test
    void hotThresholdSeparatesEntangledFromSeparable() {
        Model m = new ResetModel(1, 1e-3, new Bath(0.1, 1e-3), new Bath(INF, 1e-3));
        double th = new Thresholds(OPT, 1e-9).hot(m, INF);
        assertEquals(0.18467, th, 1e-4);
        assertTrue(OPT.maximise(m, 0.1, th * 1.01, null).signed() > 0);
        assertTrue(OPT.maximise(m, 0.1, th * 0.99, null).signed() < 0);
    }

    @Test
    void zeroColdTemperatureNeedsNoThreshold() {
        Model m = new ResetModel(1, 1e-3, new Bath(0, 1e-3), new Bath(INF, 1e-3));
        assertEquals(0.0, new Thresholds(OPT, 1e-9).hot(m, INF), 0);
    }

    @Test
    void finiteHotBathBracketsTheColdThreshold() {
        Model m = new ResetModel(1, 1e-3, new Bath(0, 1e-3), new Bath(2.0, 1e-3));
        double tc = new Thresholds(OPT, 1e-9).cold(m);
        assertTrue(tc > 0 && tc < 0.2181, "T_c* = " + tc);
        // The hot threshold at that T_c is the T_h we fixed.
        double th = new Thresholds(OPT, 1e-7).hot(new ResetModel(1, 1e-3, new Bath(tc, 1e-3), new Bath(1, 1e-3)), INF);
        assertEquals(2.0, th, 1e-3);
    }

    @Test
    void noOverflowAtHugeCoulombEnergyOverTemperature() {
        Model m = new DotModel(1, 1e-3, 1e9, new Bath(1e-6, 1e-3), new Bath(1e-3, 1e-3));
        Optimum o = OPT.maximise(m);
        assertTrue(Double.isFinite(o.signed()) && Double.isFinite(o.purity()) && Double.isFinite(o.heat().cold()));
        Optimum tuned = OPT.tuningHot(true, 1e12).maximise(m);
        assertTrue(Double.isFinite(tuned.signed()) && tuned.concurrence() > 0.25);
    }
}
