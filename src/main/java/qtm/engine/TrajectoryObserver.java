package qtm.engine;

import qtm.model.Side;

/**
 * Consumes what one engine instance produces for one trajectory: the normalised pure state on every output-grid point
 * and every jump in between, in time order. Observers know nothing of how the states were propagated.
 */
public interface TrajectoryObserver {
    /** The bath of {@link #collided(int, double[], double[])} that stands for a step's free evolution. */
    int FREE = -1;

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
     * The normalised conditional density matrix at grid point k, instead of {@link #state}, for an engine whose
     * conditional state is mixed: the diffusive engine under a detector of efficiency below 1 (issue 29). Observers
     * that read only pure states refuse it.
     *
     * @param k grid index, 0 … points − 1, increasing
     * @param re real parts of ρ, d×d row-major with d the machine's dimension (engine workspace: read, never keep)
     * @param im imaginary parts
     */
    default void mixed(int k, double[] re, double[] im) {
        throw new UnsupportedOperationException("this observer reads pure states only");
    }

    /**
     * The measured homodyne increments of one step of the diffusive engine (issue 29): dY_j = √η ⟨c_j + c_j†⟩ dt + dW_j
     * for every monitored channel j in the engine's channel order, over the step that ends at step index
     * {@code step} (1, 2, …; the step of length dt that ends at time step·dt). Only the diffusive engine calls it;
     * ignored by default.
     *
     * @param step the index of the step just taken, from 1
     * @param increments one measured increment per monitored channel (engine workspace: read, never keep)
     */
    default void homodyne(int step, double[] increments) {
    }

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

    /**
     * A collision of a machine's collision model (issue 25) has just acted on the state, as
     * {@link #collided(Side, double[], double[])} for the presets: a swap whether or not its ancilla was found changed,
     * a reset only where it fired (one that does not fire leaves the state as it was); and, with bath {@link #FREE},
     * the free evolution e^{−iHΔt} that opens every step, so that the state before every collision is heard. Called
     * only where {@link #hearsCollisions()}, so that the engine keeps its fast path otherwise. The state is in the
     * laboratory frame, but its norm is arbitrary: the fast path keeps ψ unnormalised between flips, and normalising
     * it there would cost a pass per collision that most observers do not need.
     *
     * @param bath the index of the bath whose collision acted, or {@link #FREE}
     * @param re real parts of the amplitudes, up to one positive factor (read, never keep)
     * @param im imaginary parts
     */
    default void collided(int bath, double[] re, double[] im) {
    }

    /**
     * @return whether {@link #collided(int, double[], double[])} must be called: a machine's collision engine then
     *     draws every collision one by one instead of whole runs of steps at once
     */
    default boolean hearsCollisions() {
        return false;
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
