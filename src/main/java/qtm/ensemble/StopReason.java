package qtm.ensemble;

/** Why an ensemble stopped; the first condition reached wins. */
public enum StopReason {
    /** The requested number of trajectories was run. */
    TRAJECTORIES("trajectories", "stopped by count"),
    /** The jackknife SE of the final concurrence fell to the target. */
    TARGET_SE("target_se", "stopped by target SE"),
    /** The wall-time budget ran out. */
    TIME_BUDGET("time_budget", "stopped by time budget"),
    /** The user asked the run to stop (Ctrl-C). */
    INTERRUPTED("interrupted", "interrupted"),
    /** A merge of shards that lacks some of the ensemble's trajectories ({@code qtm merge --partial}). */
    PARTIAL("partial", "partial merge");

    private final String key;
    private final String words;

    StopReason(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** @return the name written to summary.json */
    public String key() {
        return key;
    }

    /** @return the reason in words, as the console says it ("stopped by count") */
    public String words() {
        return words;
    }
}
