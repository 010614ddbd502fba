package qtm.linalg;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ejml.data.ZMatrixRMaj;

/**
 * Spectral calculus for Hermitian matrices. Neither EJML nor Commons Math has a complex Hermitian eigensolver, so
 * A + iB is embedded as the real symmetric [[A, −B], [B, A]], whose spectrum is that of A + iB with every eigenvalue
 * doubled, and for which f([[A, −B], [B, A]]) is the embedding of f(A + iB).
 */
public final class Hermitian {
    private Hermitian() {
    }

    private static EigenDecomposition embedded(ZMatrixRMaj a) {
        int n = a.numRows;
        double[][] m = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // Symmetrise so that rounding in the input cannot make the embedding non-symmetric.
                double re = 0.5 * (a.getReal(i, j) + a.getReal(j, i));
                double im = 0.5 * (a.getImag(i, j) - a.getImag(j, i));
                m[i][j] = re;
                m[n + i][n + j] = re;
                m[i][n + j] = -im;
                m[n + i][j] = im;
            }
        }
        return new EigenDecomposition(new Array2DRowRealMatrix(m, false));
    }

    /**
     * Eigenvalues of a Hermitian matrix, in decreasing order.
     *
     * @param a n×n Hermitian matrix
     * @return a new array of n eigenvalues
     */
    public static double[] eigenvalues(ZMatrixRMaj a) {
        double[] doubled = embedded(a).getRealEigenvalues();
        Arrays.sort(doubled);
        int n = a.numRows;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = doubled[2 * n - 1 - 2 * k];
        }
        return out;
    }

    /**
     * f(A) = Σ f(λ)|v⟩⟨v| for a Hermitian A.
     *
     * @param a n×n Hermitian matrix
     * @param f a real function of the eigenvalues
     * @return a new n×n Hermitian matrix
     */
    public static ZMatrixRMaj apply(ZMatrixRMaj a, DoubleUnaryOperator f) {
        int n = a.numRows;
        EigenDecomposition eig = embedded(a);
        RealMatrix v = eig.getV();
        double[] lambda = eig.getRealEigenvalues();
        ZMatrixRMaj out = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < 2 * n; k++) {
                    double fk = f.applyAsDouble(lambda[k]);
                    re += fk * v.getEntry(i, k) * v.getEntry(j, k);
                    im += fk * v.getEntry(n + i, k) * v.getEntry(j, k);
                }
                out.set(i, j, re, im);
            }
        }
        return out;
    }
}
