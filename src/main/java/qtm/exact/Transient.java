package qtm.exact;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import qtm.math.HermitianBasis;
import qtm.exact.Liouvillian;
import qtm.math.MatrixExp;
import qtm.model.Model;
import qtm.model.TimeGrid;

/**
 * The exact transient ρ(t_k) = e^{L t_k} ρ0 on a uniform grid. The one-step propagator e^{LΔt} is computed once and
 * applied k times, so a long grid costs one matrix exponential and a few hundred 16×16 products.
 *
 * <p>The free rotation is split off: with H_d the diagonal of H, L = L_0 + L' with L_0 = −i[H_d, ·]. In all three
 * machines the coupling conserves H_d (resonant qubits) and every channel moves a definite energy, so L_0 and L'
 * commute and e^{LΔt} = e^{L_0Δt} e^{L'Δt}. e^{L_0Δt} is a rotation of each coherence by its Bohr frequency, exact
 * to rounding, and ‖L'‖ is of the order of the rates and g, not of E: scaling and squaring then needs far fewer
 * squarings, whose rounding errors otherwise grow like 1e-16·‖L‖·Δt. Where the two parts do not commute, the
 * propagator falls back to e^{LΔt} directly.
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
        this.step = propagator(model, l, grid.step());
    }

    private static DMatrixRMaj propagator(Model model, Liouvillian l, double dt) {
        ZMatrixRMaj h = model.hamiltonian();
        ZMatrixRMaj hd = new ZMatrixRMaj(h.numRows, h.numCols);
        for (int i = 0; i < h.numRows; i++) {
            hd.set(i, i, h.getReal(i, i), 0);
        }
        DMatrixRMaj l0 = new Liouvillian(hd, List.of()).matrix();
        DMatrixRMaj full = l.matrix();
        DMatrixRMaj rest = new DMatrixRMaj(full.numRows, full.numCols);
        CommonOps_DDRM.subtract(full, l0, rest);
        if (!commute(l0, rest)) {
            CommonOps_DDRM.scale(dt, full);
            return MatrixExp.exp(full);
        }
        DMatrixRMaj decay = model.hasUniqueSteadyState() ? decaying(model, rest, l.basis(), dt) : scaledExp(rest, dt);
        DMatrixRMaj out = new DMatrixRMaj(full.numRows, full.numCols);
        CommonOps_DDRM.mult(rotation(l.basis(), hd, dt), decay, out);
        return out;
    }

    private static DMatrixRMaj scaledExp(DMatrixRMaj a, double dt) {
        DMatrixRMaj x = a.copy();
        CommonOps_DDRM.scale(dt, x);
        return MatrixExp.exp(x);
    }

    /**
     * e^{L'Δt} as e^{(L' − sP)Δt} + (1 − e^{−sΔt}) P, with P = |ρ∞⟩⟨Tr| the projector on the steady state. L' and P
     * commute (L'ρ∞ = 0 and Tr L' = 0), so this is exact; but L' − sP has no zero eigenvalue, so the squarings contract
     * rounding errors instead of doubling them along the steady state at every step.
     */
    private static DMatrixRMaj decaying(Model model, DMatrixRMaj rest, HermitianBasis basis, double dt) {
        // ρ∞ is taken from the full L, whose rotation keeps the coherence rows well scaled: L' alone, with g ≪ γ and
        // one rate 0 (g = 3e-11, p_c = 2e-2, p_h = 0), is singular to working precision and its solve gave NaN. The
        // null vectors agree: ρ∞ has coherence only between the degenerate |01⟩ and |10⟩, on which L_0 vanishes.
        double[] v = basis.coordinates(SteadyState.of(model), new double[basis.size()]);
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return scaledExp(rest, dt);
            }
        }
        double[] t = basis.traceFunctional();
        DMatrixRMaj p = new DMatrixRMaj(v.length, v.length);
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                p.set(i, j, v[i] * t[j]);
            }
        }
        // The shift rate s is the generator's own scale, not 1: a shift of 1 in the units of E would dominate, or
        // vanish against, rates far from 1 (E is a parameter, not the unit).
        double norm = NormOps_DDRM.inducedP1(rest);
        double s = norm > 0 ? norm : 1.0;
        DMatrixRMaj shifted = new DMatrixRMaj(v.length, v.length);
        CommonOps_DDRM.add(rest, -s, p, shifted);
        DMatrixRMaj x = scaledExp(shifted, dt);
        CommonOps_DDRM.addEquals(x, -Math.expm1(-s * dt), p);
        return x;
    }

    private static boolean commute(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj ab = new DMatrixRMaj(a.numRows, b.numCols);
        DMatrixRMaj ba = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, ab);
        CommonOps_DDRM.mult(b, a, ba);
        double scale = NormOps_DDRM.normF(a) * NormOps_DDRM.normF(b);
        CommonOps_DDRM.subtractEquals(ab, ba);
        return NormOps_DDRM.normF(ab) <= 1e-13 * scale;
    }

    /**
     * e^{L_0 Δt} in Hermitian coordinates: ρ_ij → e^{−i(ε_i − ε_j)Δt} ρ_ij, built by its action on the basis so that
     * it uses the same coordinates as the rest.
     */
    private static DMatrixRMaj rotation(HermitianBasis basis, ZMatrixRMaj hd, double dt) {
        int n = basis.dimension();
        DMatrixRMaj r = new DMatrixRMaj(basis.size(), basis.size());
        double[] column = new double[basis.size()];
        for (int c = 0; c < basis.size(); c++) {
            ZMatrixRMaj b = basis.element(c);
            ZMatrixRMaj rotated = new ZMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double phase = -(hd.getReal(i, i) - hd.getReal(j, j)) * dt;
                    double cos = Math.cos(phase);
                    double sin = Math.sin(phase);
                    double re = b.getReal(i, j);
                    double im = b.getImag(i, j);
                    rotated.set(i, j, cos * re - sin * im, sin * re + cos * im);
                }
            }
            basis.coordinates(rotated, column);
            for (int m = 0; m < column.length; m++) {
                r.set(m, c, column[m]);
            }
        }
        return r;
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
