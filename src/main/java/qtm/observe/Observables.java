package qtm.observe;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import qtm.linalg.Hermitian;
import qtm.linalg.Ops;
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
     * Eigenvalues of ρ below this are rounding noise of the eigensolver (about n·ε·‖ρ‖) and are taken as 0 when
     * forming √ρ; otherwise √(1e-17) ≈ 3e-9 would enter the concurrence of every rank-deficient state.
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
        ZMatrixRMaj sqrt = Hermitian.apply(rho, x -> x > NOISE ? Math.sqrt(x) : 0.0);
        ZMatrixRMaj conj = sqrt.copy();
        for (int k = 1; k < conj.data.length; k += 2) {
            conj.data[k] = -conj.data[k];
        }
        double[] lambda = Ops.singularValues(Ops.mult(sqrt, Ops.mult(SIGMA_YY, conj, SIGMA_YY)));
        return lambda[0] - lambda[1] - lambda[2] - lambda[3];
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
}
