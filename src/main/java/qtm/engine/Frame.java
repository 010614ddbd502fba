package qtm.engine;

import org.ejml.data.ZMatrixRMaj;
import qtm.model.TimeGrid;

/**
 * The rotating frame of H₀ = diag(H). The engines propagate ψ_I = e^{iH₀t}ψ, which drops the fast phases from every
 * step; on the output grid the state is rotated back with precomputed phases e^{−iE_i t_k}. Immutable.
 */
final class Frame {
    private final double[] levels;
    private final double[] cos;
    private final double[] sin;

    Frame(ZMatrixRMaj hamiltonian, TimeGrid grid) {
        levels = new double[4];
        for (int i = 0; i < 4; i++) {
            levels[i] = hamiltonian.getReal(i, i);
        }
        cos = new double[4 * grid.points()];
        sin = new double[4 * grid.points()];
        for (int k = 0; k < grid.points(); k++) {
            for (int i = 0; i < 4; i++) {
                double phase = levels[i] * grid.time(k);
                cos[4 * k + i] = Math.cos(phase);
                sin[4 * k + i] = -Math.sin(phase);
            }
        }
    }

    double[] levels() {
        return levels.clone();
    }

    /** out = e^{−iH₀t_k} ψ_I. */
    void toLab(int k, double[] re, double[] im, double[] outRe, double[] outIm) {
        for (int i = 0; i < 4; i++) {
            double c = cos[4 * k + i];
            double s = sin[4 * k + i];
            outRe[i] = c * re[i] - s * im[i];
            outIm[i] = c * im[i] + s * re[i];
        }
    }
}
