package qtm.observe;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;
import qtm.math.Ops;
import qtm.model.TwoQubits;

/**
 * Functions of a two-qubit density matrix: entanglement, purity, populations, the |01⟩–|10⟩ coherence and the trace
 * distance.
 */
public final class Observables {
    private static final ZMatrixRMaj SIGMA_YY = Ops.of(
            new double[][] {{0, 0, 0, -1}, {0, 0, 1, 0}, {0, 1, 0, 0}, {-1, 0, 0, 0}}, null);

    private Observables() {
    }

    /**
     * Eigenvalues of ρ below this fraction of its trace are rounding noise of the eigensolver (about n·ε·‖ρ‖) and
     * are taken as 0 when forming √ρ; otherwise √(1e-17) ≈ 3e-9 would enter the concurrence of every rank-deficient
     * state. Relative, so that a resample or a perturbed state with trace ≠ 1 is cut the same way.
     */
    private static final double NOISE = 1e-14;

    /**
     * Wootters' concurrence C = max(0, λ1 − λ2 − λ3 − λ4), with λ_i the decreasing eigenvalues of
     * √(√ρ ρ̃ √ρ), ρ̃ = (σ_y⊗σ_y) ρ* (σ_y⊗σ_y). Valid for every two-qubit state. The λ_i are computed as the singular
     * values of √ρ √ρ̃ (√ρ̃ = (σ_y⊗σ_y) √ρ* (σ_y⊗σ_y)), which avoids taking square roots of near-zero eigenvalues.
     *
     * @param rho 4×4 density matrix
     * @return the concurrence in [0, 1]
     */
    public static double concurrence(ZMatrixRMaj rho) {
        return Math.max(0.0, signedConcurrence(rho));
    }

    /**
     * Wootters' λ1 − λ2 − λ3 − λ4 before clipping at 0. Negative on separable states, it keeps a slope there, so
     * its error bar stays honest where the clipped concurrence sits at exactly 0 for every resample.
     *
     * @param rho 4×4 density matrix
     * @return the unclipped concurrence
     */
    public static double signedConcurrence(ZMatrixRMaj rho) {
        return isX(rho) ? signedConcurrenceXFull(rho) : woottersSigned(rho);
    }

    /** Wootters' λ1 − λ2 − λ3 − λ4 through singular values, for any state (package-private for the tests). */
    static double woottersSigned(ZMatrixRMaj rho) {
        // The trace is ‖ρ‖₁ for a positive ρ, and a cheaper scale than its largest eigenvalue.
        double cut = NOISE * Math.abs(Ops.traceRe(rho));
        ZMatrixRMaj sqrt = Hermitian.apply(rho, x -> x > cut ? Math.sqrt(x) : 0.0);
        ZMatrixRMaj conj = sqrt.copy();
        for (int k = 1; k < conj.data.length; k += 2) {
            conj.data[k] = -conj.data[k];
        }
        double[] lambda = Ops.singularValues(Ops.mult(sqrt, Ops.mult(SIGMA_YY, conj, SIGMA_YY)));
        return lambda[0] - lambda[1] - lambda[2] - lambda[3];
    }

