package qtm.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The complex exponential equals the real one of the real form [[Re, −Im], [Im, Re]] to 1e-13 of the largest entry,
 * for norms that need no squaring and many, and e^{diag(a + ib, c)} is diag(e^a(cos b + i sin b), e^c) to 1e-14.
 */
class ComplexExpTest {
    @Test
    void itIsTheRealFormsExponential() {
        Random rng = new Random(3);
        for (int[] c : new int[][] {{1, -3}, {3, 0}, {6, 3}, {12, 6}}) {
            int n = c[0];
            ZMatrixRMaj a = new ZMatrixRMaj(n, n);
            DMatrixRMaj real = new DMatrixRMaj(2 * n, 2 * n);
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < n; k++) {
                    double re = Math.scalb(rng.nextGaussian(), c[1]) - (r == k ? Math.scalb(1.0, c[1]) : 0);
                    double im = Math.scalb(rng.nextGaussian(), c[1]);
                    a.set(r, k, re, im);
                    real.set(r, k, re);
                    real.set(n + r, n + k, re);
                    real.set(r, n + k, -im);
                    real.set(n + r, k, im);
                }
            }
            ZMatrixRMaj got = ComplexExp.exp(a);
            DMatrixRMaj expected = MatrixExp.exp(real);
            double scale = 0;
            for (double v : expected.data) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < n; k++) {
                    assertEquals(expected.get(r, k), got.getReal(r, k), 1e-13 * scale, "n " + n);
                    assertEquals(expected.get(n + r, k), got.getImag(r, k), 1e-13 * scale, "n " + n);
                }
            }
        }
    }

    @Test
    void aDiagonalMatrixGivesItsPhases() {
        ZMatrixRMaj a = new ZMatrixRMaj(2, 2);
        a.set(0, 0, -0.7, 9.3);
        a.set(1, 1, 1.2, 0.0);
        ZMatrixRMaj e = ComplexExp.exp(a);
        assertEquals(Math.exp(-0.7) * Math.cos(9.3), e.getReal(0, 0), 1e-14);
        assertEquals(Math.exp(-0.7) * Math.sin(9.3), e.getImag(0, 0), 1e-14);
        assertEquals(Math.exp(1.2), e.getReal(1, 1), 1e-14 * Math.exp(1.2));
        assertEquals(0.0, e.getImag(1, 1), 1e-14);
        assertEquals(0.0, e.getReal(0, 1), 0.0);
    }
}
