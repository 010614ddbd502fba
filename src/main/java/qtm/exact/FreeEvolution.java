package qtm.exact;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.math.MatrixExp;
import qtm.math.RealVectors;

/**
 * e^{Mτ}v for the generator M = L − J of the evolution between counted jumps, at many τ. Either one matrix
 * exponential per τ (scaling and squaring, {@link MatrixExp}), or, when asked and well conditioned, the real
 * eigendecomposition M = VDV⁻¹ (D block diagonal, 2×2 blocks for complex pairs) computed once, after which each τ costs
 * two matrix-vector products: on a machine of d = 8 a waiting-time verdict evaluates e^{Mτ}v some 10⁴ times, which
 * by exponentials of the 64×64 generator took half a minute. The decomposition is used only if its eigenvector matrix
 * has condition number at most {@link #MAX_CONDITION} and reproduces M (‖MV − VD‖ ≤ 1e-11 ‖M‖‖V‖); near an
 * exceptional point V is nearly singular and the exponentials are used instead. Its rounding is then at most about
 * cond(V)·ε ≈ 1e-10 of the vector's scale. Immutable.
 */
final class FreeEvolution {
    /** The largest cond(V) at which the eigendecomposition is trusted. */
    static final double MAX_CONDITION = 1e6;

    private final DMatrixRMaj m;
    private final double slowest;
    private final RealMatrix v;
    private final RealMatrix vInverse;
    private final double[][] blocks;

    /**
     * @param m the generator (kept, not copied: never modify it)
     * @param spectral whether to evaluate through the eigendecomposition when it is well conditioned
     */
    FreeEvolution(DMatrixRMaj m, boolean spectral) {
        this.m = m;
        double[][] a = new double[m.numRows][m.numCols];
        double norm = 0;
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                a[i][j] = m.get(i, j);
                norm = Math.max(norm, Math.abs(a[i][j]));
            }
        }
        RealMatrix matrix = new Array2DRowRealMatrix(a, false);
        EigenDecomposition eig = new EigenDecomposition(matrix);
        double top = Double.NEGATIVE_INFINITY;
        for (double re : eig.getRealEigenvalues()) {
            top = Math.max(top, re);
        }
        // Rounding leaves about 1e-15·‖m‖ on an eigenvalue that is 0 exactly.
        slowest = top < -1e-12 * norm ? top : 0;
        RealMatrix vv = null;
        RealMatrix inverse = null;
        double[][] d = null;
        if (spectral) {
            vv = eig.getV();
            d = eig.getD().getData();
            double residual = matrix.multiply(vv).subtract(vv.multiply(eig.getD())).getNorm();
            double cond = new SingularValueDecomposition(vv).getConditionNumber();
            if (cond <= MAX_CONDITION && residual <= 1e-11 * matrix.getNorm() * vv.getNorm()) {
                inverse = new LUDecomposition(vv).getSolver().getInverse();
            }
        }
        this.v = inverse == null ? null : vv;
        this.vInverse = inverse;
        this.blocks = inverse == null ? null : d;
    }

    /** @return the largest real part of M's eigenvalues, or 0 when it is 0 to rounding (M singular) */
    double slowest() {
        return slowest;
    }

    /** @return whether {@link #apply} uses the eigendecomposition */
    boolean spectral() {
        return v != null;
    }

    /**
     * @param x a vector
     * @param tau ≥ 0 and finite
     * @return e^{Mτ}x, a new vector
     */
    double[] apply(double[] x, double tau) {
        if (v == null) {
            return byExponential(x, tau);
        }
        double[] y = vInverse.operate(x);
        double[] z = new double[y.length];
        int n = y.length;
        for (int i = 0; i < n; i++) {
            boolean pair = i + 1 < n && (blocks[i][i + 1] != 0 || blocks[i + 1][i] != 0);
            if (!pair) {
                z[i] = Math.exp(blocks[i][i] * tau) * y[i];
                continue;
            }
            // exp of a 2×2 block B with eigenvalues μ ± iν: e^{μτ}[cos ντ·1 + sin ντ/ν·(B − μ1)].
            double p = blocks[i][i];
            double q = blocks[i][i + 1];
            double r = blocks[i + 1][i];
            double s = blocks[i + 1][i + 1];
            double mu = 0.5 * (p + s);
            double nu = Math.sqrt(Math.max(0, -(0.25 * (p - s) * (p - s) + q * r)));
            double e = Math.exp(mu * tau);
            double c = Math.cos(nu * tau);
            double sn = nu > 0 ? Math.sin(nu * tau) / nu : tau;
            z[i] = e * ((c + sn * (p - mu)) * y[i] + sn * q * y[i + 1]);
            z[i + 1] = e * (sn * r * y[i] + (c + sn * (s - mu)) * y[i + 1]);
            i++;
        }
        return v.operate(z);
    }

    /**
     * @param x a vector
     * @param tau ≥ 0 and finite
     * @return e^{Mτ}x by one matrix exponential, whatever the mode
     */
    double[] byExponential(double[] x, double tau) {
        DMatrixRMaj scaled = m.copy();
        CommonOps_DDRM.scale(tau, scaled);
        return RealVectors.mult(MatrixExp.exp(scaled), x);
    }
}
