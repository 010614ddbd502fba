package qtm.model;

/**
 * A bath as a function of frequency: the rates at which it takes a quantum ω from the system (emission) and gives
 * one (absorption). The spectral density is Γ(ω) = Γ·(ω/E)^s, flat (s = 0) by default, so that at the qubit gap it is
 * the scenario's rate whatever s; bosons multiply it by 1 + n_B and n_B, fermions by 1 − n_F and n_F.
 *
 * @param fermions true for the double dot's leads, false for the flux qubits' bosonic baths
 * @param rate Γ_k, the spectral density at ω = E
 * @param temperature T_k
 * @param energy E, where the spectral density equals Γ_k
 * @param exponent s
 */
public record BathSpectrum(boolean fermions, double rate, double temperature, double energy, double exponent) {
    /**
     * @param fermions true for leads, false for bosonic baths
     * @param bath the bath (its rate Γ_k and temperature T_k)
     * @param energy E
     * @param exponent s
     * @return the bath's spectrum
     */
    public static BathSpectrum of(boolean fermions, Bath bath, double energy, double exponent) {
        return new BathSpectrum(fermions, bath.rate(), bath.temperature(), energy, exponent);
    }

    /**
     * @param omega a Bohr frequency &gt; 0
     * @return Γ(ω)
     */
    public double density(double omega) {
        // s = 0 returns the rate itself, so the flat local rates keep their bits.
        return exponent == 0 ? rate : rate * Math.pow(omega / energy, exponent);
    }

    /**
     * @param omega a Bohr frequency &gt; 0
     * @return the rate of the jump that moves ω into the bath
     */
    public double emission(double omega) {
        return fermions ? density(omega) * Thermal.fermiHole(omega, temperature)
                : density(omega) * Thermal.bosePlusOne(omega, temperature);
    }

    /**
     * @param omega a Bohr frequency &gt; 0
     * @return the rate of the jump that takes ω from the bath
     */
    public double absorption(double omega) {
        return fermions ? density(omega) * Thermal.fermi(omega, temperature)
                : density(omega) * Thermal.bose(omega, temperature);
    }
}
