package qtm.model;

/**
 * A heat bath as one qubit sees it.
 *
 * @param temperature T_k in units of E; 0 and {@link Double#POSITIVE_INFINITY} are allowed
 * @param rate the coupling: p_k for the reset model, Γ_k for the flux and double-dot models
 */
public record Bath(double temperature, double rate) {
    /**
     * @throws IllegalArgumentException if T is NaN or negative, or the rate is NaN, negative or infinite
     */
    public Bath {
        if (Double.isNaN(temperature) || temperature < 0) {
            throw new IllegalArgumentException("temperature must be >= 0 (inf allowed), got " + temperature);
        }
        if (!Double.isFinite(rate) || rate < 0) {
            throw new IllegalArgumentException("rate must be finite and >= 0, got " + rate);
        }
    }
}
