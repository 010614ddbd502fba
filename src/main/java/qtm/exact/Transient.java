package qtm.exact;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.linalg.HermitianBasis;
import qtm.linalg.Liouvillian;
import qtm.linalg.MatrixExp;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * The exact transient ρ(t_k) = e^{L t_k} ρ0 on a uniform grid. The one-step propagator e^{LΔt} is computed once and
 * applied k times, so a long grid costs one matrix exponential and a few hundred 16×16 products.
 */
public final class Transient {
    private final HermitianBasis basis;
    private final DMatrixRMaj step;
    private final TimeGrid grid;

    /**
     * @param model the machine
     * @param grid the output grid
     */
    public Transient(Model model, TimeGrid grid) {
        Liouvillian l = new Liouvillian(model);
        this.basis = l.basis();
        this.grid = grid;
        DMatrixRMaj a = l.matrix();
        CommonOps_DDRM.scale(grid.step(), a);
        this.step = MatrixExp.exp(a);
    }

    /**
     * @param rho0 initial density matrix
     * @return a new list of grid.points() density matrices, the first a copy of ρ0
     */
    public List<ZMatrixRMaj> evolve(ZMatrixRMaj rho0) {
        return basis.orbit(step, rho0, grid.points());
    }

    /** @return the grid */
    public TimeGrid grid() {
        return grid;
    }
}
