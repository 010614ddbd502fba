package qtm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import qtm.engine.EngineKind;
import qtm.ensemble.EnsembleResult;
import qtm.ensemble.EnsembleRunner;
import qtm.ensemble.EnsembleSettings;
import qtm.model.Bath;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;
import qtm.scenario.Scenario;
import qtm.scenario.ScenarioReader;
import qtm.stats.RareEvents;

/**
 * The ensembles' counting statistics against the tilted Liouvillian: the mean and variance of N_k(t) and Q_k(t) on
 * every grid point, and the final-count histogram; and the error bars of the variance themselves.
 */
@Tag("slow")
class CountingAgreementTest {
    private static EnsembleResult run(Model model, ZMatrixRMaj rho0, TimeGrid grid, long n, long seed) {
        return EnsembleRunner.run(() -> EngineKind.TRAJECTORIES.create(model, rho0, grid, 0), model, rho0, grid,
                EnsembleSettings.count(n, seed, 2));
    }

    /** The acceptance: 100,000 trajectories, Var(N_c(t)) within 4 SE wherever reliable, in the verdict. */
    @ParameterizedTest
    @ValueSource(strings = {"reset-paper", "dqd-warm-cold"})
    void varianceOfTheColdCountIsWithinFourSeOfExactOnTheWholeGrid(String name) throws Exception {
        Scenario s = ScenarioReader.read(Path.of("scenarios/" + name + ".yaml"), List.of());
        EnsembleResult r = run(s.model(), s.initial(), s.time(), 100_000, 11);
        CountingReference exact = CountingReference.master(s.model(), s.initial(), s.time());
        int reliable = 0;
        for (Side side : Side.values()) {
            String k = side.key();
            for (int t = 0; t < s.time().points(); t++) {
                RareEvents.Flagged var = r.estimate("count_" + k + "_var", t);
                RareEvents.Flagged mean = r.estimate("count_" + k, t);
                if (var.reliable()) {
                    reliable++;
                    assertTrue(Math.abs(var.mean() - exact.variance(side, false, t)) <= 4 * var.se(),
                            name + " Var(N_" + k + ") at t = " + s.time().time(t) + ": " + var + " vs "
                                    + exact.variance(side, false, t));
                }
                if (mean.reliable()) {
                    assertTrue(Math.abs(mean.mean() - exact.mean(side, false, t)) <= 4 * mean.se(),
                            name + " <N_" + k + "> at t = " + s.time().time(t) + ": " + mean);
                }
            }
        }
        // All but the first few points carry jumps: a rule that flagged everything would test nothing.
        assertTrue(reliable > 1.8 * s.time().points(), "reliable points " + reliable);
        CountingVerdict v = CountingVerdict.of(r, exact);
        assertNotNull(v);
        assertTrue(v.converged(), v.toString());
        assertTrue(v.tests() >= reliable, "the verdict holds every reliable variance");
    }

    /**
     * The collision engine's counts against the tilted discrete map at its own step, in all three models: the mean
     * and variance of N_k(t) and Q_k(t) within 4 SE wherever reliable, and a converged verdict.
     */
    @ParameterizedTest
    @ValueSource(strings = {"reset-paper", "flux-warm-cold", "dqd-warm-cold"})
    void collisionCountsAgreeWithTheDiscreteMap(String name) throws Exception {
        Scenario s = ScenarioReader.read(Path.of("scenarios/" + name + ".yaml"),
                List.of("time.end=2000", "time.points=41"));
        double dt = s.simulation().dt();
        ZMatrixRMaj rho0 = s.initial();
        EnsembleResult r = EnsembleRunner.run(() -> EngineKind.COLLISION.create(s.model(), rho0, s.time(), dt),
                s.model(), rho0, s.time(), EnsembleSettings.count(20_000, 5, 2));
        CountingReference exact = CountingReference.collision(s.model(), rho0, s.time(), dt);
        int reliable = 0;
        for (Side side : Side.values()) {
            String k = side.key();
            for (int t = 0; t < s.time().points(); t++) {
                for (String c : new String[] {"count_", "energy_"}) {
                    boolean heat = c.equals("energy_");
                    RareEvents.Flagged mean = r.estimate(c + k, t);
                    RareEvents.Flagged var = r.estimate(c + k + "_var", t);
                    if (mean.reliable()) {
                        assertTrue(Math.abs(mean.mean() - exact.mean(side, heat, t)) <= 4 * mean.se(),
                                name + " mean " + c + k + " at " + t + ": " + mean + " vs " + exact.mean(side, heat, t));
                    }
                    if (var.reliable()) {
                        reliable++;
                        assertTrue(Math.abs(var.mean() - exact.variance(side, heat, t)) <= 4 * var.se(),
                                name + " var " + c + k + " at " + t + ": " + var + " vs "
                                        + exact.variance(side, heat, t));
                    }
                }
            }
        }
        assertTrue(reliable > 3 * s.time().points(), "reliable points " + reliable);
        CountingVerdict v = CountingVerdict.of(r, exact);
        assertTrue(v.converged(), v.toString());
    }

    /**
     * The jackknife SE of Var(N_k(t)) is honest: over independent ensembles, z = (est − exact)/SE has E z² = 31/29
     * (Student's t with the jackknife's 31 degrees of freedom) and |z| ≤ 2 in 94.6 % of cases. Each ensemble gives
     * four correlated z's, so the ensembles are the independent units: their averages of z² and of the coverage are
     * compared with 4 empirical SEs over the ensembles. An SE off by 20 % moves E z² by a third and fails.
     */
    @Test
    void theErrorBarOfTheVarianceCoversTheExactValue() {
        Model model = new ResetModel(1, 5e-3, new Bath(0.3, 2e-2), new Bath(3, 2e-2));
        TimeGrid grid = new TimeGrid(200, 5);
        ZMatrixRMaj rho0 = TwoQubits.basisState("00");
        CountingReference exact = CountingReference.master(model, rho0, grid);
        int runs = 160;
        double[] square = new double[runs];
        double[] cover = new double[runs];
        for (int seed = 0; seed < runs; seed++) {
            EnsembleResult r = run(model, rho0, grid, 2000, 1000 + seed);
            int m = 0;
            for (int t = 2; t < grid.points(); t += 2) {
                for (Side side : Side.values()) {
                    RareEvents.Flagged v = r.estimate("count_" + side.key() + "_var", t);
                    assertTrue(v.reliable());
                    double d = (v.mean() - exact.variance(side, false, t)) / v.se();
                    square[seed] += d * d;
                    cover[seed] += Math.abs(d) <= 2 ? 1 : 0;
                    m++;
                }
            }
            square[seed] /= m;
            cover[seed] /= m;
        }
        assertWithin(31.0 / 29, square, "mean z^2");
        assertWithin(0.946, cover, "coverage of 2 SE");
    }

    private static void assertWithin(double expected, double[] x, String what) {
        org.apache.commons.math3.stat.descriptive.SummaryStatistics s =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (double v : x) {
            s.addValue(v);
        }
        double se = s.getStandardDeviation() / Math.sqrt(x.length);
        assertTrue(Math.abs(s.getMean() - expected) <= 4 * se, what + " " + s.getMean() + " ± " + se + " vs "
                + expected);
    }
}
