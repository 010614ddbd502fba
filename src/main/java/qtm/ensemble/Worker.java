package qtm.ensemble;

/**
 * What one worker thread of the {@link EnsembleRunner} does with a block of trajectory indices: run them and add
 * their numbers into the block. The runner's own is an engine feeding a {@link Tally}; the benchmark's baseline
 * ({@code qtm.bench}) is a hand-written loop that fills the same block with the same sums. Belongs to one thread.
 */
public interface Worker {
    /** @return the length, in pairs, that a block's {@link Block#steps} needs */
    int stepSize();

    /**
     * Runs the trajectories [from, to) into the block, which was reset to start at {@code from}.
     *
     * @param b the block
     * @param from first index
     * @param to end of the indices
     * @return false if a stop was raised meanwhile: the block is then incomplete and must be dropped
     */
    boolean fill(Block b, long from, long to);
}
