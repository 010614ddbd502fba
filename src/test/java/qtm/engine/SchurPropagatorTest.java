package qtm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachineChannel;

/**
 * The Schur-form no-jump propagator e^{−iH_eff t} against a dense matrix exponential of the real form of −iH_eff t
 * ({@link ExactMachine}), to 1e-12, on random machines, a random non-normal H_eff with complex operators, and at
 * exceptional points, where H_eff is defective and an eigenvector expansion would fail.
 */
class SchurPropagatorTest {
    /**
     * Times up to 100 on machines with levels up to ~10: both exponentials lose ~‖H‖tε to rounding, which must stay
     * well under the 1e-12 compared.
     */
    private static final double[] TIMES = {0, 1e-7, 0.37, 12.5, 100};
    /** Up to 1000 at the exceptional points, whose ‖H‖ ≈ 2: past 1/g, where the Jordan block's t e^{−iλt} shows. */
    private static final double[] LONG_TIMES = {0, 1e-7, 0.37, 12.5, 100, 400, 1000};

    static List<Long> seeds() {
        List<Long> out = new ArrayList<>();
        for (long s = 1; s <= 12; s++) {
            out.add(s);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomMachinesMatchTheDenseExponential(long seed) {
        Machine m = TestMachines.random(seed);
        check(m.hamiltonian(), m.channels(), 7.0, TIMES);
    }

    @Test
    void randomComplexOperatorsMatchTheDenseExponential() {
        Random r = new Random(5);
        int d = 7;
        double[][] hr = new double[d][d];
        double[][] hi = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                hr[i][j] = 0.3 * r.nextGaussian();
                hr[j][i] = hr[i][j];
                if (j > i) {
                    hi[i][j] = 0.3 * r.nextGaussian();
                    hi[j][i] = -hi[i][j];
                }
            }
        }
        List<MachineChannel> channels = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            double[][] ar = new double[d][d];
            double[][] ai = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    ar[i][j] = r.nextGaussian();
                    ai[i][j] = r.nextGaussian();
                }
            }
            channels.add(new MachineChannel(0, Ops.of(ar, ai), 0.01 * (c + 1), 0, 0, 0, "random" + c));
        }
        check(Ops.of(hr, hi), channels, 3.0, TIMES);
    }

    @Test
    void twoLevelExceptionalPointWhereTheDecayDifferenceIsFourG() {
        double g = 0.05;
        ZMatrixRMaj h = Ops.of(new double[][] {{1.0, g}, {g, 1.0}}, null);
        // Only |0⟩ decays, at 4g: H_eff = [[1 − 2ig, g], [g, 1]] has the double eigenvalue 1 − ig.
        ZMatrixRMaj a = Ops.of(new double[][] {{0, 0}, {1, 0}}, null);
        List<MachineChannel> channels = List.of(new MachineChannel(0, a, 4 * g, 0, 0, 0, "down"));
        assertCoalesced(h, channels, 1e-6);
        check(h, channels, 30.0, LONG_TIMES);
    }

    @Test
    void fluxOptimumMachineAtItsExceptionalPoint() {
        Machine m = TestMachines.fluxAtExceptionalPoint();
        assertCoalesced(m.hamiltonian(), m.channels(), 1e-6);
        check(m.hamiltonian(), m.channels(), 25.0, LONG_TIMES);
    }

    /** Two eigenvalues of H_eff agree to within tolerance: the construction is at an exceptional point. */
    private static void assertCoalesced(ZMatrixRMaj h, List<MachineChannel> channels, double tolerance) {
        SchurPropagator p = new SchurPropagator(h, channels, 1.0);
        ComplexSchur s = p.schur();
        int n = s.n;
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                closest = Math.min(closest, Math.hypot(s.tRe[i * n + i] - s.tRe[j * n + j],
                        s.tIm[i * n + i] - s.tIm[j * n + j]));
            }
        }
        assertTrue(closest < tolerance, "closest eigenvalues " + closest + " apart: not an exceptional point");
    }

    private static void check(ZMatrixRMaj h, List<MachineChannel> channels, double step, double[] times) {
        ExactMachine exact = new ExactMachine(h, channels);
        SchurPropagator p = new SchurPropagator(h, channels, step);
        ComplexSchur s = p.schur();
        assertSchurForm(s, h, exact.decay());
        for (double t : times) {
            ZMatrixRMaj ours = p.propagator(t);
            ZMatrixRMaj reference = exact.noJump(t);
            double diff = Ops.maxAbsDiff(ours, reference);
            assertTrue(diff <= 1e-12, "t = " + t + ": max |difference| " + diff);
        }
        // The ladder's step, e^{−iTΔt}, carried to the basis, is the propagator for the grid step.
        int n = s.n;
        double[] re = new double[n];
        double[] im = new double[n];
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        double[] psiRe = new double[n];
        double[] psiIm = new double[n];
        ZMatrixRMaj reference = exact.noJump(step);
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(psiRe, 0);
            java.util.Arrays.fill(psiIm, 0);
            psiRe[j] = 1;
            p.toSchur(psiRe, psiIm, re, im);
            p.step(0, re, im, outRe, outIm);
            p.toBasis(outRe, outIm, psiRe, psiIm);
            for (int i = 0; i < n; i++) {
                double diff = Math.hypot(psiRe[i] - reference.getReal(i, j), psiIm[i] - reference.getImag(i, j));
                assertTrue(diff <= 1e-12, "step column " + j + " row " + i + ": " + diff);
            }
        }
    }

    /** Q unitary, T upper triangular, Q T Q† = H − (i/2)Γ, all to rounding. */
    private static void assertSchurForm(ComplexSchur s, ZMatrixRMaj h, ZMatrixRMaj decay) {
        int n = s.n;
        double[] qq = new double[2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0;
                double im = 0;
                double tre = 0;
                double tim = 0;
                for (int k = 0; k < n; k++) {
                    // (Q†Q)_ij = Σ conj(Q_ki) Q_kj
                    re += s.qRe[k * n + i] * s.qRe[k * n + j] + s.qIm[k * n + i] * s.qIm[k * n + j];
                    im += s.qRe[k * n + i] * s.qIm[k * n + j] - s.qIm[k * n + i] * s.qRe[k * n + j];
                }
                assertTrue(Math.hypot(re - (i == j ? 1 : 0), im) < 1e-13, "Q is not unitary at " + i + "," + j);
                if (i > j) {
                    assertTrue(s.tRe[i * n + j] == 0 && s.tIm[i * n + j] == 0, "T is not triangular");
                }
                // (Q T Q†)_ij
                for (int k = 0; k < n; k++) {
                    for (int l = k; l < n; l++) {
                        double aRe = s.qRe[i * n + k] * s.tRe[k * n + l] - s.qIm[i * n + k] * s.tIm[k * n + l];
                        double aIm = s.qRe[i * n + k] * s.tIm[k * n + l] + s.qIm[i * n + k] * s.tRe[k * n + l];
                        // times conj(Q_jl)
                        tre += aRe * s.qRe[j * n + l] + aIm * s.qIm[j * n + l];
                        tim += aIm * s.qRe[j * n + l] - aRe * s.qIm[j * n + l];
                    }
                }
                qq[0] = h.getReal(i, j) + 0.5 * decay.getImag(i, j);
                qq[1] = h.getImag(i, j) - 0.5 * decay.getReal(i, j);
                assertTrue(Math.hypot(tre - qq[0], tim - qq[1]) < 1e-12, "Q T Q† differs from H_eff at " + i + ","
                        + j);
            }
        }
    }
}
