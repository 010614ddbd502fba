package qtm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void mergedHalvesEqualOneRun() {
        RunningSums whole = new RunningSums(2);
        RunningSums a = new RunningSums(2);
        RunningSums b = new RunningSums(2);
        for (int i = 0; i < 10; i++) {
            RunningSums half = i < 4 ? a : b;
            for (RunningSums s : new RunningSums[] {whole, half}) {
                s.add(0, i);
                s.add(1, i * i);
                s.endSample();
            }
        }
        a.merge(b);
        assertEquals(whole.count(), a.count());
        for (int k = 0; k < 2; k++) {
            assertEquals(whole.mean(k), a.mean(k));
            assertEquals(whole.standardError(k), a.standardError(k));
        }
        // 0..9: mean 4.5, sample variance 55/6, SE sqrt(55/6/10)
        assertEquals(4.5, whole.mean(0), 1e-15);
        assertEquals(Math.sqrt(55.0 / 6 / 10), whole.standardError(0), 1e-15);
    }

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
        Covariance c = new Covariance(2);
        // the two coordinates always sum to 1, like populations: the covariance has rank 1
        double[][] samples = {{0.2, 0.8}, {0.6, 0.4}, {0.1, 0.9}, {0.5, 0.5}};
        for (double[] s : samples) {
            c.add(s);
        }
        Verdict v = Convergence.test(new double[0], new double[0], new double[0], new double[0], c.mean(),
                c.covarianceOfMean(), new double[] {0.35, 0.65});
        assertEquals(1, v.dof());
    }
}
