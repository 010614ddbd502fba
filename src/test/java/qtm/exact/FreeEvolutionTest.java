package qtm.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** e^{Mτ}x through the eigendecomposition where it is trusted, and by exponentials where M is defective. */
class FreeEvolutionTest {
    /**
     * A decaying rotation (eigenvalues −a ± ib, a 2×2 block of D) next to a real decay: the spectral path against the
     * closed form e^{−aτ}[[cos bτ, sin bτ], [−sin bτ, cos bτ]] ⊕ e^{−cτ}.
     */
    @Test
    void aDecayingRotationMatchesItsClosedForm() {
        double a = 0.3;
        double b = 2.0;
        double c = 0.7;
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{-a, b, 0}, {-b, -a, 0}, {0, 0, -c}});
        FreeEvolution f = new FreeEvolution(m, true);
        assertTrue(f.spectral());
        assertEquals(-a, f.slowest(), 1e-14);
        double[] x = {0.4, -1.3, 2.0};
        for (double tau : new double[] {0, 0.5, 3.7, 20}) {
            double e = Math.exp(-a * tau);
            double[] expected = {e * (Math.cos(b * tau) * x[0] + Math.sin(b * tau) * x[1]),
                e * (-Math.sin(b * tau) * x[0] + Math.cos(b * tau) * x[1]), Math.exp(-c * tau) * x[2]};
            double[] y = f.apply(x, tau);
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], y[i], 1e-13, "τ = " + tau + ", i = " + i);
            }
        }
    }

    /** A Jordan block has no eigenbasis: the exponentials are used, and give e^{−τ}[[1, τ], [0, 1]]. */
    @Test
    void aDefectiveGeneratorFallsBackToExponentials() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{-1, 1}, {0, -1}});
        FreeEvolution f = new FreeEvolution(m, true);
        assertFalse(f.spectral());
        double[] x = {0.5, 2.0};
        for (double tau : new double[] {0.1, 1, 6}) {
            double[] y = f.apply(x, tau);
            double e = Math.exp(-tau);
            assertEquals(e * (x[0] + tau * x[1]), y[0], 1e-14);
            assertEquals(e * x[1], y[1], 1e-14);
        }
    }

    /** Without the spectral request (the presets) nothing is decomposed beyond the slowest rate. */
    @Test
    void thePresetsKeepTheExponentials() {
        FreeEvolution f = new FreeEvolution(new DMatrixRMaj(new double[][] {{-1, 0}, {0, 0}}), false);
        assertFalse(f.spectral());
        assertEquals(0, f.slowest(), "a zero eigenvalue: the next jump may never come");
    }
}
