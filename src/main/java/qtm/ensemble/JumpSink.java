package qtm.ensemble;

/**
 * Receives the jump records of the trajectories with index below {@link #limit()}: only those of trajectories the
 * ensemble keeps, block by block in increasing index order, each block once. A block cut short by a stop is never
 * handed over, so the records cover exactly the result's index range below the limit.
 */
public interface JumpSink {
    /** @return K: trajectories with index &lt; K are recorded, ≥ 1 */
    long limit();

    /**
     * Called under the runner's commit lock, so a slow sink slows the commits (not the trajectories).
     *
     * @param jumps the jumps of one committed block's trajectories below the limit; read it now, never keep it
     * @throws java.io.UncheckedIOException if the records cannot be written; the run then fails
     */
    void accept(JumpBuffer jumps);
}
