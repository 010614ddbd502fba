package qtm.model;

/** Which qubit, and so which bath: the first qubit is the cold one. */
public enum Side {
    COLD, HOT;

    /** @return "cold" or "hot", as in scenario keys and output columns */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