    /**
     * Whether ρ is an X state: every entry off the diagonal and off the two anti-diagonal pairs (|00⟩–|11⟩,
     * |01⟩–|10⟩) is exactly 0. All three machines keep a state that starts in a basis state exactly X (H and every
     * jump move whole excitations), and so do their ensemble means.
     */
    private static boolean isX(ZMatrixRMaj rho) {
        int[][] outside = {{0, 1}, {0, 2}, {1, 3}, {2, 3}};
        for (int[] e : outside) {
            if (rho.getReal(e[0], e[1]) != 0 || rho.getImag(e[0], e[1]) != 0
                    || rho.getReal(e[1], e[0]) != 0 || rho.getImag(e[1], e[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * λ1 − λ2 − λ3 − λ4 of an X state in closed form: the λ_i are √(p00 p11) ± |ρ_00,11| and √(p01 p10) ± |ρ_01,10|,
     * so the result is 2 max(|ρ_01,10| − √(p00 p11), |ρ_00,11| − √(p01 p10)). No eigenvalue is cut off here: a
     * population of 1e-15 is kept at its value, where an absolute cut-off would drop it and call a separable state
     * entangled.
     */
    private static double signedConcurrenceXFull(ZMatrixRMaj rho) {
        double[] p = new double[4];
        for (int i = 0; i < 4; i++) {
            p[i] = Math.max(0.0, rho.getReal(i, i));
        }
        double inner = Math.hypot(rho.getReal(TwoQubits.I01, TwoQubits.I10), rho.getImag(TwoQubits.I01, TwoQubits.I10));
        double outer = Math.hypot(rho.getReal(0, TwoQubits.I11), rho.getImag(0, TwoQubits.I11));
        return 2 * Math.max(inner - Math.sqrt(p[0] * p[3]), outer - Math.sqrt(p[1] * p[2]));
    }

    /**
     * The X-state expression inside eq. (6) before clipping, 2(|ρ_{01,10}| − √(ρ_{00,00} ρ_{11,11})). Its sign tells
     * entangled from separable, and unlike the concurrence it keeps a slope on the separable side.
     *
     * @param rho 4×4 density matrix
     * @return the signed X-state concurrence
     */
    public static double signedConcurrenceX(ZMatrixRMaj rho) {
        Complex_F64 c = coherence(rho);
        double p00 = Math.max(0.0, rho.getReal(0, 0));
        double p11 = Math.max(0.0, rho.getReal(TwoQubits.I11, TwoQubits.I11));
        return 2 * (c.getMagnitude() - Math.sqrt(p00 * p11));
    }

    /**
     * Eq. (6): the concurrence of an X state (only diagonal and |01⟩–|10⟩ entries non-zero). On other states it
     * ignores the remaining coherences; use {@link #concurrence(ZMatrixRMaj)} there.
     *
     * @param rho 4×4 density matrix
     * @return max(0, signed X-state concurrence)
     */
    public static double concurrenceX(ZMatrixRMaj rho) {
        return Math.max(0.0, signedConcurrenceX(rho));
    }

    /**
     * @param rho density matrix
     * @return Tr ρ²
     */
    public static double purity(ZMatrixRMaj rho) {
        return Ops.traceProductRe(rho, rho);
    }

    /**
     * @param rho 4×4 density matrix
     * @return [p00, p01, p10, p11]
     */
    public static double[] populations(ZMatrixRMaj rho) {
        double[] p = new double[4];
        for (int k = 0; k < 4; k++) {
            p[k] = rho.getReal(k, k);
        }
        return p;
    }

    /**
     * @param rho 4×4 density matrix
     * @return ρ_{01,10} = ⟨01|ρ|10⟩
     */
    public static Complex_F64 coherence(ZMatrixRMaj rho) {
        return new Complex_F64(rho.getReal(TwoQubits.I01, TwoQubits.I10), rho.getImag(TwoQubits.I01, TwoQubits.I10));
    }

    /**
     * Trace distance D(ρ, σ) = ½‖ρ − σ‖₁.
     *
     * @param rho first state
     * @param sigma second state
     * @return the distance in [0, 1]
     */
    public static double traceDistance(ZMatrixRMaj rho, ZMatrixRMaj sigma) {
        double s = 0;
        for (double x : Hermitian.eigenvalues(Ops.add(1.0, rho, -1.0, sigma))) {
            s += Math.abs(x);
        }
        return 0.5 * s;
    }

    /**
     * The fidelity with a pure target, F = ⟨t|ρ|t⟩ (issue 24's {@code observe.target}).
     *
     * @param rho d×d density matrix
     * @param ket the target, a normalised d×1 column
     * @return F, in [0, 1] for a density matrix
     */
    public static double fidelity(ZMatrixRMaj rho, ZMatrixRMaj ket) {
        int d = rho.numRows;
        double f = 0;
        for (int i = 0; i < d; i++) {
            double ar = ket.getReal(i, 0);
            double ai = -ket.getImag(i, 0);
            for (int j = 0; j < d; j++) {
                // Re(conj(t_i) rho_ij t_j)
                double pr = rho.getReal(i, j) * ket.getReal(j, 0) - rho.getImag(i, j) * ket.getImag(j, 0);
                double pi = rho.getReal(i, j) * ket.getImag(j, 0) + rho.getImag(i, j) * ket.getReal(j, 0);
                f += ar * pr - ai * pi;
            }
        }
        return f;
    }
}
