package qtm.ensemble;

/**
 * The sums of one block of consecutive trajectory indices in fixed point: Σq and Σq² of every number i of the
 * {@link Layout}, in two flat arrays that the hot loop can vectorise. The q are integers (values of at most 2^24
 * quanta for bounded quantities) and a block holds at most {@link EnsembleRunner#BLOCK} = 32 trajectories, so every
 * sum stays within 2^53 and is exact in a double; the commit checks that bound (Σq² only grows, so its final value
 * bounds every partial sum, and a NaN fails it) before it converts to integers. The totals are 128-bit integers.
 * Mutable; reused. Filled by a {@link Worker}: the engine's {@link Tally}, or the benchmark's hand-written loop.
 */
public final class Block {
    /** Σq of number i. */
    final double[] sums;
    /**
     * Σq² of number i, in an array of its own: a trajectory's rows are added in one long loop over both, which the JIT
     * vectorises only when each is contiguous (interleaved, or row by row in short loops, it ran 3× slower).
     */
    final double[] squares;
    /**
     * The changes of the jump-driven numbers (see {@link Tally}): at 2(k·E + e) the sum over the block's trajectories
     * of the change of the e-th such number at row k, at 2(k·E + e) + 1 that of its square; one row past the grid for
     * the end of a last bin. Integers, exact like the sums.
     */
    final double[] steps;
    long first;
    int count;
    /** The jumps of the block's trajectories below the record limit; null while the worker records none. */
    JumpBuffer jumps;

    Block(int size, int steps) {
        sums = new double[size];
        squares = new double[size];
        this.steps = new double[2 * steps];
    }

    void reset(long firstIndex) {
        java.util.Arrays.fill(sums, 0);
        java.util.Arrays.fill(squares, 0);
        java.util.Arrays.fill(steps, 0);
        first = firstIndex;
        count = 0;
        if (jumps != null) {
            jumps.clear();
        }
    }

    /**
     * Adds the running sums of the changes in {@link #steps}, row by row, into the sums: then every jump-driven
     * number's sums are what writing each of its rows would have given. Called once the block's trajectories are done.
     *
     * @param positions for each jump-driven number, its position in a row
     * @param points rows
     * @param width numbers per row
     */
    public void settle(int[] positions, int points, int width) {
        int events = positions.length;
        double[] d = steps;
        for (int e = 0; e < events; e++) {
            double q = 0;
            double q2 = 0;
            int at = positions[e];
            for (int k = 0; k < points; k++) {
                q += d[2 * (k * events + e)];
                q2 += d[2 * (k * events + e) + 1];
                sums[at + k * width] += q;
                squares[at + k * width] += q2;
            }
        }
    }

    /**
     * A level (a number that holds until changed) of jump-driven number e changes from row k on: adds the change of
     * the rounded value and of its square at row k.
     *
     * @param k the row where the change first shows
     * @param e the number's index among the jump-driven ones
     * @param events how many jump-driven numbers there are
     * @param was its rounded value so far
     * @param q its new rounded value
     */
    public void level(int k, int e, int events, double was, double q) {
        int at = 2 * (k * events + e);
        steps[at] += q - was;
        steps[at + 1] += q * q - was * was;
    }

    /**
     * A bin (a number that holds for one row) of jump-driven number e changes at row k: adds the change there and
     * takes it back at row k + 1.
     *
     * @param k the bin's row
     * @param e the number's index among the jump-driven ones
     * @param events how many jump-driven numbers there are
     * @param was the bin's rounded value so far
     * @param q its new rounded value
     */
    public void bin(int k, int e, int events, double was, double q) {
        double dq = q - was;
        double dq2 = q * q - was * was;
        int at = 2 * (k * events + e);
        steps[at] += dq;
        steps[at + 1] += dq2;
        steps[at + 2 * events] -= dq;
        steps[at + 2 * events + 1] -= dq2;
    }

    /**
     * Adds one trajectory's rows, all of them, rounded to their quanta, and counts the trajectory. One long loop with
     * no offsets, which the JIT vectorises (with offsets it ran a quarter slower, row by row 3× slower).
     *
     * @param rows the trajectory's rows, point-major, as long as {@link #sums}' time-series part
     * @param inverse 1/quantum of each of their numbers
     */
    public void addRows(double[] rows, double[] inverse) {
        double[] s = sums;
        double[] s2 = squares;
        for (int i = 0; i < rows.length; i++) {
            double q = Math.rint(rows[i] * inverse[i]);
            s[i] += q;
            s2[i] += q * q;
        }
        count++;
    }

    /**
     * Adds one trajectory's final-only numbers, rounded to their quanta.
     *
     * @param x the numbers
     * @param inverse 1/quantum, from {@code from} on for x[0]
     * @param from where x[0]'s inverse quantum sits
     * @param base where x[0]'s sums sit
     */
    public void addFinal(double[] x, double[] inverse, int from, int base) {
        double[] s = sums;
        double[] s2 = squares;
        // No range check here: a branch or a running maximum keeps this loop from being vectorised. The commit
        // checks that Σq² stayed within 2^53, which is what exactness needs.
        for (int i = 0; i < x.length; i++) {
            double q = Math.rint(x[i] * inverse[from + i]);
            s[base + i] += q;
            s2[base + i] += q * q;
        }
    }
}
