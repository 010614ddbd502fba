package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Approach;
import qtm.model.BathKind;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineChannel;

/**
 * The non-secular Bloch–Redfield generator of any machine whose baths are all bosonic (issue 25), the reference for
 * the local–global question on a machine as {@link BlochRedfield} is on the flux and double-dot presets, whose
 * derivation and conventions (real parts of the one-sided transforms, no Lamb shift, as QuTiP's brmesolve) it
 * follows. Bath k couples through X_k = a_k + a_k†; its Bohr components A(ω) at positive frequency with respect to
 * the full H are exactly the lowering operators of the machine's global channels (issue 24's rule, zero-frequency
 * components dropped, frequencies within 1e-9 of each other one channel), at rates γ↓(ω) = γ(ω)(1 + n(ω)) and
 * γ↑(ω) = γ(ω)n(ω). With A = Σ_ω A(ω) and the rate-weighted Â↓ = Σ_ω γ↓(ω)A(ω), Â↑ = Σ_ω γ↑(ω)A(ω), the sum over
 * every pair (ω, ω′) collapses to
 * <pre>
 *   D_k(ρ) = ½[Â↓ρA† + AρÂ↓† − A†Â↓ρ − ρÂ↓†A] + ½[Â↑†ρA + A†ρÂ↑ − AÂ↑†ρ − ρÂ↑A†],
 * </pre>
 * whose pairs ω = ω′ alone are the global Lindblad form. The heat into bath k is Q_k = −Tr[H D_k(ρ)]. Immutable.
 */
public final class MachineRedfield {
    private final Machine machine;
    private final ZMatrixRMaj hamiltonian;
    /** Per bath: A, Â↓ and Â↑. */
    private final List<ZMatrixRMaj[]> operators = new ArrayList<>();

    /**
     * @param machine a machine whose baths are all bosonic; its approach is ignored
     * @throws IllegalArgumentException if a bath is not bosonic
     */
    public MachineRedfield(Machine machine) {
        for (MachineBath b : machine.baths()) {
            if (b.kind() != BathKind.BOSONIC) {
                throw new IllegalArgumentException("the Bloch-Redfield generator takes bosonic baths only; bath "
                        + b.name() + " is " + b.kind().key());
            }
        }
        this.machine = machine;
        this.hamiltonian = machine.hamiltonian();
        Machine global = new Machine(Approach.GLOBAL, machine.sites(), machine.couplings(), machine.baths());
        int d = machine.dimension();
        for (int k = 0; k < machine.baths().size(); k++) {
            operators.add(new ZMatrixRMaj[] {new ZMatrixRMaj(d, d), new ZMatrixRMaj(d, d), new ZMatrixRMaj(d, d)});
        }
        for (MachineChannel c : global.channels()) {
            ZMatrixRMaj[] ops = operators.get(c.bath());
            if (c.energy() > 0) {
                // A lowering component A(ω) at γ↓(ω).
                ops[0] = Ops.add(1, ops[0], 1, c.operator());
                ops[1] = Ops.add(1, ops[1], c.rate(), c.operator());
            } else {
                // Its raising partner A(ω)† at γ↑(ω).
                ops[2] = Ops.add(1, ops[2], c.rate(), Ops.dagger(c.operator()));
            }
        }
    }

    /** @return the machine */
    public Machine machine() {
        return machine;
    }

    /**
     * @param bath the bath's index in {@link Machine#baths()}
     * @param rho a d×d matrix
     * @return a new D_k(ρ)
     */
    public ZMatrixRMaj dissipate(int bath, ZMatrixRMaj rho) {
        ZMatrixRMaj[] ops = operators.get(bath);
        ZMatrixRMaj a = ops[0];
        ZMatrixRMaj ad = Ops.dagger(a);
        ZMatrixRMaj down = ops[1];
        ZMatrixRMaj downD = Ops.dagger(down);
        ZMatrixRMaj up = ops[2];
        ZMatrixRMaj upD = Ops.dagger(up);
        ZMatrixRMaj sum = Ops.add(1, Ops.mult(down, rho, ad), 1, Ops.mult(a, rho, downD));
        sum = Ops.add(1, sum, -1, Ops.add(1, Ops.mult(ad, down, rho), 1, Ops.mult(rho, downD, a)));
        sum = Ops.add(1, sum, 1, Ops.add(1, Ops.mult(upD, rho, a), 1, Ops.mult(ad, rho, up)));
        sum = Ops.add(1, sum, -1, Ops.add(1, Ops.mult(a, upD, rho), 1, Ops.mult(rho, up, ad)));
        return Ops.scale(0.5, 0, sum);
    }

    /**
     * @param bath the bath's index
     * @param rho the state
     * @return the heat current into the bath, −Tr[H D_k(ρ)]
     */
    public double heat(int bath, ZMatrixRMaj rho) {
        return -Ops.traceProductRe(hamiltonian, dissipate(bath, rho)) + 0.0;
    }

    /**
     * @param basis the coordinates, of the machine's dimension
     * @return a new real matrix of L(ρ) = −i[H, ρ] + Σ_k D_k(ρ)
     */
    public DMatrixRMaj generator(HermitianBasis basis) {
        DMatrixRMaj m = MachineGenerator.of(hamiltonian, List.of(), basis);
        int size = basis.size();
        double[] column = new double[size];
        for (int c = 0; c < size; c++) {
            ZMatrixRMaj e = basis.element(c);
            ZMatrixRMaj sum = new ZMatrixRMaj(e.numRows, e.numCols);
            for (int k = 0; k < operators.size(); k++) {
                sum = Ops.add(1, sum, 1, dissipate(k, e));
            }
            basis.coordinates(sum, column);
            for (int r = 0; r < size; r++) {
                m.add(r, c, column[r]);
            }
        }
        return m;
    }

    /** @return the steady state of the Redfield generator */
    public ZMatrixRMaj steadyState() {
        HermitianBasis basis = new HermitianBasis(machine.dimension());
        return MachineExact.steadyState(generator(basis), basis);
    }
}
