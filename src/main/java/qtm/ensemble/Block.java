package qtm.ensemble;

/**
 * The sums of one block of consecutive trajectory indices, as 64-bit integers in fixed point: Σq and Σq² of every
 * number of the {@link Layout}. A block holds at most {@link EnsembleRunner#BLOCK} trajectories, few enough that the
 * squares of 2^28-bounded values cannot overflow. Mutable; reused.
 */
final class Block {
    final long[] sum;
    final long[] squares;
    long first;
    int count;

    Block(int size) {
        sum = new long[size];
        squares = new long[size];
    }

    void reset(long firstIndex) {
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(squares, 0);
        first = firstIndex;
        count = 0;
    }
}
