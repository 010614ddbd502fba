package qtm.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;

/**
 * A decomposition ρ = Σ w_m |v_m⟩⟨v_m| of the initial density matrix into pure states, from which each trajectory
 * draws its start. The complex eigenproblem is solved as the real symmetric [[A, −B], [B, A]]: every real eigenvector
 * (x; y) is a complex eigenvector x + iy, each eigenvalue appears twice, and the eight real eigenvectors weighted by
 * λ/2 add up to ρ. Immutable.
 */
public final class PureStates {
    private final double[] cumulative;
    private final double[][] re;
    private final double[][] im;

    private PureStates(double[] weights, double[][] re, double[][] im) {
        this.re = re;
        this.im = im;
        this.cumulative = new double[weights.length];
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double s = 0;
        for (int m = 0; m < weights.length; m++) {
            s += weights[m] / total;
            cumulative[m] = s;
        }
        cumulative[weights.length - 1] = 1.0;
    }

    /**
     * @param rho 4×4 density matrix
     * @return the decomposition
     * @throws IllegalArgumentException if ρ has no positive eigenvalue
     */
    public static PureStates of(ZMatrixRMaj rho) {
        int n = rho.numRows;
        if (isBasisState(rho)) {
            for (int i = 0; i < n; i++) {
                if (rho.getReal(i, i) == 1.0) {
                    double[][] r = new double[1][n];
                    r[0][i] = 1.0;
                    return new PureStates(new double[] {1.0}, r, new double[1][n]);
                }
            }
        }
        Hermitian.Eigen eig = Hermitian.embedded(rho);
        double[][] v = eig.v();
        double[] lambda = eig.values();
        int kept = 0;
        for (double l : lambda) {
            if (l > 1e-15) {
                kept++;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("the initial state has no positive eigenvalue");
        }
        double[] w = new double[kept];
        double[][] r = new double[kept][n];
        double[][] s = new double[kept][n];
        int q = 0;
        for (int k = 0; k < lambda.length; k++) {
            if (lambda[k] <= 1e-15) {
                continue;
            }
            w[q] = lambda[k];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                r[q][i] = v[i][k];
                s[q][i] = v[n + i][k];
                norm += r[q][i] * r[q][i] + s[q][i] * s[q][i];
            }
            double f = 1 / Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                r[q][i] *= f;
                s[q][i] *= f;
            }
            q++;
        }
        return new PureStates(w, r, s);
    }

    private static boolean isBasisState(ZMatrixRMaj rho) {
        int ones = 0;
        for (int k = 0; k < rho.data.length; k++) {
            if (rho.data[k] == 1.0) {
                ones++;
            } else if (rho.data[k] != 0.0) {
                return false;
            }
        }
        return ones == 1;
    }

    /** @return number of pure states in the decomposition */
    public int size() {
        return cumulative.length;
    }

    /**
     * Draws one pure state with its weight. Consumes one random number only if there is more than one state.
     *
     * @param rng randomness
     * @param outRe real parts, overwritten
     * @param outIm imaginary parts, overwritten
     */
    public void sample(UniformRandomProvider rng, double[] outRe, double[] outIm) {
        int m = 0;
        if (cumulative.length > 1) {
            double u = rng.nextDouble();
            while (m < cumulative.length - 1 && u >= cumulative[m]) {
                m++;
            }
        }
        System.arraycopy(re[m], 0, outRe, 0, outRe.length);
        System.arraycopy(im[m], 0, outIm, 0, outIm.length);
    }
}
