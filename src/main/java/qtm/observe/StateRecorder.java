package qtm.observe;

import qtm.model.Side;

/** The recorder of a {@link StateQuantity}: writes a row from the state at every grid point. */
public non-sealed interface StateRecorder extends Recorder, JumpListener {
    /**
     * The normalised state at grid point k; write the quantity's numbers for this row.
     *
     * @param k grid index
     * @param re real parts of the amplitudes (engine workspace: read, never keep)
     * @param im imaginary parts
     * @param out where to write
     * @param offset index of the first number in {@code out}
     */
    void state(int k, double[] re, double[] im, double[] out, int offset);

    /**
     * The normalised conditional density matrix at grid point k, for an engine whose conditional state is mixed (see
     * {@link qtm.engine.TrajectoryObserver#mixed}); write the same numbers as {@link #state} would for a pure state.
     * Recorders that read only pure states keep this default, and a run whose conditional states are mixed must not
     * hold them.
     *
     * @param k grid index
     * @param re real parts of ρ, d×d row-major (engine workspace: read, never keep)
     * @param im imaginary parts
     * @param out where to write
     * @param offset index of the first number in {@code out}
     */
    default void mixed(int k, double[] re, double[] im, double[] out, int offset) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " reads pure states only");
    }

    /**
     * The measured homodyne increments of one diffusive step (see {@link qtm.engine.TrajectoryObserver#homodyne});
     * ignored by default, so that only the recorders that override it are called at every step.
     *
     * @param step the index of the step just taken, from 1
     * @param increments one measured increment per monitored channel (read, never keep)
     */
    default void homodyne(int step, double[] increments) {
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
     * A collision of a machine's collision model has acted (see
     * {@link qtm.engine.TrajectoryObserver#collided(int, double[], double[])}); ignored by default, so that only the
     * recorders that override it are called, and the engine keeps its fast path where none does.
     *
     * @param bath the index of the bath whose collision acted
     * @param re real parts of the amplitudes, up to one positive factor
     * @param im imaginary parts
     */
    default void collided(int bath, double[] re, double[] im) {
    }
}
