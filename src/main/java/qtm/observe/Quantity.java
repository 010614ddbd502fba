package qtm.observe;

import java.util.List;

/**
 * One observed quantity of an ensemble: which numbers it records per trajectory, in what fixed-point unit they are
 * summed, and which estimates ({@link Column}s) it offers. A sealed family of three kinds, each with a recorder that
 * receives only the calls of its kind:
 * <ul>
 *   <li>{@link StateQuantity}: one row per grid point, written from the normalised state (it may also hear jumps and
 *       collisions);</li>
 *   <li>{@link JumpQuantity}: 0 at t = 0 and changed only at jumps, which its recorder reports as {@link Changes};</li>
 *   <li>{@link FinalQuantity}: one row, at the final time.</li>
 * </ul>
 * The ensemble runner, the result and the writers know quantities only through these interfaces, so a new observable
 * is one new class and its registration in {@link Quantities}. Implementations are immutable; their mutable part is
 * the {@link Recorder}, one per thread.
 */
public sealed interface Quantity permits StateQuantity, JumpQuantity, FinalQuantity {
    /** Bits kept of a bounded value. */
    int BITS = 24;

    /** @return the name that identifies it in saved ensembles and output files */
    String name();

    /** @return the names of the numbers it records per row, in order */
    List<String> slots();

    /**
     * @return true if its rows are bins (t_{k−1}, t_k]: the first row, at t = 0, holds no bin and its estimates
     *     are undefined
     */
    default boolean binned() {
        return false;
    }

    /**
     * The fixed-point unit of one number: each trajectory's value is rounded to a multiple of it, so that sums are
     * integers and merge exactly in any order. A power of two; 1 for counts.
     *
     * @param slot index into {@link #slots()}
     * @return the unit
     */
    double quantum(int slot);

    /**
     * @return true if its estimates need the sums of each jackknife batch (nonlinear functions of the mean);
     *     otherwise sums and sums of squares suffice
     */
    boolean batched();

    /** @return the estimates it offers, in output order */
    List<Column> columns();

    /** @return a new recorder of its kind (mutable; one per thread) */
    Recorder recorder();

    /**
     * The fixed-point unit for numbers bounded by {@code bound} in magnitude: 2^(⌈log2 bound⌉ − 24), so that each
     * value is kept to 24 bits, and the sums of a block of 32 trajectories' values and squares (at most 2^53) are
     * exact even in double precision.
     *
     * @param bound an upper bound of |value|, ≥ 0
     * @return the unit (2^-24 for a bound of 0)
     */
    static double quantumFor(double bound) {
        int e = bound > 0 ? Math.getExponent(bound) + 1 : 0;
        return Math.scalb(1.0, e - BITS);
    }
}
