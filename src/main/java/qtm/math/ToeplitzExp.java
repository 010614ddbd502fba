package qtm.math;

import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRMaj;

/**
 * The exponential of a block upper-triangular block-Toeplitz matrix T (block (i, i+m) = T_m), held by its first block
 * row T_0 … T_b−1. Products of such matrices are again of that form, C_m = Σ_{p≤m} A_p B_{m−p}, so the first block
 * row is all that has to be computed: b(b+1)/2 block products instead of b³.
 *
 * <p>Every step is {@link MatrixExp#exp}'s on the dense bn × bn matrix (the same 1-norm, squarings, Taylor terms, and
 * the same order of each sum as EJML's dense product takes it), so the result has the same values as the first block
 * row of {@code MatrixExp.exp} on the dense matrix: the dense product only adds the lower blocks' zeros on top, which
 * changes at most the sign of an entry that is exactly zero. The counting statistics' moments, and so the pinned
 * outputs, do not change by a bit.
 */
public final class ToeplitzExp {
    private static final int TERMS = 20;

    private ToeplitzExp() {
    }

    /**
     * The first block row of e^T.
     *
     * @param t T_0 … T_{b−1}, square and all of one size, finite
     * @return new blocks E_0 … E_{b−1}, block (i, i+m) of e^T being E_m
     * @throws IllegalArgumentException if a block has a non-finite entry
     */
    public static DMatrixRMaj[] exp(DMatrixRMaj[] t) {
        int b = t.length;
        int n = t[0].numRows;
        double norm = norm1(t);
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("matrix has a non-finite entry");
        }
        int squarings = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        double scale = Math.scalb(1.0, -squarings);
        DMatrixRMaj[] x = zeros(b, n);
        for (int q = 0; q < b; q++) {
            for (int i = 0; i < n * n; i++) {
                x[q].data[i] = t[q].data[i] * scale;
            }
        }
        // As MatrixExp: e^X − I is summed and squared as 2M + M², the identity added once at the end.
        boolean reorder = b * n >= EjmlParameters.MULT_COLUMN_SWITCH;
        DMatrixRMaj[] m = zeros(b, n);
        DMatrixRMaj[] term = zeros(b, n);
        for (int i = 0; i < n; i++) {
            term[0].set(i, i, 1.0);
        }
        DMatrixRMaj[] next = zeros(b, n);
        for (int k = 1; k <= TERMS; k++) {
            mult(1.0 / k, true, term, x, next, reorder);
            DMatrixRMaj[] s = term;
            term = next;
            next = s;
            for (int q = 0; q < b; q++) {
                addTo(m[q].data, 1.0, term[q].data);
            }
        }
        for (int s = 0; s < squarings; s++) {
            mult(1.0, false, m, m, next, reorder);
            for (int q = 0; q < b; q++) {
                addTo(next[q].data, 2.0, m[q].data);
            }
            DMatrixRMaj[] u = m;
            m = next;
            next = u;
        }
        DMatrixRMaj[] result = zeros(b, n);
        for (int i = 0; i < n; i++) {
            result[0].set(i, i, 1.0);
        }
        for (int q = 0; q < b; q++) {
            addTo(result[q].data, 1.0, m[q].data);
        }
        return result;
    }

    /**
     * The block-Toeplitz matrix times a stacked vector, summed as {@link RealVectors#mult} sums the dense product.
     *
     * @param e E_0 … E_{b−1}
     * @param w the stacked vector (w_0, …, w_{b−1}), b·n long
     * @return the stacked product, block i being Σ_{q≥i} E_{q−i} w_q (new array)
     */
    public static double[] mult(DMatrixRMaj[] e, double[] w) {
        int b = e.length;
        int n = e[0].numRows;
        double[] out = new double[b * n];
        for (int i = 0; i < b; i++) {
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int q = i; q < b; q++) {
                    double[] row = e[q - i].data;
                    for (int c = 0; c < n; c++) {
                        s += row[r * n + c] * w[q * n + c];
                    }
                }
                out[i * n + r] = s;
            }
        }
        return out;
    }

    /** NormOps_DDRM.inducedP1 of the dense matrix: its largest column sum is in the last block column. */
    private static double norm1(DMatrixRMaj[] t) {
        int b = t.length;
        int n = t[0].numRows;
        double max = 0;
        for (int j = 0; j < n; j++) {
            double total = 0;
            for (int q = b - 1; q >= 0; q--) {
                for (int r = 0; r < n; r++) {
                    total += Math.abs(t[q].data[r * n + j]);
                }
            }
            if (total > max) {
                max = total;
            }
        }
        return max;
    }

    /**
     * c = α a b on the first block row, each entry summed over k in the dense order. EJML's reordered product puts α
     * on each term (for bn ≥ its MULT_COLUMN_SWITCH), its small one on the sum: this follows whichever the dense
     * product would take.
     */
    private static void mult(double alpha, boolean scaled, DMatrixRMaj[] a, DMatrixRMaj[] bb, DMatrixRMaj[] c,
            boolean reorder) {
        int b = a.length;
        int n = a[0].numRows;
        for (int mm = 0; mm < b; mm++) {
            double[] out = c[mm].data;
            for (int i = 0; i < n; i++) {
                int ci = i * n;
                if (reorder) {
                    boolean first = true;
                    for (int p = 0; p <= mm; p++) {
                        double[] ap = a[p].data;
                        double[] bp = bb[mm - p].data;
                        for (int k = 0; k < n; k++) {
                            double va = scaled ? alpha * ap[ci + k] : ap[ci + k];
                            int bk = k * n;
                            if (first) {
                                for (int j = 0; j < n; j++) {
                                    out[ci + j] = va * bp[bk + j];
                                }
                                first = false;
                            } else {
                                for (int j = 0; j < n; j++) {
                                    out[ci + j] += va * bp[bk + j];
                                }
                            }
                        }
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        double total = 0;
                        for (int p = 0; p <= mm; p++) {
                            double[] ap = a[p].data;
                            double[] bp = bb[mm - p].data;
                            for (int k = 0; k < n; k++) {
                                total += ap[ci + k] * bp[k * n + j];
                            }
                        }
                        out[ci + j] = scaled ? alpha * total : total;
                    }
                }
            }
        }
    }

    /** CommonOps_DDRM.addEquals: a += β b. */
    private static void addTo(double[] a, double beta, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += beta * b[i];
        }
    }

    private static DMatrixRMaj[] zeros(int b, int n) {
        DMatrixRMaj[] out = new DMatrixRMaj[b];
        for (int q = 0; q < b; q++) {
            out[q] = new DMatrixRMaj(n, n);
        }
        return out;
    }
}
