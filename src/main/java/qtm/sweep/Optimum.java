package qtm.sweep;

import org.ejml.data.ZMatrixRMaj;
import qtm.exact.SteadyState;
import qtm.model.Model;
import qtm.observe.Heat;
import qtm.observe.Observables;

/**
 * The best steady state found for one setting, with what the paper plots at it.
 *
 * @param model the machine at the optimum (its couplings, and T_h when that was optimised too)
 * @param couplings g and the transition rates of {@code model}
 * @param signed the signed X-state concurrence 2(|ρ_01,10| − √(ρ_00 ρ_11)) of the steady state
 * @param purity Tr ρ∞²
 * @param heat the steady heat currents
 * @param startValues the best signed concurrence reached from each start, in start order: when the largest few agree,
 *     the optimum is not an accident of one start
 */
public record Optimum(Model model, Couplings couplings, double signed, double purity, Heat heat,
        double[] startValues) {

    /**
     * Evaluates a machine's steady state.
     *
     * @param model the machine
     * @param startValues per-start values (may be empty)
     * @return the optimum record for that model
     */
    public static Optimum at(Model model, double[] startValues) {
        ZMatrixRMaj rho = SteadyState.of(model);
        return new Optimum(model, Couplings.of(model), Observables.signedConcurrenceX(rho), Observables.purity(rho),
                Heat.steady(model, rho), startValues.clone());
    }

    /** @return the concurrence max(0, signed); the steady states here are X states, where eq. (6) is exact */
    public double concurrence() {
        return Math.max(0.0, signed);
    }

    /** @return T_h of the optimum */
    public double hotTemperature() {
        return model.hot().temperature();
    }

    /** @return the per-start values (a copy) */
    @Override
    public double[] startValues() {
        return startValues.clone();
    }

    /**
     * How far the k-th best start is below the best: a small spread means several starts found the same optimum.
     *
     * @param k how many starts must agree (2 or more)
     * @return best minus k-th best signed concurrence, or NaN with fewer than k starts
     */
    public double spread(int k) {
        if (startValues.length < k) {
            return Double.NaN;
        }
        double[] v = startValues.clone();
        java.util.Arrays.sort(v);
        return v[v.length - 1] - v[v.length - k];
    }
}
