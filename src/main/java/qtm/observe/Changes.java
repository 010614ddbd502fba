package qtm.observe;

/**
 * Where the recorder of a {@link JumpQuantity} reports how its numbers change at a jump, instead of
 * writing every row. Its rows then cost nothing at the grid points between jumps: with ~60 jumps and 201 points a
 * trajectory, counts written row by row were a quarter of the whole run.
 */
public interface Changes {
    /**
     * From the next grid point on (until changed again), number {@code slot} is {@code value}.
     *
     * @param slot index into the ensemble's row (the recorder's offset plus its own slot)
     * @param value the new value
     */
    void level(int slot, double value);

    /**
     * Adds {@code delta} to number {@code slot} at the next grid point only: a count over the bin (t_{k−1}, t_k].
     *
     * @param slot index into the ensemble's row (the recorder's offset plus its own slot)
     * @param delta what to add
     */
    void bin(int slot, double delta);
}
