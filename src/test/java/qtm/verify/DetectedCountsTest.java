package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.math.MatrixExp;
import qtm.model.Bath;
import qtm.model.Detection;
import qtm.model.Detection.Detector;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.observe.DetectedCounts;
import qtm.observe.DetectedHistogram;
import qtm.observe.Estimates;
import qtm.observe.NetCounts;
import qtm.observe.Quantity;
import qtm.stats.RareEvents;
import qtm.testing.ScratchOps;

/**
 * Issue 28's Monte Carlo detected counts on reset-paper (cold bath at T = 0, hot at T = ∞) against the finite-time
 * moments of the detected count computed here from scratch: the 16×16 Liouvillian built from the model's H and jump
 * operators, the derivatives L₁ = η Σ_j w_j J_j and L₂ = η Σ_j w_j² J_j + θ·1 of the detected tilted generator, and
 * E[X], E[X²] from the exponential of the block matrix [[L, L₁, L₂/2], [0, L, L₁], [0, 0, L]]·t, whose top row holds
 * the Taylor coefficients of e^{L(s)t}. Those moments obey the thinning identities E N_det = η E N and
 * Var N_det = η² Var N + η(1 − η) E A + θt (A the number of the bath's counted jumps), checked here too; the run's
 * estimates must lie within 5 of their own SEs of them, its final-count histogram must describe the same clicks as
 * its time series, and its verdict (z-tests and the histograms' χ²) must converge against the production reference
 * and fail against a perfect detector's.
 */
class DetectedCountsTest {
    private static final Model RESET = new ResetModel(1, 1.6e-3, new Bath(0, 1e-2),
            new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
    private static final ZMatrixRMaj RHO0 = TwoQubits.basisState("00");
    private static final TimeGrid GRID = new TimeGrid(2000, 11);
    private static final double ETA = 0.6;
    private static final double THETA = 1e-3;
    private static final int N = 2000;
    private static final double K = 5;

    private static EnsembleResult run(Detection detection, long seed, int threads) {
        DetectedCounts counts = DetectedCounts.of(RESET, detection, GRID);
        List<Quantity> q = List.of(new NetCounts(RESET, GRID), counts,
                DetectedHistogram.of(RESET, counts, detection, RHO0, GRID));
        return EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(RESET, RHO0, GRID, 1.0), q, GRID,
                EnsembleSettings.count(N, seed, threads));
    }

    @Test
    void thinnedAndDarkCountsMatchTheirFromScratchMomentsWithinFiveSe() {
        Detection detection = new Detection(Map.of("cold", new Detector(ETA, 0), "hot", new Detector(ETA, THETA)));
        EnsembleResult r = run(detection, 11, 2);
        int last = GRID.points() - 1;
        double t = GRID.end();
        for (Side side : Side.values()) {
            double theta = side == Side.HOT ? THETA : 0;
            double[] truth = Scratch.moments(RESET, side, 1, 0, false, t);
            double[] activity = Scratch.moments(RESET, side, 1, 0, true, t);
            double[] det = Scratch.moments(RESET, side, ETA, theta, false, t);
            double varN = truth[1] - truth[0] * truth[0];
            double mean = det[0];
            double var = det[1] - det[0] * det[0];
            assertEquals(ETA * truth[0], mean, 1e-9 * Math.abs(truth[0]), side + ": E N_det = η E N");
            double identity = ETA * ETA * varN + ETA * (1 - ETA) * activity[0] + theta * t;
            assertEquals(identity, var, 1e-9 * identity, side + ": the thinning and dark-click variance");
            RareEvents.Flagged m = r.estimate(DetectedCounts.count(side.key()), last);
            RareEvents.Flagged v = r.estimate(DetectedCounts.variance(side.key()), last);
            assertTrue(m.se() > 0 && v.se() > 0, side + " has error bars");
            assertEquals(mean, m.mean(), K * m.se(), side + " mean N_det " + m);
            assertEquals(var, v.mean(), K * v.se(), side + " Var N_det " + v);
            // Thinning must show: the detected mean is not the true one.
            double trueMean = r.estimate(Estimates.count(side), last).mean();
            assertTrue(Math.abs(m.mean() - trueMean) > 3 * m.se(), side + ": detected " + m + " vs true " + trueMean);
        }
        DetectedReference ref = DetectedReference.master(RESET, detection, RHO0, GRID);
        for (int d = 0; d < 2; d++) {
            Side side = Side.COLD.key().equals(ref.baths().get(d)) ? Side.COLD : Side.HOT;
            double[] det = Scratch.moments(RESET, side, ETA, side == Side.HOT ? THETA : 0, false, t);
            double var = det[1] - det[0] * det[0];
            assertEquals(det[0], ref.mean(d, last), 1e-8 * Math.abs(det[0]), side + " reference mean");
            assertEquals(var, ref.variance(d, last), 1e-8 * var, side + " reference variance");
        }
        // The final-count histogram draws what the time series drew: its mean is the series' final mean exactly.
        DetectedHistogram h = r.recorded(DetectedHistogram.class);
        double[] sums = r.finalSums(DetectedHistogram.NAME);
        for (int d = 0; d < 2; d++) {
            qtm.observe.CountHistogram.Bins b = h.bins(d);
            assertEquals(1, b.width());
            assertEquals(0, sums[h.offset(d)] + sums[h.offset(d) + b.slots() - 1], 0.0, "no trajectory in a tail");
            double total = 0;
            double seen = 0;
            for (int i = 0; i < b.count(); i++) {
                total += sums[h.offset(d) + 1 + i];
                seen += (b.first() + i) * sums[h.offset(d) + 1 + i];
            }
            assertEquals(N, total, 0.0);
            assertEquals(r.estimate(DetectedCounts.count(ref.baths().get(d)), last).mean(), seen / N, 1e-12,
                    ref.baths().get(d));
        }
        DetectedVerdict verdict = DetectedVerdict.of(r, ref);
        assertNotNull(verdict);
        assertEquals(2, verdict.histograms().size());
        for (DetectedVerdict.Histogram x : verdict.histograms()) {
            assertTrue(x.dof() >= 1 && x.pValue() >= 1e-3 / 2, x.toString());
        }
        assertTrue(verdict.tests() >= 2 * 2 * (GRID.points() - 1), "tests: " + verdict.tests());
        assertTrue(verdict.converged(), "verdict " + verdict);
        DetectedVerdict wrong = DetectedVerdict.of(r, DetectedReference.master(RESET,
                new Detection(Map.of("cold", Detector.PERFECT, "hot", Detector.PERFECT)), RHO0, GRID));
        assertFalse(wrong.converged(), "the same counts against a perfect detector's statistics: " + wrong);
    }

