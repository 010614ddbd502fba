package qtm.model;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;

/**
 * One of the three machines: two resonant qubits of gap E, coupled by g, each in contact with its own bath. A model
 * is fully described by its Hamiltonian and its Lindblad channels; the exact layer and the engines need nothing else.
 *
 * <p>What only some machines have is a capability of its own, tested with {@code instanceof} rather than a method here
 * that throws for the rest: {@link BathSpectra} (the baths' spectra and the local or global derivation; flux and dqd)
 * and {@link CoulombEnergy} (a Coulomb energy that can be set; dqd).
 */
public sealed interface Model permits ResetModel, BathSpectra, CoulombEnergy {
    /** @return the scenario name of this model kind: "reset", "flux" or "dqd" */
    String type();

    /** @return the qubit gap E &gt; 0 */
    double energy();

    /** @return the inter-qubit coupling g ≥ 0 */
    double g();

    /** @return the cold qubit's bath */
    Bath cold();

    /** @return the hot qubit's bath */
    Bath hot();

    /** @return the Coulomb energy U (0 except for the double dot) */
    default double coulomb() {
        return 0.0;
    }

    /**
     * The bath on one side.
     *
     * @param side cold or hot
     * @return that bath
     */
    default Bath bath(Side side) {
        return side == Side.COLD ? cold() : hot();
    }

    /** @return the 4×4 Hamiltonian (a new matrix) */
    default ZMatrixRMaj hamiltonian() {
        return TwoQubits.hamiltonian(energy(), g(), coulomb());
    }

    /** @return the Lindblad channels of both baths (new matrices) */
    List<Jump> jumps();

    /**
     * @return how the channels are derived: local (the paper's) or global; the reset model is always local, and only a
     *     {@link BathSpectra} machine can be derived the other way
     */
    default Approach approach() {
        return Approach.LOCAL;
    }

    /** @return s of the spectral density Γ(ω) = Γ·(ω/E)^s (0: flat, the paper's) */
    default double spectralExponent() {
        return 0.0;
    }

    /**
     * @return "flux model", or with the bath's master equation when it is not the paper's, "flux model, global
     *     approach, s = 1", for console headers
     */
    default String title() {
        if (approach() == Approach.LOCAL && spectralExponent() == 0) {
            return type() + " model";
        }
        double s = spectralExponent();
        String exponent = s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
        return type() + " model, " + approach().key() + " approach, s = " + exponent;
    }

    /**
     * The system operator A_k through which bath k acts, H_int = A_k ⊗ B_k† + A_k† ⊗ B_k: σ⁻ on qubit k, or the
     * dot's fermionic annihilation operator.
     *
     * @param side cold or hot
     * @return a new 4×4 matrix
     */
    default ZMatrixRMaj coupling(Side side) {
        return TwoQubits.local(side, 0, 1);
    }

    /**
     * The same kind of machine (same E, and U for the double dot) with other couplings and baths.
     *
     * @param g coupling
     * @param cold cold bath
     * @param hot hot bath
     * @return a new model
     * @throws IllegalArgumentException if the new parameters are invalid for this kind
     */
    Model with(double g, Bath cold, Bath hot);

    /**
     * The total transition rate a qubit sees per unit of its bath's {@code rate}: 1 for the reset model (p_k) and
     * the double dot (Γ_k n_F + Γ_k (1 − n_F)), 2n_B + 1 for flux qubits (Γ_k n_B + Γ_k (1 + n_B)). It is the
     * rate that sets how strongly the bath acts, and so the variable an optimiser should search over.
     *
     * @param side cold or hot
     * @return the factor, ≥ 1 and finite for every valid model
     */
    default double rateFactor(Side side) {
        return 1.0;
    }

    /**
     * Whether the master equation has exactly one steady state. It fails only when a qubit is isolated: both rates
     * zero, or g = 0 with one rate zero.
     *
     * @return true if the steady state is unique
     */
    default boolean hasUniqueSteadyState() {
        double pc = cold().rate();
        double ph = hot().rate();
        return (pc > 0 && ph > 0) || (g() > 0 && (pc > 0 || ph > 0));
    }

    /**
     * Checks the model-wide parameters shared by all three kinds.
     *
     * @param energy E
     * @param g coupling
     * @param cold cold bath
     * @param hot hot bath
     * @throws IllegalArgumentException if E is not finite and positive, g is not finite and ≥ 0, or a bath is null;
     *         a {@link ValidRange.OutOfRange} if E or g lies outside {@link ValidRange}
     */
    static void check(double energy, double g, Bath cold, Bath hot) {
        if (!(energy > 0) || !Double.isFinite(energy)) {
            throw new IllegalArgumentException("E must be finite and > 0, got " + energy);
        }
        if (!(g >= 0) || !Double.isFinite(g)) {
            throw new IllegalArgumentException("g must be finite and >= 0, got " + g);
        }
        if (cold == null || hot == null) {
            throw new IllegalArgumentException("both baths are required");
        }
        ValidRange.checkEnergy(energy);
        ValidRange.checkCoupling(energy, g);
    }
}
