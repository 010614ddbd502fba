package qtm.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.MachineExact;
import qtm.exact.SteadyState;
import qtm.math.Bipartite;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.model.Model;
import qtm.observe.Entanglement;
import qtm.observe.Heat;
import qtm.observe.Observables;

/**
 * What {@code qtm steady} reports for any model (issue 24): ρ∞, the populations of each site, the negativity and
 * log-negativity of every bipartition, the concurrence of every pair of qubit sites and the heat into each bath.
 * A preset's ρ∞ is today's ({@link SteadyState#of}, so its pinned values do not move) and its heat stays the
 * preset's own; a machine's comes from {@link MachineExact}, with the residual ‖Lρ∞‖ and the trace error that say
 * how exact it is, and Σ_k Q_k, which the local approach does not keep at 0 where the couplings do not commute with H₀.
 *
 * @param sites the site names, in order
 * @param dims their numbers of levels
 * @param rho ρ∞, d×d
 * @param purity Tr ρ²
 * @param sitePopulations each site's level populations, by name
 * @param negativity N of every bipartition, by label ({@code c|m,h})
 * @param logNegativity log₂(2N + 1), by label
 * @param pairConcurrence C of every pair of qubit sites, by key ({@code c,h})
 * @param heat Q_k into each bath by name (a preset's own, {@link Heat#steady}, as cold and hot)
 * @param conservesEnergy false only in the local approach with couplings that do not commute with H₀
 * @param residual ‖Lρ∞‖_∞ in Hermitian coordinates (NaN for a preset)
 * @param traceError |Tr ρ∞ − 1|
 * @param fidelity ⟨t|ρ∞|t⟩ with the scenario's {@code observe.target}, or null without one
 */
public record SteadyOutcome(List<String> sites, int[] dims, ZMatrixRMaj rho, double purity,
        Map<String, double[]> sitePopulations, Map<String, Double> negativity, Map<String, Double> logNegativity,
        Map<String, Double> pairConcurrence, Map<String, Double> heat, boolean conservesEnergy, double residual,
        double traceError, Double fidelity) {
    /** |Σ_k Q_k| above this fraction of Σ_k |Q_k| is more than rounding. */
    public static final double HEAT_ROUNDING = 1e-9;

    /**
     * @param model a preset
     * @param target the normalised ket of {@code observe.target} as a d×1 matrix, or null without one
     * @return its steady state and observables, with the preset's own heat ({@link Heat#steady}) under its bath names
     *     cold and hot
     * @throws IllegalArgumentException if the steady state is not unique
     */
    public static SteadyOutcome of(Model model, ZMatrixRMaj target) {
        ZMatrixRMaj rho = SteadyState.of(model);
        Heat q = Heat.steady(model, rho);
        Map<String, Double> heat = new LinkedHashMap<>();
        heat.put(qtm.model.Side.COLD.key(), q.cold());
        heat.put(qtm.model.Side.HOT.key(), q.hot());
        return observe(MachinePresets.SITES, new int[] {2, 2}, rho, heat, true, Double.NaN, target);
    }

    /**
     * @param m any machine
     * @param target the normalised ket of {@code observe.target}, or null without one
     * @return its steady state and observables
     * @throws IllegalArgumentException if the steady state is not unique (a singular system)
     */
    public static SteadyOutcome of(Machine m, ZMatrixRMaj target) {
        MachineExact exact = new MachineExact(m);
        ZMatrixRMaj rho = exact.steadyState();
        boolean conserves = m.approach() == qtm.model.Approach.GLOBAL || exact.couplingsCommuteWithBareHamiltonian();
        return observe(m.siteNames(), m.dimensions(), rho, exact.heat(rho), conserves, exact.residual(rho), target);
    }

    private static SteadyOutcome observe(List<String> sites, int[] dims, ZMatrixRMaj rho, Map<String, Double> heat,
            boolean conserves, double residual, ZMatrixRMaj target) {
        Map<String, double[]> pops = new LinkedHashMap<>();
        for (int k = 0; k < sites.size(); k++) {
            pops.put(sites.get(k), Bipartite.populations(rho, dims, k));
        }
        boolean several = sites.size() > 1;
        double trace = 0;
        for (int i = 0; i < rho.numRows; i++) {
            trace += rho.getReal(i, i);
        }
        return new SteadyOutcome(sites, dims.clone(), rho, Observables.purity(rho), pops,
                several ? Entanglement.negativity(rho, sites, dims) : Map.of(),
                several ? Entanglement.logNegativity(rho, sites, dims) : Map.of(),
                Entanglement.pairConcurrence(rho, sites, dims), heat, conserves, residual, Math.abs(trace - 1),
                target == null ? null : Observables.fidelity(rho, target));
    }

    /** @return Σ_k Q_k */
    public double heatTotal() {
        return heat.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * @return whether Σ_k Q_k ≠ 0 beyond rounding ({@value #HEAT_ROUNDING} of Σ_k |Q_k|), which only the local approach
     *     with couplings that do not commute with H₀ allows
     */
    public boolean heatImbalance() {
        double scale = heat.values().stream().mapToDouble(Math::abs).sum();
        return !conservesEnergy && Math.abs(heatTotal()) > HEAT_ROUNDING * scale;
    }

    /** @return the scalar concurrence C where there are exactly two qubit sites, else null */
    public Double concurrence() {
        return pairConcurrence.size() == 1 ? pairConcurrence.values().iterator().next() : null;
    }
}
