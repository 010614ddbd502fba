package qtm.engine;

/**
 * The few dense operations the Schur propagator needs once, at set-up, on n×n complex matrices stored row-major with
 * real and imaginary parts in separate arrays (the layout its hot loops read without index arithmetic on pairs).
 */
final class ComplexMatrices {
    private ComplexMatrices() {
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
}
