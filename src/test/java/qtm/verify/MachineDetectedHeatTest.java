package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.MachineTrajectories;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.exact.MachineCounting;
import qtm.exact.MachineExact;
import qtm.math.MatrixExp;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Coupling;
import qtm.model.Detection;
import qtm.model.Detection.Detector;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineChannel;
import qtm.model.Site;
import qtm.model.TimeGrid;
import qtm.observe.CountHistogram;
import qtm.observe.DetectedCounts;
import qtm.observe.DetectedHistogram;
import qtm.observe.NetCounts;
import qtm.observe.Quantity;
import qtm.stats.RareEvents;
import qtm.testing.ScratchOps;

/**
 * Issue 28's detected heat and detected-count histogram on a machine: two detuned qubits (gaps 1 and 1.3) between a
 * bosonic bath at T = 0.5 on c and a fermionic lead (μ = 0.4) on h, so that a lead jump moves heat ±0.9 while a dark
 * click of the lead carries ±ω₁ = ±1.3. The first two moments of the detected count and heat are computed here from
 * scratch: the d² Liouvillian from the machine's H and channel operators, L₁ = η Σ_j w_j J_j and
 * L₂ = η Σ_j w_j² J_j + θω²·1 of the detected tilted generator, and the exponential of [[L, L₁, L₂/2], [0, L, L₁],
 * [0, 0, L]]·t. The production reference must agree to 1e-8, the Monte Carlo's final means and variances must lie
 * within 5 of their SEs, the histogram's bins must sit at the from-scratch mean ± 7 sd, its χ² must pass, and the
 * verdict (count and heat) must converge, and fail against a perfect detector's reference.
 */
class MachineDetectedHeatTest {
    private static final TimeGrid GRID = new TimeGrid(200, 5);
    private static final int N = 1500;
    private static final double K = 5;
    private static final Detection DETECTION = new Detection(Map.of("cold", new Detector(0.6, 2e-3),
            "lead", new Detector(0.7, 2e-2)));

    private static Machine machine() {
        return new Machine(Approach.LOCAL, List.of(new Site("c", 0.0, 1.0), new Site("h", 0.0, 1.3)),
                List.of(new Coupling.Exchange("c", "h", 0.05)),
                List.of(new MachineBath("cold", "c", BathKind.BOSONIC, 0.5, 0.03, 0, 0),
                        new MachineBath("lead", "h", BathKind.FERMIONIC, 0.5, 0.03, 0, 0.4)));
    }

    @Test
    void detectedHeatAndHistogramMatchTheirFromScratchStatistics() {
        Machine m = machine();
        ZMatrixRMaj rho0 = new ZMatrixRMaj(m.dimension(), m.dimension());
        rho0.set(0, 0, 1, 0);
        // The heats the scratch generator weighs the jumps by: the gap on c, the gap less μ on the lead.
        for (MachineChannel c : m.channels()) {
            if (c.rate() > 0) {
                assertEquals(c.bath() == 0 ? 1.0 : 0.9, Math.abs(c.heat()), 1e-12, c.label());
            }
        }
        double[] omega = {1.0, 1.3};
        DetectedCounts counts = DetectedCounts.of(m, m.channels(), DETECTION, GRID);
        DetectedHistogram histogram = DetectedHistogram.of(m, counts, DETECTION, rho0, GRID);
        List<Quantity> q = List.of(new NetCounts(m, m.channels(), GRID), counts, histogram);
        EnsembleResult r = EnsembleRunner.run(() -> new MachineTrajectories(m.hamiltonian(), m.channels(), rho0,
                GRID), q, GRID, EnsembleSettings.count(N, 17, 2));
        MachineCounting counting = new MachineCounting(new MachineExact(m));
        DetectedReference ref = DetectedReference.machine(counting, DETECTION, rho0, GRID);
        int last = GRID.points() - 1;
        double t = GRID.end();
        for (int d = 0; d < 2; d++) {
            String b = ref.baths().get(d);
            int bath = m.bathNames().indexOf(b);
            Detector x = DETECTION.of(b);
            double[] n = moments(m, rho0, bath, false, x.efficiency(), x.darkRate(), 1, t);
            double[] h = moments(m, rho0, bath, true, x.efficiency(), x.darkRate(), omega[bath], t);
            double varN = n[1] - n[0] * n[0];
            double varQ = h[1] - h[0] * h[0];
            assertEquals(n[0], ref.mean(d, last), 1e-8 * Math.abs(n[0]), b + " reference count mean");
            assertEquals(varN, ref.variance(d, last), 1e-8 * varN, b + " reference count variance");
            assertEquals(h[0], ref.heat()[d][last][0], 1e-8 * Math.abs(h[0]), b + " reference heat mean");
            assertEquals(varQ, ref.heat()[d][last][1], 1e-8 * varQ, b + " reference heat variance");
            RareEvents.Flagged qm = r.estimate(DetectedCounts.energy(b), last);
            RareEvents.Flagged qv = r.estimate(DetectedCounts.energyVariance(b), last);
            assertTrue(qm.se() > 0 && qv.se() > 0, b + " has error bars");
            assertEquals(h[0], qm.mean(), K * qm.se(), b + " mean Q_det " + qm);
            assertEquals(varQ, qv.mean(), K * qv.se(), b + " Var Q_det " + qv);
            // Bins at the from-scratch mean ± 7 sd, as the true counts' are placed.
            assertEquals(CountHistogram.Bins.around(n[0], Math.sqrt(varN), 48), histogram.bins(d), b + " bins");
            // The reference's P(N_det = n) has the from-scratch mean and variance.
            var p = ref.finals()[d];
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < p.p().length; i++) {
                s1 += (p.first() + i) * p.p()[i];
                s2 += (double) (p.first() + i) * (p.first() + i) * p.p()[i];
            }
            assertEquals(n[0], s1, 1e-7 * Math.max(1, Math.abs(n[0])), b + " mean of P(n)");
            assertEquals(varN, s2 - s1 * s1, 1e-7 * varN, b + " variance of P(n)");
        }
        // The lead's dark clicks carry ±1.3, not the ±0.9 of its jumps nor ±1 of a count: a reference whose dark
        // clicks carried ±1 would lie far outside the variance's error bar.
        Detector lead = DETECTION.of("lead");
        double[] wrong = moments(m, rho0, 1, true, lead.efficiency(), lead.darkRate(), 1.0, t);
        RareEvents.Flagged qv = r.estimate(DetectedCounts.energyVariance("lead"), last);
        assertTrue(Math.abs(wrong[1] - wrong[0] * wrong[0] - qv.mean()) > 4 * qv.se(), "dark heat ±1: " + qv);

