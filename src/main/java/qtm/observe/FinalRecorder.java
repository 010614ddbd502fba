package qtm.observe;

/** The recorder of a {@link FinalQuantity}: may hear the jumps, and writes its one row from the final state. */
public non-sealed interface FinalRecorder extends Recorder, JumpListener {
    /**
     * The normalised state at the final grid point; write the quantity's numbers.
     *
     * @param re real parts of the amplitudes (engine workspace: read, never keep)
     * @param im imaginary parts
     * @param out where to write
     * @param offset index of the first number in {@code out}
     */
    void end(double[] re, double[] im, double[] out, int offset);

    /**
     * The normalised conditional density matrix at the final grid point, for an engine whose conditional state is
     * mixed (see {@link qtm.engine.TrajectoryObserver#mixed}); write the same numbers as {@link #end} would. Recorders
     * that read only pure states keep this default, and a run whose conditional states are mixed must not hold them.
     *
     * @param re real parts of ρ, d×d row-major (engine workspace: read, never keep)
     * @param im imaginary parts
     * @param out where to write
     * @param offset index of the first number in {@code out}
     */
    default void endMixed(double[] re, double[] im, double[] out, int offset) {
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
}
