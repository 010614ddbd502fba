package qtm.exact;
import qtm.math.HermitianBasis;
import qtm.math.Ops;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Jump;
import qtm.model.Model;

/**
 * The Lindblad generator L(ρ) = −i[H, ρ] + Σ_j γ_j (A_j ρ A_j† − ½{A_j†A_j, ρ}) of a model, both as a map on
 * complex matrices and as a real n²×n² matrix in the coordinates of {@link HermitianBasis}.
 */
public final class Liouvillian {
    private final ZMatrixRMaj hamiltonian;
    private final List<Jump> jumps;
    private final HermitianBasis basis;
    private final DMatrixRMaj matrix;

    /**
     * @param model the machine
     */
    public Liouvillian(Model model) {
        this(model.hamiltonian(), model.jumps());
    }

    /**
     * @param hamiltonian n×n Hermitian H
     * @param jumps the channels
     */
    public Liouvillian(ZMatrixRMaj hamiltonian, List<Jump> jumps) {
        this.hamiltonian = hamiltonian.copy();
        this.jumps = List.copyOf(jumps);
        this.basis = new HermitianBasis(hamiltonian.numRows);
        this.matrix = assemble();
    }

    /**
     * L applied to a matrix.
     *
     * @param rho n×n matrix
     * @return a new matrix L(ρ)
     */
    public ZMatrixRMaj apply(ZMatrixRMaj rho) {
        ZMatrixRMaj out = Ops.scale(0, -1, Ops.commutator(hamiltonian, rho));
        for (Jump j : jumps) {
            if (j.rate() == 0) {
                continue;
            }
            ZMatrixRMaj a = j.operator();
            ZMatrixRMaj ad = Ops.dagger(a);
            ZMatrixRMaj d = Ops.add(1.0, Ops.mult(a, rho, ad), -0.5, Ops.anticommutator(Ops.mult(ad, a), rho));
            out = Ops.add(1.0, out, j.rate(), d);
        }
        return out;
    }

    private DMatrixRMaj assemble() {
        int size = basis.size();
        DMatrixRMaj m = new DMatrixRMaj(size, size);
        double[] column = new double[size];
        for (int c = 0; c < size; c++) {
            basis.coordinates(apply(basis.element(c)), column);
            for (int r = 0; r < size; r++) {
                m.set(r, c, column[r]);
            }
        }
        return m;
    }

    /** @return a copy of the real generator in Hermitian coordinates */
    public DMatrixRMaj matrix() {
        return matrix.copy();
    }

    /**
     * The jump term of one channel on its own, for the counting and waiting-time superoperators.
     *
     * @param j a channel
     * @return the real matrix of ρ ↦ γ A ρ A† in the coordinates of {@link #basis()}
     */
    public DMatrixRMaj jumpTerm(Jump j) {
        return jumpTerm(basis, j.operator(), j.rate());
    }

    /**
     * The jump term of any channel, in any dimension: what {@link #jumpTerm(Jump)} computes for a machine's channel.
     *
     * @param basis the coordinates, of the operator's dimension
     * @param a the bare operator A
     * @param rate γ
     * @return the real matrix of ρ ↦ γ A ρ A†
     */
    static DMatrixRMaj jumpTerm(HermitianBasis basis, ZMatrixRMaj a, double rate) {
        int n = basis.size();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        ZMatrixRMaj ad = Ops.dagger(a);
        for (int c = 0; c < n; c++) {
            basis.coordinates(Ops.mult(a, basis.element(c), ad), column);
            for (int r = 0; r < n; r++) {
                m.set(r, c, rate * column[r]);
            }
        }
        return m;
    }

    /** @return the coordinate system of {@link #matrix()} */
    public HermitianBasis basis() {
        return basis;
    }
}
