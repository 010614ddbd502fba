package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.exact.WaitingTimes;
import qtm.model.Bath;
import qtm.model.Detection;
import qtm.model.Detection.Detector;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.observe.DetectedCounts;
import qtm.observe.DetectedWaitingHistogram;
import qtm.observe.Quantity;
import qtm.observe.WaitingHistogram;

/**
 * Issue 28: the waiting times between consecutive clicks of imperfect detectors in a jump run. On a reset model with
 * rates at the weak-coupling bound, η = 0.6 with dark clicks at θ = 0.02 on cold and η = 0.5 on hot, the histograms
 * pass the χ² against the detected clicks' exact law w(τ) = Tr[𝒥 e^{(L−𝒥)τ} 𝒥 ρ∞] / Tr[𝒥 ρ∞], 𝒥 = ηΣJ + θ, and
 * fail it against the true jumps' law; the same seed gives the same sums on 1 and 2 threads; and the detected counts
 * recorded beside them are those of a run without them (the histograms draw from their own copy of the stream).
 */
class DetectedWaitingTest {
    private static final Model MODEL = new ResetModel(1, 0.08, new Bath(0, 0.1),
            new Bath(Double.POSITIVE_INFINITY, 0.08));
    private static final ZMatrixRMaj RHO0 = TwoQubits.basisState("00");
    private static final TimeGrid GRID = new TimeGrid(600, 5);
    private static final Detection DETECTION = new Detection(Map.of("cold", new Detector(0.6, 0.02), "hot",
            new Detector(0.5, 0)));
    private static final int N = 300;

    private static EnsembleResult run(boolean waiting, long seed, int threads) {
        DetectedCounts counts = DetectedCounts.of(MODEL, DETECTION, GRID);
        List<Quantity> q = new ArrayList<>(List.of(counts));
        if (waiting) {
            q.add(DetectedWaitingHistogram.of(MODEL, counts, DETECTION, GRID));
        }
        return EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(MODEL, RHO0, GRID, 1.0), q, GRID,
                EnsembleSettings.count(N, seed, threads));
    }

    @Test
    void theDetectedWaitingTimesPassAgainstTheirLawAndFailAgainstTheTrueOne() {
        EnsembleResult r = run(true, 7, 2);
        DetectedWaitingHistogram h = r.recorded(DetectedWaitingHistogram.class);
        assertNotNull(h);
        assertEquals(2, h.plans().size());
        WaitingVerdict.Result own = WaitingVerdict.detected(r, h, h.exact(), RHO0);
        for (WaitingVerdict.PairResult p : own.pairs()) {
            assertTrue(p.judged() && p.dof() >= 10, p.pair().key() + " judged with dof " + p.dof());
            assertTrue(p.pValue() >= 1e-3 / 2, p.pair().key() + " p = " + p.pValue());
        }
        assertTrue(own.passed());
        List<WaitingTimes> truth = new ArrayList<>();
        for (WaitingHistogram.Plan plan : h.plans()) {
            truth.add(new WaitingTimes(MODEL, plan.pair()));
        }
        WaitingVerdict.Result wrong = WaitingVerdict.detected(r, h, truth, RHO0);
        for (int d = 0; d < 2; d++) {
            WaitingVerdict.PairResult p = wrong.pairs().get(d);
            // The true law may leave a bin too few expected intervals to be judged by χ²; the bins' own SEs tell.
            assertTrue(!p.judged() || p.pValue() < 1e-6, p.pair().key() + " against the true law: p = " + p.pValue());
            double worst = 0;
            for (int i = 0; i < p.edges().length; i++) {
                worst = Math.max(worst, Math.abs(p.estimate()[i] - p.exact()[i]) / own.pairs().get(d).se()[i]);
            }
            assertTrue(worst > 10, p.pair().key() + ": the true law's bins are " + worst + " SE away");
        }
        // Dark clicks shorten the cold detector's intervals, misses lengthen the hot one's: the means tell.
        for (int d = 0; d < 2; d++) {
            String bath = h.plans().get(d).pair().key();
            double ratio = h.exact().get(d).mean() / truth.get(d).mean();
            assertTrue(bath.startsWith("cold") ? ratio < 0.9 : ratio > 1.5, bath + " mean ratio " + ratio);
        }
    }

    @Test
    void theSeedFixesTheSumsOnAnyThreadsAndTheCountsAreThoseOfARunWithout() {
        EnsembleResult one = run(true, 3, 1);
        EnsembleResult two = run(true, 3, 2);
        assertArrayEquals(one.finalSums(DetectedWaitingHistogram.NAME), two.finalSums(DetectedWaitingHistogram.NAME));
        assertArrayEquals(one.finalSquares(DetectedWaitingHistogram.NAME),
                two.finalSquares(DetectedWaitingHistogram.NAME));
        EnsembleResult without = run(false, 3, 2);
        for (String bath : List.of("cold", "hot")) {
            for (int k = 0; k < GRID.points(); k++) {
                assertEquals(without.estimate(DetectedCounts.count(bath), k).mean(),
                        two.estimate(DetectedCounts.count(bath), k).mean(), 0.0, bath + " t_" + k);
                assertEquals(without.estimate(DetectedCounts.variance(bath), k).mean(),
                        two.estimate(DetectedCounts.variance(bath), k).mean(), 0.0, bath + " t_" + k);
            }
        }
    }
}
