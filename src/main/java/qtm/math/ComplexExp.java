package qtm.math;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * The exponential of a small dense complex matrix, by {@link MatrixExp}'s scaling and squaring with a truncated
 * Taylor series, in complex arithmetic: half the real operations of exponentiating its real form
 * [[Re, −Im], [Im, Re]] (whose 1-norm it scales by, so that both take the same squarings and terms).
 */
public final class ComplexExp {
    private static final int TERMS = 20;

    private ComplexExp() {
    }

    /**
     * e^A.
     *
     * @param a square complex matrix with finite entries
     * @return a new matrix e^A
     * @throws IllegalArgumentException if a is not square or has a non-finite entry
     */
    public static ZMatrixRMaj exp(ZMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("matrix must be square");
        }
        int n = a.numRows;
        double norm = realNorm1(a);
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("matrix has a non-finite entry");
        }
        int squarings = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        ZMatrixRMaj x = a.copy();
        double scale = Math.scalb(1.0, -squarings);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] *= scale;
        }
        // As MatrixExp: e^X − I is summed and squared as 2M + M², the identity added once at the end.
        ZMatrixRMaj m = new ZMatrixRMaj(n, n);
        ZMatrixRMaj term = CommonOps_ZDRM.identity(n);
        ZMatrixRMaj next = new ZMatrixRMaj(n, n);
        for (int k = 1; k <= TERMS; k++) {
            CommonOps_ZDRM.mult(1.0 / k, 0.0, term, x, next);
            ZMatrixRMaj t = term;
            term = next;
            next = t;
            addTo(m.data, 1.0, term.data);
        }
        for (int s = 0; s < squarings; s++) {
            CommonOps_ZDRM.mult(m, m, next);
            addTo(next.data, 2.0, m.data);
            ZMatrixRMaj t = m;
            m = next;
            next = t;
        }
        ZMatrixRMaj result = CommonOps_ZDRM.identity(n);
        addTo(result.data, 1.0, m.data);
        return result;
    }

    /** The 1-norm of the real form: each of its columns holds one column's real and imaginary parts. */
    private static double realNorm1(ZMatrixRMaj a) {
        int n = a.numRows;
        double max = 0;
        for (int c = 0; c < n; c++) {
            double total = 0;
            for (int r = 0; r < n; r++) {
                total += Math.abs(a.data[2 * (r * n + c)]);
            }
            for (int r = 0; r < n; r++) {
                total += Math.abs(a.data[2 * (r * n + c) + 1]);
            }
            max = Math.max(max, total);
        }
        return max;
    }

    private static void addTo(double[] a, double beta, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += beta * b[i];
        }
    }
}
