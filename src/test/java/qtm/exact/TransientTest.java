package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Ops;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Jump;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * The propagator e^{LΔt} in Hermitian coordinates against an adaptive Dormand–Prince integration of the master
 * equation written directly on complex 4×4 matrices: for the reset model from eq. (3) with partial traces, for the
 * Lindblad models from their channels.
 */
class TransientTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Right-hand side of eq. (3): −i[H, ρ] + Σ_k p_k (Φ_k(ρ) − ρ). */
    private static ZMatrixRMaj eq3(ResetModel m, ZMatrixRMaj rho) {
        ZMatrixRMaj h = TwoQubits.hamiltonian(m.energy(), m.g(), 0);
        ZMatrixRMaj out = Ops.scale(0, -1, Ops.commutator(h, rho));
        double rc = 1 / (1 + Math.exp(-m.energy() / m.cold().temperature()));
        double rh = 1 / (1 + Math.exp(-m.energy() / m.hot().temperature()));
        double[] tc = {rc, 1 - rc};
        double[] th = {rh, 1 - rh};
        ZMatrixRMaj phiC = new ZMatrixRMaj(4, 4);
        ZMatrixRMaj phiH = new ZMatrixRMaj(4, 4);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int x = 0; x < 2; x++) {
                    for (int y = 0; y < 2; y++) {
                        // Tr_c ρ has entries Σ_n ρ[(n,x),(n,y)]; Φ_c = τ_c ⊗ Tr_c ρ.
                        if (a == b) {
                            double re = rho.getReal(x, y) + rho.getReal(2 + x, 2 + y);
                            double im = rho.getImag(x, y) + rho.getImag(2 + x, 2 + y);
                            phiC.set(2 * a + x, 2 * a + y, tc[a] * re, tc[a] * im);
                        }
                        // Tr_h ρ has entries Σ_n ρ[(x,n),(y,n)]; Φ_h = Tr_h ρ ⊗ τ_h.
                        if (a == b) {
                            double re = rho.getReal(2 * x, 2 * y) + rho.getReal(2 * x + 1, 2 * y + 1);
                            double im = rho.getImag(2 * x, 2 * y) + rho.getImag(2 * x + 1, 2 * y + 1);
                            phiH.set(2 * x + a, 2 * y + a, th[a] * re, th[a] * im);
                        }
                    }
                }
            }
        }
        out = Ops.add(1, out, m.cold().rate(), Ops.add(1, phiC, -1, rho));
        return Ops.add(1, out, m.hot().rate(), Ops.add(1, phiH, -1, rho));
    }

    private static ZMatrixRMaj lindblad(Model m, ZMatrixRMaj rho) {
        ZMatrixRMaj out = Ops.scale(0, -1, Ops.commutator(m.hamiltonian(), rho));
        for (Jump j : m.jumps()) {
            ZMatrixRMaj a = j.operator();
            ZMatrixRMaj ad = Ops.dagger(a);
            ZMatrixRMaj ada = Ops.mult(ad, a);
            ZMatrixRMaj d = Ops.add(1, Ops.mult(a, Ops.mult(rho, ad)), -0.5,
                    Ops.add(1, Ops.mult(ada, rho), 1, Ops.mult(rho, ada)));
            out = Ops.add(1, out, j.rate(), d);
        }
        return out;
    }

    private interface Rhs {
        ZMatrixRMaj apply(ZMatrixRMaj rho);
    }

    private static void compare(Model m, Rhs rhs, ZMatrixRMaj rho0, TimeGrid grid) {
        List<ZMatrixRMaj> exact = new Transient(m, grid).evolve(rho0);
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 32;
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] dy) {
                ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
                System.arraycopy(y, 0, rho.data, 0, 32);
                System.arraycopy(rhs.apply(rho).data, 0, dy, 0, 32);
            }
        };
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-6, 1.0, 1e-14, 1e-13);
        double[] y = rho0.data.clone();
        double t = 0;
        for (int k = 1; k < grid.points(); k++) {
            integrator.integrate(ode, t, y, grid.time(k), y);
            t = grid.time(k);
            ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
            System.arraycopy(y, 0, rho.data, 0, 32);
            double d = Ops.maxAbsDiff(rho, exact.get(k));
            assertTrue(d < 1e-9, "t = " + t + ": propagator and ODE differ by " + d + " for " + m);
        }
    }

    private static ZMatrixRMaj nonXState() {
        // (|00> + |11>)/√2 mixed with (|01> + i|10>)/√2: coherences outside the X pattern too.
        double s = 0.5;
        ZMatrixRMaj a = Ops.of(new double[][] {{s, 0, 0, s}, {0, 0, 0, 0}, {0, 0, 0, 0}, {s, 0, 0, s}}, null);
        ZMatrixRMaj b = Ops.of(new double[][] {{0, 0, 0, 0}, {0, s, 0, 0}, {0, 0, s, 0}, {0, 0, 0, 0}},
                new double[][] {{0, 0, 0, 0}, {0, 0, -s, 0}, {0, s, 0, 0}, {0, 0, 0, 0}});
        return Ops.add(0.7, a, 0.3, b);
    }

    @Test
    void resetPropagatorMatchesAdaptiveIntegrationOfEq3() {
        ResetModel m = new ResetModel(1, 1.6e-3, new Bath(0.3, 1e-2), new Bath(2.0, 1.1e-3));
        compare(m, rho -> eq3(m, rho), TwoQubits.basisState("00"), new TimeGrid(400, 9));
        compare(m, rho -> eq3(m, rho), nonXState(), new TimeGrid(400, 9));
    }

    @Test
    void lindbladPropagatorsMatchAdaptiveIntegration() {
        Model flux = new FluxModel(1, 3e-3, new Bath(0.1, 1e-2), new Bath(5, 1e-3));
        Model dot = new DotModel(1, 5e-3, 20, new Bath(0, 1e-2), new Bath(INF, 4e-3));
        compare(flux, rho -> lindblad(flux, rho), nonXState(), new TimeGrid(400, 9));
        compare(dot, rho -> lindblad(dot, rho), TwoQubits.basisState("11"), new TimeGrid(400, 9));
    }

    @Test
    void longTimeLimitIsTheSteadyState() {
        // The reset model against its closed form eq. (4), independent of the null-space solve; the others against
        // the null space. 1e7 is 10^4 relaxation times: no rounding may accumulate along the way.
        ResetModel reset = new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(INF, 1.1e-3));
        for (double end : new double[] {1e5, 1e7}) {
            List<ZMatrixRMaj> path = new Transient(reset, new TimeGrid(end, 3)).evolve(nonXState());
            assertTrue(Ops.maxAbsDiff(path.get(2), SteadyState.closedForm(reset)) < 1e-13, "reset at " + end);
        }
        Model[] models = {
            new FluxModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(100, 1e-5)),
            new DotModel(1, 5e-3, 20, new Bath(0, 1e-2), new Bath(5, 1e-2)),
        };
        for (Model m : models) {
            List<ZMatrixRMaj> path = new Transient(m, new TimeGrid(1e7, 3)).evolve(nonXState());
            assertTrue(Ops.maxAbsDiff(path.get(2), SteadyState.of(m)) < 1e-13, m.toString());
        }
    }

    @Test
    void isolatedQubitKeepsItsOwnState() {
        // g = 0 and no hot bath: the hot qubit's populations never change, so there is no unique steady state and the
        // propagator takes its plain path. ρ0 = |01><01| stays put while the cold qubit is already in its ground state.
        Model m = new ResetModel(1, 0, new Bath(0, 1e-2), new Bath(1, 0));
        List<ZMatrixRMaj> path = new Transient(m, new TimeGrid(1e4, 3)).evolve(TwoQubits.basisState("01"));
        assertTrue(Ops.maxAbsDiff(path.get(2), TwoQubits.basisState("01")) < 1e-13);
    }

    @Test
    void firstGridPointIsTheInitialState() {
        Model m = new ResetModel(1, 1e-3, new Bath(0, 1e-2), new Bath(INF, 1e-3));
        ZMatrixRMaj rho0 = nonXState();
        List<ZMatrixRMaj> path = new Transient(m, new TimeGrid(10, 11)).evolve(rho0);
        assertEquals(11, path.size());
        assertEquals(0.0, Ops.maxAbsDiff(path.get(0), rho0), 1e-16);
    }
}
