package qtm.model;

/**
 * How a site's ladder operator a = Σ_n w_n |n⟩⟨n+1| weighs its steps (issue 24). A qubit's unit ladder is σ⁻; the
 * harmonic one is a truncated oscillator's annihilation operator, so that a qutrit can stand for either a three-level
 * system driven step by step or the lowest three levels of a mode.
 */
public enum Ladder {
    /** w_n = 1 (σ⁻ for a qubit); the default. */
    UNIT("unit"),
    /** w_n = √(n+1), the oscillator's a. */
    HARMONIC("harmonic");

    private final String key;

    Ladder(String key) {
        this.key = key;
    }

    /** @return its name in scenario files: "unit" or "harmonic" */
    public String key() {
        return key;
    }

    /**
     * The weight of the step from |n+1⟩ down to |n⟩.
     *
     * @param n the lower level, ≥ 0
     * @return w_n: 1 for unit, √(n+1) for harmonic
     */
    public double weight(int n) {
        return this == UNIT ? 1.0 : Math.sqrt(n + 1.0);
    }

    /**
     * @param key "unit" or "harmonic"
     * @return the ladder
     * @throws IllegalArgumentException for any other name
     */
    public static Ladder of(String key) {
        for (Ladder l : values()) {
            if (l.key.equals(key)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown ladder (of " + (key == null ? 0 : key.length())
                + " characters); expected unit or harmonic");
    }
}
