package qtm.sweep;

import qtm.model.Bath;
import qtm.model.Model;
import qtm.model.Side;

/**
 * The three couplings of a machine in the variables the optimiser uses: g and the actual transition rates
 * γ_k = rate_k × {@link Model#rateFactor(Side)} (p_k for reset, Γ_k for the double dot, Γ_k(2n_B + 1) for flux
 * qubits). At large T_h a flux qubit's useful Γ_h is tiny while γ_h stays of the order of g, so searching over γ keeps
 * the problem equally well conditioned at every temperature.
 *
 * @param g qubit–qubit coupling
 * @param coldRate γ_c
 * @param hotRate γ_h
 */
public record Couplings(double g, double coldRate, double hotRate) {
    /** @throws IllegalArgumentException if a value is negative or not finite */
    public Couplings {
        for (double x : new double[] {g, coldRate, hotRate}) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("couplings must be finite and >= 0, got " + x);
            }
        }
    }

    /**
     * Reads the couplings off a model.
     *
     * @param model the machine
     * @return its g and transition rates
     */
    public static Couplings of(Model model) {
        return new Couplings(model.g(),
                model.cold().rate() * model.rateFactor(Side.COLD),
                model.hot().rate() * model.rateFactor(Side.HOT));
    }

    /**
     * The machine with these couplings at the given temperatures; the kind, E and U come from the template.
     *
     * @param template the kind of machine
     * @param coldTemperature T_c
     * @param hotTemperature T_h
     * @return a new model whose {@link #of(Model)} gives back these couplings
     */
    public Model applyTo(Model template, double coldTemperature, double hotTemperature) {
        // Set the temperatures first: the rate factor depends on them. Rate 0 is legal at every temperature.
        Model atT = template.with(g, new Bath(coldTemperature, 0.0), new Bath(hotTemperature, 0.0));
        return atT.with(g,
                new Bath(coldTemperature, coldRate / atT.rateFactor(Side.COLD)),
                new Bath(hotTemperature, hotRate / atT.rateFactor(Side.HOT)));
    }
}
