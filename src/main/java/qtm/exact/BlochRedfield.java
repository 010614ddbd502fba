package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.BathSpectra;
import qtm.model.BathSpectrum;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TwoQubits;

/**
 * The non-secular Bloch–Redfield generator of a flux or double-dot machine, the reference that holds for every g/Γ
 * within weak coupling: L(ρ) = −i[H, ρ] + Σ_k D_k(ρ), as a real 16×16 matrix in the coordinates of
 * {@link HermitianBasis}, like {@link Liouvillian}, so that {@link SteadyState#solve} and {@link Transient} take it.
 *
 * <p>Derivation (Breuer–Petruccione §3.3.1). Bath k couples through H_I = A_k ⊗ B_k† + A_k† ⊗ B_k, A_k the
 * system's lowering operator ({@link Model#coupling}). Split A into Bohr components of the full H,
 * A(ω) = Σ_{ε_b − ε_a = ω} |a⟩⟨a|A|b⟩⟨b| (ω &gt; 0: A only lowers), so that in the interaction picture
 * A(t) = Σ_ω e^{−iωt} A(ω) and A†(t) = Σ_ω e^{+iωt} A(ω)†. Born–Markov with the two nonzero correlation functions
 * ⟨B(s)B†(0)⟩ and ⟨B†(s)B(0)⟩ (⟨BB⟩ = 0 for a thermal bath) gives, back in the Schrödinger picture,
 * <pre>
 *   D(ρ) = Σ_{ω,ω′} Γ↓(ω) [A(ω) ρ A(ω′)† − A(ω′)† A(ω) ρ]
 *        + Σ_{ω,ω′} Γ↑(ω) [A(ω)† ρ A(ω′) − A(ω′) A(ω)† ρ]  + h.c.,
 *   Γ(ω) = ∫_0^∞ ds e^{iωs} ⟨bath correlation at s⟩,
 * </pre>
 * where the one-sided transform belongs to the frequency of the operator that acts first on ρ: it is the one taken
 * at the earlier time t − s, whose phase e^{∓iωs} is what the integral over s transforms. Keeping only the real
 * parts, Re Γ↓(ω) = ½γ↓(ω) (the bath's emission rate, {@link BathSpectrum#emission}) and Re Γ↑(ω) = ½γ↑(ω)
 * ({@link BathSpectrum#absorption}), and dropping the imaginary parts (the Lamb shift), as QuTiP's brmesolve does,
 * the h.c. written out as a linear map is
 * <pre>
 *   D(ρ) = ½ Σ_{ω,ω′} γ↓(ω) [A(ω)ρA(ω′)† + A(ω′)ρA(ω)† − A(ω′)†A(ω)ρ − ρA(ω)†A(ω′)]
 *        + ½ Σ_{ω,ω′} γ↑(ω) [A(ω)†ρA(ω′) + A(ω′)†ρA(ω) − A(ω′)A(ω)†ρ − ρA(ω)A(ω′)†].
 * </pre>
 * Non-secular: every pair (ω, ω′) is kept, also those that rotate at ω − ω′ = 2g (or U) in the interaction
 * picture, which the global master equation drops and which matter when g is not large against the rates. The pairs
 * with ω = ω′ alone are γ(ω)[A(ω)ρA(ω)† − ½{A(ω)†A(ω), ρ}] (and the same with A(ω)† at γ↑): the global Lindblad
 * form ({@link #secular}). Since Σ_ω A(ω) = A, the full sums collapse to
 * D(ρ) = ½[Â↓ρA† + AρÂ↓† − A†Â↓ρ − ρÂ↓†A] + ½[Â↑†ρA + A†ρÂ↑ − AÂ↑†ρ − ρÂ↑A†] with the rate-weighted
 * Â = Σ_ω γ(ω) A(ω): as g → 0 with a flat spectrum every ω tends to E, Â to γ(E)·A, and D to the local Lindblad
 * form. D preserves trace and Hermiticity exactly; unlike a Lindblad form it need not preserve positivity.
 *
 * <p>The code keeps the sum over pairs, so that the secular form is the same code with a filter. Components are
 * taken between single eigenstates, in closed form: |00⟩ at 0, (|01⟩ ± |10⟩)/√2 at E ± g, |11⟩ at 2E + U; pairs
 * whose frequencies agree to 1e-12·E count as ω = ω′, as in {@link qtm.model.SecularJumps}.
 */
public final class BlochRedfield {
    /** Frequencies equal to within this fraction of E are one Bohr frequency, as in the global channels. */
    private static final double TOLERANCE = 1e-12;

    private final ZMatrixRMaj hamiltonian;
    private final HermitianBasis basis;
    private final boolean secular;
    private final double tolerance;
    private final List<List<Component>> components = new ArrayList<>();
    private final List<BathSpectrum> spectra = new ArrayList<>();
    private final DMatrixRMaj[] dissipators = new DMatrixRMaj[2];
    private final DMatrixRMaj matrix;

    /** One Bohr component |a⟩⟨a|A|b⟩⟨b| of a coupling operator, lowering by ω = ε_b − ε_a. */
    private record Component(double omega, ZMatrixRMaj operator) {
    }

    /**
     * The non-secular generator.
     *
     * @param model a flux or double-dot machine; its approach (local or global) is ignored, its baths' spectra used
     */
    public BlochRedfield(BathSpectra model) {
        this(model, false);
    }

