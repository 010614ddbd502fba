package qtm.model;

import org.ejml.data.ZMatrixRMaj;

/**
 * One Lindblad channel √rate·operator, with the bath it belongs to and the energy each jump moves into that bath.
 *
 * @param side the bath (and qubit) the channel belongs to
 * @param operator the bare 4×4 operator (entries 0 or 1 for the local channels; ±1/2 and ±1/√2 combinations for
 *        the global ones)
 * @param rate the rate, ≥ 0
 * @param energy energy moved from the qubits into the bath by one jump (negative when the bath gives energy)
 * @param label short name for output, such as "c-" or "h+|1"
 */
public record Jump(Side side, ZMatrixRMaj operator, double rate, double energy, String label) {
    /**
     * @throws IllegalArgumentException if the rate is negative or not finite, or the operator is not 4×4
     */
    public Jump {
        if (!Double.isFinite(rate) || rate < 0) {
            throw new IllegalArgumentException("jump rate must be finite and >= 0, got " + rate + " for " + label);
        }
        if (operator.numRows != 4 || operator.numCols != 4) {
            throw new IllegalArgumentException("jump operator must be 4x4");
        }
    }
}
