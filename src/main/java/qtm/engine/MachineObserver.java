package qtm.engine;

/**
 * Consumes one trajectory of {@link MachineTrajectories}: the normalised state at every output-grid point and every
 * jump in between, in time order. It is the general form of {@link TrajectoryObserver} for a machine of any dimension
 * and any number of baths (a bath is an index, and a jump carries its heat and its count, not a two-valued side);
 * bringing the ensemble's observers onto it is a later step of issue 24, so it stays this small.
 */
public interface MachineObserver {
    /** A new trajectory starts; the next call is {@code state(0, …)}. */
    void begin();

    /**
     * The normalised state at grid point k, in the computational basis (the product basis of the sites, the first
     * site most significant). The arrays are the engine's workspace: read them, never keep them.
     *
     * @param k grid index, 0 … points − 1, increasing
     * @param re real parts of the d amplitudes
     * @param im imaginary parts
     */
    void state(int k, double[] re, double[] im);

    /**
     * A jump, reported after the state of the grid point before it and before the state of the grid point after it.
     *
     * @param channel index of the channel in the engine's channel list
     * @param bath index of its bath
     * @param heat heat the jump moves into that bath
     * @param count its count N_k: +1, −1 or 0
     * @param time when it happened
     */
    void jump(int channel, int bath, double heat, int count, double time);

    /** The trajectory is complete. */
    void end();
}
