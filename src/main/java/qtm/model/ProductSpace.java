package qtm.model;

import java.util.Arrays;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;

/**
 * The Hilbert space of a machine: the product of its sites' levels, the first site most significant, so that the
 * basis index of |n_0 n_1 … n_{k−1}⟩ is Σ_i n_i Π_{j&gt;i} d_j (|n_c n_h⟩ → 2·n_c + n_h for two qubits, as in
 * {@link TwoQubits}). It places a site's own operators into the whole space, and nothing else.
 */
public final class ProductSpace {
    /** The most basis states a machine may have (issue 24: its Liouvillian is then 1024 × 1024). */
    public static final int MAX_DIMENSION = 32;

    private final int[] dims;
    private final int dimension;

    /**
     * @param dims each site's number of levels, ≥ 1
     * @throws IllegalArgumentException if there is no site or a dimension is below 1
     */
    public ProductSpace(int... dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a product space needs at least one factor");
        }
        long d = 1;
        for (int k : dims) {
            if (k < 1) {
                throw new IllegalArgumentException("dimensions must be >= 1, got " + Arrays.toString(dims));
            }
            d *= k;
            if (d > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("product of dimensions too large: " + Arrays.toString(dims));
            }
        }
        this.dims = dims.clone();
        this.dimension = (int) d;
    }

    /** @return the number of basis states, Π d_i */
    public int dimension() {
        return dimension;
    }

    /** @return a copy of the sites' dimensions */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * @param index a basis index
     * @param site a site
     * @return the level n_site of that basis state
     */
    public int level(int index, int site) {
        int stride = 1;
        for (int j = dims.length - 1; j > site; j--) {
            stride *= dims[j];
        }
        return index / stride % dims[site];
    }

    /**
     * 1 ⊗ … ⊗ op ⊗ … ⊗ 1.
     *
     * @param site where op acts
     * @param op d_site × d_site
     * @return a new matrix on the whole space
     */
    public ZMatrixRMaj embed(int site, ZMatrixRMaj op) {
        if (op.numRows != dims[site] || op.numCols != dims[site]) {
            throw new IllegalArgumentException("operator on site " + site + " must be " + dims[site] + "x"
                    + dims[site]);
        }
        ZMatrixRMaj out = null;
        for (int j = 0; j < dims.length; j++) {
            ZMatrixRMaj factor = j == site ? op : identity(dims[j]);
            out = out == null ? factor.copy() : Ops.kron(out, factor);
        }
        return out;
    }

    private static ZMatrixRMaj identity(int n) {
        ZMatrixRMaj id = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            id.set(i, i, 1, 0);
        }
        return id;
    }
}
