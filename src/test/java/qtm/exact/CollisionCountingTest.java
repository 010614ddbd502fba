package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.engine.CollisionEngine;
import qtm.engine.TrajectoryObserver;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * Issue 11 for the collision model: the tilted discrete map checked against the long-time slopes of its own
 * finite-step moments, the continuous-time counting statistics as Δt → 0, g = 0, equal temperatures and the collision
 * engine's counts (the brute-force enumeration of the Kraus branches is {@link CollisionCountingBruteForceTest}).
 */
class CollisionCountingTest {
    /** Fast relaxation within the weak-coupling range: the models of CountingStatisticsTest, which Δt → 0 meets. */
    static List<Model> models() {
        return CountingStatisticsTest.models();
    }

    /** A state with populations and coherences everywhere. */
    static ZMatrixRMaj mixedState() {
        double[] re = {0.5, 0.3, -0.4, 0.2};
        double[] im = {0.1, -0.35, 0.25, 0.45};
        double norm = 0;
        for (int i = 0; i < 4; i++) {
            norm += re[i] * re[i] + im[i] * im[i];
        }
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                // 0.8 |ψ⟩⟨ψ| + 0.2·1/4
                double a = 0.8 * (re[i] * re[j] + im[i] * im[j]) / norm + (i == j ? 0.05 : 0);
                double b = 0.8 * (im[i] * re[j] - re[i] * im[j]) / norm;
                rho.set(i, j, a, b);
            }
        }
        return rho;
    }

    static double[] cumulants(double[] m) {
        return new double[] {m[0], m[1] - m[0] * m[0], m[2] - 3 * m[1] * m[0] + 2 * m[0] * m[0] * m[0]};
    }

    @ParameterizedTest
    @MethodSource("models")
    void stationaryCumulantsAreTheLongTimeSlopes(Model model) {
        double dt = 0.5;
        for (Side side : Side.values()) {
            for (Weight w : Weight.values()) {
                CollisionCounting cc = new CollisionCounting(model, dt, side, w);
                Cumulants c = cc.stationary();
                // 40 relaxation times: the transient is e^{-40} of the difference.
                long s1 = (long) Math.ceil(40 / (qtm.exact.Spectrum.gap(model) * dt));
                long s2 = 2 * s1;
                ZMatrixRMaj rho0 = TwoQubits.basisState("00");
                double[] k1 = cumulants(cc.moments(rho0, s1, 3));
                double[] k2 = cumulants(cc.moments(rho0, s2, 3));
                double[] expected = {c.current(), c.noise(), c.third()};
                for (int i = 0; i < 3; i++) {
                    double slope = (k2[i] - k1[i]) / ((s2 - s1) * dt);
                    assertEquals(slope, expected[i], 1e-9 * Math.abs(slope), model + " " + side + " " + w + " c" + (i + 1));
                }
            }
        }
    }

    /** Observed: the relative error halves with Δt (order 1.0 to 1.12 between Δt = 0.1 and 0.05). */
    @ParameterizedTest
    @MethodSource("models")
    void asDtShrinksTheCumulantsApproachTheContinuousOnesAtFirstOrder(Model model) {
        for (Side side : Side.values()) {
            for (Weight w : Weight.values()) {
                Cumulants exact = new CountingStatistics(model, side, w).stationary();
                double[] e = {exact.current(), exact.noise(), exact.third()};
                double[][] err = new double[2][3];
                double[] dts = {0.1, 0.05};
                for (int q = 0; q < 2; q++) {
                    Cumulants c = new CollisionCounting(model, dts[q], side, w).stationary();
                    double[] x = {c.current(), c.noise(), c.third()};
                    for (int i = 0; i < 3; i++) {
                        err[q][i] = Math.abs(x[i] - e[i]);
                        // O(Δt) with rates up to 0.08: below a percent at Δt = 0.1.
                        assertTrue(err[q][i] <= 0.01 * Math.abs(e[i]), model + " " + side + " " + w + " c" + (i + 1)
                                + " dt " + dts[q] + ": " + x[i] + " vs " + e[i]);
                    }
                }
                for (int i = 0; i < 3; i++) {
                    double order = Math.log(err[0][i] / err[1][i]) / Math.log(2);
                    assertEquals(1.0, order, 0.25, model + " " + side + " " + w + " c" + (i + 1) + " order");
                }
            }
        }
    }

    @Test
    void withoutCouplingNoCurrentFlows() {
        for (Model m : List.of(new ResetModel(1, 0, new Bath(0.3, 0.06), new Bath(3, 0.04)),
                new FluxModel(1, 0, new Bath(0.4, 0.03), new Bath(2.5, 0.015)),
                new DotModel(1, 0, 2.0, new Bath(0.5, 0.05), new Bath(4, 0.08)))) {
            for (Side side : Side.values()) {
                CollisionCounting cc = new CollisionCounting(m, 0.5, side, Weight.QUANTA);
                assertEquals(new Cumulants(0, 0, 0), cc.stationary());
                // The count is the qubit's lost excitation: bounded, whatever the time.
                ZMatrixRMaj rho0 = mixedState();
                for (long s : new long[] {10, 1000, 100_000}) {
                    double[] x = cc.moments(rho0, s, 2);
                    assertTrue(Math.abs(x[0]) <= 1 && x[1] <= 1, m + " " + side + " " + s + " " + x[0] + " " + x[1]);
                }
            }
        }
    }

    /**
     * Not assumed: the slopes of the finite-step cumulants from the Gibbs state. The current vanishes for all three
     * models; the third cumulant where the collisions of the two baths commute, but not in the double dot with U ≠ 0,
     * whose collisions are conditioned on the other dot: there it is of order Δt.
     */
    @Test
    void atEqualTemperaturesTheCurrentVanishesAndTheThirdCumulantWhereTheCollisionsCommute() {
        for (Model m : List.of(new ResetModel(1, 0.08, new Bath(0.7, 0.06), new Bath(0.7, 0.04)),
                new FluxModel(1, 0.06, new Bath(0.9, 0.03), new Bath(0.9, 0.015)),
                new DotModel(1, 0.07, 0.0, new Bath(0.5, 0.05), new Bath(0.5, 0.08)),
                new DotModel(1, 0.07, 2.0, new Bath(0.5, 0.05), new Bath(0.5, 0.08)))) {
            boolean odd = m.coulomb() != 0;
            for (Side side : Side.values()) {
                for (Weight w : Weight.values()) {
                    double[] c3 = new double[2];
                    double[] dts = {0.5, 0.25};
                    for (int q = 0; q < 2; q++) {
                        double dt = dts[q];
                        CollisionCounting cc = new CollisionCounting(m, dt, side, w);
                        Cumulants c = cc.stationary();
                        assertEquals(0.0, c.current());
                        assertTrue(c.noise() > 0);
                        ZMatrixRMaj tau = thermal(m);
                        long s = Math.round(1000 / dt);
                        double[] k1 = cumulants(cc.moments(tau, s, 3));
                        double[] k2 = cumulants(cc.moments(tau, 2 * s, 3));
                        double scale = c.noise() * s * dt;
                        String at = m + " " + side + " " + w + " dt " + dt;
                        assertEquals(0.0, k2[0] - k1[0], 1e-12 * scale, at + " mean");
                        assertEquals(c.noise(), (k2[1] - k1[1]) / (s * dt), 1e-9 * c.noise(), at + " noise");
                        double slope = (k2[2] - k1[2]) / (s * dt);
                        if (odd) {
                            assertEquals(slope, c.third(), 1e-9 * Math.abs(slope), at + " third");
                            assertTrue(Math.abs(slope) > 1e-4 * c.noise(), at + " third " + slope);
                        } else {
                            assertEquals(0.0, c.third());
                            assertEquals(0.0, slope, 1e-11 * c.noise(), at + " third");
                        }
                        c3[q] = slope;
                    }
                    if (odd) {
                        // Broken at first order in Δt: half the step, half the third cumulant.
                        assertEquals(0.5, c3[1] / c3[0], 0.02, m + " " + side + " " + w);
                    }
                }
            }
        }
    }

    /** τ_c ⊗ τ_h from the Boltzmann weights of the levels E, E + U. */
    static ZMatrixRMaj thermal(Model m) {
        ZMatrixRMaj h = m.hamiltonian();
        double beta = 1 / m.cold().temperature();
        ZMatrixRMaj t = new ZMatrixRMaj(4, 4);
        double z = 0;
        for (int i = 0; i < 4; i++) {
            z += Math.exp(-beta * h.getReal(i, i));
        }
        for (int i = 0; i < 4; i++) {
            t.set(i, i, Math.exp(-beta * h.getReal(i, i)) / z, 0);
        }
        return t;
    }

    @ParameterizedTest
    @MethodSource("models")
    void theDistributionSumsToOneAndHasTheMoments(Model model) {
        ZMatrixRMaj rho0 = mixedState();
        for (Side side : Side.values()) {
            CollisionCounting cc = new CollisionCounting(model, 0.5, side, Weight.QUANTA);
            for (long s : new long[] {1, 7, 400}) {
                Distribution d = cc.distribution(rho0, s);
                double[] m = cc.moments(rho0, s, 3);
                double[] fromP = new double[4];
                for (int j = 0; j < d.p().length; j++) {
                    double n = d.first() + j;
                    fromP[0] += d.p()[j];
                    fromP[1] += d.p()[j] * n;
                    fromP[2] += d.p()[j] * n * n;
                    fromP[3] += d.p()[j] * n * n * n;
                    assertTrue(d.p()[j] > -1e-13, "P(" + n + ") = " + d.p()[j]);
                }
                double scale = Math.max(1, Math.abs(d.first()) + d.p().length);
                assertEquals(1.0, fromP[0], 1e-12);
                assertEquals(m[0], fromP[1], 1e-11 * scale, model + " " + side + " " + s);
                assertEquals(m[1], fromP[2], 1e-11 * scale * scale);
                assertEquals(m[2], fromP[3], 1e-11 * scale * scale * scale);
            }
        }
    }

    @Test
    void theHeatDistributionIsRefusedAndABadStepNamed() {
        Model m = models().get(0);
        assertThrows(IllegalStateException.class,
                () -> new CollisionCounting(m, 0.5, Side.COLD, Weight.HEAT).distribution(mixedState(), 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CollisionCounting(m, 100, Side.COLD, Weight.QUANTA));
        assertTrue(e.getMessage().contains("exceed 1"), e.getMessage());
    }

    @Test
    void theGridLayoutForTheVerdictHoldsBothBathsAndBothWeights() {
        Model m = models().get(3);
        TimeGrid grid = new TimeGrid(20, 5);
        double[][][] x = CollisionCounting.onGrid(m, mixedState(), grid, 0.5);
        assertEquals(4, x.length);
        int q = 0;
        for (Side side : Side.values()) {
            for (Weight w : Weight.values()) {
                double[][] one = new CollisionCounting(m, grid, 0.5, side, w).onGrid(mixedState());
                assertEquals(grid.points(), x[q].length);
                for (int k = 0; k < grid.points(); k++) {
                    assertEquals(one[k][0], x[q][k][0], 0.0);
                    assertEquals(one[k][1], x[q][k][1], 0.0);
                }
                q++;
            }
        }
    }
    /**
     * The branch → weight assignment is the engine's: the counts the collision engine reports to its observer (ν and
     * energy per bath, summed over a trajectory) have the mean and variance of the tilted map within 5 SE of the
     * run's own estimate, SE(variance) from the sample fourth moment. Fixed seed.
     */
    @Test
    void theEngineCountsHaveTheMeanAndVarianceOfTheTiltedMap() {
        ZMatrixRMaj rho0 = mixedState();
        TimeGrid grid = new TimeGrid(60, 3);
        int n = 20_000;
        for (Model model : List.of(models().get(0), models().get(2), models().get(3))) {
            double dt = 0.5;
            double[][][] exact = CollisionCounting.onGrid(model, rho0, grid, dt);
            CollisionEngine engine = new CollisionEngine(model, rho0, grid, dt);
            double[][][] sums = new double[4][grid.points()][4];
            double[] count = new double[4];
            TrajectoryObserver observer = new TrajectoryObserver() {
                @Override
                public void begin() {
                    java.util.Arrays.fill(count, 0);
                }

                @Override
                public void state(int k, double[] re, double[] im) {
                    for (int q = 0; q < 4; q++) {
                        double x = count[q];
                        for (int p = 0; p < 4; p++) {
                            sums[q][k][p] += Math.pow(x, p + 1);
                        }
                    }
                }

                @Override
                public void jump(int channel, int bath, double energy, double time) {
                    int base = 2 * bath;
                    count[base] += Math.signum(energy);
                    count[base + 1] += energy;
                }

                @Override
                public void end() {
                }
            };
            for (int t = 0; t < n; t++) {
                engine.run(qtm.ensemble.Streams.forTrajectory(2026, t), observer);
            }
            for (int q = 0; q < 4; q++) {
                for (int k = 1; k < grid.points(); k++) {
                    double m1 = sums[q][k][0] / n;
                    double m2 = sums[q][k][1] / n;
                    double m3 = sums[q][k][2] / n;
                    double m4 = sums[q][k][3] / n;
                    double var = m2 - m1 * m1;
                    double mu4 = m4 - 4 * m3 * m1 + 6 * m2 * m1 * m1 - 3 * m1 * m1 * m1 * m1;
                    String at = model + " q " + q + " k " + k;
                    assertEquals(exact[q][k][0], m1, 5 * Math.sqrt(var / n), at + " mean");
                    assertEquals(exact[q][k][1], var * n / (n - 1), 5 * Math.sqrt((mu4 - var * var) / n),
                            at + " variance");
                }
            }
        }
    }
}
