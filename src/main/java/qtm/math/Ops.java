package qtm.math;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * The few complex-matrix helpers the two-qubit problem needs, on EJML's interleaved {@link ZMatrixRMaj}.
 * Operations that sit in loops take their output last, as EJML's own do.
 */
public final class Ops {
    private Ops() {
    }

    /**
     * A square complex matrix from real and imaginary parts.
     *
     * @param re real part, n×n
     * @param im imaginary part, n×n, or {@code null} for zero
     * @return the matrix re + i·im
     */
    public static ZMatrixRMaj of(double[][] re, double[][] im) {
        int n = re.length;
        ZMatrixRMaj m = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, re[i][j], im == null ? 0.0 : im[i][j]);
            }
        }
        return m;
    }

    /**
     * The matrix |i⟩⟨j| of size n.
     *
     * @param n dimension
     * @param i row
     * @param j column
     * @return a new matrix with a single 1 at (i, j)
     */
    public static ZMatrixRMaj unit(int n, int i, int j) {
        ZMatrixRMaj m = new ZMatrixRMaj(n, n);
        m.set(i, j, 1.0, 0.0);
        return m;
    }

    /**
     * Kronecker product a ⊗ b, which EJML lacks for complex matrices.
     *
     * @param a left factor
     * @param b right factor
     * @return a new matrix of size (a.rows·b.rows) × (a.cols·b.cols)
     */
    public static ZMatrixRMaj kron(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows * b.numRows, a.numCols * b.numCols);
        Complex_F64 x = new Complex_F64();
        Complex_F64 y = new Complex_F64();
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                a.get(i, j, x);
                for (int k = 0; k < b.numRows; k++) {
                    for (int l = 0; l < b.numCols; l++) {
                        b.get(k, l, y);
                        c.set(i * b.numRows + k, j * b.numCols + l,
                                x.real * y.real - x.imaginary * y.imaginary,
                                x.real * y.imaginary + x.imaginary * y.real);
                    }
                }
            }
        }
        return c;
    }

    /**
     * Conjugate transpose.
     *
     * @param a matrix
     * @return a new matrix a†
     */
    public static ZMatrixRMaj dagger(ZMatrixRMaj a) {
        return CommonOps_ZDRM.transposeConjugate(a, null);
    }

    /**
     * Matrix product.
     *
     * @param a left
     * @param b right
     * @return a new matrix a·b
     */
    public static ZMatrixRMaj mult(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, b.numCols);
        CommonOps_ZDRM.mult(a, b, c);
        return c;
    }

    /**
     * Triple product a·b·c.
     *
     * @param a left
     * @param b middle
     * @param c right
     * @return a new matrix
     */
    public static ZMatrixRMaj mult(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        return mult(mult(a, b), c);
    }

    /**
     * Linear combination α·a + β·b with real coefficients.
     *
     * @param alpha coefficient of a
     * @param a first matrix
     * @param beta coefficient of b
     * @param b second matrix
     * @return a new matrix
     */
    public static ZMatrixRMaj add(double alpha, ZMatrixRMaj a, double beta, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, a.numCols);
        double[] x = a.data;
        double[] y = b.data;
        for (int k = 0; k < c.data.length; k++) {
            c.data[k] = alpha * x[k] + beta * y[k];
        }
        return c;
    }

    /**
     * Scalar multiple by a complex number.
     *
     * @param re real part of the scalar
     * @param im imaginary part of the scalar
     * @param a matrix
     * @return a new matrix (re + i·im)·a
     */
    public static ZMatrixRMaj scale(double re, double im, ZMatrixRMaj a) {
        ZMatrixRMaj c = a.copy();
        CommonOps_ZDRM.scale(re, im, c);
        return c;
    }

    /**
     * Commutator [a, b] = ab − ba.
     *
     * @param a left
     * @param b right
     * @return a new matrix
     */
    public static ZMatrixRMaj commutator(ZMatrixRMaj a, ZMatrixRMaj b) {
        return add(1.0, mult(a, b), -1.0, mult(b, a));
    }

    /**
     * Anticommutator {a, b} = ab + ba.
     *
     * @param a left
     * @param b right
     * @return a new matrix
     */
    public static ZMatrixRMaj anticommutator(ZMatrixRMaj a, ZMatrixRMaj b) {
        return add(1.0, mult(a, b), 1.0, mult(b, a));
    }

    /**
     * Real part of the trace of a·b, which is the expectation value Tr(ρA) for Hermitian ρ and A.
     *
     * @param a first matrix
     * @param b second matrix
     * @return Re Tr(a·b)
     */
    public static double traceProductRe(ZMatrixRMaj a, ZMatrixRMaj b) {
        int n = a.numRows;
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                int ia = (i * n + k) * 2;
                int ib = (k * n + i) * 2;
                s += a.data[ia] * b.data[ib] - a.data[ia + 1] * b.data[ib + 1];
            }
        }
        return s;
    }

    /**
     * Real part of the trace.
     *
     * @param a square matrix
     * @return Re Tr(a)
     */
    public static double traceRe(ZMatrixRMaj a) {
        double s = 0.0;
        for (int i = 0; i < a.numRows; i++) {
            s += a.getReal(i, i);
        }
        return s;
    }

    /**
     * Largest absolute difference between corresponding real or imaginary parts.
     *
     * @param a first matrix
     * @param b second matrix of the same shape
     * @return max |a − b| over the interleaved components
     */
    public static double maxAbsDiff(ZMatrixRMaj a, ZMatrixRMaj b) {
        double m = 0.0;
        for (int k = 0; k < a.data.length; k++) {
            m = Math.max(m, Math.abs(a.data[k] - b.data[k]));
        }
        return m;
    }

    /**
     * Singular values of a square complex matrix, through the real embedding [[Re, −Im], [Im, Re]] whose singular
     * values are those of the complex matrix, each twice.
     *
     * @param a n×n matrix
     * @return a new array of the n singular values, decreasing
     */
    public static double[] singularValues(ZMatrixRMaj a) {
        int n = a.numRows;
        double[][] m = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a.getReal(i, j);
                m[n + i][n + j] = a.getReal(i, j);
                m[i][n + j] = -a.getImag(i, j);
                m[n + i][j] = a.getImag(i, j);
            }
        }
        double[] doubled = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = doubled[2 * k];
        }
        return out;
    }
}
