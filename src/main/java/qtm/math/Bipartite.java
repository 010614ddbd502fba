package qtm.math;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;

/**
 * State functions of a density matrix on a product of sites (issue 24), pure functions of ρ and the sites'
 * dimensions d_0, …, d_{k−1}, the first site most significant in the basis index. They are what the two-qubit
 * observables become on any machine: reduced states (for populations per site and pairwise concurrences) and the
 * negativity of a bipartition, the entanglement measure that works in every dimension where Wootters' concurrence
 * is only for two qubits.
 */
public final class Bipartite {
    private Bipartite() {
    }

    /**
     * The reduced state Tr_{not keep} ρ.
     *
     * @param rho d×d, d = Π d_i
     * @param dims the sites' dimensions
     * @param keep the sites kept, in increasing order; the result keeps them in that order
     * @return a new matrix of size Π_{i ∈ keep} d_i
     */
    public static ZMatrixRMaj partialTrace(ZMatrixRMaj rho, int[] dims, int... keep) {
        int d = check(rho, dims);
        checkSites(dims, keep, true);
        boolean[] kept = mask(dims.length, keep);
        int r = 1;
        for (int s : keep) {
            r *= dims[s];
        }
        ZMatrixRMaj out = new ZMatrixRMaj(r, r);
        int[] di = new int[dims.length];
        int[] dj = new int[dims.length];
        for (int i = 0; i < d; i++) {
            digits(i, dims, di);
            for (int j = 0; j < d; j++) {
                digits(j, dims, dj);
                boolean traced = true;
                for (int s = 0; s < dims.length && traced; s++) {
                    traced = kept[s] || di[s] == dj[s];
                }
                if (traced) {
                    int a = index(di, dims, kept);
                    int b = index(dj, dims, kept);
                    out.set(a, b, out.getReal(a, b) + rho.getReal(i, j), out.getImag(a, b) + rho.getImag(i, j));
                }
            }
        }
        return out;
    }

    /**
     * ρ^{T_A}: the transpose on the sites of A, ⟨i_A i_B|ρ^{T_A}|j_A j_B⟩ = ⟨j_A i_B|ρ|i_A j_B⟩.
     *
     * @param rho d×d
     * @param dims the sites' dimensions
     * @param sites A, in increasing order
     * @return a new d×d matrix
     */
    public static ZMatrixRMaj partialTranspose(ZMatrixRMaj rho, int[] dims, int... sites) {
        int d = check(rho, dims);
        checkSites(dims, sites, false);
        boolean[] a = mask(dims.length, sites);
        boolean[] all = new boolean[dims.length];
        Arrays.fill(all, true);
        ZMatrixRMaj out = new ZMatrixRMaj(d, d);
        int[] di = new int[dims.length];
        int[] dj = new int[dims.length];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                digits(i, dims, di);
                digits(j, dims, dj);
                for (int s = 0; s < dims.length; s++) {
                    if (a[s]) {
                        int t = di[s];
                        di[s] = dj[s];
                        dj[s] = t;
                    }
                }
                int from = index(di, dims, all);
                int to = index(dj, dims, all);
                out.set(i, j, rho.getReal(from, to), rho.getImag(from, to));
            }
        }
        return out;
    }

    /**
     * The negativity of the bipartition A | rest, N = (‖ρ^{T_A}‖₁ − 1)/2 (0.5 for a Bell pair), computed as the sum
     * of |λ| over the negative eigenvalues λ of ρ^{T_A}: the same number for Tr ρ = 1, never below 0 by rounding, and
     * blind to a trace error of an estimated ρ. The eigenvalues come from {@link Hermitian} (Jacobi), accurate to
     * about 1e-16·‖ρ‖ each.
     *
     * @param rho d×d density matrix
     * @param dims the sites' dimensions
     * @param sites A, in increasing order (N is the same for its complement)
     * @return N ≥ 0
     */
    public static double negativity(ZMatrixRMaj rho, int[] dims, int... sites) {
        double n = 0;
        for (double lambda : Hermitian.eigenvalues(partialTranspose(rho, dims, sites))) {
            if (lambda < 0) {
                n -= lambda;
            }
        }
        return n;
    }

    /**
     * The log-negativity log₂(2N + 1) = log₂‖ρ^{T_A}‖₁ (1 for a Bell pair).
     *
     * @param rho d×d density matrix
     * @param dims the sites' dimensions
     * @param sites A, in increasing order
     * @return E_N ≥ 0
     */
    public static double logNegativity(ZMatrixRMaj rho, int[] dims, int... sites) {
        return Math.log1p(2 * negativity(rho, dims, sites)) / Math.log(2);
    }

    /**
     * The populations of one site's levels, the diagonal of its reduced state.
     *
     * @param rho d×d density matrix
     * @param dims the sites' dimensions
     * @param site the site
     * @return a new array of d_site populations
     */
    public static double[] populations(ZMatrixRMaj rho, int[] dims, int site) {
        int d = check(rho, dims);
        checkSites(dims, new int[] {site}, false);
        double[] p = new double[dims[site]];
        int[] di = new int[dims.length];
        for (int i = 0; i < d; i++) {
            digits(i, dims, di);
            p[di[site]] += rho.getReal(i, i);
        }
        return p;
    }

    private static int check(ZMatrixRMaj rho, int[] dims) {
        long d = 1;
        for (int k : dims) {
            if (k < 1) {
                throw new IllegalArgumentException("dimensions must be >= 1, got " + Arrays.toString(dims));
            }
            d *= k;
        }
        if (rho.numRows != d || rho.numCols != d) {
            throw new IllegalArgumentException("rho is " + rho.numRows + "x" + rho.numCols + " but the sites "
                    + Arrays.toString(dims) + " make " + d);
        }
        return (int) d;
    }

    private static void checkSites(int[] dims, int[] sites, boolean allowEmpty) {
        if (sites.length == 0 && !allowEmpty) {
            throw new IllegalArgumentException("at least one site is needed");
        }
        for (int m = 0; m < sites.length; m++) {
            if (sites[m] < 0 || sites[m] >= dims.length || m > 0 && sites[m] <= sites[m - 1]) {
                throw new IllegalArgumentException("sites must be increasing indices below " + dims.length + ", got "
                        + Arrays.toString(sites));
            }
        }
    }

    private static boolean[] mask(int n, int[] sites) {
        boolean[] m = new boolean[n];
        for (int s : sites) {
            m[s] = true;
        }
        return m;
    }

    /** The levels of basis state i, first site most significant. */
    private static void digits(int i, int[] dims, int[] out) {
        for (int s = dims.length - 1; s >= 0; s--) {
            out[s] = i % dims[s];
            i /= dims[s];
        }
    }

    /** The index, among the selected sites' basis states, of the selected digits. */
    private static int index(int[] digits, int[] dims, boolean[] selected) {
        int k = 0;
        for (int s = 0; s < dims.length; s++) {
            if (selected[s]) {
                k = k * dims[s] + digits[s];
            }
        }
        return k;
    }
}
