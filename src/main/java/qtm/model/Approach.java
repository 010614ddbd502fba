package qtm.model;

/**
 * How the baths' master equation is derived. Both come from the same system–bath coupling; they differ in which
 * Hamiltonian the bath's jump operators are eigenoperators of.
 *
 * <ul>
 * <li>{@link #LOCAL}: of the Hamiltonian without g, so each bath flips its own qubit at the local frequency E (E + U
 * for a dot whose neighbour is full), as in the paper. Right when g is small against the bath's spectral variation
 * (g ≪ E, T); its steady state at equal temperatures is the Gibbs state of H without g.</li>
 * <li>{@link #GLOBAL}: of the full H, so the jumps connect its eigenstates |00⟩, (|01⟩ ± |10⟩)/√2, |11⟩ at the Bohr
 * frequencies E ± g (and E + U ∓ g), each at the bath's rate for that frequency. Thermodynamically consistent
 * (Gibbs state of H at equal temperatures), but its secular approximation needs g ≫ Γ.</li>
 * </ul>
 */
public enum Approach {
    /** Jump operators of the uncoupled qubits (the paper's). */
    LOCAL("local"),
    /** Jump operators between eigenstates of the full Hamiltonian. */
    GLOBAL("global");

    /** Why the collision model takes only local channels, in the words every refusal of it uses. */
    public static final String COLLISION_REFUSAL = "the collision model is local: each ancilla meets one qubit; "
            + "there is no local collision picture for the global approach; use engines: [trajectories]";

    private final String key;

    Approach(String key) {
        this.key = key;
    }

    /** @return its name in scenario files */
    public String key() {
        return key;
    }

    /**
     * @param key "local" or "global"
     * @return the approach
     * @throws IllegalArgumentException for any other name
     */
    public static Approach of(String key) {
        for (Approach a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        // The name is not echoed: model sits below the scenario layer that quotes user text safely, and the scenario
        // reader has refused any other name, with the key and value, before this is called.
        throw new IllegalArgumentException("unknown approach (of " + (key == null ? 0 : key.length())
                + " characters); expected local or global");
    }
}
