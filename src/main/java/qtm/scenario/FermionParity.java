package qtm.scenario;

import org.ejml.data.ZMatrixRMaj;
import qtm.model.TwoQubits;

/** The double dot's initial state must hold a fixed number of electrons (fermion superselection). */
final class FermionParity {
    private FermionParity() {
    }

    /** Entries of ρ between an even (|00⟩, |11⟩) and an odd (|01⟩, |10⟩) number of electrons above this are refused. */
    static final double PARITY_TOLERANCE = 1e-12;

    /**
     * The dots hold electrons, and no state of fermions superposes even and odd particle numbers (superselection):
     * such a coherence would also make the Jordan–Wigner sign of the hot dot's operator observable, which no physical
     * quantity may depend on.
     */
    static void require(Node root, ZMatrixRMaj rho) {
        int[][] pairs = {{0, TwoQubits.I01}, {0, TwoQubits.I10}, {TwoQubits.I11, TwoQubits.I01},
            {TwoQubits.I11, TwoQubits.I10}};
        String[] labels = {"00", "01", "10", "11"};
        for (int[] p : pairs) {
            double a = Math.hypot(rho.getReal(p[0], p[1]), rho.getImag(p[0], p[1]));
            if (a > PARITY_TOLERANCE) {
                throw root.error("initial", "the double dot's electrons are fermions: a state cannot superpose even "
                        + "(|00>, |11>) and odd (|01>, |10>) electron numbers (superselection), but |rho_"
                        + labels[p[0]] + "," + labels[p[1]] + "| = " + a + "; every such entry must be 0 (<= "
                        + PARITY_TOLERANCE + ")");
            }
        }
    }
}
