package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.engine.Engine;
import qtm.engine.TrajectoryObserver;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.exact.HomodyneExact;
import qtm.model.MachineChannel;
import qtm.model.TimeGrid;
import qtm.observe.HomodyneCurrent;
import qtm.observe.HomodyneSpectrum;
import qtm.observe.Quantity;

/**
 * The homodyne verdict (issue 29) end to end through the ensemble runner, on a qubit at zero temperature that starts in
 * its ground state: there the homodyne record is pure shot noise (mean current 0, spectrum 1 at every ω′, as the
 * vacuum gives), so a fake engine that emits white noise is the exact physics, and one with a drift or excess noise is
 * not. The fake engine reports mixed states, so the final-only spectrum goes through the mixed path.
 */
class HomodyneVerdictTest {
    private static final TimeGrid GRID = new TimeGrid(8, 9);
    private static final double DT = 0.05;

    /** White noise of variance scale·dt per channel, with a drift on channel 0, reporting ρ = |g⟩⟨g|. */
    private record Noise(double drift, double scale) implements Engine {
        @Override
        public void run(UniformRandomProvider rng, TrajectoryObserver observer) {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] re = {1, 0, 0, 0};
            double[] im = new double[4];
            observer.begin();
            observer.mixed(0, re, im);
            int step = 0;
            double sd = Math.sqrt(scale * DT);
            for (int k = 1; k < GRID.points(); k++) {
                for (int s = 0; s < 20; s++) {
                    observer.homodyne(++step, new double[] {drift * DT + sd * g.sample(), sd * g.sample()});
                }
                observer.mixed(k, re, im);
            }
            observer.end();
        }

        @Override
        public TimeGrid grid() {
            return GRID;
        }
    }

    private static HomodyneExact qubit() {
        ZMatrixRMaj h = new ZMatrixRMaj(2, 2);
        h.set(1, 1, 1, 0);
        ZMatrixRMaj lower = new ZMatrixRMaj(2, 2);
        lower.set(0, 1, 1, 0);
        ZMatrixRMaj raise = new ZMatrixRMaj(2, 2);
        raise.set(1, 0, 1, 0);
        return new HomodyneExact(h, List.of(new MachineChannel(0, lower, 0.3, 1, 1, 1, "-"),
                new MachineChannel(0, raise, 0, -1, -1, -1, "+")), List.of("bath"), new double[] {0.3},
                new double[] {1});
    }

    private static HomodyneVerdict verdict(Noise engine, long seed, ZMatrixRMaj rho0) {
        HomodyneExact exact = qubit();
        List<Quantity> q = List.of(
                new HomodyneCurrent(exact.baths(), exact.channelBaths(), new double[] {exact.meanBound(0)}, GRID, DT),
                new HomodyneSpectrum(exact.baths(), exact.channelBaths(), exact.frequencies(8), GRID, DT, 4));
        EnsembleResult r = EnsembleRunner.run(() -> engine, q, GRID, EnsembleSettings.count(256, seed, 1));
        return HomodyneVerdict.of(r, exact, rho0);
    }

    private static ZMatrixRMaj level(int i) {
        ZMatrixRMaj rho = new ZMatrixRMaj(2, 2);
        rho.set(i, i, 1, 0);
        return rho;
    }

    @Test
    void shotNoiseIsJudgedExactAtSeveralSeeds() {
        for (long seed : new long[] {1, 2, 3}) {
            HomodyneVerdict v = verdict(new Noise(0, 1), seed, level(0));
            // 8 current rows and 8 spectrum points.
            assertEquals(16, v.tests());
            assertTrue(v.converged(), "seed " + seed + ": " + v);
            assertTrue(v.unjudged().isEmpty());
        }
    }

    @Test
    void aDriftOrExcessNoiseFails() {
        HomodyneVerdict drift = verdict(new Noise(0.8, 1), 1, level(0));
        assertFalse(drift.converged());
        assertTrue(drift.worst().element().startsWith("homodyne_bath"), drift.toString());
        HomodyneVerdict excess = verdict(new Noise(0, 1.3), 1, level(0));
        assertFalse(excess.converged());
        assertTrue(excess.worst().element().startsWith("spectrum_bath"), excess.toString());
    }

    /** From |e⟩ the qubit has not relaxed by t = 4 (e^{−0.3·4} ≈ 0.3): its spectrum is left unjudged. */
    @Test
    void anUnrelaxedTransientLeavesTheSpectrumUnjudged() {
        HomodyneVerdict v = verdict(new Noise(0, 1), 1, level(1));
        assertEquals(8, v.tests());
        assertEquals(1, v.unjudged().size());
        assertTrue(v.unjudged().get(0).startsWith("spectrum of bath"), v.unjudged().get(0));
    }
}
