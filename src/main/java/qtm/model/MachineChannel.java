package qtm.model;

import org.ejml.data.ZMatrixRMaj;

/**
 * One Lindblad channel √rate·operator of a machine (issue 24), with what a jump of it means for its bath: the
 * machine form of {@link Jump}, which stays 4×4 and two-sided for the shipped engines. The bath is an index, so a
 * machine may have any number of baths.
 *
 * @param bath index of the bath in {@link Machine#baths()}
 * @param operator the bare d×d operator (A_ω, A_ω†, or |n⟩⟨m| on the bath's site)
 * @param rate the rate, finite and ≥ 0 (zero-rate channels are kept, so that a machine's channel list does not
 *        depend on its temperatures)
 * @param energy the energy one jump moves from the system into the bath: ω for A_ω, −ω for A_ω†, E_m − E_n for
 *        a reset |n⟩⟨m|
 * @param heat the heat one jump moves into the bath: the energy, less μ per electron for a fermionic bath (ω − μ
 *        for A_ω, −(ω − μ) for A_ω†)
 * @param count the jump's count N_k: +1 if it moves energy into the bath, −1 if out, 0 if none
 * @param label short name for output, such as "cold-@1.00000" or "hot:0&lt;-1"
 */
public record MachineChannel(int bath, ZMatrixRMaj operator, double rate, double energy, double heat, int count,
        String label) {
    /** @throws IllegalArgumentException if the rate is negative or not finite, or the operator is not square */
    public MachineChannel {
        if (!Double.isFinite(rate) || rate < 0) {
            throw new IllegalArgumentException("channel rate must be finite and >= 0, got " + rate + " for " + label);
        }
        if (operator.numRows != operator.numCols) {
            throw new IllegalArgumentException("channel operator must be square");
        }
        if (count != Integer.signum(count) || count != (int) Math.signum(energy)) {
            throw new IllegalArgumentException("count must be the sign of the energy moved, got " + count
                    + " for energy " + energy);
        }
    }
}
