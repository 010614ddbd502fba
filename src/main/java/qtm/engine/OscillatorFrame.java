package qtm.engine;

import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;
import qtm.model.MonitoredChannel;

/**
 * How fast a watched channel still turns in its local oscillator's frame (issue 29). Under H a channel's operator
 * splits into parts L_ν that move energy ν into the bath (ν = E_n − E_m for ⟨m|L|n⟩ in H's eigenbasis) and turn as
 * e^{−iνt}; the oscillator at ω_j multiplies them by e^{iω_j t}, so what is left turns at ν − ω_j. The diffusive step
 * takes c_j once, at its midpoint, so those residual rotations must be resolved as a rate is: unresolved, a step
 * with (ν − ω_j)·dt near a multiple of 2π aliases them to zero frequency, and they act on every step instead of
 * averaging out (a local channel across an exchange between detuned sites turns at √(Δ² + 4g²), not at g). A
 * channel that is an eigenoperator of H (a global channel, an uncoupled site) has no residual rotation.
 */
public final class OscillatorFrame {
    /** Amplitudes below this fraction of the channel's Frobenius norm are rounding, not parts of it. */
    private static final double NEGLIGIBLE = 1e-8;

    private OscillatorFrame() {
    }

    /**
     * @param h the Hamiltonian, d×d Hermitian
     * @param channels the watched channels, each d×d
     * @return the largest |ν − ω_j| over every channel j and every part L_ν of it above rounding, 0 for none
     */
    public static double residualRate(ZMatrixRMaj h, List<MonitoredChannel> channels) {
        int d = h.numRows;
        Hermitian.Eigen e = Hermitian.embedded(h);
        // The embedding's 2d eigenvectors, as complex vectors: each of H's eigenvectors twice (x + iy and i(x + iy)),
        // so that within a degenerate level they span it whatever mixture Jacobi returns.
        int n = 2 * d;
        double[][] re = new double[n][d];
        double[][] im = new double[n][d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                re[k][i] = e.v()[i][k];
                im[k][i] = e.v()[d + i][k];
            }
        }
        double max = 0;
        for (MonitoredChannel c : channels) {
            ZMatrixRMaj l = c.operator();
            double norm = org.ejml.dense.row.NormOps_ZDRM.normF(l);
            if (norm == 0) {
                continue;
            }
            for (int from = 0; from < n; from++) {
                double[] lre = new double[d];
                double[] lim = new double[d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double ar = l.getReal(i, j);
                        double ai = l.getImag(i, j);
                        lre[i] += ar * re[from][j] - ai * im[from][j];
                        lim[i] += ar * im[from][j] + ai * re[from][j];
                    }
                }
                for (int to = 0; to < n; to++) {
                    double ar = 0;
                    double ai = 0;
                    for (int i = 0; i < d; i++) {
                        ar += re[to][i] * lre[i] + im[to][i] * lim[i];
                        ai += re[to][i] * lim[i] - im[to][i] * lre[i];
                    }
                    if (Math.hypot(ar, ai) > NEGLIGIBLE * norm) {
                        double nu = e.values()[from] - e.values()[to];
                        max = Math.max(max, Math.abs(nu - c.frequency()));
                    }
                }
            }
        }
        return max;
    }
}
