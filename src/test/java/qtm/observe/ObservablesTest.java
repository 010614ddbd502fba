package qtm.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import qtm.math.Ops;

class ObservablesTest {
    private static ZMatrixRMaj pure(double[] re, double[] im) {
        double n = 0;
        for (int i = 0; i < 4; i++) {
            n += re[i] * re[i] + im[i] * im[i];
        }
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                rho.set(i, j, (re[i] * re[j] + im[i] * im[j]) / n, (im[i] * re[j] - re[i] * im[j]) / n);
            }
        }
        return rho;
    }

    /** A random X state: positive populations, |ρ01,10| ≤ √(p01 p10), |ρ00,11| ≤ √(p00 p11). */
    private static ZMatrixRMaj randomX(SplittableRandom r) {
        double[] p = new double[4];
        double s = 0;
        for (int i = 0; i < 4; i++) {
            p[i] = r.nextDouble();
            s += p[i];
        }
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            p[i] /= s;
            rho.set(i, i, p[i], 0);
        }
        double a = r.nextDouble() * Math.sqrt(p[1] * p[2]);
        double phi = 2 * Math.PI * r.nextDouble();
        rho.set(1, 2, a * Math.cos(phi), a * Math.sin(phi));
        rho.set(2, 1, a * Math.cos(phi), -a * Math.sin(phi));
        double b = r.nextDouble() * Math.sqrt(p[0] * p[3]);
        double psi = 2 * Math.PI * r.nextDouble();
        rho.set(0, 3, b * Math.cos(psi), b * Math.sin(psi));
        rho.set(3, 0, b * Math.cos(psi), -b * Math.sin(psi));
        return rho;
    }

    @Test
    void woottersAgreesWithEq6OnXStatesWithoutOuterCoherence() {
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 500; k++) {
            ZMatrixRMaj rho = randomX(r);
            rho.set(0, 3, 0, 0);
            rho.set(3, 0, 0, 0);
            assertEquals(Observables.concurrenceX(rho), Observables.concurrence(rho), 1e-12);
        }
    }

    @Test
    void woottersMatchesTheGeneralXStateFormula() {
        // For X states C = 2 max(0, |ρ01,10| − √(p00 p11), |ρ00,11| − √(p01 p10)) (Yu and Eberly).
        SplittableRandom r = new SplittableRandom(4);
        for (int k = 0; k < 500; k++) {
            ZMatrixRMaj rho = randomX(r);
            double[] p = Observables.populations(rho);
            double c1 = Math.hypot(rho.getReal(1, 2), rho.getImag(1, 2)) - Math.sqrt(p[0] * p[3]);
            double c2 = Math.hypot(rho.getReal(0, 3), rho.getImag(0, 3)) - Math.sqrt(p[1] * p[2]);
            assertEquals(2 * Math.max(0, Math.max(c1, c2)), Observables.concurrence(rho), 1e-12);
        }
    }

    /**
     * Issue 8: a separable X state with p11 = 1.5e-15 and |ρ01,10| &lt; √(p00 p11) was called entangled (C = 1.1e-9),
     * because the absolute eigenvalue cut-off dropped p11. Eq. (6) decides it: C = 0 exactly.
     */
    @Test
    void tinyPopulationDoesNotMakeASeparableStateEntangled() {
        double p11 = 1.5e-15;
        double p00 = 0.6;
        double c = 0.9 * Math.sqrt(p00 * p11);
        ZMatrixRMaj rho = new ZMatrixRMaj(4, 4);
        rho.set(0, 0, p00, 0);
        rho.set(1, 1, 0.3, 0);
        rho.set(2, 2, 0.1 - p11, 0);
        rho.set(3, 3, p11, 0);
        rho.set(1, 2, c, 0);
        rho.set(2, 1, c, 0);
        assertEquals(0.0, Observables.concurrence(rho));
        assertEquals(2 * (c - Math.sqrt(p00 * p11)), Observables.signedConcurrence(rho), 1e-22);
        // Slightly more coherence than √(p00 p11): entangled, with the eq. (6) value.
        double c2 = 1.1 * Math.sqrt(p00 * p11);
        rho.set(1, 2, c2, 0);
        rho.set(2, 1, c2, 0);
        assertEquals(2 * (c2 - Math.sqrt(p00 * p11)), Observables.concurrence(rho), 1e-22);
    }

    @Test
    void woottersPathAgreesWithEq6OnRandomXStates() {
        // The singular-value route, not the X shortcut, against 2 max(|ρ01,10| − √(p00 p11), |ρ00,11| − √(p01 p10)).
        SplittableRandom r = new SplittableRandom(6);
        for (int k = 0; k < 500; k++) {
            ZMatrixRMaj rho = randomX(r);
            double[] p = Observables.populations(rho);
            double c1 = Math.hypot(rho.getReal(1, 2), rho.getImag(1, 2)) - Math.sqrt(p[0] * p[3]);
            double c2 = Math.hypot(rho.getReal(0, 3), rho.getImag(0, 3)) - Math.sqrt(p[1] * p[2]);
            assertEquals(2 * Math.max(c1, c2), Observables.woottersSigned(rho), 1e-12);
        }
    }

    /**
     * Random full-rank non-X states against Wootters' original recipe computed independently: the λ_i² are the
     * eigenvalues of the non-Hermitian ρρ̃, taken from Commons Math's real eigensolver on the 8×8 real embedding
     * [[A, −B], [B, A]] of ρρ̃ = A + iB (each eigenvalue appears twice there).
     */
    @Test
    void woottersAgreesWithAnIndependentComputationOnRandomNonXStates() {
        SplittableRandom r = new SplittableRandom(7);
        int entangled = 0;
        for (int k = 0; k < 300; k++) {
            // ρ = M M† / Tr with M = G + a·1 (a shifts the spectrum away from 0, so √ of eigenvalues is accurate)
            ZMatrixRMaj m = new ZMatrixRMaj(4, 4);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    m.set(i, j, r.nextGaussian(), r.nextGaussian());
                }
            }
            double w = r.nextDouble() * 0.3;
            ZMatrixRMaj rho = Ops.mult(m, Ops.dagger(m));
            rho = Ops.scale(1 / Ops.traceRe(rho), 0, rho);
            ZMatrixRMaj bell = pure(new double[] {1, 0, 0, r.nextDouble()}, new double[] {0, r.nextDouble() * 0.2, 0, 0});
            rho = Ops.add(w, rho, 1 - w, bell);
            ZMatrixRMaj flip = Ops.mult(SIGMA_YY, conj(rho), SIGMA_YY);
            ZMatrixRMaj prod = Ops.mult(rho, flip);
            double[][] e = new double[8][8];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    e[i][j] = prod.getReal(i, j);
                    e[i + 4][j + 4] = prod.getReal(i, j);
                    e[i][j + 4] = -prod.getImag(i, j);
                    e[i + 4][j] = prod.getImag(i, j);
                }
            }
            double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(e)).getRealEigenvalues();
            Arrays.sort(ev);
            // pairs: take every second, largest first
            double l1 = Math.sqrt(Math.max(0, ev[7]));
            double rest = Math.sqrt(Math.max(0, ev[5])) + Math.sqrt(Math.max(0, ev[3])) + Math.sqrt(Math.max(0, ev[1]));
            assertTrue(Math.abs(rho.getReal(0, 1)) + Math.abs(rho.getImag(1, 3)) > 1e-6, "not an X state");
            assertEquals(l1 - rest, Observables.signedConcurrence(rho), 1e-9);
            if (l1 - rest > 0.05) {
                entangled++;
            }
        }
        assertTrue(entangled > 30, "too few entangled samples to test the positive side: " + entangled);
    }

    private static final ZMatrixRMaj SIGMA_YY = Ops.of(
            new double[][] {{0, 0, 0, -1}, {0, 0, 1, 0}, {0, 1, 0, 0}, {-1, 0, 0, 0}}, null);

    private static ZMatrixRMaj conj(ZMatrixRMaj a) {
        ZMatrixRMaj c = a.copy();
        for (int k = 1; k < c.data.length; k += 2) {
            c.data[k] = -c.data[k];
        }
        return c;
    }

    @Test
    void woottersOnNonXPureStatesIsTwiceTheDeterminant() {
        // For a pure state Σ c_ij |ij⟩, C = 2|c00 c11 − c01 c10|.
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < 500; k++) {
            double[] re = new double[4];
            double[] im = new double[4];
            double n = 0;
            for (int i = 0; i < 4; i++) {
                re[i] = r.nextGaussian();
                im[i] = r.nextGaussian();
                n += re[i] * re[i] + im[i] * im[i];
            }
            double dr = (re[0] * re[3] - im[0] * im[3]) - (re[1] * re[2] - im[1] * im[2]);
            double di = (re[0] * im[3] + im[0] * re[3]) - (re[1] * im[2] + im[1] * re[2]);
            assertEquals(2 * Math.hypot(dr, di) / n, Observables.concurrence(pure(re, im)), 1e-12);
        }
    }

    @Test
    void wernerStateConcurrence() {
        // p|Φ+⟩⟨Φ+| + (1 − p) I/4 is a non-X-pattern-breaking mixture with C = max(0, (3p − 1)/2).
        ZMatrixRMaj bell = pure(new double[] {1, 0, 0, 1}, new double[4]);
        ZMatrixRMaj mixed = Ops.scale(0.25, 0, Ops.of(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0},
            {0, 0, 0, 1}}, null));
        for (double p = 0; p <= 1.0; p += 0.05) {
            ZMatrixRMaj rho = Ops.add(p, bell, 1 - p, mixed);
            assertEquals(Math.max(0, (3 * p - 1) / 2), Observables.concurrence(rho), 1e-12);
            assertEquals(p * p + (1 - p * p) / 4, Observables.purity(rho), 1e-12);
        }
    }

    @Test
    void productStatesHaveNoConcurrence() {
        // (0.8|0⟩ + 0.6|1⟩) ⊗ (0.6|0⟩ + 0.8i|1⟩) written out in the basis |n_c n_h⟩.
        double[] re = {0.8 * 0.6, 0, 0.6 * 0.6, 0};
        double[] im = {0, 0.8 * 0.8, 0, 0.6 * 0.8};
        ZMatrixRMaj product = pure(re, im);
        assertEquals(0.0, Observables.concurrence(product), 1e-12);
        assertEquals(1.0, Observables.purity(product), 1e-12);
    }

    @Test
    void traceDistance() {
        ZMatrixRMaj a = pure(new double[] {1, 0, 0, 0}, new double[4]);
        ZMatrixRMaj b = pure(new double[] {0, 1, 0, 0}, new double[4]);
        ZMatrixRMaj c = pure(new double[] {1, 1, 0, 0}, new double[4]);
        assertEquals(1.0, Observables.traceDistance(a, b), 1e-14);
        assertEquals(0.0, Observables.traceDistance(a, a), 1e-14);
        // Two pure states: D = √(1 − |⟨ψ|φ⟩|²).
        assertEquals(Math.sqrt(0.5), Observables.traceDistance(a, c), 1e-14);
    }
}
