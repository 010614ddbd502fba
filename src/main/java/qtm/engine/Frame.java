package qtm.engine;

import org.ejml.data.ZMatrixRMaj;
import qtm.model.TimeGrid;

/**
 * The rotating frame of H₀ = diag(H). The engines propagate ψ_I = e^{iH₀t}ψ, which drops the fast phases from every
 * step; on the output grid the state is rotated back with precomputed phases e^{−iE_i t_k}. When the engine works in
 * the eigenbasis of H ({@link EigenBasis}), H is diagonal there, so the frame removes all of H, and the state is
 * also taken back to the computational basis, where every observer reads it. Immutable but for that case's
 * workspace: one frame per engine.
 */
final class Frame {
    private final double[] levels;
    private final double[] cos;
    private final double[] sin;
    private final boolean eigenbasis;
    private final double[] phasedRe = new double[4];
    private final double[] phasedIm = new double[4];

    Frame(ZMatrixRMaj hamiltonian, TimeGrid grid) {
        this(hamiltonian, grid, false);
    }

    /**
     * @param hamiltonian H in the engine's basis
     * @param grid the output grid
     * @param eigenbasis whether that basis is {@link EigenBasis}'s; the frame then holds a workspace and belongs to
     *     one engine (one thread)
     */
    Frame(ZMatrixRMaj hamiltonian, TimeGrid grid, boolean eigenbasis) {
        this.eigenbasis = eigenbasis;
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

    /** out = e^{−iH₀t_k} ψ_I, in the computational basis. */
    void toLab(int k, double[] re, double[] im, double[] outRe, double[] outIm) {
        if (eigenbasis) {
            rotate(k, re, im, phasedRe, phasedIm);
            EigenBasis.transform(phasedRe, phasedIm, outRe, outIm);
            return;
        }
        rotate(k, re, im, outRe, outIm);
    }

    private void rotate(int k, double[] re, double[] im, double[] outRe, double[] outIm) {
        for (int i = 0; i < 4; i++) {
            double c = cos[4 * k + i];
            double s = sin[4 * k + i];
            outRe[i] = c * re[i] - s * im[i];
            outIm[i] = c * im[i] + s * re[i];
        }
    }
}
