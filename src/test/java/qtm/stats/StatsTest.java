package qtm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void floorKeepsAnUnvisitedRareElementFromFailing() {
        // exact 1e-5 never seen in 1000 samples: SE 0, but the floor 1/N makes z = 0.01
        Verdict v = Convergence.test(new double[] {0}, new double[] {0}, new double[] {1e-5}, new double[] {1e-3},
                new double[] {0}, new double[][] {{0}}, new double[] {0});
        assertTrue(v.converged(), v.toString());
        Verdict bad = Convergence.test(new double[] {0.5}, new double[] {0.01}, new double[] {0.4},
                new double[] {1e-3}, new double[] {0.5}, new double[][] {{1e-4}}, new double[] {0.4});
        assertEquals(10, bad.maxAbsZ(), 1e-9);
        assertEquals(100, bad.chiSquare(), 1e-6);
        assertFalse(bad.converged());
    }

    @Test
    void chiSquareIgnoresDirectionsThatNeverVary() {
        // The two coordinates always sum to 1, like populations, so the covariance has rank 1. Samples
        // {0.2, 0.6, 0.1, 0.5} (and one minus each): Σ(x − 0.35)² = 0.17, s² = 0.17/3, covariance of the mean s²/4.
        double v0 = 0.17 / 3 / 4;
        double[][] covariance = {{v0, -v0}, {-v0, v0}};
        Verdict v = Convergence.test(new double[0], new double[0], new double[0], new double[0],
                new double[] {0.35, 0.65}, covariance, new double[] {0.35, 0.65});
        assertEquals(1, v.dof());
    }
}
