package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.ensemble.Streams;
import qtm.math.Ops;

/** Pure states drawn from a mixed initial ρ (with complex coherences) average back to ρ. */
class PureStatesTest {
    @Test
    void drawnStatesAverageToRho() {
        // ρ = 0.5|a><a| + 0.3|b><b| + 0.2|00><00| with complex, non-orthogonal a and b
        double[][] a = {{0.6, 0.0}, {0.0, 0.8}, {0, 0}, {0, 0}};
        double[][] b = {{0, 0}, {0.3, -0.4}, {0.5, 0.5}, {0.3, 0.3}};
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        add(rho, a, 0.5);
        add(rho, b, 0.3);
        rho.set(0, 0, rho.getReal(0, 0) + 0.2, rho.getImag(0, 0));
        PureStates states = PureStates.of(rho);
        UniformRandomProvider rng = Streams.forTrajectory(11, 0);
        int n = 200_000;
        ZMatrixRMaj sum = new ZMatrixRMaj(4, 4);
        double[] re = new double[4];
        double[] im = new double[4];
        for (int s = 0; s < n; s++) {
            states.sample(rng, re, im);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    sum.set(i, j, sum.getReal(i, j) + re[i] * re[j] + im[i] * im[j],
                            sum.getImag(i, j) + im[i] * re[j] - re[i] * im[j]);
                }
            }
        }
        ZMatrixRMaj mean = Ops.scale(1.0 / n, 0, sum);
        // each entry is a mean of values bounded by 1: 5/sqrt(n) is beyond 5 SE
        assertEquals(0, Ops.maxAbsDiff(mean, rho), 5 / Math.sqrt(n));
    }

    private static void add(ZMatrixRMaj rho, double[][] v, double w) {
        double norm = 0;
        for (double[] c : v) {
            norm += c[0] * c[0] + c[1] * c[1];
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double re = v[i][0] * v[j][0] + v[i][1] * v[j][1];
                double im = v[i][1] * v[j][0] - v[i][0] * v[j][1];
                rho.set(i, j, rho.getReal(i, j) + w * re / norm, rho.getImag(i, j) + w * im / norm);
            }
        }
    }
}
