package qtm.exact;

import org.ejml.data.ZMatrixRMaj;

/** Complex matrix arithmetic written out for the tests' independent references (no production helper). */
final class BruteForce {
    private BruteForce() {
    }

    static ZMatrixRMaj mult(ZMatrixRMaj a, ZMatrixRMaj b) {
        int n = a.numRows;
        ZMatrixRMaj c = new ZMatrixRMaj(n, b.numCols);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < b.numCols; j++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < a.numCols; k++) {
                    re += a.getReal(i, k) * b.getReal(k, j) - a.getImag(i, k) * b.getImag(k, j);
                    im += a.getReal(i, k) * b.getImag(k, j) + a.getImag(i, k) * b.getReal(k, j);
                }
                c.set(i, j, re, im);
            }
        }
        return c;
    }

    static ZMatrixRMaj add(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < a.data.length; i++) {
            c.data[i] = a.data[i] + b.data[i];
        }
        return c;
    }

    /** (re + i·im)·a. */
    static ZMatrixRMaj times(double re, double im, ZMatrixRMaj a) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < a.data.length; i += 2) {
            c.data[i] = re * a.data[i] - im * a.data[i + 1];
            c.data[i + 1] = re * a.data[i + 1] + im * a.data[i];
        }
        return c;
    }

    static ZMatrixRMaj dagger(ZMatrixRMaj a) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numCols, a.numRows);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                c.set(j, i, a.getReal(i, j), -a.getImag(i, j));
            }
        }
        return c;
    }

    /** Re Tr[a b]. */
    static double traceRe(ZMatrixRMaj a, ZMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.numRows; i++) {
            for (int k = 0; k < a.numCols; k++) {
                s += a.getReal(i, k) * b.getReal(k, i) - a.getImag(i, k) * b.getImag(k, i);
            }
        }
        return s;
    }
}
