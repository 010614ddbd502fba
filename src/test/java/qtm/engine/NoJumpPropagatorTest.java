package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.model.Bath;
import qtm.model.Channels;
import qtm.model.DotModel;
import qtm.model.FluxModel;
import qtm.model.Model;
import qtm.model.ResetModel;

class NoJumpPropagatorTest {
    static List<Model> models() {
        return List.of(
                new ResetModel(1, 1.6e-3, new Bath(0, 1e-2), new Bath(Double.POSITIVE_INFINITY, 1.1e-3)),
                // g > |δ|: oscillating block
                new FluxModel(1, 0.05, new Bath(0, 0.1), new Bath(0.5, 0.02)),
                // g < |δ|: overdamped block
                new FluxModel(1, 1e-3, new Bath(0, 0.1), new Bath(0.5, 0.02)),
                new DotModel(1, 5e-3, 20, new Bath(0, 1e-2), new Bath(5, 1e-2)));
    }

    @ParameterizedTest
    @MethodSource("models")
    void closedFormMatchesTheMatrixExponentialInTheRotatingFrame(Model model) {
        NoJumpPropagator p = new NoJumpPropagator(model.hamiltonian(), Channels.of(model.jumps()).decay());
        Survival exact = new Survival(model);
        double[] re = {0.3, -0.5, 0.6, 0.2};
        double[] im = {0.1, 0.4, -0.2, 0.15};
        double[] c = new double[NoJumpPropagator.COEFFICIENTS];
        double[] outRe = new double[4];
        double[] outIm = new double[4];
        double[] levels = new double[4];
        for (int i = 0; i < 4; i++) {
            levels[i] = model.hamiltonian().getReal(i, i);
        }
        for (double t : new double[] {0, 1e-7, 0.37, 12.5, 250, 3000}) {
            p.coefficients(t, c);
            NoJumpPropagator.apply(c, re, im, outRe, outIm);
            double[] lab = exact.evolve(re, im, t);
            for (int i = 0; i < 4; i++) {
                // back to the lab frame: multiply by e^{−iE_i t}
                double cs = Math.cos(levels[i] * t);
                double sn = -Math.sin(levels[i] * t);
                double r = cs * outRe[i] - sn * outIm[i];
                double m = cs * outIm[i] + sn * outRe[i];
                assertEquals(lab[i], r, 1e-11, "re " + i + " at t=" + t);
                assertEquals(lab[4 + i], m, 1e-11, "im " + i + " at t=" + t);
            }
        }
    }
}
