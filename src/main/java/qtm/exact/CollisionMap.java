package qtm.exact;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.Hermitian;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Channels;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * The exact discrete-time map that the collision ensemble converges to at fixed Δt: one step
 * ρ ↦ Π_collisions(e^{−iHΔt} ρ e^{iHΔt}) as a real 16×16 matrix in {@link HermitianBasis} coordinates, raised to the
 * number of steps per grid interval and applied deterministically. It is built in the laboratory frame, independently
 * of the engine's rotating frame, so it checks that as well.
 */
public final class CollisionMap {
    private final HermitianBasis basis = new HermitianBasis(TwoQubits.DIM);
    private final TimeGrid grid;
    private final DMatrixRMaj gridStep;

    /**
     * @param model the machine
     * @param grid output grid
     * @param dt requested step, as for the engine
     */
    public CollisionMap(Model model, TimeGrid grid, double dt) {
        this.grid = grid;
        Collision c = Collision.of(model, grid, dt);
        ZMatrixRMaj u = propagator(model, c.dt());
        int size = basis.size();
        DMatrixRMaj one = new DMatrixRMaj(size, size);
        double[] column = new double[size];
        for (int m = 0; m < size; m++) {
            ZMatrixRMaj rho = basis.element(m);
            rho = Ops.mult(u, rho, Ops.dagger(u));
            rho = collide(c, rho);
            basis.coordinates(rho, column);
            for (int r = 0; r < size; r++) {
                one.set(r, m, column[r]);
            }
        }
        DMatrixRMaj power = CommonOps_DDRM.identity(size);
        DMatrixRMaj tmp = new DMatrixRMaj(size, size);
        for (int s = 0; s < c.stepsPerPoint(); s++) {
            CommonOps_DDRM.mult(one, power, tmp);
            power.setTo(tmp);
        }
        this.gridStep = power;
    }

    /**
     * The laboratory-frame step e^{−iHΔt}, shared with {@link CollisionCounting} so that both start each step alike.
     *
     * @param model the machine
     * @param dt the step in use
     * @return U = cos(HΔt) − i sin(HΔt)
     */
    static ZMatrixRMaj propagator(Model model, double dt) {
        ZMatrixRMaj h = model.hamiltonian();
        ZMatrixRMaj cos = Hermitian.apply(h, x -> Math.cos(x * dt));
        ZMatrixRMaj sin = Hermitian.apply(h, x -> Math.sin(x * dt));
        ZMatrixRMaj u = Ops.add(1.0, cos, 0.0, cos);
        for (int k = 0; k < u.data.length; k += 2) {
            u.data[k] += sin.data[k + 1];
            u.data[k + 1] -= sin.data[k];
        }
        return u;
    }

    private static ZMatrixRMaj collide(Collision c, ZMatrixRMaj rho) {
        Channels ch = c.channels();
        for (Collision.Reset r : c.resets()) {
            ZMatrixRMaj next = Ops.scale(1 - r.probability(), 0, rho);
            for (int j : r.channels()) {
                ZMatrixRMaj a = ch.jump(j).operator();
                next = Ops.add(1.0, next, ch.rate(j) * c.dt(), Ops.mult(a, rho, Ops.dagger(a)));
            }
            rho = next;
        }
        for (Collision.Swap w : c.swaps()) {
            double q = w.excited();
            ZMatrixRMaj l = ch.jump(w.down()).operator();
            ZMatrixRMaj ld = Ops.dagger(l);
            ZMatrixRMaj m0 = quiet(ld, l, w.cos());
            ZMatrixRMaj m1 = quiet(l, ld, w.cos());
            ZMatrixRMaj ground = Ops.add(1.0, Ops.mult(m0, rho, m0), w.sin2(), Ops.mult(l, rho, ld));
            ZMatrixRMaj excited = Ops.add(1.0, Ops.mult(m1, rho, m1), w.sin2(), Ops.mult(ld, rho, l));
            rho = Ops.add(1 - q, ground, q, excited);
        }
        return rho;
    }

    /** 1 − (1 − cos θ) a b, the no-click Kraus operator for a b = A†A (a projector for our channels). */
    static ZMatrixRMaj quiet(ZMatrixRMaj a, ZMatrixRMaj b, double cos) {
        ZMatrixRMaj id = Ops.of(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, null);
        return Ops.add(1.0, id, -(1 - cos), Ops.mult(a, b));
    }

    /**
     * @param rho0 initial density matrix
     * @return a new list of the states on every grid point
     */
    public List<ZMatrixRMaj> evolve(ZMatrixRMaj rho0) {
        return basis.orbit(gridStep, rho0, grid.points());
    }
}
