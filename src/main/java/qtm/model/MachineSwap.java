package qtm.model;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;
import qtm.math.Ops;

/**
 * The partial swap of one channel pair (A_ω with γ↓, A_ω† with γ↑) of a bosonic or fermionic machine bath with a
 * fresh ancilla qubit: V = e^{−iθG}, G = A_ω⊗σ⁺ + A_ω†⊗σ⁻ on system⊗ancilla, θ² = (γ↓ + γ↑)Δt, the ancilla excited
 * with probability q = γ↑/(γ↓ + γ↑).
 *
 * <p>V is exponentiated exactly through its blocks: G² = A†A⊗|g⟩⟨g| + AA†⊗|e⟩⟨e|, so the even terms of the series
 * give cos(θ√(A†A)) and cos(θ√(AA†)) and the odd ones −iA·s(A†A) and −iA†·s(AA†) with s(x) = sin(θ√x)/√x. These are
 * functions of d×d positive matrices, taken on their eigenvalues; a local channel's A†A is diagonal (A is a weighted
 * partial permutation), so for those the blocks are exact to rounding and V is unitary to rounding. The closed form
 * 1 − Π + cos θ Π − i sin θ G of the presets is the special case where A†A and AA† are projectors; a harmonic ladder
 * (A†A with 1 and 2 on its diagonal) is not one, and this form still holds.
 *
 * @param bath the bath's index
 * @param down index of A_ω in {@link Machine#channels()}
 * @param up index of A_ω† there
 * @param theta θ = √((γ↓ + γ↑)Δt)
 * @param excited q = γ↑/(γ↓ + γ↑), the probability that the ancilla starts excited
 * @param omega ω, the energy one quantum moves from the system to the ancilla
 * @param quantum the heat one excitation of the ancilla carries into the bath: ω, or ω − μ for a fermionic lead
 * @param stayGround cos(θ√(A†A)): ancilla |g⟩ → |g⟩
 * @param emit A·sin(θ√(A†A))/√(A†A): ancilla |g⟩ → |e⟩ (V's block is −i times it)
 * @param stayExcited cos(θ√(AA†)): ancilla |e⟩ → |e⟩
 * @param absorb A†·sin(θ√(AA†))/√(AA†): ancilla |e⟩ → |g⟩ (V's block is −i times it)
 */
public record MachineSwap(int bath, int down, int up, double theta, double excited, double omega, double quantum,
        ZMatrixRMaj stayGround, ZMatrixRMaj emit, ZMatrixRMaj stayExcited, ZMatrixRMaj absorb)
        implements MachineCollision.Event {

    /**
     * @param bath the bath's index
     * @param down index of the lowering channel in {@link Machine#channels()}
     * @param lower the lowering channel A_ω (rate γ↓)
     * @param raise its adjoint A_ω† (rate γ↑), at index down + 1
     * @param dt the step
     * @return the swap
     * @throws IllegalArgumentException if the largest rotation angle θ·‖A_ω‖ exceeds π/2
     */
    static MachineSwap of(int bath, int down, MachineChannel lower, MachineChannel raise, double dt) {
        double sum = lower.rate() + raise.rate();
        double theta = Math.sqrt(sum * dt);
        ZMatrixRMaj a = lower.operator();
        ZMatrixRMaj ad = Ops.dagger(a);
        ZMatrixRMaj ada = Ops.mult(ad, a);
        ZMatrixRMaj aad = Ops.mult(a, ad);
        double norm = Math.sqrt(Math.max(0, Hermitian.eigenvalues(ada)[0]));
        // The presets' rule θ ≤ π/2 where ‖A‖ = 1: beyond it the swap turns back and the emission probability
        // sin²(θ‖A‖) falls as Δt grows. A harmonic ladder rotates its top block fastest, by θ‖A‖.
        if (theta * norm > Math.PI / 2) {
            double max = Math.PI * Math.PI / 4 / (sum * norm * norm);
            throw new IllegalArgumentException("collision dt " + dt + " makes the swap angle theta*|A| = "
                    + theta * norm + " exceed pi/2 for channel " + lower.label() + "; use dt <= " + max);
        }
        ZMatrixRMaj stayGround = Hermitian.apply(ada, x -> Math.cos(theta * Math.sqrt(Math.max(0, x))));
        ZMatrixRMaj stayExcited = Hermitian.apply(aad, x -> Math.cos(theta * Math.sqrt(Math.max(0, x))));
        ZMatrixRMaj emit = Ops.mult(a, Hermitian.apply(ada, x -> sinc(theta, x)));
        ZMatrixRMaj absorb = Ops.mult(ad, Hermitian.apply(aad, x -> sinc(theta, x)));
        return new MachineSwap(bath, down, down + 1, theta, raise.rate() / sum, lower.energy(), lower.heat(),
                stayGround, emit, stayExcited, absorb);
    }

    /** sin(θ√x)/√x, θ at x = 0 (and for the rounding below it). */
    private static double sinc(double theta, double x) {
        if (!(x > 0)) {
            return theta;
        }
        double r = Math.sqrt(x);
        return Math.sin(theta * r) / r;
    }

    /**
     * The Kraus operators of the reduced map: √(1−q)·cos(θ√(A†A)), √(1−q)·A s(A†A), √q·cos(θ√(AA†)), √q·A† s(AA†)
     * (the phases −i of the off-diagonal blocks drop out of KρK†); those of a zero weight are left out.
     *
     * @return a new list
     */
    @Override
    public List<ZMatrixRMaj> kraus() {
        List<ZMatrixRMaj> out = new ArrayList<>(4);
        double g = Math.sqrt(1 - excited);
        double e = Math.sqrt(excited);
        if (g > 0) {
            out.add(Ops.scale(g, 0, stayGround));
            out.add(Ops.scale(g, 0, emit));
        }
        if (e > 0) {
            out.add(Ops.scale(e, 0, stayExcited));
            out.add(Ops.scale(e, 0, absorb));
        }
        return out;
    }

    /**
     * V on system⊗ancilla (index s·2 + a, a = 0 ground, 1 excited), assembled from the four blocks.
     *
     * @return a new 2d×2d unitary
     */
    public ZMatrixRMaj unitary() {
        int d = stayGround.numRows;
        ZMatrixRMaj v = new ZMatrixRMaj(2 * d, 2 * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                v.set(2 * i, 2 * j, stayGround.getReal(i, j), stayGround.getImag(i, j));
                v.set(2 * i + 1, 2 * j + 1, stayExcited.getReal(i, j), stayExcited.getImag(i, j));
                // −i·(x + iy) = y − ix
                v.set(2 * i + 1, 2 * j, emit.getImag(i, j), -emit.getReal(i, j));
                v.set(2 * i, 2 * j + 1, absorb.getImag(i, j), -absorb.getReal(i, j));
            }
        }
        return v;
    }
}
