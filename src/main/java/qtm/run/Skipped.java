package qtm.run;

import qtm.ensemble.StopReason;

/**
 * An ensemble that never started because the run stopped first. It is absent from the outcome, except in an
 * extension, where it keeps the trajectories it extends (and so loses none) and adds none.
 *
 * @param label the ensemble's label ({@link RunPlan#label})
 * @param engine its engine's name
 * @param reason {@link StopReason#INTERRUPTED}: Ctrl-C or SIGTERM came first; {@link StopReason#TIME_BUDGET}: the
 *     time budget was spent
 */
public record Skipped(String label, String engine, StopReason reason) {
    /** @return why, in words, for the console and the report */
    public String why() {
        return reason == StopReason.INTERRUPTED
                ? "Ctrl-C or SIGTERM came before it started"
                : "the time budget (ensemble.time_budget_s) was spent before it started";
    }
}
