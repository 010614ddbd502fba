package qtm.model;

import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;

/**
 * Operators on the two-qubit space in the basis |n_c n_h⟩ with index 2·n_c + n_h.
 */
public final class TwoQubits {
    /** Hilbert-space dimension. */
    public static final int DIM = 4;
    /** Index of |01⟩: cold qubit empty, hot qubit excited. */
    public static final int I01 = 1;
    /** Index of |10⟩: cold qubit excited, hot qubit empty. */
    public static final int I10 = 2;
    /** Index of |11⟩. */
    public static final int I11 = 3;

    private TwoQubits() {
    }

    /**
     * A single-qubit operator |i⟩⟨j| acting on one side, identity on the other.
     *
     * @param side the qubit acted on
     * @param i output level
     * @param j input level
     * @return a new 4×4 matrix
     */
    public static ZMatrixRMaj local(Side side, int i, int j) {
        ZMatrixRMaj op = Ops.unit(2, i, j);
        ZMatrixRMaj id = Ops.of(new double[][] {{1, 0}, {0, 1}}, null);
        return side == Side.COLD ? Ops.kron(op, id) : Ops.kron(id, op);
    }

    /**
     * |i⟩⟨j| on one side times the projector |o⟩⟨o| on the other.
     *
     * @param side the qubit acted on
     * @param i output level
     * @param j input level
     * @param other occupation of the other qubit
     * @return a new 4×4 matrix
     */
    public static ZMatrixRMaj conditioned(Side side, int i, int j, int other) {
        ZMatrixRMaj op = Ops.unit(2, i, j);
        ZMatrixRMaj proj = Ops.unit(2, other, other);
        return side == Side.COLD ? Ops.kron(op, proj) : Ops.kron(proj, op);
    }

    /**
     * H = E(n_c + n_h) + g(|10⟩⟨01| + |01⟩⟨10|) + U·n_c·n_h.
     *
     * @param energy E
     * @param g coupling
     * @param u Coulomb energy (0 for qubits)
     * @return a new 4×4 Hermitian matrix
     */
    public static ZMatrixRMaj hamiltonian(double energy, double g, double u) {
        ZMatrixRMaj h = new ZMatrixRMaj(DIM, DIM);
        h.set(I01, I01, energy, 0);
        h.set(I10, I10, energy, 0);
        h.set(I11, I11, 2 * energy + u, 0);
        h.set(I01, I10, g, 0);
        h.set(I10, I01, g, 0);
        return h;
    }

    /**
     * The basis state |label⟩⟨label| for a label "00", "01", "10" or "11" (cold digit first).
     *
     * @param label two binary digits
     * @return a new density matrix
     * @throws IllegalArgumentException for any other label
     */
    public static ZMatrixRMaj basisState(String label) {
        if (label == null || !label.matches("[01][01]")) {
            throw new IllegalArgumentException("basis label must be one of 00, 01, 10, 11, got " + label);
        }
        int k = 2 * (label.charAt(0) - '0') + (label.charAt(1) - '0');
        return Ops.unit(DIM, k, k);
    }
}
