package qtm.model;

import java.util.List;

/**
 * The parameter range in which the machines' master equations hold and qtm's numerics are tested to be right; the
 * one definition of every bound. Everything is relative to the qubit gap E, because E is a parameter and the physics
 * depends only on ratios.
 *
 * <ul>
 * <li>Weak coupling (the paper: p_c, p_h, g ≪ E): g and every qubit's total transition rate γ_k are at most
 * {@link #WEAK}·E. γ_k is p_k for the reset model, Γ_k for the double dot (Γ_k n_F + Γ_k (1 − n_F)) and
 * Γ_k (2 n_B(T_k) + 1) for flux qubits, so for flux qubits the bound ties Γ_k to T_k.</li>
 * <li>E itself lies in [{@link #E_MIN}, {@link #E_MAX}]: the property test covers this, every other bound being
 * relative to E, and the Liouvillian's rows (entries of order E next to rates down to 1e-12·E) stay well scaled.</li>
 * <li>U ≤ {@link #U_MAX}·E: beyond it the Coulomb energy changes nothing (n_F(E + U) has long underflowed, and the
 * coherences that rotate at E + U are never populated), while the free rotation loses its phase.</li>
 * <li>Flux-qubit temperatures T ≤ {@link #FLUX_T_MAX}·E: n_B ≈ T/E must stay far from overflow; above it the bath is
 * at infinite temperature to 1e-100 anyway.</li>
 * <li>Times: E·time.end ≤ {@link #PHASE_MAX}. The undamped parts of the motion (the exchange at g when a rate is 0)
 * are propagated by repeated squaring, whose rounding grows like 1e-16·g·t; beyond 1e12 periods of E the phase
 * itself is meaningless.</li>
 * </ul>
 */
public final class ValidRange {
    /** g and each transition rate are at most this fraction of E. */
    public static final double WEAK = 0.1;
    /** Smallest E. */
    public static final double E_MIN = 1e-30;
    /** Largest E. */
    public static final double E_MAX = 1e30;
    /** Largest U/E for the double dot. */
    public static final double U_MAX = 1e12;
    /** Largest T/E for flux qubits. */
    public static final double FLUX_T_MAX = 1e100;
    /** Largest E·t. */
    public static final double PHASE_MAX = 1e12;

    private ValidRange() {
    }

    /**
     * A parameter outside the valid range.
     */
    public static final class OutOfRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final List<String> keys;
        private final String allowed;

        /**
         * @param keys the model keys involved ("g", "hot.rate", ...), the one to blame first unless another of them
         *        was the one changed (a rule on two keys names the key that was set)
         * @param allowed what is allowed, with the bound's value
         * @param value the offending value
         */
        OutOfRange(List<String> keys, String allowed, double value) {
            super(keys.get(0) + " = " + value + ": " + allowed);
            this.keys = List.copyOf(keys);
            this.allowed = allowed;
        }

        /** @return the keys of the rule, relative to {@code model}, the primary one first */
        public List<String> keys() {
            return keys;
        }

        /** @return what is allowed */
        public String allowed() {
            return allowed;
        }
    }

    /**
     * @param energy E
     * @throws OutOfRange unless E_MIN ≤ E ≤ E_MAX
     */
    static void checkEnergy(double energy) {
        if (!(energy >= E_MIN && energy <= E_MAX)) {
            throw new OutOfRange(List.of("E"), "must be in [" + E_MIN + ", " + E_MAX + "] (ħ = k_B = 1; g, rates, U and T are relative to it)", energy);
        }
    }

    /**
     * @param energy E
     * @param g coupling
     * @throws OutOfRange if g &gt; WEAK·E
     */
    static void checkCoupling(double energy, double g) {
        if (!(g <= WEAK * energy)) {
            throw new OutOfRange(List.of("g"), "must be <= " + WEAK + "*E = " + WEAK * energy
                    + " (weak coupling: the master equation needs g << E)", g);
        }
    }

    /**
     * A rate that is itself the transition rate (reset p_k, double-dot Γ_k).
     *
     * @param energy E
     * @param side whose rate
     * @param rate p_k or Γ_k
     * @throws OutOfRange if rate &gt; WEAK·E
     */
    static void checkRate(double energy, Side side, double rate) {
        if (!(rate <= WEAK * energy)) {
            throw new OutOfRange(List.of(side.key() + ".rate"), "must be <= " + WEAK + "*E = " + WEAK * energy
                    + " (weak coupling: the master equation needs rates << E)", rate);
        }
    }

    /**
     * A flux qubit's bath: T ≤ FLUX_T_MAX·E and Γ(2n_B(T) + 1) ≤ WEAK·E.
     *
     * @param energy E
     * @param side which bath
     * @param bath T and Γ
     * @throws OutOfRange if either rule fails
     */
    static void checkFluxBath(double energy, Side side, Bath bath) {
        String t = side.key() + ".T";
        String r = side.key() + ".rate";
        if (!(bath.temperature() <= FLUX_T_MAX * energy)) {
            throw new OutOfRange(List.of(t), "flux temperatures must be <= " + FLUX_T_MAX + "*E = "
                    + FLUX_T_MAX * energy + " (n_B ~ T/E must not overflow)", bath.temperature());
        }
        double factor = 2 * Thermal.bose(energy, bath.temperature()) + 1;
        double gamma = bath.rate() * factor;
        if (!(gamma <= WEAK * energy)) {
            String allowed = "must keep the transition rate " + r + "*(2 n_B(E, " + t + ") + 1) <= " + WEAK + "*E = "
                    + WEAK * energy + " (weak coupling); here 2 n_B + 1 = " + factor + ", so " + r + " <= "
                    + WEAK * energy / factor + " at " + t + " = " + bath.temperature();
            throw new OutOfRange(List.of(r, t), allowed, bath.rate());
        }
    }

    /**
     * @param energy E
     * @param u Coulomb energy
     * @throws OutOfRange if U &gt; U_MAX·E
     */
    static void checkCoulomb(double energy, double u) {
        if (!(u <= U_MAX * energy)) {
            throw new OutOfRange(List.of("U"), "must be <= " + U_MAX + "*E = " + U_MAX * energy
                    + " (beyond, double occupation is blocked anyway)", u);
        }
    }

    /**
     * The largest time.end for a machine: E·t ≤ PHASE_MAX.
     *
     * @param model the machine
     * @return the largest allowed end of the time grid
     */
    public static double maxTime(Model model) {
        return PHASE_MAX / model.energy();
    }
}
