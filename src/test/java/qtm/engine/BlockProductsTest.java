package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The machine engine's products by blocks ({@link BlockComplex}) and without zeros ({@link SparseComplex}) against
 * the plain dense product written here, on matrices whose sectors are scattered over the basis (blocks of 1, 2 and 3
 * states and a dense one), and the shared trigonometry of {@link SegmentFactors} against e^{−iλt} computed here, up to
 * the global phase it may leave out.
 */
class BlockProductsTest {
    /** Sectors {0, 5}, {1}, {2, 4, 6}, {3}, {7}: a permuted block-diagonal 8×8 matrix with random entries. */
    private static double[][] scattered(Random r) {
        int[] sector = {0, 1, 2, 3, 2, 0, 2, 4};
        int n = sector.length;
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (sector[i] == sector[j]) {
                    re[i * n + j] = r.nextGaussian();
                    im[i * n + j] = r.nextGaussian();
                }
            }
        }
        return new double[][] {re, im};
    }

    private static void assertProduct(int n, double[] re, double[] im, double[] xRe, double[] xIm, double[] outRe,
            double[] outIm, String what) {
        for (int i = 0; i < n; i++) {
            double sRe = 0;
            double sIm = 0;
            for (int j = 0; j < n; j++) {
                sRe += re[i * n + j] * xRe[j] - im[i * n + j] * xIm[j];
                sIm += re[i * n + j] * xIm[j] + im[i * n + j] * xRe[j];
            }
            assertEquals(sRe, outRe[i], 1e-14, what + " re " + i);
            assertEquals(sIm, outIm[i], 1e-14, what + " im " + i);
        }
    }

    @Test
    void productsByBlocksAndWithoutZerosAreTheDenseProduct() {
        Random r = new Random(7);
        int n = 8;
        double[][] scattered = scattered(r);
        double[][] dense = {new double[n * n], new double[n * n]};
        for (int k = 0; k < n * n; k++) {
            dense[0][k] = r.nextGaussian();
            dense[1][k] = r.nextGaussian();
        }
        double[] xRe = new double[n];
        double[] xIm = new double[n];
        for (int i = 0; i < n; i++) {
            xRe[i] = r.nextGaussian();
            xIm[i] = r.nextGaussian();
        }
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        for (double[][] m : new double[][][] {scattered, dense}) {
            BlockComplex blocks = new BlockComplex(n, m[0], m[1]);
            blocks.apply(xRe, xIm, outRe, outIm);
            assertProduct(n, m[0], m[1], xRe, xIm, outRe, outIm, "blocks");
            double norm2 = blocks.applyNorm(xRe, xIm, outRe, outIm);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += outRe[i] * outRe[i] + outIm[i] * outIm[i];
            }
            assertEquals(expected, norm2, 1e-13);
            new SparseComplex(n, m[0], m[1]).apply(xRe, xIm, outRe, outIm);
            assertProduct(n, m[0], m[1], xRe, xIm, outRe, outIm, "sparse");
        }
        assertEquals(5, new BlockComplex(n, scattered[0], scattered[1]).blocks());
        assertEquals(1, new BlockComplex(n, dense[0], dense[1]).blocks());
    }

    @Test
    void sharedPhasesAreTheExponentialsUpToOneGlobalPhase() {
        // A resonant two-qubit spectrum 0, ω ∓ g, 2ω: two cosine–sine pairs about ω; and a spectrum without pairs.
        double[][] spectra = {{0, 1 - 1.6e-3, 1 + 1.6e-3, 2}, {0, 0.3, 1.7, 22}};
        int[] pairs = {2, 3};
        double[] lamIm = {-0.01, -0.002, -0.003, -0.02};
        for (int s = 0; s < spectra.length; s++) {
            double[] lamRe = spectra[s];
            SegmentFactors f = new SegmentFactors(lamRe, lamIm, Double.NaN, 25.0);
            assertEquals(pairs[s], f.frequencies(), "cosine-sine pairs");
            for (double t : new double[] {1e-3, 7.3, 25.0}) {
                f.select(t, false);
                double[] re = f.re();
                double[] im = f.im();
                // The global phase: the ratio of the first mode's factor to its exact one.
                double phase = Math.atan2(im[0], re[0]) + lamRe[0] * t;
                for (int k = 0; k < lamRe.length; k++) {
                    double m = Math.exp(lamIm[k] * t);
                    double arg = -lamRe[k] * t + phase;
                    assertTrue(Math.hypot(re[k] - m * Math.cos(arg), im[k] - m * Math.sin(arg)) <= 1e-13,
                            "mode " + k + " at t = " + t);
                }
            }
        }
    }
}
