package qtm.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import qtm.model.Approach;
import qtm.model.Bath;
import qtm.model.FluxModel;

/**
 * Issue 29's mixed conditional states: every recorder the diffusive engine uses writes, for ρ = |ψ⟩⟨ψ|, exactly what
 * it writes for ψ (to 1e-12 on random states), and on mixed states the known closed forms: Wootters' concurrence of a
 * Werner state p|Φ⁺⟩⟨Φ⁺| + (1 − p)I/4 is max(0, (3p − 1)/2) and its negativity max(0, (3p − 1)/4), both written here
 * from the formula and not from the code under test.
 */
class MixedRecordersTest {
    private static final double TOL = 1e-12;

    /** ρ = |ψ⟩⟨ψ| row-major, from amplitudes, written in the test: ρ_ij = ψ_i ψ_j*. */
    private static double[][] projector(double[] re, double[] im) {
        int d = re.length;
        double[] r = new double[d * d];
        double[] i = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                r[a * d + b] = re[a] * re[b] + im[a] * im[b];
                i[a * d + b] = im[a] * re[b] - re[a] * im[b];
            }
        }
        return new double[][] {r, i};
    }

    private static double[][] randomKet(Random rng, int d) {
        double[] re = new double[d];
        double[] im = new double[d];
        double n = 0;
        for (int a = 0; a < d; a++) {
            re[a] = rng.nextGaussian();
            im[a] = rng.nextGaussian();
            n += re[a] * re[a] + im[a] * im[a];
        }
        for (int a = 0; a < d; a++) {
            re[a] /= Math.sqrt(n);
            im[a] /= Math.sqrt(n);
        }
        return new double[][] {re, im};
    }

    /** Both paths of one recorder on the same pure state, compared slot by slot. */
    private static void samePureAndMixed(StateQuantity q, int d, long seed) {
        Random rng = new Random(seed);
        int width = q.slots().size();
        for (int trial = 0; trial < 20; trial++) {
            double[][] psi = randomKet(rng, d);
            double[][] rho = projector(psi[0], psi[1]);
            double[] a = new double[width + 3];
            double[] b = new double[width + 3];
            q.recorder().state(0, psi[0], psi[1], a, 3);
            q.recorder().mixed(0, rho[0], rho[1], b, 3);
            for (int s = 0; s < width; s++) {
                assertEquals(a[3 + s], b[3 + s], TOL, q.name() + " slot " + q.slots().get(s));
            }
        }
    }

    @Test
    void aPureStateGivesThePureNumbers() {
        samePureAndMixed(new RhoElements(), 4, 1);
        samePureAndMixed(new RhoElements(new SiteObservables(List.of("c", "h"), new int[] {2, 3})), 6, 2);
        samePureAndMixed(new PureConcurrence(), 4, 3);
        FluxModel local = new FluxModel(1.0, 0.05, new Bath(0.2, 0.05), new Bath(1.0, 0.02));
        samePureAndMixed(new HeatFormula(local), 4, 4);
        samePureAndMixed(new HeatFormula(local.withApproach(Approach.GLOBAL, 0)), 4, 5);
        samePureAndMixed(new ConditionalNegativity(new SiteObservables(List.of("c", "h"), new int[] {2, 2})), 4, 6);
        org.ejml.data.ZMatrixRMaj target = new org.ejml.data.ZMatrixRMaj(6, 1);
        double[][] t = randomKet(new Random(8), 6);
        for (int i = 0; i < 6; i++) {
            target.set(i, 0, t[0][i], t[1][i]);
        }
        samePureAndMixed(new Fidelity(target), 6, 9);
        samePureAndMixed(new ConditionalNegativity(new SiteObservables(List.of("c", "m", "h"),
                new int[] {2, 3, 2})), 12, 7);
    }

    /** p|Φ⁺⟩⟨Φ⁺| + (1 − p)I/4, Φ⁺ = (|00⟩ + |11⟩)/√2. */
    private static double[][] werner(double p) {
        double[] re = new double[16];
        double[] im = new double[16];
        for (int a : new int[] {0, 3}) {
            for (int b : new int[] {0, 3}) {
                re[a * 4 + b] += p / 2;
            }
        }
        for (int a = 0; a < 4; a++) {
            re[a * 5] += (1 - p) / 4;
        }
        return new double[][] {re, im};
    }

    @Test
    void wernerStatesHaveTheirClosedForms() {
        ConditionalNegativity negativity = new ConditionalNegativity(
                new SiteObservables(List.of("c", "h"), new int[] {2, 2}));
        for (double p : new double[] {0, 0.2, 1.0 / 3, 0.5, 0.8, 1}) {
            double[][] w = werner(p);
            double[] out = new double[1];
            new PureConcurrence().recorder().mixed(0, w[0], w[1], out, 0);
            assertEquals(Math.max(0, (3 * p - 1) / 2), out[0], 1e-10, "concurrence at p = " + p);
            negativity.recorder().mixed(0, w[0], w[1], out, 0);
            assertEquals(Math.max(0, (3 * p - 1) / 4), out[0], 1e-10, "negativity at p = " + p);
        }
    }

    @Test
    void ρCoordinatesAreTheMatrixEntries() {
        double[][] w = werner(0.6);
        // A coherence with an imaginary part, so that the sign of Im ρ_ij is held too.
        w[0][1] = 0.03;
        w[0][4] = 0.03;
        w[1][1] = 0.02;
        w[1][4] = -0.02;
        double[] out = new double[16];
        new RhoElements().recorder().mixed(0, w[0], w[1], out, 0);
        assertEquals(0.3 + 0.1, out[0], TOL);
        assertEquals(0.1, out[1], TOL);
        // Slots 4, 5: Re and Im ρ_00,01.
        assertEquals(0.03, out[4], TOL);
        assertEquals(0.02, out[5], TOL);
        // Slots 8, 9: Re and Im ρ_00,11.
        assertEquals(0.3, out[8], TOL);
        assertEquals(0, out[9], TOL);
        assertTrue(out[10] == 0 && out[11] == 0, "ρ_01,10 of a Werner state is 0");
    }
}
