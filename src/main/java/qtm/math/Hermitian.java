package qtm.math;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.ZMatrixRMaj;

/**
 * Spectral calculus for Hermitian matrices. Neither EJML nor Commons Math has a complex Hermitian eigensolver, so
 * A + iB is embedded as the real symmetric [[A, −B], [B, A]], whose spectrum is that of A + iB with every eigenvalue
 * doubled, and for which f([[A, −B], [B, A]]) is the embedding of f(A + iB).
 *
 * <p>The eigensolver is cyclic Jacobi with a relative stopping rule rather than Householder–QR (Commons Math, EJML):
 * it returns tiny eigenvalues of graded matrices such as diag(1, 1e-16, 1e-31) to high relative accuracy, where QR
 * leaves an absolute error of about 1e-16. The concurrence takes square roots of such eigenvalues, so QR's error would
 * show up there as spurious entanglement of order 1e-8.
 */
public final class Hermitian {
    private Hermitian() {
    }

    /**
     * Eigenpairs of the real embedding [[A, −B], [B, A]] of A + iB: 2n eigenvalues (each of A + iB twice) and the
     * matching eigenvectors as the columns of v, whose top half is the real part and bottom half the imaginary part
     * of an eigenvector of A + iB.
     *
     * @param values eigenvalues, unsorted
     * @param v 2n×2n, eigenvectors in columns
     */
    public record Eigen(double[] values, double[][] v) {
    }

    /**
     * The eigenpairs of a Hermitian matrix through its real embedding, by the Jacobi method.
     *
     * @param a n×n Hermitian matrix
     * @return the eigenpairs of the embedding
     */
    public static Eigen embedded(ZMatrixRMaj a) {
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
        return jacobi(m);
    }

    /** Cyclic Jacobi on a real symmetric matrix, which it overwrites. */
    private static Eigen jacobi(double[][] a) {
        int n = a.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1.0;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    // Relative rule: an entry is negligible against the geometric mean of its diagonal pair.
                    if (Math.abs(apq) <= 1e-18 * Math.sqrt(Math.abs(a[p][p] * a[q][q])) || apq == 0.0) {
                        a[p][q] = 0.0;
                        a[q][p] = 0.0;
                        continue;
                    }
                    rotated = true;
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1.0;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    a[p][q] = 0.0;
                    a[q][p] = 0.0;
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new Eigen(values, v);
    }

    /**
     * Eigenvalues of a Hermitian matrix, in decreasing order.
     *
     * @param a n×n Hermitian matrix
     * @return a new array of n eigenvalues
     */
    public static double[] eigenvalues(ZMatrixRMaj a) {
        double[] doubled = embedded(a).values();
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
        Eigen eig = embedded(a);
        double[][] v = eig.v();
        double[] lambda = eig.values();
        ZMatrixRMaj out = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < 2 * n; k++) {
                    double fk = f.applyAsDouble(lambda[k]);
                    re += fk * v[i][k] * v[j][k];
                    im += fk * v[n + i][k] * v[j][k];
                }
                out.set(i, j, re, im);
            }
        }
        return out;
    }
}
