package qtm.testing;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * Small dense superoperator helpers for the tests' from-scratch tilted generators (written by hand, not production
 * code, so that the references they build stay independent of what they check).
 */
public final class ScratchOps {
    private ScratchOps() {
    }

    /** Re Tr of block (0, b) of e applied to ρ. */
    public static double trace(DMatrixRMaj e, int dim, int n, double[] rho, int b) {
        double tr = 0;
        for (int d = 0; d < dim; d++) {
            int row = d * dim + d;
            for (int k = 0; k < n; k++) {
                tr += e.get(row, b * n + k) * rho[k];
            }
        }
        return tr;
    }

    /** The superoperator ρ ↦ AρB on row-major vec(ρ), as {Re, Im}. */
    public static double[][][] sandwich(ZMatrixRMaj a, ZMatrixRMaj b) {
        int dim = a.numRows;
        int s = dim * dim;
        double[][][] out = new double[2][s][s];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                for (int k = 0; k < dim; k++) {
                    for (int q = 0; q < dim; q++) {
                        double ar = a.getReal(i, k);
                        double ai = a.getImag(i, k);
                        double br = b.getReal(q, j);
                        double bi = b.getImag(q, j);
                        out[0][i * dim + j][k * dim + q] = ar * br - ai * bi;
                        out[1][i * dim + j][k * dim + q] = ar * bi + ai * br;
                    }
                }
            }
        }
        return out;
    }

    /** target += (c_re + i c_im)·x in the real embedding [[Re, −Im], [Im, Re]]. */
    public static void add(double[][] target, double[][][] x, double cRe, double cIm) {
        int s = x[0].length;
        for (int i = 0; i < s; i++) {
            for (int k = 0; k < s; k++) {
                double re = cRe * x[0][i][k] - cIm * x[1][i][k];
                double im = cRe * x[1][i][k] + cIm * x[0][i][k];
                target[i][k] += re;
                target[i][s + k] -= im;
                target[s + i][k] += im;
                target[s + i][s + k] += re;
            }
        }
    }

    public static ZMatrixRMaj identity(int dim) {
        ZMatrixRMaj m = new ZMatrixRMaj(dim, dim);
        for (int i = 0; i < dim; i++) {
            m.set(i, i, 1, 0);
        }
        return m;
    }

    public static ZMatrixRMaj dagger(ZMatrixRMaj a) {
        int dim = a.numRows;
        ZMatrixRMaj m = new ZMatrixRMaj(dim, dim);
        for (int i = 0; i < dim; i++) {
            for (int k = 0; k < dim; k++) {
                m.set(i, k, a.getReal(k, i), -a.getImag(k, i));
            }
        }
        return m;
    }

    public static ZMatrixRMaj mult(ZMatrixRMaj a, ZMatrixRMaj b) {
        int dim = a.numRows;
        ZMatrixRMaj m = new ZMatrixRMaj(dim, dim);
        for (int i = 0; i < dim; i++) {
            for (int k = 0; k < dim; k++) {
                double re = 0;
                double im = 0;
                for (int j = 0; j < dim; j++) {
                    re += a.getReal(i, j) * b.getReal(j, k) - a.getImag(i, j) * b.getImag(j, k);
                    im += a.getReal(i, j) * b.getImag(j, k) + a.getImag(i, j) * b.getReal(j, k);
                }
                m.set(i, k, re, im);
            }
        }
        return m;
    }
}
