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
    /** Per block, the basis states it acts on (kept for {@link #blocks}). */
    private final int[][] index;
    /**
     * The blocks laid end to end, so that a product reads three flat arrays: block b has size[b] states, listed in
     * states from stateStart[b], and its size[b]² entries, row-major, in flatRe/flatIm from entryStart[b].
     */
    private final int[] size;
    private final int[] stateStart;
    private final int[] entryStart;
    private final int[] states;
    private final double[] flatRe;
    private final double[] flatIm;

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
        int[] count = new int[n];
        int blocks = 0;
        int[] number = new int[n];
        java.util.Arrays.fill(number, -1);
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (number[r] < 0) {
                number[r] = blocks++;
            }
            block[i] = number[r];
            count[block[i]]++;
        }
        this.index = new int[blocks][];
        double[][] re = new double[blocks][];
        double[][] im = new double[blocks][];
        int[] filled = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            index[b] = new int[count[b]];
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
        this.size = new int[blocks];
        this.stateStart = new int[blocks];
        this.entryStart = new int[blocks];
        this.states = new int[n];
        int entries = 0;
        for (int b = 0; b < blocks; b++) {
            entries += re[b].length;
        }
        this.flatRe = new double[entries];
        this.flatIm = new double[entries];
        int st = 0;
        int en = 0;
        for (int b = 0; b < blocks; b++) {
            size[b] = index[b].length;
            stateStart[b] = st;
            entryStart[b] = en;
            System.arraycopy(index[b], 0, states, st, size[b]);
            System.arraycopy(re[b], 0, flatRe, en, re[b].length);
            System.arraycopy(im[b], 0, flatIm, en, im[b].length);
            st += size[b];
            en += re[b].length;
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
        for (int b = 0; b < size.length; b++) {
            int s = size[b];
            int at = stateStart[b];
            int e = entryStart[b];
            if (s == 1) {
                int i = states[at];
                outRe[i] = flatRe[e] * xRe[i] - flatIm[e] * xIm[i];
                outIm[i] = flatRe[e] * xIm[i] + flatIm[e] * xRe[i];
            } else if (s == 2) {
                int i = states[at];
                int j = states[at + 1];
                double aRe = xRe[i];
                double aIm = xIm[i];
                double cRe = xRe[j];
                double cIm = xIm[j];
                outRe[i] = flatRe[e] * aRe - flatIm[e] * aIm + flatRe[e + 1] * cRe - flatIm[e + 1] * cIm;
                outIm[i] = flatRe[e] * aIm + flatIm[e] * aRe + flatRe[e + 1] * cIm + flatIm[e + 1] * cRe;
                outRe[j] = flatRe[e + 2] * aRe - flatIm[e + 2] * aIm + flatRe[e + 3] * cRe - flatIm[e + 3] * cIm;
                outIm[j] = flatRe[e + 2] * aIm + flatIm[e + 2] * aRe + flatRe[e + 3] * cIm + flatIm[e + 3] * cRe;
            } else {
                for (int r = 0; r < s; r++) {
                    double sRe = 0;
                    double sIm = 0;
                    for (int c = 0; c < s; c++) {
                        double x = xRe[states[at + c]];
                        double y = xIm[states[at + c]];
                        sRe += flatRe[e + r * s + c] * x - flatIm[e + r * s + c] * y;
                        sIm += flatRe[e + r * s + c] * y + flatIm[e + r * s + c] * x;
                    }
                    outRe[states[at + r]] = sRe;
                    outIm[states[at + r]] = sIm;
                }
            }
        }
    }
}
