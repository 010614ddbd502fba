package qtm.engine;

/**
 * An n×n complex matrix that is block-diagonal up to a permutation of the basis, stored as its dense blocks: where H
 * conserves a quantity (the number of quanta under exchange couplings), H_eff's eigenvectors and its propagator never
 * mix two sectors, so a product with them is a product per sector. For two qubits the sectors have 1, 2 and 1 states,
 * and a product is 6 complex multiplications without any index list per entry; a 1×1 or 2×2 block is written out.
 * The blocks are the connected components of the non-zero pattern, found once; a dense matrix is one block. Immutable.
 */
final class BlockComplex {
    private final int n;
    /** Per block, the basis states it acts on. */
    private final int[][] index;
    /** Per block of size b, its b×b entries row-major. */
    private final double[][] re;
    private final double[][] im;

    /**
     * @param n the dimension
     * @param mRe real parts, row-major n×n
     * @param mIm imaginary parts
     */
    BlockComplex(int n, double[] mRe, double[] mIm) {
        this.n = n;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (mRe[i * n + j] != 0 || mIm[i * n + j] != 0) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        int[] block = new int[n];
        int[] size = new int[n];
        int blocks = 0;
        int[] number = new int[n];
        java.util.Arrays.fill(number, -1);
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (number[r] < 0) {
                number[r] = blocks++;
            }
            block[i] = number[r];
            size[block[i]]++;
        }
        this.index = new int[blocks][];
        this.re = new double[blocks][];
        this.im = new double[blocks][];
        int[] filled = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            index[b] = new int[size[b]];
        }
        for (int i = 0; i < n; i++) {
            index[block[i]][filled[block[i]]++] = i;
        }
        for (int b = 0; b < blocks; b++) {
            int s = index[b].length;
            re[b] = new double[s * s];
            im[b] = new double[s * s];
            for (int r = 0; r < s; r++) {
                for (int c = 0; c < s; c++) {
                    re[b][r * s + c] = mRe[index[b][r] * n + index[b][c]];
                    im[b][r * s + c] = mIm[index[b][r] * n + index[b][c]];
                }
            }
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * @param m a square matrix
     * @return it by blocks
     */
    static BlockComplex of(org.ejml.data.ZMatrixRMaj m) {
        double[][] parts = ComplexMatrices.split(m);
        return new BlockComplex(m.numRows, parts[0], parts[1]);
    }

    /** @return the number of blocks */
    int blocks() {
        return index.length;
    }

    /**
     * out = m·x and its squared norm, which the engine needs after a grid step; out must not be x.
     *
     * @return ‖out‖²
     */
    double applyNorm(double[] xRe, double[] xIm, double[] outRe, double[] outIm) {
        apply(xRe, xIm, outRe, outIm);
        return ComplexMatrices.norm2(outRe, outIm);
    }

    /** out = m·x; out must not be x. Allocates nothing. */
    void apply(double[] xRe, double[] xIm, double[] outRe, double[] outIm) {
        for (int b = 0; b < index.length; b++) {
            int[] at = index[b];
            double[] bRe = re[b];
            double[] bIm = im[b];
            if (at.length == 1) {
                int i = at[0];
                outRe[i] = bRe[0] * xRe[i] - bIm[0] * xIm[i];
                outIm[i] = bRe[0] * xIm[i] + bIm[0] * xRe[i];
            } else if (at.length == 2) {
                int i = at[0];
                int j = at[1];
                double aRe = xRe[i];
                double aIm = xIm[i];
                double cRe = xRe[j];
                double cIm = xIm[j];
                outRe[i] = bRe[0] * aRe - bIm[0] * aIm + bRe[1] * cRe - bIm[1] * cIm;
                outIm[i] = bRe[0] * aIm + bIm[0] * aRe + bRe[1] * cIm + bIm[1] * cRe;
                outRe[j] = bRe[2] * aRe - bIm[2] * aIm + bRe[3] * cRe - bIm[3] * cIm;
                outIm[j] = bRe[2] * aIm + bIm[2] * aRe + bRe[3] * cIm + bIm[3] * cRe;
            } else {
                int s = at.length;
                for (int r = 0; r < s; r++) {
                    double sRe = 0;
                    double sIm = 0;
                    for (int c = 0; c < s; c++) {
                        double x = xRe[at[c]];
                        double y = xIm[at[c]];
                        sRe += bRe[r * s + c] * x - bIm[r * s + c] * y;
                        sIm += bRe[r * s + c] * y + bIm[r * s + c] * x;
                    }
                    outRe[at[r]] = sRe;
                    outIm[at[r]] = sIm;
                }
            }
        }
    }
}
