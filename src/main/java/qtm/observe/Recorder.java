package qtm.observe;

import qtm.model.Side;

/**
 * The mutable part of a {@link Quantity}: consumes one trajectory's events and writes its numbers for each row.
 * Belongs to one thread.
 */
public interface Recorder {
    /** A new trajectory starts (nothing to reset by default). */
    default void begin() {
    }

    /**
     * The normalised state at grid point k; write the quantity's numbers for this row. For a
     * {@link Quantity#finalOnly()} quantity this is called at the final grid point only.
     *
     * @param k grid index
     * @param re real parts of the amplitudes (engine workspace: read, never keep)
     * @param im imaginary parts
     * @param out where to write
     * @param offset index of the first number in {@code out}
     */
    void state(int k, double[] re, double[] im, double[] out, int offset);

    /**
     * A jump into (or, with negative energy, out of) a bath, between two grid points (ignored by default: most
     * quantities read only the states).
     *
     * @param channel index of the channel in the model's jump list
     * @param side the bath
     * @param energy energy moved from the qubits into the bath
     * @param time when
     */
    default void jump(int channel, Side side, double energy, double time) {
    }

    /**
     * A collision of the collision model has acted (see {@link qtm.engine.TrajectoryObserver#collided}); ignored by
     * default, so that only the recorders that override it are called.
     *
     * @param side the bath whose ancilla collided
     * @param re real parts of the normalised state after it, in the engine's frame of diag H
     * @param im imaginary parts
     */
    default void collided(Side side, double[] re, double[] im) {
    }

    /**
     * A jump, for the recorder of a {@link Quantity#jumpDriven()} quantity: report what it changes in the rows to
     * come. Such a recorder's {@link #state} is never called.
     *
     * @param channel index of the channel in the model's jump list
     * @param side the bath
     * @param energy energy moved from the qubits into the bath
     * @param time when
     * @param out where to report the changes
     * @param offset index of the quantity's first number in the row
     */
    default void jump(int channel, Side side, double energy, double time, Changes out, int offset) {
        throw new UnsupportedOperationException("not a jump-driven recorder");
    }
}
