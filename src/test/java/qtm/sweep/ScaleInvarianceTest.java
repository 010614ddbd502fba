package qtm.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.exact.SteadyState;
import qtm.model.Bath;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;

/**
 * The optimiser searches only the top faces of the coupling box because scaling g and both rates together leaves the
 * steady state unchanged. This checks that premise for all three models.
 */
class ScaleInvarianceTest {
    @Test
    void steadyStateDependsOnlyOnCouplingRatios() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 100; k++) {
            double g = Math.pow(10, -4 + 2 * rnd.nextDouble());
            double gc = Math.pow(10, -4 + 2 * rnd.nextDouble());
            double gh = Math.pow(10, -4 + 2 * rnd.nextDouble());
            double tc = 3 * rnd.nextDouble();
            double th = tc + 50 * rnd.nextDouble();
            double u = 100 * rnd.nextDouble();
            double scale = Math.pow(10, -3 + 4 * rnd.nextDouble());
            // Transition rates (Γ(2n_B + 1) for flux) up to 1e-2·10: inside the valid range at every scale.
            Couplings c = new Couplings(g, gc, gh);
            Couplings cs = new Couplings(g * scale, gc * scale, gh * scale);
            for (Model template : List.<Model>of(
                    new ResetModel(1, 0, new Bath(tc, 0), new Bath(th, 0)),
                    new FluxModel(1, 0, new Bath(tc, 0), new Bath(th, 0)),
                    new DotModel(1, 0, u, new Bath(tc, 0), new Bath(th, 0)))) {
                Model m = c.applyTo(template, tc, th);
                Model scaled = cs.applyTo(template, tc, th);
                ZMatrixRMaj a = SteadyState.of(m);
                ZMatrixRMaj b = SteadyState.of(scaled);
                for (int i = 0; i < a.data.length; i++) {
                    assertEquals(a.data[i], b.data[i], 1e-9, m.type() + " entry " + i + " at scale " + scale);
                }
            }
        }
    }
}
