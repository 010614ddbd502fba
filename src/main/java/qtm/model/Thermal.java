package qtm.model;

/**
 * Thermal occupations written so that no ratio ω/T, however large, overflows or gives NaN, and the limits T = 0 and
 * T = ∞ come out exactly.
 */
public final class Thermal {
    private Thermal() {
    }

    /**
     * ω/T with the conventions 0 K → ±∞ (by the sign of ω) and ∞ K → 0.
     *
     * @param omega transition energy
     * @param t temperature, in [0, ∞]
     * @return ω/T
     */
    static double ratio(double omega, double t) {
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        if (t == 0.0) {
            return omega == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, omega);
        }
        return omega / t;
    }

    /**
     * Ground-state probability of a qubit of gap E in the thermal state at T: r = 1/(1 + e^{−E/T}).
     *
     * @param energy gap E &gt; 0
     * @param t temperature
     * @return r in [1/2, 1]
     */
    public static double groundProbability(double energy, double t) {
        return 1.0 / (1.0 + Math.exp(-ratio(energy, t)));
    }

    /**
     * Bose–Einstein occupation n_B(ω, T) = 1/(e^{ω/T} − 1), for ω &gt; 0.
     *
     * @param omega energy ω &gt; 0
     * @param t temperature, finite
     * @return n_B, 0 at T = 0
     */
    public static double bose(double omega, double t) {
        return 1.0 / Math.expm1(ratio(omega, t));
    }

    /**
     * 1 + n_B(ω, T) = 1/(1 − e^{−ω/T}), computed directly so that it is exact where n_B underflows.
     *
     * @param omega energy ω &gt; 0
     * @param t temperature, finite
     * @return 1 + n_B
     */
    public static double bosePlusOne(double omega, double t) {
        return -1.0 / Math.expm1(-ratio(omega, t));
    }

    /**
     * Fermi–Dirac occupation n_F(ω, T) = 1/(e^{ω/T} + 1).
     *
     * @param omega energy measured from the chemical potential
     * @param t temperature
     * @return n_F in [0, 1]
     */
    public static double fermi(double omega, double t) {
        double x = ratio(omega, t);
        // The two branches keep exp's argument non-positive, so nothing overflows.
        if (x >= 0) {
            double e = Math.exp(-x);
            return e / (1.0 + e);
        }
        return 1.0 / (1.0 + Math.exp(x));
    }

    /**
     * 1 − n_F(ω, T) = n_F(−ω, T), exact where n_F is close to 1.
     *
     * @param omega energy measured from the chemical potential
     * @param t temperature
     * @return 1 − n_F
     */
    public static double fermiHole(double omega, double t) {
        return fermi(-omega, t);
    }
}
