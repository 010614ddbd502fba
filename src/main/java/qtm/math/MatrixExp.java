package qtm.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The exponential of a small dense real matrix by scaling and squaring with a truncated Taylor series. After scaling
 * ‖A‖₁ ≤ 1/2, so 20 terms leave a truncation error below 1e-25 relative, far under double rounding.
 */
public final class MatrixExp {
    private static final int TERMS = 20;

    private MatrixExp() {
    }

    /**
     * e^A.
     *
     * @param a square real matrix with finite entries
     * @return a new matrix e^A
     * @throws IllegalArgumentException if a is not square or has a non-finite entry
     */
    public static DMatrixRMaj exp(DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("matrix must be square");
        }
        double norm = NormOps_DDRM.inducedP1(a);
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("matrix has a non-finite entry");
        }
        int squarings = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        DMatrixRMaj x = a.copy();
        CommonOps_DDRM.scale(Math.scalb(1.0, -squarings), x);

        // e^X − I is summed and squared as (I + M)² − I = 2M + M², so that the identity is added only once, at the
        // end: adding it at every squaring rounds away the small part M of a propagator close to I, and those
        // roundings are what the squarings then amplify.
        int n = a.numRows;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        DMatrixRMaj term = CommonOps_DDRM.identity(n);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        for (int k = 1; k <= TERMS; k++) {
            CommonOps_DDRM.mult(1.0 / k, term, x, next);
            DMatrixRMaj t = term;
            term = next;
            next = t;
            CommonOps_DDRM.addEquals(m, term);
        }
        for (int s = 0; s < squarings; s++) {
            CommonOps_DDRM.mult(m, m, next);
            CommonOps_DDRM.addEquals(next, 2.0, m);
            DMatrixRMaj t = m;
            m = next;
            next = t;
        }
        DMatrixRMaj result = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.addEquals(result, m);
        return result;
    }

    /**
     * The floating-point operations {@link #exp} spends on an n × n matrix of the given 1-norm: {@value #TERMS}
     * products for the series and one per squaring, 2n³ each. Callers estimate with it what a computation would
     * cost before they start it.
     *
     * @param n the size
     * @param norm1 ‖A‖₁ (an upper estimate is fine)
     * @return the estimated operations
     */
    public static double work(int n, double norm1) {
        int squarings = norm1 <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm1 / 0.5) / Math.log(2));
        return (TERMS + squarings) * 2.0 * n * (double) n * n;
    }
}
