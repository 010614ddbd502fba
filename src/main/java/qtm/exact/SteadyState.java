package qtm.exact;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.HermitianBasis;
import qtm.exact.Liouvillian;
import qtm.model.Model;
import qtm.model.ResetModel;
import qtm.model.Side;
import qtm.model.TwoQubits;

/**
 * The exact steady state: the null vector of the Liouvillian with unit trace (a linear solve), and for the reset
 * model the paper's closed form eq. (4).
 */
public final class SteadyState {
    private SteadyState() {
    }

    /**
     * Solves L(ρ) = 0, Tr ρ = 1. The trace row replaces one row of L, which loses nothing because the rows of L for
     * the diagonal coordinates sum to zero (L preserves trace).
     *
     * @param model the machine
     * @return a new 4×4 density matrix
     * @throws IllegalArgumentException if the steady state is not unique (an isolated qubit)
     */
    public static ZMatrixRMaj of(Model model) {
        requireUnique(model);
        Liouvillian l = new Liouvillian(model);
        return solve(l.matrix(), l.basis());
    }

    /**
     * The unit-trace null vector of a Liouvillian given as a real matrix in Hermitian coordinates.
     *
     * @param generator L, overwritten
     * @param basis its coordinates
     * @return a new density matrix
     * @throws IllegalArgumentException if the system is singular
     */
    public static ZMatrixRMaj solve(DMatrixRMaj generator, HermitianBasis basis) {
        double[] t = basis.traceFunctional();
        // The trace row is scaled like the generator's rows, so that pivoting treats it as an equal when E and the
        // rates are far from 1.
        double scale = org.ejml.dense.row.NormOps_DDRM.normPInf(generator);
        scale = scale > 0 && Double.isFinite(scale) ? scale : 1.0;
        for (int c = 0; c < t.length; c++) {
            generator.set(0, c, scale * t[c]);
        }
        DMatrixRMaj b = new DMatrixRMaj(t.length, 1);
        b.set(0, 0, scale);
        DMatrixRMaj x = new DMatrixRMaj(t.length, 1);
        if (!CommonOps_DDRM.solve(generator, b, x)) {
            throw new IllegalArgumentException("the steady-state system is singular");
        }
        return basis.matrix(x.data, new ZMatrixRMaj(basis.dimension(), basis.dimension()));
    }

    /**
     * Eq. (4): ρ∞ = γ[p_c p_h τ_c⊗τ_h + 2g²/(p_c+p_h)² (p_cτ_c + p_hτ_h)^{⊗2} + g p_c p_h (r_c−r_h)/(p_c+p_h) Y],
     * γ = 1/(2g² + p_c p_h), Y = i|01⟩⟨10| − i|10⟩⟨01|.
     *
     * @param model a reset model
     * @return a new 4×4 density matrix
     * @throws IllegalArgumentException if the steady state is not unique
     */
    public static ZMatrixRMaj closedForm(ResetModel model) {
        requireUnique(model);
        double g = model.g();
        double pc = model.cold().rate();
        double ph = model.hot().rate();
        double rc = model.groundProbability(Side.COLD);
        double rh = model.groundProbability(Side.HOT);
        double gamma = 1.0 / (2 * g * g + pc * ph);
        double s = pc + ph;
        // (p_c τ_c + p_h τ_h)/(p_c + p_h) is diagonal with ground weight m0.
        double m0 = (pc * rc + ph * rh) / s;
        double[] tc = {rc, 1 - rc};
        double[] th = {rh, 1 - rh};
        double[] mix = {m0, 1 - m0};
        ZMatrixRMaj rho = new ZMatrixRMaj(TwoQubits.DIM, TwoQubits.DIM);
        for (int nc = 0; nc < 2; nc++) {
            for (int nh = 0; nh < 2; nh++) {
                int k = 2 * nc + nh;
                rho.set(k, k, gamma * (pc * ph * tc[nc] * th[nh] + 2 * g * g * mix[nc] * mix[nh]), 0);
            }
        }
        double y = gamma * g * pc * ph * (rc - rh) / s;
        rho.set(TwoQubits.I01, TwoQubits.I10, 0, y);
        rho.set(TwoQubits.I10, TwoQubits.I01, 0, -y);
        return rho;
    }

    private static void requireUnique(Model model) {
        if (!model.hasUniqueSteadyState()) {
            throw new IllegalArgumentException("no unique steady state: a qubit is isolated (cold rate "
                    + model.cold().rate() + ", hot rate " + model.hot().rate() + ", g " + model.g()
                    + "); give both baths a positive rate, or g > 0 and one rate > 0");
        }
    }
}
