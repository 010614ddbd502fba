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

class SteadyStateFamilyTest {
    @Test
    void agreesWithTheFullAssembly() {
        SplittableRandom rnd = new SplittableRandom(11);
        double u = 37.5;
        List<Model> templates = List.of(new ResetModel(1, 0, new Bath(0, 0), new Bath(1, 0)),
                new FluxModel(1, 0, new Bath(0, 0), new Bath(1, 0)),
                new DotModel(1, 0, u, new Bath(0, 0), new Bath(1, 0)));
        for (Model template : templates) {
            SteadyStateFamily family = new SteadyStateFamily(template);
            for (int k = 0; k < 100; k++) {
                double tc = 2 * rnd.nextDouble();
                double th = tc + 100 * rnd.nextDouble();
                // Transition rates (Γ(2n_B + 1) for flux), so that every model is inside the valid range.
                Model m = new Couplings(Math.pow(10, -5 + 3 * rnd.nextDouble()),
                        Math.pow(10, -5 + 3 * rnd.nextDouble()), Math.pow(10, -5 + 3 * rnd.nextDouble()))
                        .applyTo(template, tc,
                                k % 10 == 0 && !template.type().equals("flux") ? Double.POSITIVE_INFINITY : th);
                ZMatrixRMaj a = SteadyState.of(m);
                ZMatrixRMaj b = family.steadyState(m);
                for (int i = 0; i < a.data.length; i++) {
                    assertEquals(a.data[i], b.data[i], 1e-12, m + " entry " + i);
                }
            }
        }
    }
}
