package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Hermitian;
import qtm.math.Ops;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Thermal;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.observe.Heat;
import qtm.observe.Observables;
import qtm.testing.RandomModels;

class SteadyStateTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void closedFormEq4AgreesWithNullSpaceFor200RandomParameterSets() {
        RandomModels random = new RandomModels(20261124L);
        for (int i = 0; i < 200; i++) {
            ResetModel m = random.reset();
            double d = Ops.maxAbsDiff(SteadyState.of(m), SteadyState.closedForm(m));
            assertTrue(d < 1e-12, "eq. (4) vs null space differ by " + d + " for " + m);
        }
    }

    @Test
    void paperOptimumHasConcurrenceFromEq7() {
        double g = 1.6e-3;
        double pc = 1e-2;
        double ph = 1.1e-3;
        ResetModel m = new ResetModel(1, g, new Bath(0, pc), new Bath(INF, ph));
        // Eq. (7)-(9) written out independently with r_c = 1 (T = 0) and r_h = 1/2 (T = inf).
        double rc = 1;
        double rh = 0.5;
        double gamma = 1 / (2 * g * g + pc * ph);
        double f = gamma * g * pc * ph / (pc + ph) * Math.abs(rc - rh);
        double h1 = gamma * (pc * ph * rc * rh + 2 * g * g * Math.pow((pc * rc + ph * rh) / (pc + ph), 2));
        double h2 = gamma * (pc * ph * (1 - rc) * (1 - rh)
                + 2 * g * g * Math.pow((pc * (1 - rc) + ph * (1 - rh)) / (pc + ph), 2));
        // Eq. (7) as printed lacks the factor 2 of eq. (6); with it, it gives the paper's own C = 0.054.
        double expected = 2 * Math.max(0, f - Math.sqrt(h1 * h2));
        ZMatrixRMaj rho = SteadyState.of(m);
        assertEquals(expected, Observables.concurrence(rho), 1e-12);
        assertEquals(0.0541, Observables.concurrence(rho), 5e-5);
    }

    @Test
    void steadyStateIsADensityMatrix() {
        RandomModels random = new RandomModels(7);
        for (int i = 0; i < 60; i++) {
            ZMatrixRMaj rho = SteadyState.of(random.any(i));
            assertEquals(1.0, Ops.traceRe(rho), 1e-12);
            assertTrue(Ops.maxAbsDiff(rho, Ops.dagger(rho)) < 1e-15);
            assertTrue(Hermitian.eigenvalues(rho)[3] > -1e-12);
        }
    }

    @Test
    void heatCurrentsCancelInEverySteadyState() {
        RandomModels random = new RandomModels(11);
        for (int i = 0; i < 150; i++) {
            Model m = random.any(i);
            Heat q = Heat.of(m, SteadyState.of(m));
            assertEquals(0.0, q.cold() + q.hot(), 1e-12, m.toString());
        }
    }

    @Test
    void resetHeatCurrentIsEq5() {
        RandomModels random = new RandomModels(12);
        for (int i = 0; i < 50; i++) {
            ResetModel m = random.reset();
            ZMatrixRMaj rho = SteadyState.of(m);
            Heat lindblad = Heat.of(m, rho);
            Heat eq5 = Heat.resetFormula(m, rho);
            assertEquals(eq5.cold(), lindblad.cold(), 1e-15);
            assertEquals(eq5.hot(), lindblad.hot(), 1e-15);
        }
    }

    /** Diagonal Gibbs state of E(n_c + n_h) + U n_c n_h at temperature t, written out independently. */
    private static ZMatrixRMaj gibbs(double e, double u, double t) {
        double b = Double.isInfinite(t) ? 0 : 1 / t;
        double[] w = {1, Math.exp(-b * e), Math.exp(-b * e), Math.exp(-b * (2 * e + u))};
        double z = w[0] + w[1] + w[2] + w[3];
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int k = 0; k < 4; k++) {
            rho.set(k, k, w[k] / z, 0);
        }
        return rho;
    }

    @Test
    void equalTemperaturesGiveTheSeparableGibbsStateWithZeroCurrents() {
        RandomModels random = new RandomModels(13);
        for (int i = 0; i < 90; i++) {
            double t = random.logUniform(0.05, 20);
            double e = random.logUniform(0.5, 2);
            double g = random.logUniform(1e-4, 1e-2);
            Bath c = new Bath(t, random.logUniform(1e-4, 1e-2));
            Bath h = new Bath(t, random.logUniform(1e-4, 1e-2));
            double u = i % 2 == 0 ? 0 : random.logUniform(0.1, 50);
            Model m = switch (i % 3) {
                case 0 -> new ResetModel(e, g, c, h);
                // Flux rates are Γ; the valid range bounds Γ(2n_B + 1), so the drawn value is taken as that.
                case 1 -> new FluxModel(e, g, new Bath(t, c.rate() / (2 * Thermal.bose(e, t) + 1)),
                        new Bath(t, h.rate() / (2 * Thermal.bose(e, t) + 1)));
                default -> new DotModel(e, g, u, c, h);
            };
            ZMatrixRMaj rho = SteadyState.of(m);
            // For U = 0 this is the product tau ⊗ tau; the double dot with U > 0 keeps the U-correlated
            // populations of its own Gibbs state, still diagonal and so separable.
            assertTrue(Ops.maxAbsDiff(rho, gibbs(e, m.coulomb(), t)) < 1e-12, m.toString());
            assertEquals(0.0, Observables.concurrence(rho), 1e-12);
            Heat q = Heat.of(m, rho);
            assertEquals(0.0, q.cold(), 1e-15, m.toString());
            assertEquals(0.0, q.hot(), 1e-15, m.toString());
        }
    }

    @Test
    void isolatedQubitIsAClearError() {
        Model m = new ResetModel(1, 0, new Bath(0, 1e-2), new Bath(1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SteadyState.of(m));
        assertTrue(e.getMessage().contains("no unique steady state"));
    }

    @Test
    void extremeTemperaturesAndCoulombEnergyGiveFiniteStates() {
        Model[] models = {
            new DotModel(1, 1e-3, 1e9, new Bath(1e-9, 1e-2), new Bath(INF, 1e-3)),
            new DotModel(1, 1e-3, 1e6, new Bath(0, 1e-2), new Bath(1e-6, 1e-3)),
            new FluxModel(1, 1e-3, new Bath(1e-9, 1e-2), new Bath(1e9, 1e-12)),
            new ResetModel(1, 1e-3, new Bath(0, 1e-2), new Bath(INF, 1e-3)),
            new ResetModel(1, 0, new Bath(0, 1e-2), new Bath(INF, 1e-3)),
        };
        for (Model m : models) {
            ZMatrixRMaj rho = SteadyState.of(m);
            for (double x : rho.data) {
                assertTrue(Double.isFinite(x), m.toString());
            }
            assertEquals(1.0, Ops.traceRe(rho), 1e-12);
            assertTrue(Double.isFinite(Observables.concurrence(rho)));
        }
    }
}