    private BlochRedfield(BathSpectra model, boolean secular) {
        this.hamiltonian = model.hamiltonian();
        this.basis = new HermitianBasis(TwoQubits.DIM);
        this.secular = secular;
        this.tolerance = TOLERANCE * model.energy();
        double e = model.energy();
        double g = model.g();
        double[] level = {0, e + g, e - g, 2 * e + model.coulomb()};
        double r = Math.sqrt(0.5);
        double[][] vector = {{1, 0, 0, 0}, {0, r, r, 0}, {0, r, -r, 0}, {0, 0, 0, 1}};
        for (Side side : Side.values()) {
            ZMatrixRMaj a = model.coupling(side);
            List<Component> parts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double element = 0;
                    for (int p = 0; p < 4; p++) {
                        for (int q = 0; q < 4; q++) {
                            element += vector[i][p] * a.getReal(p, q) * vector[j][q];
                        }
                    }
                    if (Math.abs(element) < 1e-15) {
                        continue;
                    }
                    ZMatrixRMaj part = new ZMatrixRMaj(4, 4);
                    for (int p = 0; p < 4; p++) {
                        for (int q = 0; q < 4; q++) {
                            part.set(p, q, element * vector[i][p] * vector[j][q], 0);
                        }
                    }
                    parts.add(new Component(level[j] - level[i], part));
                }
            }
            components.add(parts);
            spectra.add(model.spectrum(side));
        }
        for (Side side : Side.values()) {
            dissipators[side.ordinal()] = assemble(rho -> dissipate(side, rho));
        }
        DMatrixRMaj m = assemble(rho -> Ops.scale(0, -1, Ops.commutator(hamiltonian, rho)));
        CommonOps_DDRM.addEquals(m, dissipators[0]);
        CommonOps_DDRM.addEquals(m, dissipators[1]);
        this.matrix = m;
    }

    /**
     * The same generator with only the pairs ω = ω′: the secular (Davies) form, which is the global master equation.
     *
     * @param model a flux or double-dot machine
     * @return the secular generator
     */
    public static BlochRedfield secular(BathSpectra model) {
        return new BlochRedfield(model, true);
    }

    /**
     * L applied to a matrix.
     *
     * @param rho 4×4 matrix
     * @return a new matrix L(ρ)
     */
    public ZMatrixRMaj apply(ZMatrixRMaj rho) {
        ZMatrixRMaj out = Ops.scale(0, -1, Ops.commutator(hamiltonian, rho));
        for (Side side : Side.values()) {
            out = Ops.add(1.0, out, 1.0, dissipate(side, rho));
        }
        return out;
    }

    /**
     * D_k of one bath applied to a matrix.
     *
     * @param side the bath
     * @param rho 4×4 matrix
     * @return a new matrix D_k(ρ)
     */
    public ZMatrixRMaj dissipate(Side side, ZMatrixRMaj rho) {
        List<Component> parts = components.get(side.ordinal());
        BathSpectrum sp = spectra.get(side.ordinal());
        ZMatrixRMaj out = new ZMatrixRMaj(4, 4);
        for (Component w : parts) {
            double down = sp.emission(w.omega());
            double up = sp.absorption(w.omega());
            ZMatrixRMaj a = w.operator();
            ZMatrixRMaj ad = Ops.dagger(a);
            for (Component v : parts) {
                if (secular && Math.abs(v.omega() - w.omega()) > tolerance) {
                    continue;
                }
                ZMatrixRMaj b = v.operator();
                ZMatrixRMaj bd = Ops.dagger(b);
                if (down != 0) {
                    ZMatrixRMaj t = Ops.add(1.0, Ops.mult(a, rho, bd), 1.0, Ops.mult(b, rho, ad));
                    t = Ops.add(1.0, t, -1.0, Ops.mult(bd, a, rho));
                    t = Ops.add(1.0, t, -1.0, Ops.mult(rho, ad, b));
                    out = Ops.add(1.0, out, 0.5 * down, t);
                }
                if (up != 0) {
                    ZMatrixRMaj t = Ops.add(1.0, Ops.mult(ad, rho, b), 1.0, Ops.mult(bd, rho, a));
                    t = Ops.add(1.0, t, -1.0, Ops.mult(b, ad, rho));
                    t = Ops.add(1.0, t, -1.0, Ops.mult(rho, a, bd));
                    out = Ops.add(1.0, out, 0.5 * up, t);
                }
            }
        }
        return out;
    }

    /**
     * The heat current into bath k, Q_k = −Tr[H D_k(ρ)]: the energy D_k takes from the qubits per unit time.
     *
     * @param side the bath
     * @param rho the state
     * @return Q_k
     */
    public double heat(Side side, ZMatrixRMaj rho) {
        return -Ops.traceProductRe(hamiltonian, dissipate(side, rho)) + 0.0;
    }

    private DMatrixRMaj assemble(java.util.function.UnaryOperator<ZMatrixRMaj> map) {
        int size = basis.size();
        DMatrixRMaj m = new DMatrixRMaj(size, size);
        double[] column = new double[size];
        for (int c = 0; c < size; c++) {
            basis.coordinates(map.apply(basis.element(c)), column);
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
     * @param side the bath
     * @return a copy of D_k as a real matrix in Hermitian coordinates
     */
    public DMatrixRMaj dissipator(Side side) {
        return dissipators[side.ordinal()].copy();
    }

    /** @return the coordinate system of {@link #matrix()} */
    public HermitianBasis basis() {
        return basis;
    }

    /** @return the steady state L(ρ) = 0, Tr ρ = 1 */
    public ZMatrixRMaj steadyState() {
        return SteadyState.solve(matrix(), basis);
    }
}
