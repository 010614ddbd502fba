package qtm.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.MachineExact;
import qtm.exact.SteadyState;
import qtm.input.InputException;
import qtm.math.Bipartite;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.observe.Entanglement;
import qtm.observe.Observables;
import qtm.scenario.Scenario;

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
 * @param heat Q_k into each bath by name (empty for a preset, which reports its own)
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
     * @param s a scenario of any model
     * @return its steady state and observables
     * @throws InputException (exit 2) if the steady state is not unique
     */
    public static SteadyOutcome of(Scenario s) {
        if (!s.isMachine()) {
            ZMatrixRMaj rho;
            try {
                rho = SteadyState.of(s.model());
            } catch (IllegalArgumentException e) {
                throw new InputException(s.file(), "model", s.model().type(), e.getMessage());
            }
            return observe(MachinePresets.SITES, new int[] {2, 2}, rho, Map.of(), true, Double.NaN, s.target());
        }
        Machine m = s.machine();
        MachineExact exact;
        ZMatrixRMaj rho;
        try {
            exact = new MachineExact(m);
            rho = exact.steadyState();
        } catch (IllegalArgumentException e) {
            // The reader refuses a site that no bath reaches; this is what is left: a singular system.
            throw new InputException(s.file(), "model.sites", String.join(", ", m.siteNames()), e.getMessage());
        }
        boolean conserves = m.approach() == qtm.model.Approach.GLOBAL || exact.couplingsCommuteWithBareHamiltonian();
        return observe(m.siteNames(), m.dimensions(), rho, exact.heat(rho), conserves, exact.residual(rho),
                s.target());
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
