package qtm.engine;

import org.ejml.data.ZMatrixRMaj;
import qtm.model.TwoQubits;

/**
 * The closed-form no-jump propagator e^{−iH_eff t} in the interaction picture of the diagonal of H.
 *
 * <p>In all three machines H = H₀ + g(|01⟩⟨10| + h.c.) with H₀ diagonal and the two single-excitation levels equal
 * (resonance), and Σγ_j A_j†A_j = diag(d₀, d₁, d₂, d₃). H₀ commutes with everything else, so in its interaction
 * picture H_eff = V − (i/2)D is block diagonal: pure decay on |00⟩ and |11⟩ and the 2×2 block
 * [[−id₁/2, g], [g, −id₂/2]] on {|01⟩, |10⟩}. Writing σ = (d₁+d₂)/4, δ = (d₁−d₂)/4 and Ω² = g² − δ², the block
 * squares to Ω² after removing its trace, so e^{−iBt} = e^{−σt}[cos Ωt·I + (sin Ωt/Ω)·[[−δ, −ig], [−ig, δ]]], with
 * cosh and sinh when Ω² &lt; 0. Five real numbers describe the propagator for a given t.
 *
 * <p>With global channels the engine works in the eigenbasis of H instead, where H is diagonal and so is Σγ_j A_j†A_j
 * (it commutes with H, whose levels are distinct for g &gt; 0): the frame removes all of H and the block has no
 * coupling, {@link #framed}.
 *
 * <p>Immutable; coefficients go into caller-owned arrays so that nothing is allocated per step.
 */
public final class NoJumpPropagator {
    /** Length of a coefficient array. */
    public static final int COEFFICIENTS = 5;
    private final double d0;
    private final double d3;
    private final double sigma;
    private final double delta;
    private final double g;
    private final double omega2;
    private final boolean uniform;
    private final double[] decay;
    private final boolean decays;
    private final double w;
    private final double inverseW;

    /**
     * @param hamiltonian 4×4 H of the required form
     * @param decay diagonal of Σγ_j A_j†A_j
     * @throws IllegalArgumentException if H is not diagonal plus a real |01⟩–|10⟩ coupling between equal levels
     */
    public NoJumpPropagator(ZMatrixRMaj hamiltonian, double[] decay) {
        this(coupling(hamiltonian), decay);
    }

    private static double coupling(ZMatrixRMaj hamiltonian) {
        requireForm(hamiltonian);
        return hamiltonian.getReal(TwoQubits.I01, TwoQubits.I10);
    }

    private NoJumpPropagator(double g, double[] decay) {
        this.decay = decay.clone();
        this.d0 = decay[0];
        this.d3 = decay[3];
        this.sigma = (decay[1] + decay[2]) / 4;
        this.delta = (decay[1] - decay[2]) / 4;
        this.g = g;
        this.omega2 = g * g - delta * delta;
        this.uniform = decay[0] == decay[1] && decay[1] == decay[2] && decay[2] == decay[3];
        this.w = Math.sqrt(Math.abs(omega2));
        this.inverseW = 1 / w;
        this.decays = decay[0] != 0 || decay[1] != 0 || decay[2] != 0 || decay[3] != 0;
    }

    /**
     * The same propagator with the decay dropped: e^{−iVt}, unitary. When every state decays at the same rate the
     * decay is a scalar factor that normalisation removes, so this is all a uniform trajectory needs.
     *
     * @param hamiltonian 4×4 H of the required form
     * @return the unitary propagator
     */
    public static NoJumpPropagator unitary(ZMatrixRMaj hamiltonian) {
        return new NoJumpPropagator(hamiltonian, new double[4]);
    }

    /**
     * The propagator in a frame that removes all of H (the eigenbasis of H, H diagonal there): pure decay of each
     * basis state, e^{−d_i t/2}.
     *
     * @param decay diagonal of Σγ_j A_j†A_j in that basis
     * @return the propagator
     */
    static NoJumpPropagator framed(double[] decay) {
        return new NoJumpPropagator(0.0, decay);
    }

