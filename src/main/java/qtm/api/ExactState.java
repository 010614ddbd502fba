package qtm.api;

import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.model.Machine;
import qtm.model.Model;
import qtm.sweep.SteadyOutcome;

/**
 * The exact steady state ρ∞ of a preset or of any machine, with every observable that {@code qtm steady} prints:
 * the same numbers, computed by the same code. Bipartitions are labelled as {@code steady --json} labels them
 * ({@code c|h}, {@code c|m,h}), qubit pairs as {@code c,h}, baths and sites by their names (a preset's baths are
 * {@code cold} and {@code hot}, its sites {@code c} and {@code h}).
 */
public final class ExactState {
    private final SteadyOutcome outcome;

    ExactState(SteadyOutcome outcome) {
        this.outcome = outcome;
    }

    /**
     * @param machine any machine built in code (see {@code qtm.model.Machine})
     * @return its exact steady state
     * @throws IllegalArgumentException if the steady state is not unique
     */
    public static ExactState of(Machine machine) {
        return new ExactState(SteadyOutcome.of(machine, null));
    }

    /**
     * @param model a preset built in code ({@code new ResetModel(...)}, ...)
     * @return its exact steady state, with the preset's own heat currents
     * @throws IllegalArgumentException if the steady state is not unique
     */
    public static ExactState of(Model model) {
        return new ExactState(SteadyOutcome.of(model, null));
    }

    /** @return a copy of ρ∞ (d×d, complex), in the product basis of the sites in order */
    public ZMatrixRMaj rho() {
        return outcome.rho().copy();
    }

    /** @return the site names, in order */
    public List<String> sites() {
        return outcome.sites();
    }

    /** @return the negativity of every bipartition, by label ({@code c|h}), as {@code steady --json} keys it */
    public Map<String, Double> negativities() {
        return ordered(outcome.negativity());
    }

    /**
     * @param bipartition a label such as {@code c|h}
     * @return its negativity
     * @throws IllegalArgumentException for a label the machine does not have (the message lists them)
     */
    public double negativity(String bipartition) {
        return pick(outcome.negativity(), bipartition, "bipartition");
    }

    /** @return log₂(2N + 1) of every bipartition, by label */
    public Map<String, Double> logNegativities() {
        return ordered(outcome.logNegativity());
    }

    /** @return the concurrence of every pair of qubit sites, by key ({@code c,h}) */
    public Map<String, Double> pairConcurrences() {
        return ordered(outcome.pairConcurrence());
    }

    /** @return the concurrence C where there are exactly two qubit sites (every preset), else null */
    public Double concurrence() {
        return outcome.concurrence();
    }

    /**
     * @param site a site name
     * @return that site's level populations, lowest level first
     * @throws IllegalArgumentException for a name that is not a site
     */
    public double[] populations(String site) {
        double[] p = outcome.sitePopulations().get(site);
        if (p == null) {
            throw new IllegalArgumentException("no site " + site + "; the sites are " + outcome.sites());
        }
        return p.clone();
    }

    /** @return the steady heat current Q_k into every bath, by bath name (units of E²) */
    public Map<String, Double> heat() {
        return ordered(outcome.heat());
    }

    /**
     * @param bath a bath name
     * @return the steady heat current into it
     * @throws IllegalArgumentException for a name that is not a bath
     */
    public double heat(String bath) {
        return pick(outcome.heat(), bath, "bath");
    }

    /** @return Σ_k Q_k, zero up to rounding unless the local approach does not conserve energy */
    public double heatTotal() {
        return outcome.heatTotal();
    }

    /** @return the purity Tr ρ∞² */
    public double purity() {
        return outcome.purity();
    }

    /** @return ⟨t|ρ∞|t⟩ with the scenario's {@code observe.target}, or null without one */
    public Double fidelity() {
        return outcome.fidelity();
    }

    /** A read-only copy in the outcome's order (bath order, bipartition order), which Map.copyOf would lose. */
    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
    }

    private static double pick(Map<String, Double> values, String key, String what) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + what + " " + key + "; there are " + values.keySet());
        }
        return v;
    }
}
