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
 * <li>Scales: every nonzero one of g, γ_c, γ_h is at least {@link #SMALLEST}·E, and the largest of them is at most
 * {@link #RATIO_MAX} times the smallest nonzero one. The steady state is a linear solve with these numbers side by
 * side in the Liouvillian; it resolves the small populations (of order g/γ) to an absolute 1e-17, so the relative
 * error of a population of size r^-1 grows like 1e-17·r. Measured (reset, p_h = 0.1, g = p_c = 0.1/r, against a
 * 400-digit reference): relative error 8e-8 at r = 1e10, 3e-5 at 1e12, 1.4e-2 at 1e15, and at 1e17 the solve returns
 * I/4. The floor 1e-12·E keeps every product formed in the solve (≥ (1e-42)²) far from underflow: g = 1e-300 at
 * E = 1e30 gave the pure state |00⟩ instead of purity 0.41, and subnormal couplings a wrong concurrence.</li>
 * <li>Times: E·time.end ≤ {@link #PHASE_MAX} and γ_max·time.end ≤ {@link #DRIVE_TIME_MAX}, γ_max the largest of g,
 * γ_c, γ_h. The transient's propagator is built by scaling and squaring, and the parts of the motion that are not
 * damped within the time span (the exchange at g when a rate is 0 or much smaller than g) keep its rounding, which
 * grows like 1e-16·γ_max·t. Measured: a unitary exchange (rates 0) loses 1.2e-13 of purity at g·t = 1e3 and 6.6e-13
 * at 1e4; one rate 0 and g = 1e-9 p_h gives populations of ±2.4e-14 at p_h·t = 1e3 and −1.3e-12 at 1e5. The paper's
 * longest runs (p_c = 1e-2, t = 1e5) sit at the bound. Beyond 1e12 periods of E the phase itself is meaningless.</li>
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
    /** Smallest nonzero g/E and γ_k/E. */
    public static final double SMALLEST = 1e-12;
    /** Largest ratio of the largest to the smallest nonzero of g, γ_c, γ_h. */
    public static final double RATIO_MAX = 1e10;
    /** Largest γ_max·t, γ_max the largest of g, γ_c, γ_h. */
    public static final double DRIVE_TIME_MAX = 1e3;

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
     * The scale rules on g and the transition rates γ_c, γ_h (already checked to be ≤ WEAK·E): each nonzero one
     * ≥ SMALLEST·E, and largest ≤ RATIO_MAX·(smallest nonzero).
     *
     * @param energy E
     * @param g coupling
     * @param gammaCold γ_c, the cold qubit's total transition rate
     * @param gammaHot γ_h
     * @param factorCold γ_c per unit of cold.rate (2 n_B + 1 for flux qubits, else 1), for the message
     * @param factorHot γ_h per unit of hot.rate
     * @throws OutOfRange if either rule fails, naming the smallest nonzero one first
     */
    static void checkScales(double energy, double g, double gammaCold, double gammaHot, double factorCold,
            double factorHot) {
        String[] keys = {"g", "cold.rate", "hot.rate"};
        double[] v = {g, gammaCold, gammaHot};
        double[] factor = {1, factorCold, factorHot};
        int lo = -1;
        int hi = -1;
        for (int i = 0; i < 3; i++) {
            if (v[i] > 0 && (lo < 0 || v[i] < v[lo])) {
                lo = i;
            }
            if (v[i] > 0 && (hi < 0 || v[i] > v[hi])) {
                hi = i;
            }
        }
        if (lo < 0) {
            return;
        }
        String what = lo == 0 ? "g" : "the transition rate " + keys[lo] + (factor[lo] == 1 ? "" : "*(2 n_B + 1)");
        double floor = SMALLEST * energy;
        if (!(v[lo] >= floor)) {
            throw new OutOfRange(List.of(keys[lo]), "must be 0 or >= " + SMALLEST + "*E = " + floor / factor[lo]
                    + " (" + what + " >= " + floor + "; smaller couplings underflow in the steady-state solve)",
                    v[lo] / factor[lo]);
        }
        if (!(v[hi] <= RATIO_MAX * v[lo])) {
            String big = hi == 0 ? "g" : keys[hi] + (factor[hi] == 1 ? "" : "*(2 n_B + 1)");
            throw new OutOfRange(List.of(keys[lo], keys[hi]), "must be 0 or >= " + big + "/" + RATIO_MAX + " = "
                    + v[hi] / RATIO_MAX / factor[lo] + " (the largest of g and the transition rates may be at most "
                    + RATIO_MAX + " times the smallest nonzero one: beyond, the steady-state solve loses the small "
                    + "populations)", v[lo] / factor[lo]);
        }
    }

    /**
     * The largest transition rate or coupling of a machine.
     *
     * @param model the machine
     * @return max(g, γ_c, γ_h)
     */
    public static double fastest(Model model) {
        return Math.max(model.g(), Math.max(model.cold().rate() * model.rateFactor(Side.COLD),
                model.hot().rate() * model.rateFactor(Side.HOT)));
    }

    /**
     * The largest time.end for a machine: E·t ≤ PHASE_MAX and γ_max·t ≤ DRIVE_TIME_MAX.
     *
     * @param model the machine
     * @return the largest allowed end of the time grid
     */
    public static double maxTime(Model model) {
        double fastest = fastest(model);
        double byPhase = PHASE_MAX / model.energy();
        return fastest > 0 ? Math.min(byPhase, DRIVE_TIME_MAX / fastest) : byPhase;
    }

    /**
     * Why {@link #maxTime} is what it is, for messages.
     *
     * @param model the machine
     * @return the rule that binds, with its numbers
     */
    public static String maxTimeRule(Model model) {
        double fastest = fastest(model);
        if (fastest > 0 && DRIVE_TIME_MAX / fastest < PHASE_MAX / model.energy()) {
            return DRIVE_TIME_MAX + "/max(g, transition rates) = " + DRIVE_TIME_MAX + "/" + fastest + " = "
                    + maxTime(model) + " (undamped motion is propagated by repeated squaring, whose rounding grows "
                    + "like 1e-16*rate*t)";
        }
        return PHASE_MAX + "/E = " + maxTime(model) + " (1e12 periods of the qubit gap)";
    }

    /** Smallest spectral exponent s. */
    public static final double EXPONENT_MIN = 0;
    /** Largest spectral exponent s. */
    public static final double EXPONENT_MAX = 4;

    /**
     * @param s the spectral exponent
     * @throws OutOfRange unless EXPONENT_MIN ≤ s ≤ EXPONENT_MAX (flat, Ohmic, super-Ohmic baths)
     */
    static void checkSpectralExponent(double s) {
        if (!(s >= EXPONENT_MIN && s <= EXPONENT_MAX)) {
            throw new OutOfRange(List.of("spectral_exponent"), "must be in [" + EXPONENT_MIN + ", " + EXPONENT_MAX
                    + "] (Gamma(w) = rate*(w/E)^s: 0 flat, 1 Ohmic, 3 super-Ohmic)", s);
        }
    }

    /**
     * Weak coupling at every frequency a channel uses: emission plus absorption rate ≤ WEAK·E at the lowest and the
     * highest Bohr frequency (the rates are monotonic in ω between them).
     *
     * @param energy E
     * @param side whose bath
     * @param spectrum the bath
     * @param low lowest frequency used
     * @param high highest frequency used
     * @throws OutOfRange if either sum exceeds WEAK·E
     */
    static void checkBohrRates(double energy, Side side, BathSpectrum spectrum, double low, double high) {
        for (double w : new double[] {low, high}) {
            double total = spectrum.emission(w) + spectrum.absorption(w);
            if (!(total <= WEAK * energy)) {
                throw new OutOfRange(List.of(side.key() + ".rate", "spectral_exponent"), "must keep the transition "
                        + "rate at every Bohr frequency <= " + WEAK + "*E = " + WEAK * energy + " (weak coupling); "
                        + "at w = " + w + " it is " + total, spectrum.rate());
            }
        }
    }
}
