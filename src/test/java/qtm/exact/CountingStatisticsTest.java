package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Weight;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.TwoQubits;

/**
 * Issue 11, stationary counting statistics, each checked by a route that shares nothing with the perturbation formula
 * but the generator: the long-time slopes of the finite-time cumulants (block matrix exponential), the heat current
 * of the coupling formula, the Gallavotti–Cohen symmetry of the leading eigenvalue of the tilted generator, the
 * fluctuation–dissipation relation, and g = 0.
 */
class CountingStatisticsTest {
    /** Fast relaxation within the weak-coupling range (gap ~ 0.01–0.1), so that the slopes converge within t of a few hundred. */
    static List<Model> models() {
        return List.of(
                new ResetModel(1, 0.08, new Bath(0.3, 0.06), new Bath(3, 0.04)),
                new ResetModel(1, 0.05, new Bath(0, 0.08), new Bath(Double.POSITIVE_INFINITY, 0.02)),
                new FluxModel(1, 0.06, new Bath(0.4, 0.03), new Bath(2.5, 0.015)),
                new DotModel(1, 0.07, 2.0, new Bath(0.5, 0.05), new Bath(4, 0.08)),
                new DotModel(1, 0.03, 0.0, new Bath(0.2, 0.08), new Bath(1.5, 0.04)));
    }

    static double gap(Model m) {
        return Spectrum.gap(m);
    }

    /** Var and the third cumulant from raw moments. */
    static double[] cumulants(double[] m) {
        return new double[] {m[0], m[1] - m[0] * m[0], m[2] - 3 * m[1] * m[0] + 2 * m[0] * m[0] * m[0]};
    }

    @ParameterizedTest
    @MethodSource("models")
    void stationaryCumulantsAreTheLongTimeSlopes(Model model) {
        double t1 = 40 / gap(model);
        double t2 = 2 * t1;
        for (Side side : Side.values()) {
            for (Weight w : Weight.values()) {
                CountingStatistics fcs = new CountingStatistics(model, side, w);
                Cumulants c = fcs.stationary();
                double[] k1 = cumulants(fcs.moments(TwoQubits.basisState("00"), t1, 3));
                double[] k2 = cumulants(fcs.moments(TwoQubits.basisState("00"), t2, 3));
                double[] slope = new double[3];
                for (int i = 0; i < 3; i++) {
                    slope[i] = (k2[i] - k1[i]) / (t2 - t1);
                }
                String what = model + " " + side + " " + w;
                assertEquals(c.current(), slope[0], 1e-9 * Math.abs(c.current()) + 1e-15, what + " current");
                assertEquals(c.noise(), slope[1], 1e-9 * Math.abs(c.noise()) + 1e-15, what + " noise");
                assertEquals(c.third(), slope[2], 1e-9 * Math.abs(c.third()) + 1e-13, what + " third");
            }
        }
    }

    /** The current from the coupling (what {@code stationary} returns) against ⟨L'⟩, the sum over the jump terms. */
    @ParameterizedTest
    @MethodSource("models")
    void theCouplingCurrentIsTheSumOverTheJumps(Model model) {
        qtm.math.HermitianBasis basis = new qtm.math.HermitianBasis(4);
        double[] rho = basis.coordinates(SteadyState.of(model), new double[16]);
        double[] trace = basis.traceFunctional();
        for (Side side : Side.values()) {
            for (Weight w : Weight.values()) {
                CountingStatistics fcs = new CountingStatistics(model, side, w);
                DMatrixRMaj l1 = fcs.derivatives().get(0);
                double sum = 0;
                for (int r = 0; r < 16; r++) {
                    for (int c = 0; c < 16; c++) {
                        sum += trace[r] * l1.get(r, c) * rho[c];
                    }
                }
                double c1 = fcs.stationary().current();
                assertEquals(sum, c1, 1e-10 * Math.abs(sum), model + " " + side + " " + w);
            }
        }
    }

