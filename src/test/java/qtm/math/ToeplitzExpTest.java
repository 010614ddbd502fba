package qtm.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The block-Toeplitz exponential gives exactly (==, every bit but the sign of a zero) the first block row of
 * {@link MatrixExp#exp} on the dense matrix, for block sizes on both sides of EJML's switch between its small and its
 * reordered product and for norms that need no squaring and many; its matrix-vector product is exactly the dense one;
 * and for a 2 × 2 Jordan-type case it matches the closed form e^{[[a, b], [0, a]]} = e^a [[1, b], [0, 1]] to 1e-13.
 */
class ToeplitzExpTest {
    @Test
    void theFirstBlockRowIsTheDenseExponentialsBitForBit() {
        Random rng = new Random(7);
        int[][] cases = {{2, 3, 0}, {3, 3, 1}, {2, 7, 4}, {4, 7, 6}, {5, 3, 9}, {9, 7, 3}, {16, 3, 5}};
        for (int[] c : cases) {
            int n = c[0];
            int b = c[1];
            DMatrixRMaj[] t = new DMatrixRMaj[b];
            for (int q = 0; q < b; q++) {
                t[q] = new DMatrixRMaj(n, n);
                for (int i = 0; i < n * n; i++) {
                    // Mixed signs and magnitudes, and some exact zeros as a generator's sparsity has.
                    t[q].data[i] = rng.nextInt(4) == 0 ? 0.0 : Math.scalb(rng.nextGaussian(), c[2] - 2 * q);
                }
            }
            DMatrixRMaj dense = new DMatrixRMaj(b * n, b * n);
            for (int q = 0; q < b; q++) {
                for (int i = 0; i + q < b; i++) {
                    org.ejml.dense.row.CommonOps_DDRM.insert(t[q], dense, i * n, (i + q) * n);
                }
            }
            DMatrixRMaj expected = MatrixExp.exp(dense);
            DMatrixRMaj[] got = ToeplitzExp.exp(t);
            double[] w = new double[b * n];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian();
            }
            double[] wExpected = RealVectors.mult(expected, w);
            double[] wGot = ToeplitzExp.mult(got, w);
            for (int q = 0; q < b; q++) {
                for (int r = 0; r < n; r++) {
                    for (int col = 0; col < n; col++) {
                        double e = expected.get(r, q * n + col);
                        double g = got[q].get(r, col);
                        assertTrue(e == g, "n " + n + " b " + b + " block " + q + ": " + e + " vs " + g);
                    }
                }
            }
            for (int i = 0; i < w.length; i++) {
                assertTrue(wExpected[i] == wGot[i], "n " + n + " b " + b + " entry " + i);
            }
        }
    }

    @Test
    void aScalarJetIsTheClosedForm() {
        double a = -3.7;
        double bb = 2.5;
        DMatrixRMaj[] e = ToeplitzExp.exp(new DMatrixRMaj[] {new DMatrixRMaj(new double[][] {{a}}),
            new DMatrixRMaj(new double[][] {{bb}}), new DMatrixRMaj(1, 1)});
        // e^{a I + b N} with N the shift, N² ≠ 0 for three blocks: e^a (1, b, b²/2).
        assertEquals(Math.exp(a), e[0].get(0, 0), 1e-13 * Math.exp(a));
        assertEquals(Math.exp(a) * bb, e[1].get(0, 0), 1e-13 * Math.exp(a) * bb);
        assertEquals(Math.exp(a) * bb * bb / 2, e[2].get(0, 0), 1e-13 * Math.exp(a) * bb * bb);
    }
}
