package qtm.observe;

import qtm.model.Side;

/**
 * Hears the jumps between grid points: what the recorders of {@link StateQuantity state-driven} and
 * {@link FinalQuantity final-only} quantities may do besides reading states. Ignored by default, and only the
 * recorders that override it are called (most read states only).
 */
public interface JumpListener {
    /**
     * A jump into (or, with negative energy, out of) a bath, between two grid points.
     *
     * @param channel index of the channel in the model's jump list
     * @param bath index of the bath (of a two-qubit model: {@link Side#bath()})
     * @param energy energy moved from the qubits into the bath
     * @param time when
     */
    default void jump(int channel, int bath, double energy, double time) {
    }
}
