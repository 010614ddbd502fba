package qtm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void jackknifeOfTheMeanIsTheBatchMeansStandardError() {
        int batches = 8;
        double[][] sums = new double[batches][1];
        long[] counts = new long[batches];
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            means[b] = Math.sin(b + 1.0);
            counts[b] = 5;
            sums[b][0] = 5 * means[b];
        }
        Estimate e = Jackknife.of(sums, counts, v -> v[0]);
        double m = 0;
        for (double x : means) {
            m += x / batches;
        }
        double ss = 0;
        for (double x : means) {
            ss += (x - m) * (x - m);
        }
        assertEquals(m, e.mean(), 1e-15);
        assertEquals(Math.sqrt(ss / (batches - 1) / batches), e.se(), 1e-14);
    }

    @Test
    void theWorstTestIsNamedWithItsBonferroniPValue() {
        ZTests z = new ZTests();
        z.normal("p00", 1.0, 1.5);
        z.normal("p11", 2050.0, -3.0);
        z.add("count_cold_var", 3.0, 3.5, 0.01);
        Verdict bad = Convergence.test(z, new double[] {0.5}, new double[][] {{1e-4}}, new double[] {0.4}, 1000);
        assertEquals(3, bad.tests());
        assertEquals(3.5, bad.maxAbsZ(), 1e-12);
        // The worst is the smallest p: the normal tail of |z| = 3 (0.0027) beats the t-like 0.01 of |z| = 3.5.
        assertEquals("p11", bad.worst().element());
        assertEquals(2050.0, bad.worst().t(), 0);
        assertEquals(-3.0, bad.worst().z(), 0);
        assertEquals(3 * 0.0026997960632601866, bad.worst().pValue(), 1e-15);
        assertEquals(bad.worst().pValue(), bad.maxZPValue(), 0);
        assertEquals(100, bad.chiSquare(), 1e-6);
        assertFalse(bad.converged());
        assertNull(new ZTests().worst(), "nothing judged names nothing");
    }

    @Test
    void chiSquareIgnoresDirectionsThatNeverVary() {
        // The two coordinates always sum to 1, like populations, so the covariance has rank 1. Samples
        // {0.2, 0.6, 0.1, 0.5} (and one minus each): Σ(x − 0.35)² = 0.17, s² = 0.17/3, covariance of the mean s²/4.
        double v0 = 0.17 / 3 / 4;
        double[][] covariance = {{v0, -v0}, {-v0, v0}};
        Verdict v = Convergence.test(new ZTests(), new double[] {0.35, 0.65}, covariance,
                new double[] {0.35, 0.65}, 4);
        assertEquals(1, v.dof());
    }
}
