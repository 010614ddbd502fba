package qtm.math;

import org.ejml.data.ZMatrixRMaj;

/**
 * Real coordinates of an n×n Hermitian matrix: the n diagonal entries, then Re and Im of each entry above the
 * diagonal, row by row. Superoperators that preserve Hermiticity (every Liouvillian) become real n²×n² matrices in
 * these coordinates, so the exact layer can use real dense linear algebra throughout.
 */
public final class HermitianBasis {
    private final int n;
    private final int[] row;
    private final int[] col;

    /**
     * @param n dimension of the Hilbert space
     * @throws IllegalArgumentException if n &lt; 1
     */
    public HermitianBasis(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + n);
        }
        this.n = n;
        int pairs = n * (n - 1) / 2;
        row = new int[pairs];
        col = new int[pairs];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                row[m] = i;
                col[m] = j;
                m++;
            }
        }
    }

    /** @return the number of real coordinates, n² */
    public int size() {
        return n * n;
    }

    /** @return the Hilbert-space dimension n */
    public int dimension() {
        return n;
    }

    /**
     * The coordinates of the Hermitian part of a matrix.
     *
     * @param a an n×n matrix (assumed Hermitian; only its diagonal and upper triangle are read)
     * @param out array of length n², overwritten
     * @return out
     */
    public double[] coordinates(ZMatrixRMaj a, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = a.getReal(i, i);
        }
        for (int m = 0; m < row.length; m++) {
            out[n + 2 * m] = a.getReal(row[m], col[m]);
            out[n + 2 * m + 1] = a.getImag(row[m], col[m]);
        }
        return out;
    }

    /**
     * The Hermitian matrix with the given coordinates.
     *
     * @param v coordinates, length n²
     * @param out an n×n matrix, overwritten
     * @return out
     */
    public ZMatrixRMaj matrix(double[] v, ZMatrixRMaj out) {
        for (int i = 0; i < n; i++) {
            out.set(i, i, v[i], 0.0);
        }
        for (int m = 0; m < row.length; m++) {
            double re = v[n + 2 * m];
            double im = v[n + 2 * m + 1];
            out.set(row[m], col[m], re, im);
            out.set(col[m], row[m], re, -im);
        }
        return out;
    }

    /**
     * @param m coordinate index
     * @return the row and column of the matrix entry it reads: {i, i} for a diagonal one, {i, j} with i &lt; j for
     *     Re or Im of an entry above the diagonal
     */
    public int[] levels(int m) {
        if (m < n) {
            return new int[] {m, m};
        }
        int pair = (m - n) / 2;
        return new int[] {row[pair], col[pair]};
    }

    /**
     * The basis element B_m, so that a Hermitian matrix equals Σ v_m B_m.
     *
     * @param m coordinate index
     * @return a new n×n Hermitian matrix
     */
    public ZMatrixRMaj element(int m) {
        double[] v = new double[size()];
        v[m] = 1.0;
        return matrix(v, new ZMatrixRMaj(n, n));
    }

    /**
     * The row vector t with t·v = Tr(matrix(v)).
     *
     * @return a new array of length n²
     */
    public double[] traceFunctional() {
        double[] t = new double[size()];
        for (int i = 0; i < n; i++) {
            t[i] = 1.0;
        }
        return t;
    }

    /**
     * The orbit ρ_k = P^k ρ0, k = 0 … points − 1, of a superoperator P given as a real matrix in these coordinates:
     * how an exact propagator for one grid step becomes a time series.
     *
     * @param step P, n²×n²
     * @param rho0 the initial n×n matrix
     * @param points number of states wanted
     * @return a new list, the first a copy of ρ0
     */
    public java.util.List<ZMatrixRMaj> orbit(org.ejml.data.DMatrixRMaj step, ZMatrixRMaj rho0, int points) {
        java.util.List<ZMatrixRMaj> out = new java.util.ArrayList<>(points);
        orbit(step, rho0, points, (rho, k) -> out.add(rho.copy()));
        return out;
    }

    /**
     * As {@link #orbit(org.ejml.data.DMatrixRMaj, ZMatrixRMaj, int)}, handing each state on as it is made instead of
     * keeping them all (a d = 32 state is 16 kB, and a grid may have 100,001 points).
     *
     * @param step P, n²×n²
     * @param rho0 the initial n×n matrix
     * @param points number of states wanted
     * @param each called with ρ_k and k, in order; ρ_k is reused for the next state, so copy it to keep it
     */
    public void orbit(org.ejml.data.DMatrixRMaj step, ZMatrixRMaj rho0, int points,
            java.util.function.ObjIntConsumer<ZMatrixRMaj> each) {
        org.ejml.data.DMatrixRMaj v = new org.ejml.data.DMatrixRMaj(size(), 1);
        coordinates(rho0, v.data);
        org.ejml.data.DMatrixRMaj next = new org.ejml.data.DMatrixRMaj(size(), 1);
        ZMatrixRMaj rho = new ZMatrixRMaj(n, n);
        for (int k = 0; k < points; k++) {
            if (k > 0) {
                org.ejml.dense.row.CommonOps_DDRM.mult(step, v, next);
                v.setTo(next);
            }
            each.accept(matrix(v.data, rho), k);
        }
    }
}
