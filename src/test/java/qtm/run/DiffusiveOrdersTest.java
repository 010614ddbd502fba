package qtm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import qtm.model.MonitoredChannel;
import qtm.model.Side;
import qtm.model.TwoQubits;
import qtm.testing.LindbladRk4;

/**
 * The measured orders of the diffusive step (issue 29) are its theory's: strong 1 where the channels commute, weak 1;
 * and, honestly, a strong order near 1/2 where they do not (the missing Lévy areas).
 *
 * <p>The machine is the flux model's structure (two qubits of gap 1, exchange 0.2, local σ∓ channels) with rates of
 * order 1 instead of the preset's 1e-2, so that the errors stand above the sampling noise within T = 1. The bound on
 * a fitted slope is derived, not tuned: 4 × its error bound ({@link DiffusiveOrders#slope}: Σ |∂slope/∂ln e| SE/e,
 * valid whatever the correlation between steps) plus the pre-asymptotic curvature, measured as the largest distance
 * of a local slope ln(e_{2s}/e_s)/ln 2 from the fitted one (an O(h) correction to e ∝ h^p bends the local slopes; a
 * wrong order shifts them all).
 */
class DiffusiveOrdersTest {
    private static final ZMatrixRMaj H = TwoQubits.hamiltonian(1.0, 0.2, 0);

    @Test
    void commutingChannelsConvergeWithStrongOrderOne() {
        // Zero temperature: σ⁻ on each qubit, which commute.
        DiffusiveOrders o = measure(1.0, 0.0, 1.0 / 32, 3, 6000);
        double bound = 4 * o.strongSlopeSe() + curvature(o.steps(), o.strong(), o.strongSlope());
        assertTrue(Math.abs(o.strongSlope() - 1) <= bound, "strong slope " + o.strongSlope() + " ± " + bound);
        assertTrue(bound < 0.2, "the test must be able to tell 1 from 1/2: bound " + bound);
    }

    @Test
    void nonCommutingChannelsLoseStrongOrderToTheLevyAreas() {
        // T > 0: σ⁻ and σ⁺ on each qubit, whose commutators make the Lévy areas count.
        DiffusiveOrders o = measure(1.0, 0.5, 1.0 / 32, 3, 3000);
        assertTrue(o.strongSlope() + 4 * o.strongSlopeSe() < 0.8, "strong slope " + o.strongSlope());
        assertTrue(o.strongSlope() - 4 * o.strongSlopeSe() > 0.4, "strong slope " + o.strongSlope());
    }

    @Test
    void theMeanStateConvergesWithWeakOrderOne() {
        // Fast rates (γ·8h = 1) so that the weak error of the mean stands above the noise of a 20,000-path mean; zero
        // temperature, whose conditional states scatter least.
        DiffusiveOrders o = measure(4.0, 0.0, 1.0 / 32, 1, 20000);
        double bound = 4 * o.weakSlopeSe() + curvature(o.steps(), o.weak(), o.weakSlope());
        assertTrue(Math.abs(o.weakSlope() - 1) <= bound, "weak slope " + o.weakSlope() + " ± " + bound + ": "
                + java.util.Arrays.toString(o.weak()));
        assertTrue(bound < 0.9, "the test must be able to tell 1 from 2: bound " + bound + ": "
                + java.util.Arrays.toString(o.weak()) + " ± " + java.util.Arrays.toString(o.weakSe()));
        for (int m = 0; m < DiffusiveOrders.LEVELS; m++) {
            assertTrue(o.weak()[m] > 2 * o.weakSe()[m] || m == 0, "weak error at " + o.steps()[m] + " in the noise");
        }
        assertEquals(20000, o.trajectories());
    }

    /** σ⁻ at rates γ and γ/2 on the cold and hot qubit, σ⁺ at `up` times those; η = 1, phases 0.3. */
    static DiffusiveOrders measure(double gamma, double up, double h, int refinement, int n) {
        List<MonitoredChannel> channels = new ArrayList<>();
        List<ZMatrixRMaj> ls = new ArrayList<>();
        double[][] spec = {{0, gamma, 1}, {1, gamma / 2, 1}, {0, gamma * up, -1}, {1, gamma * up / 2, -1}};
        for (double[] c : spec) {
            Side side = Side.of((int) c[0]);
            ZMatrixRMaj l = (c[2] > 0 ? TwoQubits.local(side, 0, 1) : TwoQubits.local(side, 1, 0)).copy();
            CommonOps_ZDRM.scale(Math.sqrt(c[1]), 0, l);
            ls.add(l);
            channels.add(new MonitoredChannel(l, (int) c[0], c[2], 0.3, 1.0));
        }
        // (|01⟩ + |11⟩)/√2: excitations to lose and a coherence across sectors for the homodyne current to see.
        ZMatrixRMaj rho0 = new ZMatrixRMaj(4, 4);
        for (int i : new int[] {1, 3}) {
            for (int j : new int[] {1, 3}) {
                rho0.set(i, j, 0.5, 0);
            }
        }
        ZMatrixRMaj exact = LindbladRk4.evolve(H, ls, rho0, 1.0, 1e-3);
        return DiffusiveOrders.measure(H, channels, rho0, 1.0, h, refinement, n, 5, exact);
    }

    static double curvature(double[] steps, double[] errors, double slope) {
        double worst = 0;
        for (int m = 1; m < steps.length; m++) {
            double local = Math.log(errors[m] / errors[m - 1]) / Math.log(steps[m] / steps[m - 1]);
            worst = Math.max(worst, Math.abs(local - slope));
        }
        return worst;
    }
}
