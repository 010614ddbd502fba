package qtm.engine;

import org.ejml.data.ZMatrixRMaj;

/**
 * An n×n complex matrix as the list of its non-zero entries, for the products of every step and jump. A machine's
 * change of basis is block-diagonal wherever H conserves a quantity (the number of quanta under exchange couplings,
 * say), so its eigenvector matrices are mostly exact zeros (6 of 16 entries are non-zero for two qubits, about d³ᐟ²
 * of d² for a chain): the list skips them, where a dense product would multiply by them. Immutable.
 */
final class SparseComplex {
    private final int n;
    /** Row i's entries are start[i] to start[i + 1] − 1 (compressed rows: each sum stays in registers). */
    private final int[] start;
    private final int[] col;
    private final double[] re;
    private final double[] im;
    /** Whether every entry is real (a real H's eigenvectors): the product then skips the imaginary parts. */
    private final boolean real;

    /**
     * @param n the dimension
     * @param mRe real parts, row-major n×n
     * @param mIm imaginary parts
     */
    SparseComplex(int n, double[] mRe, double[] mIm) {
        this.n = n;
        int entries = 0;
        for (int k = 0; k < n * n; k++) {
            if (mRe[k] != 0 || mIm[k] != 0) {
                entries++;
            }
        }
        this.start = new int[n + 1];
        this.col = new int[entries];
        this.re = new double[entries];
        this.im = new double[entries];
        int e = 0;
        for (int k = 0; k < n * n; k++) {
            if (k % n == 0) {
                start[k / n] = e;
            }
            if (mRe[k] != 0 || mIm[k] != 0) {
                col[e] = k % n;
                re[e] = mRe[k];
                im[e] = mIm[k];
                e++;
            }
        }
        start[n] = e;
        boolean allReal = true;
        for (double x : im) {
            allReal &= x == 0;
        }
        this.real = allReal;
    }

    /**
     * @param m a square matrix
     * @return its non-zero entries
     */
    static SparseComplex of(ZMatrixRMaj m) {
        double[][] parts = ComplexMatrices.split(m);
        return new SparseComplex(m.numRows, parts[0], parts[1]);
    }

    /** @return the number of non-zero entries kept */
    int entries() {
        return re.length;
    }

    /**
     * out = m·x and its squared norm, which the engine needs after a grid step and gets here without another pass;
     * out must not be x. Allocates nothing.
     *
     * @return ‖out‖²
     */
    double applyNorm(double[] xRe, double[] xIm, double[] outRe, double[] outIm) {
        apply(xRe, xIm, outRe, outIm);
        return ComplexMatrices.norm2(outRe, outIm);
    }

    /** out = m·x; out must not be x. Allocates nothing. */
    void apply(double[] xRe, double[] xIm, double[] outRe, double[] outIm) {
        if (real) {
            for (int i = 0; i < n; i++) {
                double sRe = 0;
                double sIm = 0;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int k = col[e];
                    sRe += re[e] * xRe[k];
                    sIm += re[e] * xIm[k];
                }
                outRe[i] = sRe;
                outIm[i] = sIm;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double sRe = 0;
            double sIm = 0;
            for (int e = start[i]; e < start[i + 1]; e++) {
                int k = col[e];
                sRe += re[e] * xRe[k] - im[e] * xIm[k];
                sIm += re[e] * xIm[k] + im[e] * xRe[k];
            }
            outRe[i] = sRe;
            outIm[i] = sIm;
        }
    }
}
