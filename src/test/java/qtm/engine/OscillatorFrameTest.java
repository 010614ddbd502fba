package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.model.MonitoredChannel;

/**
 * The residual rotation of local channels in their oscillators' frames, against the two-qubit exchange's closed form:
 * in the one-excitation block the levels are ω̄ ± Ω/2 with ω̄ = (ω_c + ω_h)/2, Ω = √(Δ² + 4g²), Δ = ω_h − ω_c, so σ_c^-
 * moves ν ∈ {ω̄ ± Ω/2} (from that block to |00⟩) and ν ∈ {ω̄ ∓ Ω/2} (from |11⟩ into it), and the largest |ν − ω_c| is
 * |Δ|/2 + Ω/2; likewise for σ_h^- and the absorption channels (ω → −ω).
 */
class OscillatorFrameTest {
    /** H = ω_c n_c + ω_h n_h + g(σ_c^+σ_h^- + h.c.) in the basis |n_c n_h⟩, index 2n_c + n_h. */
    private static ZMatrixRMaj hamiltonian(double wc, double wh, double g) {
        ZMatrixRMaj h = new ZMatrixRMaj(4, 4);
        h.set(1, 1, wh, 0);
        h.set(2, 2, wc, 0);
        h.set(3, 3, wc + wh, 0);
        h.set(1, 2, g, 0);
        h.set(2, 1, g, 0);
        return h;
    }

    /** √γ|to⟩⟨from| summed over the given pairs. */
    private static ZMatrixRMaj op(double rate, int[][] pairs) {
        ZMatrixRMaj l = new ZMatrixRMaj(4, 4);
        for (int[] p : pairs) {
            l.set(p[0], p[1], Math.sqrt(rate), 0);
        }
        return l;
    }

    private static List<MonitoredChannel> local(double wc, double wh) {
        ZMatrixRMaj coldDown = op(0.3, new int[][] {{0, 2}, {1, 3}});
        ZMatrixRMaj coldUp = op(0.1, new int[][] {{2, 0}, {3, 1}});
        ZMatrixRMaj hotDown = op(0.2, new int[][] {{0, 1}, {2, 3}});
        return List.of(new MonitoredChannel(coldDown, 0, wc, 0, 1), new MonitoredChannel(coldUp, 0, -wc, 0, 1),
                new MonitoredChannel(hotDown, 1, wh, 0.4, 1));
    }

    @Test
    void detunedSitesTurnAtHalfTheDetuningPlusHalfTheSplitting() {
        double wc = 1;
        double wh = 1.6408293382628474;
        for (double g : new double[] {0.01, 0.2}) {
            double delta = wh - wc;
            double expected = delta / 2 + Math.sqrt(delta * delta + 4 * g * g) / 2;
            assertEquals(expected, OscillatorFrame.residualRate(hamiltonian(wc, wh, g), local(wc, wh)), 1e-10);
        }
    }

    @Test
    void resonantSitesTurnAtG() {
        assertEquals(0.05, OscillatorFrame.residualRate(hamiltonian(1, 1, 0.05), local(1, 1)), 1e-10);
    }

    @Test
    void eigenoperatorsDoNotTurn() {
        // Uncoupled sites: every local channel is an eigenoperator of H, whatever the detuning.
        assertEquals(0, OscillatorFrame.residualRate(hamiltonian(1, 1.7, 0), local(1, 1.7)), 1e-10);
    }
}
