package qtm.engine;

import qtm.model.Side;

/**
 * Consumes what one engine instance produces for one trajectory: the normalised pure state on every output-grid point
 * and every jump in between, in time order. Observers know nothing of how the states were propagated.
 */
public interface TrajectoryObserver {
    /** A new trajectory starts; the next call is {@code state(0, …)}. */
    void begin();

    /**
     * The normalised state at grid point k (Schrödinger picture). The arrays are the engine's workspace: read them,
     * never keep them.
     *
     * @param k grid index, 0 … points − 1, increasing
     * @param re real parts of the four amplitudes in the basis |n_c n_h⟩
     * @param im imaginary parts
     */
    void state(int k, double[] re, double[] im);

    /**
     * A jump (or, in the collision model, an ancilla found changed), reported after the state of the grid point
     * before it and before the state of the grid point after it.
     *
     * @param channel index of the channel in the model's jump list
     * @param bath index of the bath involved (of a two-qubit model: {@link Side#bath()})
     * @param energy heat moved from the machine into that bath
     * @param time when it happened
     */
    void jump(int channel, int bath, double energy, double time);

    /**
     * A collision of the collision model has just acted on the state, whether or not its ancilla was found changed
     * (a found change is also reported as a {@link #jump}, before this call). The state is the engine's workspace in
     * its rotating frame of diag H, which multiplies each amplitude by a phase: |01⟩ and |10⟩ are degenerate and
     * share theirs, so the one-excitation block ψ_01ψ_10* — and with it ⟨H_int⟩ — is the same as in the laboratory.
     * Engines without collisions never call it; ignored by default.
     *
     * @param side the bath whose ancilla collided
     * @param re real parts of the normalised amplitudes (read, never keep)
     * @param im imaginary parts
     */
    default void collided(Side side, double[] re, double[] im) {
    }

    /** The trajectory is complete. */
    void end();

    /**
     * Polled by the engines at every grid point and every jump: once true, the engine abandons the trajectory at
     * once, without calling {@link #end()}, so that a stop is honoured even inside one long trajectory.
     *
     * @return whether to abandon the trajectory
     */
    default boolean cancelled() {
        return false;
    }
}
