package qtm.exact;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachineCollision;
import qtm.model.MachineReset;
import qtm.model.MachineSwap;
import qtm.model.TimeGrid;

/**
 * The exact discrete-time map of the collision model on a machine (issue 25), what a collision ensemble converges to
 * at fixed Δt: one step ρ ↦ Π_collisions(e^{−iHΔt} ρ e^{iHΔt}) of {@link MachineCollision} as a real d²×d² matrix in
 * {@link HermitianBasis} coordinates, raised to the steps per grid interval by squaring, its fixed point, and the
 * transient on the grid. A swap is applied through its four Kraus operators; a reset through its closed form
 * (1 − p)ρ + p τ⊗Tr_site ρ, which costs O(d²·d_site) where its d_site² + 1 Kraus operators would cost that many
 * d×d products. Immutable.
 */
public final class MachineCollisionMap {
    private final MachineCollision collision;
    private final HermitianBasis basis;
    private final TimeGrid grid;
    private final DMatrixRMaj step;
    private final DMatrixRMaj gridStep;

    /**
     * @param machine the machine
     * @param grid the output grid
     * @param dt the step asked for, as for the engine
     * @throws IllegalArgumentException if the step is unsuitable (see {@link MachineCollision#of})
     */
    public MachineCollisionMap(Machine machine, TimeGrid grid, double dt) {
        this.collision = MachineCollision.of(machine, grid, dt);
        this.grid = grid;
        this.basis = new HermitianBasis(machine.dimension());
        int n = basis.size();
        this.step = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            basis.coordinates(apply(basis.element(c)), column);
            for (int r = 0; r < n; r++) {
                step.set(r, c, column[r]);
            }
        }
        this.gridStep = power(step, collision.stepsPerPoint());
    }

    private static DMatrixRMaj power(DMatrixRMaj m, long s) {
        DMatrixRMaj result = CommonOps_DDRM.identity(m.numRows);
        DMatrixRMaj base = m.copy();
        DMatrixRMaj tmp = new DMatrixRMaj(m.numRows, m.numCols);
        while (s > 0) {
            if ((s & 1) == 1) {
                CommonOps_DDRM.mult(base, result, tmp);
                result.setTo(tmp);
            }
            s >>= 1;
            if (s > 0) {
                CommonOps_DDRM.mult(base, base, tmp);
                base.setTo(tmp);
            }
        }
        return result;
    }

    /** @return the step in use */
    public MachineCollision collision() {
        return collision;
    }

    /** @return the coordinates of {@link #step()} */
    public HermitianBasis basis() {
        return basis;
    }

    /** @return a copy of the one-step map as a real d²×d² matrix in {@link #basis()} coordinates */
    public DMatrixRMaj step() {
        return step.copy();
    }

    /**
     * One step applied to a matrix, collision by collision.
     *
     * @param rho the state at the start of a step
     * @return a new matrix, the state at its end
     */
    public ZMatrixRMaj apply(ZMatrixRMaj rho) {
        ZMatrixRMaj u = collision.unitary();
        ZMatrixRMaj out = Ops.mult(u, rho, Ops.dagger(u));
        for (MachineCollision.Event e : collision.events()) {
            out = collide(e, out);
        }
        return out;
    }

    /**
     * One collision's reduced map.
     *
     * @param e the collision
     * @param rho the system's state before it
     * @return a new matrix, the state after it
     */
    static ZMatrixRMaj collide(MachineCollision.Event e, ZMatrixRMaj rho) {
        if (e instanceof MachineReset r) {
            return reset(r, rho);
        }
        ZMatrixRMaj out = new ZMatrixRMaj(rho.numRows, rho.numCols);
        for (ZMatrixRMaj k : ((MachineSwap) e).kraus()) {
            out = Ops.add(1.0, out, 1.0, Ops.mult(k, rho, Ops.dagger(k)));
        }
        return out;
    }

    /** (1 − p)ρ + p τ⊗Tr_site ρ, with τ diagonal on the site. */
    private static ZMatrixRMaj reset(MachineReset r, ZMatrixRMaj rho) {
        int[] dims = r.space().dims();
        int stride = 1;
        for (int j = dims.length - 1; j > r.site(); j--) {
            stride *= dims[j];
        }
        int ds = r.levels();
        double p = r.probability();
        double[] tau = r.tau();
        int d = rho.numRows;
        ZMatrixRMaj out = Ops.scale(1 - p, 0, rho);
        for (int i = 0; i < d; i++) {
            int ni = i / stride % ds;
            for (int j = 0; j < d; j++) {
                if (j / stride % ds != ni || tau[ni] == 0) {
                    continue;
                }
                double re = 0;
                double im = 0;
                for (int m = 0; m < ds; m++) {
                    int a = i + (m - ni) * stride;
                    int b = j + (m - ni) * stride;
                    re += rho.getReal(a, b);
                    im += rho.getImag(a, b);
                }
                out.set(i, j, out.getReal(i, j) + p * tau[ni] * re, out.getImag(i, j) + p * tau[ni] * im);
            }
        }
        return out;
    }

    /**
     * The fixed point of the one-step map: the stationary state at the grid points (after a step's collisions), the
     * unit-trace null vector of (step − 1).
     *
     * @return a new d×d density matrix
     * @throws IllegalArgumentException if it is not unique to working precision
     */
    public ZMatrixRMaj steadyState() {
        DMatrixRMaj m = step.copy();
        for (int i = 0; i < m.numRows; i++) {
            m.add(i, i, -1);
        }
        return SteadyState.solve(m, basis);
    }

    /**
     * @param rho0 the initial d×d density matrix
     * @return a new list of the states on every grid point, the first a copy of ρ0
     */
    public List<ZMatrixRMaj> evolve(ZMatrixRMaj rho0) {
        return basis.orbit(gridStep, rho0, grid.points());
    }
}
