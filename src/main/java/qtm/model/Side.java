package qtm.model;

/** Which qubit, and so which bath: the first qubit is the cold one. */
public enum Side {
    COLD, HOT;

    private static final Side[] VALUES = values();

    /**
     * @param bath a bath's index in a two-qubit model: 0 the cold one, 1 the hot one
     * @return its side
     */
    public static Side of(int bath) {
        return VALUES[bath];
    }

    /** @return its index as a bath of a two-qubit model (the cold one first, as its qubit) */
    public int bath() {
        return ordinal();
    }

    /** @return "cold" or "hot", as in scenario keys and output columns */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
