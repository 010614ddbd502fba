package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.engine.CollisionEngine;
import qtm.engine.CollisionEngine.Sampling;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.exact.CollisionMap;
import qtm.model.Bath;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.stats.Verdict;

/**
 * The reset model's collision engine by events (geometric waits, closed-form rotation) and by steps: both converge to
 * the exact collision map, state and counts, and agree with each other, including where both baths often collide in
 * the same step.
 */
class CollisionSamplingTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // reset-paper's machine with rates ×10 and a grid of 10 steps per point
                Arguments.of(new ResetModel(1, 1.6e-2, new Bath(0, 1e-1), new Bath(Double.POSITIVE_INFINITY, 1.1e-2)),
                        new TimeGrid(400, 41), "01", 1.0),
                // p·Δt = 0.5 and 0.4 at Δt = 5: the two baths collide in the same step in 20 % of steps
                Arguments.of(new ResetModel(1, 5e-2, new Bath(0.3, 0.1), new Bath(2, 0.08)), new TimeGrid(200, 11),
                        "00", 5.0));
    }

    private static EnsembleResult run(Model m, TimeGrid grid, ZMatrixRMaj rho0, double dt, Sampling s, long seed) {
        return EnsembleRunner.run(() -> new CollisionEngine(m, rho0, grid, dt, s), m, rho0, grid,
                EnsembleSettings.count(20_000, seed, 2));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eventsAndStepsBothConvergeToTheMapAndAgree(Model m, TimeGrid grid, String initial, double dt) {
        ZMatrixRMaj rho0 = TwoQubits.basisState(initial);
        List<ZMatrixRMaj> map = new CollisionMap(m, grid, dt).evolve(rho0);
        CountingReference counts = CountingReference.collision(m, rho0, grid, dt);
        EnsembleResult events = run(m, grid, rho0, dt, Sampling.EVENTS, 3);
        EnsembleResult steps = run(m, grid, rho0, dt, Sampling.STEPS, 4);
        for (EnsembleResult r : new EnsembleResult[] {events, steps}) {
            Verdict v = Verdicts.of(r, map);
            assertTrue(v.converged(), v.toString());
            CountingVerdict c = CountingVerdict.of(r, counts);
            assertTrue(c.converged(), c.toString());
        }
        // Two independent estimates of the same ρ(t): the largest |z| of their difference, Bonferroni-judged.
        double maxZ = 0;
        int tests = 0;
        for (int k = 1; k < grid.points(); k++) {
            double[] a = events.rhoMeans(k);
            double[] sa = events.rhoStandardErrors(k);
            double[] b = steps.rhoMeans(k);
            double[] sb = steps.rhoStandardErrors(k);
            for (int i = 0; i < a.length; i++) {
                double se = Math.hypot(sa[i], sb[i]);
                if (se > 0) {
                    maxZ = Math.max(maxZ, Math.abs(a[i] - b[i]) / se);
                    tests++;
                }
            }
        }
        double p = tests * 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-maxZ);
        assertTrue(tests > 0 && p >= 1e-3, "events against steps: max |z| " + maxZ + " over " + tests);
    }

    @Test
    void eventsNeedTheResetModel() {
        Model flux = new FluxModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(100, 1e-5));
        assertThrows(IllegalArgumentException.class, () -> new CollisionEngine(flux, TwoQubits.basisState("00"),
                new TimeGrid(10, 11), 1.0, Sampling.EVENTS));
    }
}
