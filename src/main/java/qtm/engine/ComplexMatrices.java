package qtm.engine;

/**
 * The few dense operations the general propagators need on n×n complex matrices stored row-major with real and
 * imaginary parts in separate arrays (the layout their hot loops read without index arithmetic on pairs): products
 * and adjoints at set-up, and the matrix–vector product of every step.
 */
final class ComplexMatrices {
    private ComplexMatrices() {
    }

    /** out = m·x; out must not be x. Allocates nothing: it runs in the engines' steps. */
    static void apply(int n, double[] mRe, double[] mIm, double[] xRe, double[] xIm, double[] outRe, double[] outIm) {
        apply(n, false, mRe, mIm, xRe, xIm, outRe, outIm);
    }

    /**
     * out = m·x, reading only the upper triangle of m where {@code upper} (a Schur factor's zeros are skipped, not
     * added); out must not be x.
     */
    static void apply(int n, boolean upper, double[] mRe, double[] mIm, double[] xRe, double[] xIm, double[] outRe,
            double[] outIm) {
        for (int i = 0; i < n; i++) {
            double sRe = 0;
            double sIm = 0;
            int row = i * n;
            for (int j = upper ? i : 0; j < n; j++) {
                sRe += mRe[row + j] * xRe[j] - mIm[row + j] * xIm[j];
                sIm += mRe[row + j] * xIm[j] + mIm[row + j] * xRe[j];
            }
            outRe[i] = sRe;
            outIm[i] = sIm;
        }
    }

    /**
     * Q·X and X·Q† of a change of basis, for set-up only (it allocates).
     *
     * @return {re, im} of q·x when {@code left}, of x·q† otherwise, as new arrays
     */
    static double[][] withBasis(int n, double[] qRe, double[] qIm, double[] xRe, double[] xIm, boolean left) {
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        if (left) {
            multiply(n, qRe, qIm, xRe, xIm, re, im);
        } else {
            double[] qhRe = new double[n * n];
            double[] qhIm = new double[n * n];
            adjoint(n, qRe, qIm, qhRe, qhIm);
            multiply(n, xRe, xIm, qhRe, qhIm, re, im);
        }
        return new double[][] {re, im};
    }

    /** c = a·b; c must not be a or b. */
    static void multiply(int n, double[] aRe, double[] aIm, double[] bRe, double[] bIm, double[] cRe, double[] cIm) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sRe = 0;
                double sIm = 0;
                for (int k = 0; k < n; k++) {
                    double xRe = aRe[i * n + k];
                    double xIm = aIm[i * n + k];
                    sRe += xRe * bRe[k * n + j] - xIm * bIm[k * n + j];
                    sIm += xRe * bIm[k * n + j] + xIm * bRe[k * n + j];
                }
                cRe[i * n + j] = sRe;
                cIm[i * n + j] = sIm;
            }
        }
    }

    /** out = a†. */
    static void adjoint(int n, double[] aRe, double[] aIm, double[] outRe, double[] outIm) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                outRe[j * n + i] = aRe[i * n + j];
                outIm[j * n + i] = -aIm[i * n + j];
            }
        }
    }

    /** @return the induced 1-norm, the largest column sum of |a_ij| */
    static double norm1(int n, double[] aRe, double[] aIm) {
        double max = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.hypot(aRe[i * n + j], aIm[i * n + j]);
            }
            max = Math.max(max, s);
        }
        return max;
    }

    /** Column k of Y: T y = λ_k y with y_k = 1, y_i = 0 below k, by back-substitution. @return false on 0/0 */
    static boolean eigenvectors(int n, double[] tRe, double[] tIm, double[] yRe, double[] yIm) {
        for (int k = 0; k < n; k++) {
            yRe[k * n + k] = 1.0;
            for (int i = k - 1; i >= 0; i--) {
                double sRe = 0;
                double sIm = 0;
                for (int j = i + 1; j <= k; j++) {
                    double aRe = tRe[i * n + j];
                    double aIm = tIm[i * n + j];
                    sRe += aRe * yRe[j * n + k] - aIm * yIm[j * n + k];
                    sIm += aRe * yIm[j * n + k] + aIm * yRe[j * n + k];
                }
                // y_i = −s / (T_ii − T_kk)
                double eRe = tRe[i * n + i] - tRe[k * n + k];
                double eIm = tIm[i * n + i] - tIm[k * n + k];
                double e2 = eRe * eRe + eIm * eIm;
                if (!(e2 > 0)) {
                    return false;
                }
                yRe[i * n + k] = -(sRe * eRe + sIm * eIm) / e2;
                yIm[i * n + k] = -(sIm * eRe - sRe * eIm) / e2;
            }
        }
        return true;
    }

    /** The inverse of a unit upper triangular Y, by back-substitution. @return false if it is not finite */
    static boolean unitInverse(int n, double[] yRe, double[] yIm, double[] outRe, double[] outIm) {
        for (int k = 0; k < n; k++) {
            outRe[k * n + k] = 1.0;
            for (int i = k - 1; i >= 0; i--) {
                double sRe = 0;
                double sIm = 0;
                for (int j = i + 1; j <= k; j++) {
                    sRe += yRe[i * n + j] * outRe[j * n + k] - yIm[i * n + j] * outIm[j * n + k];
                    sIm += yRe[i * n + j] * outIm[j * n + k] + yIm[i * n + j] * outRe[j * n + k];
                }
                outRe[i * n + k] = -sRe;
                outIm[i * n + k] = -sIm;
                if (!Double.isFinite(sRe) || !Double.isFinite(sIm)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return {re, im} of a square EJML matrix as row-major arrays (set-up only: it allocates) */
    static double[][] split(org.ejml.data.ZMatrixRMaj m) {
        int n = m.numRows;
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int k = 0; k < n * n; k++) {
            re[k] = m.data[2 * k];
            im[k] = m.data[2 * k + 1];
        }
        return new double[][] {re, im};
    }

    /** @return Σ_i |x_i|² */
    static double norm2(double[] re, double[] im) {
        double s = 0;
        for (int i = 0; i < re.length; i++) {
            s += re[i] * re[i] + im[i] * im[i];
        }
        return s;
    }
}
