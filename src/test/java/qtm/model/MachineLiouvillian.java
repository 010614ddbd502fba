package qtm.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.SteadyState;
import qtm.math.HermitianBasis;
import qtm.math.Ops;

/**
 * Test-only Lindblad generator of any machine, L(ρ) = −i[H, ρ] + Σ γ (A ρ A† − ½{A†A, ρ}), as a real d²×d² matrix in
 * {@link HermitianBasis} coordinates: the same sum as {@code qtm.exact.Liouvillian}, whose {@link Jump}s are 4×4 only,
 * so that the steady state of machines beyond two qubits can be held to known states until the exact layer is built.
 */
final class MachineLiouvillian {
    private MachineLiouvillian() {
    }

    static ZMatrixRMaj steadyState(Machine m) {
        ZMatrixRMaj h = m.hamiltonian();
        HermitianBasis basis = new HermitianBasis(m.dimension());
        int n = basis.size();
        DMatrixRMaj l = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            ZMatrixRMaj rho = basis.element(c);
            ZMatrixRMaj out = Ops.scale(0, -1, Ops.commutator(h, rho));
            for (MachineChannel j : m.channels()) {
                ZMatrixRMaj a = j.operator();
                ZMatrixRMaj ad = Ops.dagger(a);
                out = Ops.add(1, out, j.rate(),
                        Ops.add(1, Ops.mult(a, rho, ad), -0.5, Ops.anticommutator(Ops.mult(ad, a), rho)));
            }
            basis.coordinates(out, column);
            for (int r = 0; r < n; r++) {
                l.set(r, c, column[r]);
            }
        }
        return SteadyState.solve(l, basis);
    }
}