    private static void requireForm(ZMatrixRMaj h) {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                boolean coupling = (i == TwoQubits.I01 && j == TwoQubits.I10) || (i == TwoQubits.I10 && j == TwoQubits.I01);
                if (i != j && !coupling && (h.getReal(i, j) != 0 || h.getImag(i, j) != 0)) {
                    throw new IllegalArgumentException("the engines need H to couple only |01> and |10>");
                }
            }
        }
        if (h.getImag(TwoQubits.I01, TwoQubits.I10) != 0
                || h.getReal(TwoQubits.I01, TwoQubits.I10) != h.getReal(TwoQubits.I10, TwoQubits.I01)) {
            throw new IllegalArgumentException("the engines need a real, symmetric |01>-|10> coupling");
        }
        if (h.getReal(TwoQubits.I01, TwoQubits.I01) != h.getReal(TwoQubits.I10, TwoQubits.I10)) {
            throw new IllegalArgumentException("the engines need resonant qubits (equal |01> and |10> levels)");
        }
    }

    /** @return true if every basis state decays at the same rate, so ‖ψ̃(t)‖² = e^{−dt} for every ψ */
    public boolean uniform() {
        return uniform;
    }

    /** @return the common decay rate d when {@link #uniform()} */
    public double uniformRate() {
        return d0;
    }

    /**
     * ⟨ψ|D|ψ⟩, minus the derivative of ‖ψ̃(t)‖² at the current state.
     *
     * @param re real parts
     * @param im imaginary parts
     * @return Σ d_i |ψ_i|²
     */
    public double decayRate(double[] re, double[] im) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            s += decay[i] * (re[i] * re[i] + im[i] * im[i]);
        }
        return s;
    }

    /**
     * Fills the five coefficients of e^{−iH_eff t}: the decay factors of |00⟩ and |11⟩, the two diagonal entries of
     * the block and the imaginary part of its (equal) off-diagonal entries.
     *
     * @param t time ≥ 0
     * @param c array of length {@link #COEFFICIENTS}, overwritten
     */
    public void coefficients(double t, double[] c) {
        double ec;
        double es;
        double x = omega2 * t * t;
        if (!decays) {
            c[0] = 1;
            c[1] = 1;
        } else {
            c[0] = Math.exp(-0.5 * d0 * t);
            c[1] = Math.exp(-0.5 * d3 * t);
        }
        if (!decays && omega2 > 0 && Math.abs(x) >= 1e-10) {
            ec = Math.cos(w * t);
            es = Math.sin(w * t) * inverseW;
        } else if (Math.abs(x) < 1e-10) {
            // Series near the exceptional point Ω = 0, where sin(Ωt)/Ω → t; the dropped terms are O(x²).
            double e = Math.exp(-sigma * t);
            ec = e * (1 - x / 2);
            es = e * t * (1 - x / 6);
        } else if (omega2 > 0) {
            double w = Math.sqrt(omega2);
            double e = Math.exp(-sigma * t);
            ec = e * Math.cos(w * t);
            es = e * Math.sin(w * t) / w;
        } else {
            // e^{−σt}cosh κt and e^{−σt}sinh κt / κ written so that neither overflows nor cancels.
            double k = Math.sqrt(-omega2);
            double a = Math.exp((k - sigma) * t);
            double m = Math.expm1(-2 * k * t);
            ec = a * (2 + m) / 2;
            es = -a * m / (2 * k);
        }
        c[2] = ec - es * delta;
        c[3] = ec + es * delta;
        c[4] = -es * g;
    }

    /**
     * out = e^{−iH_eff t} ψ for coefficients from {@link #coefficients(double, double[])}.
     *
     * @param c coefficients
     * @param re real parts of ψ
     * @param im imaginary parts of ψ
     * @param outRe result real parts (must not alias re)
     * @param outIm result imaginary parts (must not alias im)
     * @return ‖out‖²
     */
    public static double apply(double[] c, double[] re, double[] im, double[] outRe, double[] outIm) {
        outRe[0] = c[0] * re[0];
        outIm[0] = c[0] * im[0];
        outRe[3] = c[1] * re[3];
        outIm[3] = c[1] * im[3];
        // i·b·(x + iy) = −b·y + i·b·x for the off-diagonal entries i·c[4].
        outRe[1] = c[2] * re[1] - c[4] * im[2];
        outIm[1] = c[2] * im[1] + c[4] * re[2];
        outRe[2] = c[3] * re[2] - c[4] * im[1];
        outIm[2] = c[3] * im[2] + c[4] * re[1];
        double n = 0;
        for (int i = 0; i < 4; i++) {
            n += outRe[i] * outRe[i] + outIm[i] * outIm[i];
        }
        return n;
    }
}
