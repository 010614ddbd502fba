package qtm.ensemble;

/** Why an ensemble stopped; the first condition reached wins. */
public enum StopReason {
    /** The requested number of trajectories was run. */
    TRAJECTORIES("trajectories"),
    /** The jackknife SE of the final concurrence fell to the target. */
    TARGET_SE("target_se"),
    /** The wall-time budget ran out. */
    TIME_BUDGET("time_budget"),
    /** The user asked the run to stop (Ctrl-C). */
    INTERRUPTED("interrupted"),
    /** A merge of shards that lacks some of the ensemble's trajectories ({@code qtm merge --partial}). */
    PARTIAL("partial");

    private final String key;

    StopReason(String key) {
        this.key = key;
    }

    /** @return the name written to summary.json */
    public String key() {
        return key;
    }
}
