package qtm.cli;

/**
 * The remaining time of a Monte Carlo sweep for its progress bar (issue 26): the current ensemble's own estimate
 * (trajectories left over its rate), at most what the point's time budget has left, plus the points after it, each
 * taking the mean wall time of the points done so far (before any is done, the current point's projected time) and
 * at most its budget. So the estimate never exceeds the time left of this point's {@code ensemble.time_budget_s} plus
 * the remaining points times that budget, however slow the first trajectories were. The budget bounds the engines
 * only (a point's files are written after it), which the estimate's bound inherits.
 */
final class SweepEta {
    private final int points;
    private int done;
    private double doneSeconds;
    private long pointStart;
    /** When the point's engines started, which starts its budget (after its exact layer), or pointStart before. */
    private long budgetStart;
    private int current;
    private double budget = Double.POSITIVE_INFINITY;

    /** @param points the points this process runs (a shard's slice, or all) */
    SweepEta(int points) {
        this.points = points;
    }

    /**
     * @param index the point's place among this process's points, from 0
     * @param budgetSeconds its {@code ensemble.time_budget_s} (∞: none)
     * @param nanos {@link System#nanoTime()} now
     */
    synchronized void pointStarted(int index, double budgetSeconds, long nanos) {
        current = index;
        budget = budgetSeconds;
        pointStart = nanos;
        budgetStart = nanos;
    }

    /**
     * The point's time budget runs from its first ensemble's start, after its exact layer (as {@code qtm run} starts
     * it); later ensembles of the point share it.
     *
     * @param first whether this is the point's first ensemble
     * @param nanos {@link System#nanoTime()} now
     */
    synchronized void ensembleStarted(boolean first, long nanos) {
        if (first) {
            budgetStart = nanos;
        }
    }

    /** @param nanos {@link System#nanoTime()} now */
    synchronized void pointFinished(long nanos) {
        done++;
        doneSeconds += (nanos - pointStart) * 1e-9;
    }

    /**
     * @param ensembleSeconds the current ensemble's own estimate (NaN: not known yet)
     * @param nanos {@link System#nanoTime()} now
     * @return the sweep's remaining seconds, or NaN if not known
     */
    synchronized double remaining(double ensembleSeconds, long nanos) {
        return remaining(ensembleSeconds, (nanos - budgetStart) * 1e-9, budget, points - current - 1,
                done == 0 ? Double.NaN : doneSeconds / done);
    }

    /**
     * The estimate's arithmetic: now = min(ensemble, budget − elapsed), later = after · min(mean, budget), where
     * mean, before any point is done, is elapsed + now.
     *
     * @param ensembleSeconds the current ensemble's own estimate (NaN: not known)
     * @param elapsed seconds the current point has run
     * @param budget each point's budget in seconds (∞: none)
     * @param after points still to start after the current one
     * @param meanPoint mean seconds of the points done (NaN: none done)
     * @return the remaining seconds, at most (budget − elapsed)⁺ + after · budget; NaN if neither the estimate nor a
     *     budget is known
     */
    static double remaining(double ensembleSeconds, double elapsed, double budget, int after, double meanPoint) {
        double left = Math.max(0, budget - elapsed);
        double now = Double.isNaN(ensembleSeconds) ? left : Math.min(ensembleSeconds, left);
        if (!Double.isFinite(now)) {
            // No rate yet and no budget: nothing bounds the time.
            return Double.NaN;
        }
        double mean = Double.isNaN(meanPoint) ? elapsed + now : meanPoint;
        return now + after * Math.min(mean, budget);
    }
}