    /**
     * A preset's detected heat: with E = 1.3 each detected jump carries ±1.3 and so does each dark click (the
     * preset's E), so the final detected heat's mean and variance must lie within 5 SE of the from-scratch moments of
     * the tilt e^{s w_j}, w_j the jump's energy, with dark term θE²; and differ from those of the count.
     */
    @Test
    void aPresetsDetectedHeatMatchesItsFromScratchMomentsWithinFiveSe() {
        Model model = new ResetModel(1.3, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3));
        TimeGrid grid = new TimeGrid(2000, 5);
        Detection detection = new Detection(Map.of("hot", new Detector(ETA, THETA)));
        List<Quantity> q = List.of(new NetCounts(model, grid), DetectedCounts.of(model, detection, grid));
        EnsembleResult r = EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(model, RHO0, grid, 1.0), q, grid,
                EnsembleSettings.count(1000, 5, 2));
        int last = grid.points() - 1;
        double[] h = Scratch.moments(model, Side.HOT, ETA, THETA, qtm.model.Jump::energy, 1.3, grid.end());
        double var = h[1] - h[0] * h[0];
        RareEvents.Flagged m = r.estimate(DetectedCounts.energy("hot"), last);
        RareEvents.Flagged v = r.estimate(DetectedCounts.energyVariance("hot"), last);
        assertEquals(h[0], m.mean(), K * m.se(), "mean Q_det " + m);
        assertEquals(var, v.mean(), K * v.se(), "Var Q_det " + v);
        RareEvents.Flagged n = r.estimate(DetectedCounts.variance("hot"), last);
        // Q_det = E·N_det in every trajectory; each trajectory's Q and Q² are kept to half their fixed-point unit.
        DetectedCounts recorded = r.recorded(DetectedCounts.class);
        double unitQ = recorded.quantum(recorded.slots().indexOf("detected_heat_hot"));
        double unitSq = recorded.quantum(recorded.slots().indexOf("detected_heat_hot_sq"));
        assertTrue(unitQ < 1e-4 && unitSq < 1e-2, unitQ + " " + unitSq);
        assertEquals(1.3 * r.estimate(DetectedCounts.count("hot"), last).mean(), m.mean(), unitQ / 2,
                "every click of this bath carries ±E");
        assertEquals(1.69 * n.mean(), v.mean(), unitSq / 2 + Math.abs(m.mean()) * unitQ + 1e-12,
                "every click of this bath carries ±E");
        DetectedReference ref = DetectedReference.master(model, detection, RHO0, grid);
        assertEquals(h[0], ref.heat()[0][last][0], 1e-8 * Math.abs(h[0]), "reference mean");
        assertEquals(var, ref.heat()[0][last][1], 1e-8 * var, "reference variance");
        assertTrue(DetectedVerdict.of(r, ref).converged(), "verdict");
    }

    @Test
    void aPerfectDetectorSeesTheTrueCountsAndTheSeedFixesTheDetectedOnesOnAnyThreads() {
        EnsembleResult perfect = run(new Detection(Map.of("cold", Detector.PERFECT)), 3, 1);
        for (int k = 0; k < GRID.points(); k++) {
            assertEquals(perfect.estimate(Estimates.count(Side.COLD), k).mean(),
                    perfect.estimate(DetectedCounts.count("cold"), k).mean(), 0.0, "t_" + k);
            assertEquals(perfect.estimate(Estimates.countVariance(Side.COLD), k).mean(),
                    perfect.estimate(DetectedCounts.variance("cold"), k).mean(), 0.0, "t_" + k);
        }
        Detection noisy = new Detection(Map.of("hot", new Detector(ETA, THETA)));
        EnsembleResult one = run(noisy, 9, 1);
        EnsembleResult two = run(noisy, 9, 2);
        for (int k = 0; k < GRID.points(); k++) {
            for (String c : List.of(DetectedCounts.count("hot"), DetectedCounts.variance("hot"),
                    Estimates.count(Side.HOT))) {
                assertEquals(one.estimate(c, k).mean(), two.estimate(c, k).mean(), 0.0, c + " t_" + k);
                assertEquals(one.estimate(c, k).se(), two.estimate(c, k).se(), 0.0, c + " se t_" + k);
            }
        }
        // The detectors draw from their own stream: the true counts are those of a run with a perfect detector.
        EnsembleResult plain = run(new Detection(Map.of("hot", Detector.PERFECT)), 9, 1);
        assertEquals(plain.estimate(Estimates.countVariance(Side.HOT), GRID.points() - 1).mean(),
                one.estimate(Estimates.countVariance(Side.HOT), GRID.points() - 1).mean(), 0.0);
    }

    /** The from-scratch detected tilted generator of one bath of a preset. */
    static final class Scratch {
        private static final int D = 4;
        private static final int S = D * D;

        private Scratch() {
        }

        /**
         * @param model a preset
         * @param side the bath
         * @param eta efficiency
         * @param theta dark rate
         * @param absolute count every jump +1 (the activity A) instead of ±1
         * @param t the time
         * @return {E X(t), E X(t)²} from the initial state |00⟩
         */
        static double[] moments(Model model, Side side, double eta, double theta, boolean absolute, double t) {
            return moments(model, side, eta, theta, j -> absolute ? 1 : Math.signum(j.energy()), 1, t);
        }

        /**
         * @param model a preset
         * @param side the bath
         * @param eta efficiency
         * @param theta dark rate
         * @param weight what one detected jump adds
         * @param dark what one dark click adds, with its sign
         * @param t the time
         * @return {E X(t), E X(t)²} from the initial state |00⟩
         */
        static double[] moments(Model model, Side side, double eta, double theta,
                java.util.function.ToDoubleFunction<qtm.model.Jump> weight, double dark, double t) {
            double[][] l = new double[2 * S][2 * S];
            double[][] l1 = new double[2 * S][2 * S];
            double[][] l2 = new double[2 * S][2 * S];
            ZMatrixRMaj h = model.hamiltonian();
            ZMatrixRMaj one = ScratchOps.identity(D);
            ScratchOps.add(l, ScratchOps.sandwich(h, one), 0, -1);
            ScratchOps.add(l, ScratchOps.sandwich(one, h), 0, 1);
            for (qtm.model.Jump j : model.jumps()) {
                ZMatrixRMaj a = j.operator();
                ZMatrixRMaj ad = ScratchOps.dagger(a);
                ZMatrixRMaj ada = ScratchOps.mult(ad, a);
                ScratchOps.add(l, ScratchOps.sandwich(a, ad), j.rate(), 0);
                ScratchOps.add(l, ScratchOps.sandwich(ada, one), -0.5 * j.rate(), 0);
                ScratchOps.add(l, ScratchOps.sandwich(one, ada), -0.5 * j.rate(), 0);
                if (j.side() == side && j.energy() != 0) {
                    double w = weight.applyAsDouble(j);
                    ScratchOps.add(l1, ScratchOps.sandwich(a, ad), eta * w * j.rate(), 0);
                    ScratchOps.add(l2, ScratchOps.sandwich(a, ad), eta * w * w * j.rate(), 0);
                }
            }
            for (int i = 0; i < 2 * S; i++) {
                l2[i][i] += theta * dark * dark;
            }
            int n = 2 * S;
            DMatrixRMaj big = new DMatrixRMaj(3 * n, 3 * n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    for (int b = 0; b < 3; b++) {
                        big.set(b * n + i, b * n + k, l[i][k] * t);
                    }
                    big.set(i, n + k, l1[i][k] * t);
                    big.set(n + i, 2 * n + k, l1[i][k] * t);
                    big.set(i, 2 * n + k, 0.5 * l2[i][k] * t);
                }
            }
            DMatrixRMaj e = MatrixExp.exp(big);
            double[] rho = new double[n];
            for (int i = 0; i < D; i++) {
                for (int k = 0; k < D; k++) {
                    rho[i * D + k] = RHO0.getReal(i, k);
                    rho[S + i * D + k] = RHO0.getImag(i, k);
                }
            }
            return new double[] {ScratchOps.trace(e, D, n, rho, 1), 2 * ScratchOps.trace(e, D, n, rho, 2)};
        }
    }
}
