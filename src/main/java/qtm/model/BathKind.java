package qtm.model;

/**
 * What a machine's bath is (issue 24): it decides both its channels and what one jump carries into it.
 */
public enum BathKind {
    /** Bose statistics, through the Bohr components of X = a + a† (the flux qubits' baths). */
    BOSONIC("bosonic"),
    /** A lead with chemical potential μ, through the Bohr components of X on a qubit, local approach only (the dots). */
    FERMIONIC("fermionic"),
    /** The paper's collisions: resets the site to its Gibbs state; local approach only. */
    RESET("reset");

    private final String key;

    BathKind(String key) {
        this.key = key;
    }

    /** @return its name in scenario files */
    public String key() {
        return key;
    }

    /**
     * @param key "bosonic", "fermionic" or "reset"
     * @return the kind
     * @throws IllegalArgumentException for any other name
     */
    public static BathKind of(String key) {
        for (BathKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown bath kind (of " + (key == null ? 0 : key.length())
                + " characters); expected bosonic, fermionic or reset");
    }
}
