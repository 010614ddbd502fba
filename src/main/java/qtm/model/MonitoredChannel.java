package qtm.model;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;

/**
 * One Lindblad channel watched by homodyne detection (issue 29): its jump operator L = √γ A exactly as the jump
 * engine applies it, the bath it belongs to, the energy ω one of its jumps moves into that bath, and the bath's local
 * oscillator phase φ and detector efficiency η. The measured operator is c(t) = e^{−iφ} e^{iωt} L.
 *
 * @param operator L = √γ A, d×d (not copied: do not modify)
 * @param bath index of the bath (of a preset: {@link Side#bath()}; of a machine: in {@link Machine#baths()})
 * @param frequency ω, the energy one jump moves into the bath (negative for absorption); the local oscillator's
 *        frequency
 * @param phase φ, finite
 * @param efficiency η in [0, 1]
 */
public record MonitoredChannel(ZMatrixRMaj operator, int bath, double frequency, double phase, double efficiency) {
    /** @throws IllegalArgumentException on a non-square operator, a non-finite ω or φ, or η outside [0, 1] */
    public MonitoredChannel {
        if (operator.numRows != operator.numCols) {
            throw new IllegalArgumentException("channel operator must be square");
        }
        if (!Double.isFinite(frequency) || !Double.isFinite(phase)) {
            throw new IllegalArgumentException("frequency and phase must be finite, got " + frequency + ", " + phase);
        }
        if (!(efficiency >= 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("efficiency must be in [0, 1], got " + efficiency);
        }
    }

    /**
     * A preset's channels, in {@link Model#jumps()} order.
     *
     * @param jumps the model's channels
     * @param phases φ per bath index (cold 0, hot 1)
     * @param efficiencies η per bath index
     * @return one monitored channel per jump, L = √rate·operator, ω = the jump's energy
     */
    public static List<MonitoredChannel> ofJumps(List<Jump> jumps, double[] phases, double[] efficiencies) {
        List<MonitoredChannel> out = new ArrayList<>();
        for (Jump j : jumps) {
            int b = j.side().bath();
            out.add(new MonitoredChannel(scaled(j.operator(), Math.sqrt(j.rate())), b, j.energy(), phases[b],
                    efficiencies[b]));
        }
        return List.copyOf(out);
    }

    /**
     * A machine's channels, in the order the jump engine takes them.
     *
     * @param channels the machine's channels ({@link Machine#channels()})
     * @param phases φ per bath index
     * @param efficiencies η per bath index
     * @return one monitored channel per channel, L = √rate·operator, ω = the channel's energy
     */
    public static List<MonitoredChannel> ofMachine(List<MachineChannel> channels, double[] phases,
            double[] efficiencies) {
        List<MonitoredChannel> out = new ArrayList<>();
        for (MachineChannel c : channels) {
            int b = c.bath();
            out.add(new MonitoredChannel(scaled(c.operator(), Math.sqrt(c.rate())), b, c.energy(), phases[b],
                    efficiencies[b]));
        }
        return List.copyOf(out);
    }

    private static ZMatrixRMaj scaled(ZMatrixRMaj a, double f) {
        ZMatrixRMaj out = a.copy();
        for (int k = 0; k < out.data.length; k++) {
            out.data[k] *= f;
        }
        return out;
    }
}