        DetectedVerdict verdict = DetectedVerdict.of(r, ref);
        assertEquals(2, verdict.histograms().size(), verdict.toString());
        for (DetectedVerdict.Histogram h : verdict.histograms()) {
            assertTrue(h.dof() >= 1 && h.pValue() >= 1e-3 / 2, h.toString());
        }
        // Mean and variance on every point after t = 0: the count of both baths, and the lead's heat (on cold every
        // click carries the gap 1 per count, so Q_det = N_det there and only the count is judged).
        assertTrue(ref.heatOfCount()[ref.baths().indexOf("cold")] && !ref.heatOfCount()[ref.baths().indexOf("lead")]);
        assertTrue(verdict.tests() >= (2 * 2 + 2) * (GRID.points() - 1), "tests: " + verdict.tests());
        assertTrue(verdict.worst() != null, "judged");
        assertTrue(verdict.converged(), verdict.toString());
        for (DetectedVerdict.Bath b : verdict.baths()) {
            assertTrue(b.trueHeat() != null && b.count() != null, b.name() + ": the true count and heat beside");
        }
        DetectedReference perfect = DetectedReference.machine(counting, new Detection(Map.of("cold",
                Detector.PERFECT, "lead", Detector.PERFECT)), rho0, GRID);
        assertFalse(DetectedVerdict.of(r, perfect).converged(), "against a perfect detector");
    }

    /**
     * A perfect detector's heat is the true heat of every trajectory: the detected columns equal {@code energy_<bath>}
     * and its variance on every grid point to within the fixed-point units of Q and Q² (a lead jump's 0.9 is no
     * integer, so a heat kept as a count would not).
     */
    @Test
    void aPerfectDetectorsHeatIsTheTrueHeat() {
        Machine m = machine();
        ZMatrixRMaj rho0 = new ZMatrixRMaj(m.dimension(), m.dimension());
        rho0.set(0, 0, 1, 0);
        Detection perfect = new Detection(Map.of("cold", Detector.PERFECT, "lead", Detector.PERFECT));
        DetectedCounts counts = DetectedCounts.of(m, m.channels(), perfect, GRID);
        EnsembleResult r = EnsembleRunner.run(() -> new MachineTrajectories(m.hamiltonian(), m.channels(), rho0,
                GRID), List.of(new NetCounts(m, m.channels(), GRID), counts), GRID, EnsembleSettings.count(300, 3, 2));
        for (String b : List.of("cold", "lead")) {
            double unitQ = counts.quantum(counts.slots().indexOf("detected_heat_" + b));
            double unitSq = counts.quantum(counts.slots().indexOf("detected_heat_" + b + "_sq"));
            // 24 bits of bounds of a few hundred: far below a jump's heat, so the identities below say something.
            assertTrue(unitQ < 1e-4 && unitSq < 1e-1, b + " units " + unitQ + " " + unitSq);
            for (int k = 1; k < GRID.points(); k++) {
                double q = r.estimate(qtm.observe.Estimates.energy(b), k).mean();
                assertTrue(r.estimate(qtm.observe.Estimates.energyVariance(b), k).mean() > 0, b + " moves heat");
                assertEquals(q, r.estimate(DetectedCounts.energy(b), k).mean(), unitQ / 2, b + " t_" + k);
                assertEquals(r.estimate(qtm.observe.Estimates.energyVariance(b), k).mean(),
                        r.estimate(DetectedCounts.energyVariance(b), k).mean(),
                        unitSq / 2 + Math.abs(q) * unitQ + 1e-12, b + " variance t_" + k);
            }
        }
    }

    /** The detected heat and the machine's final detected histogram are the same on one thread as on three. */
    @Test
    void theSeedFixesTheDetectedHeatAndHistogramOnAnyThreads() {
        Machine m = machine();
        ZMatrixRMaj rho0 = new ZMatrixRMaj(m.dimension(), m.dimension());
        rho0.set(0, 0, 1, 0);
        DetectedCounts counts = DetectedCounts.of(m, m.channels(), DETECTION, GRID);
        DetectedHistogram histogram = DetectedHistogram.of(m, counts, DETECTION, rho0, GRID);
        List<EnsembleResult> runs = new ArrayList<>();
        for (int threads : new int[] {1, 3}) {
            runs.add(EnsembleRunner.run(() -> new MachineTrajectories(m.hamiltonian(), m.channels(), rho0, GRID),
                    List.of(counts, histogram), GRID, EnsembleSettings.count(200, 8, threads)));
        }
        for (String b : List.of("cold", "lead")) {
            for (int k = 0; k < GRID.points(); k++) {
                for (String c : List.of(DetectedCounts.energy(b), DetectedCounts.energyVariance(b))) {
                    assertEquals(runs.get(0).estimate(c, k).mean(), runs.get(1).estimate(c, k).mean(), 0.0, c);
                    assertEquals(runs.get(0).estimate(c, k).se(), runs.get(1).estimate(c, k).se(), 0.0, c);
                }
            }
        }
        assertTrue(java.util.Arrays.equals(runs.get(0).finalSums(DetectedHistogram.NAME),
                runs.get(1).finalSums(DetectedHistogram.NAME)), "histogram sums");
    }

    /**
     * {E X(t), E X(t)²} of bath k's detected count (weights ν) or heat (weights the channel's heat), from scratch.
     */
    private static double[] moments(Machine m, ZMatrixRMaj rho0, int bath, boolean heat, double eta, double theta,
            double dark, double t) {
        int dim = m.dimension();
        int s = dim * dim;
        int n = 2 * s;
        double[][] l = new double[n][n];
        double[][] l1 = new double[n][n];
        double[][] l2 = new double[n][n];
        ZMatrixRMaj h = m.hamiltonian();
        ZMatrixRMaj one = ScratchOps.identity(dim);
        ScratchOps.add(l, ScratchOps.sandwich(h, one), 0, -1);
        ScratchOps.add(l, ScratchOps.sandwich(one, h), 0, 1);
        for (MachineChannel c : m.channels()) {
            ZMatrixRMaj a = c.operator();
            ZMatrixRMaj ad = ScratchOps.dagger(a);
            ZMatrixRMaj ada = ScratchOps.mult(ad, a);
            ScratchOps.add(l, ScratchOps.sandwich(a, ad), c.rate(), 0);
            ScratchOps.add(l, ScratchOps.sandwich(ada, one), -0.5 * c.rate(), 0);
            ScratchOps.add(l, ScratchOps.sandwich(one, ada), -0.5 * c.rate(), 0);
            double w = heat ? c.heat() : c.count();
            if (c.bath() == bath && w != 0) {
                ScratchOps.add(l1, ScratchOps.sandwich(a, ad), eta * w * c.rate(), 0);
                ScratchOps.add(l2, ScratchOps.sandwich(a, ad), eta * w * w * c.rate(), 0);
            }
        }
        for (int i = 0; i < n; i++) {
            l2[i][i] += theta * dark * dark;
        }
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
        for (int i = 0; i < dim; i++) {
            for (int k = 0; k < dim; k++) {
                rho[i * dim + k] = rho0.getReal(i, k);
                rho[s + i * dim + k] = rho0.getImag(i, k);
            }
        }
        return new double[] {ScratchOps.trace(e, dim, n, rho, 1), 2 * ScratchOps.trace(e, dim, n, rho, 2)};
    }
}
