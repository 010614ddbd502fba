package qtm.math;

import org.ejml.data.DMatrixRMaj;

/** The two real-vector operations the superoperator code needs on plain arrays, in one place. */
public final class RealVectors {
    private RealVectors() {
    }

    /**
     * @param m a matrix
     * @param v a vector of its column count
     * @return m·v (new array)
     */
    public static double[] mult(DMatrixRMaj m, double[] v) {
        double[] out = new double[m.numRows];
        for (int r = 0; r < m.numRows; r++) {
            double s = 0;
            for (int c = 0; c < m.numCols; c++) {
                s += m.get(r, c) * v[c];
            }
            out[r] = s;
        }
        return out;
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return a·b
     */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
