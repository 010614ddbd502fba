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
}