    /**
     * Far below the bath rates the current scales as g² to full precision (it comes from the coupling), while the
     * noise, a difference of terms of the size of the gross jump rate, is reported unresolved rather than as rounding.
     */
    @org.junit.jupiter.api.Test
    void aTinyCouplingGivesAnExactCurrentAndAnUnresolvedNoise() {
        Model a = new ResetModel(1, 1e-7, new Bath(1, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1e-2));
        Model b = a.with(1e-9, a.cold(), a.hot());
        Cumulants ca = new CountingStatistics(a, Side.COLD, Weight.HEAT).stationary();
        Cumulants cb = new CountingStatistics(b, Side.COLD, Weight.HEAT).stationary();
        assertEquals(1e-4, cb.current() / ca.current(), 1e-8);
        assertTrue(Double.isNaN(cb.noise()), "unresolved, not " + cb.noise());
        Model c = a.with(1e-4, a.cold(), a.hot());
        Cumulants cc = new CountingStatistics(c, Side.COLD, Weight.QUANTA).stationary();
        assertTrue(cc.noise() > 0 && Double.isFinite(cc.noise()), "resolved at g = 1e-4: " + cc.noise());
    }

    /**
     * The leading eigenvalue of L + Σ_j (e^{s ω_j} − 1) J_j over the bath's channels, the scaled cumulant generating
     * function θ(s) of the heat, with J_j ρ = γ A ρ A† built here from the model's jumps.
     */
    static double theta(Model model, Side side, double s) {
        qtm.math.HermitianBasis basis = new qtm.math.HermitianBasis(4);
        DMatrixRMaj tilted = new Liouvillian(model).matrix();
        double[] column = new double[16];
        for (qtm.model.Jump j : model.jumps()) {
            if (j.side() != side) {
                continue;
            }
            double f = Math.expm1(s * j.energy()) * j.rate();
            for (int c = 0; c < 16; c++) {
                org.ejml.data.ZMatrixRMaj out = qtm.math.Ops.mult(j.operator(), basis.element(c),
                        qtm.math.Ops.dagger(j.operator()));
                basis.coordinates(out, column);
                for (int r = 0; r < 16; r++) {
                    tilted.add(r, c, f * column[r]);
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(16, false);
        assertTrue(eig.decompose(tilted));
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            best = Math.max(best, eig.getEigenvalue(i).getReal());
        }
        return best;
    }

    @ParameterizedTest
    @MethodSource("models")
    void gallavottiCohenHoldsForTheColdHeat(Model model) {
        double tc = model.cold().temperature();
        double th = model.hot().temperature();
        org.junit.jupiter.api.Assumptions.assumeTrue(tc > 0 && Double.isFinite(th),
                "the symmetry's affinity 1/T_c - 1/T_h is finite only for 0 < T < inf: " + model);
        double a = 1 / tc - 1 / th;
        // θ'(0) is the current: the eigenvalue routine and the perturbation formula agree to a difference quotient.
        double h = 1e-5;
        double slope = (theta(model, Side.COLD, h) - theta(model, Side.COLD, -h)) / (2 * h);
        double current = new CountingStatistics(model, Side.COLD, Weight.HEAT).stationary().current();
        assertEquals(current, slope, 1e-5 * Math.abs(current), "rough check of θ'(0)");
        for (double f : new double[] {0.1, 0.3, -0.4}) {
            double s = f * a;
            double x = theta(model, Side.COLD, s);
            double y = theta(model, Side.COLD, -a - s);
            assertEquals(x, y, 1e-9 * Math.max(Math.abs(x), 1e-12) + 1e-14, model + " s=" + s);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void atEqualTemperaturesTheHeatNoiseIsTwiceTheLinearResponse(Model model) {
        double t = 1.0;
        Model eq = model.with(model.g(), new Bath(t, model.cold().rate()), new Bath(t, model.hot().rate()));
        Cumulants c = new CountingStatistics(eq, Side.COLD, Weight.HEAT).stationary();
        assertEquals(0, c.current(), "no mean current at equal temperatures");
        double d = 1e-4;
        Model up = model.with(model.g(), new Bath(t - d, model.cold().rate()), new Bath(t + d, model.hot().rate()));
        Model down = model.with(model.g(), new Bath(t + d, model.cold().rate()), new Bath(t - d, model.hot().rate()));
        double qUp = new CountingStatistics(up, Side.COLD, Weight.HEAT).stationary().current();
        double qDown = new CountingStatistics(down, Side.COLD, Weight.HEAT).stationary().current();
        double aUp = 1 / (t - d) - 1 / (t + d);
        double linear = (qUp - qDown) / (2 * aUp);
        assertEquals(2 * linear, c.noise(), 1e-6 * c.noise(), model.toString());
    }

    @ParameterizedTest
    @MethodSource("models")
    void withoutCouplingNothingFlowsThroughAndTheNoiseVanishes(Model model) {
        Model free = model.with(0, model.cold(), model.hot());
        for (Side side : Side.values()) {
            Cumulants c = new CountingStatistics(free, side, Weight.QUANTA).stationary();
            assertEquals(0, c.current(), side.toString());
            // A lone qubit exchanges at most one quantum net: the count is bounded, so its noise is 0.
            assertEquals(0, c.noise(), 1e-12, side.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void theDistributionSumsToOneAndHasTheMomentsOfTheBlockExponential(Model model) {
        org.ejml.data.ZMatrixRMaj rho0 = TwoQubits.basisState("01");
        for (Side side : Side.values()) {
            CountingStatistics fcs = new CountingStatistics(model, side, Weight.QUANTA);
            for (double t : new double[] {5, 60}) {
                CountingStatistics.Distribution d = fcs.distribution(rho0, t);
                double sum = 0;
                double m1 = 0;
                double m2 = 0;
                for (int i = 0; i < d.p().length; i++) {
                    double n = d.first() + i;
                    assertTrue(d.p()[i] > -1e-13, "P >= 0 up to rounding: " + d.p()[i]);
                    sum += d.p()[i];
                    m1 += n * d.p()[i];
                    m2 += n * n * d.p()[i];
                }
                double[] m = fcs.moments(rho0, t, 2);
                assertEquals(1, sum, 1e-11);
                assertEquals(m[0], m1, 1e-10 * Math.max(1, Math.abs(m[0])));
                assertEquals(m[1], m2, 1e-10 * Math.max(1, m[1]));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void theGridSeriesAreTheMomentsAtEachTime(Model model) {
        qtm.model.TimeGrid grid = new qtm.model.TimeGrid(80, 9);
        org.ejml.data.ZMatrixRMaj rho0 = TwoQubits.basisState("00");
        CountingStatistics fcs = new CountingStatistics(model, Side.HOT, Weight.HEAT);
        double[][] series = fcs.onGrid(rho0, grid);
        assertEquals(0, series[0][0]);
        assertEquals(0, series[0][1]);
        for (int k = 1; k < grid.points(); k++) {
            double[] m = fcs.moments(rho0, grid.time(k), 2);
            assertEquals(m[0], series[k][0], 1e-11 * Math.max(1, Math.abs(m[0])));
            assertEquals(m[1] - m[0] * m[0], series[k][1], 1e-10 * Math.max(1, m[1]));
        }
    }

    /**
     * Without coupling the cold qubit trades quanta with its bath alone: from |00⟩ the net count into the bath is −1
     * exactly when the qubit is excited, so P(N_c = −1, t) is the excited population of the exact transient, and
     * every other n but 0 has probability 0.
     */
    @ParameterizedTest
    @MethodSource("models")
    void withoutCouplingTheCountIsTheExcitedPopulation(Model model) {
        Model free = model.with(0, model.cold(), model.hot());
        qtm.model.TimeGrid grid = new qtm.model.TimeGrid(30, 4);
        List<org.ejml.data.ZMatrixRMaj> rho = new Transient(free, grid).evolve(TwoQubits.basisState("00"));
        CountingStatistics fcs = new CountingStatistics(free, Side.COLD, Weight.QUANTA);
        for (int k = 1; k < grid.points(); k++) {
            CountingStatistics.Distribution d = fcs.distribution(TwoQubits.basisState("00"), grid.time(k));
            double excited = rho.get(k).getReal(2, 2) + rho.get(k).getReal(3, 3);
            for (int i = 0; i < d.p().length; i++) {
                long n = d.first() + i;
                double expected = n == -1 ? excited : n == 0 ? 1 - excited : 0;
                assertEquals(expected, d.p()[i], 1e-12, model + " n=" + n + " t=" + grid.time(k));
            }
        }
    }
}
