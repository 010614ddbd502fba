package qtm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The null-variance z-test against sums written out by hand: for an indicator it is the exact two-sided mid-p
 * binomial test, P(beyond) + ½P(at) summed term by term here from log-factorials; far from rare it is the normal z
 * with the exact variance.
 */
class ScoreTestTest {
    /** P(X = k) for X ~ Binomial(n, p), from log-factorials. */
    private static double pmf(int n, int k, double p) {
        double log = 0;
        for (int i = 1; i <= n; i++) {
            log += Math.log(i);
        }
        for (int i = 1; i <= k; i++) {
            log -= Math.log(i);
        }
        for (int i = 1; i <= n - k; i++) {
            log -= Math.log(i);
        }
        return Math.exp(log + k * Math.log(p) + (n - k) * Math.log1p(-p));
    }

    @Test
    void anIndicatorSeenTooRarelyGetsTheBinomialLowerMidP() {
        // 2 of 100 seen where 5 % are expected: mid-p = P(X < 2) + ½P(X = 2).
        double tail = pmf(100, 0, 0.05) + pmf(100, 1, 0.05) + 0.5 * pmf(100, 2, 0.05);
        ScoreTest.Z z = ScoreTest.of(100, 0.02, 0.05, 0.05, 0);
        assertEquals(2 * tail, z.p(), 1e-12);
        assertTrue(z.z() < 0, "below the exact value: z negative");
        assertEquals(tail, new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z.z()),
                1e-12, "z is Φ⁻¹ of the one-sided tail");
    }

    @Test
    void anIndicatorSeenTooOftenGetsTheBinomialUpperMidP() {
        // 11 of 100 where 5 % are expected: mid-p = P(X > 11) + ½P(X = 11).
        double tail = 0.5 * pmf(100, 11, 0.05);
        for (int k = 12; k <= 100; k++) {
            tail += pmf(100, k, 0.05);
        }
        ScoreTest.Z z = ScoreTest.of(100, 0.11, 0.05, 0.05, 0);
        assertEquals(2 * tail, z.p(), 1e-12);
        assertTrue(z.z() > 0);
    }

    @Test
    void wellVisitedValuesGetTheNormalZWithTheNullVariance() {
        // Mean 0.6 with second moment 0.4: the chance of a visit 0.9 is past ½, so z = (x̄ − μ)/√((m − μ²)/n).
        ScoreTest.Z z = ScoreTest.of(400, 0.63, 0.6, 0.4, 0);
        assertEquals(0.03 / Math.sqrt((0.4 - 0.36) / 400), z.z(), 1e-12);
    }

    @Test
    void aNegativeMeanIsTheMirrorImage() {
        ScoreTest.Z up = ScoreTest.of(100, 0.11, 0.05, 0.05, 0);
        ScoreTest.Z down = ScoreTest.of(100, -0.11, -0.05, 0.05, 0);
        assertEquals(-up.z(), down.z(), 0);
        assertEquals(up.p(), down.p(), 0);
    }

    @Test
    void theLargestQuantumMakesTheTailOfRareLargeEventsHeavier() {
        // Heat of quanta 1 and 21 with mean 0.05 and second moment 0.1: matched visits of size 2 would be common;
        // at size 21 they are rare, and the same excess is less surprising.
        ScoreTest.Z matched = ScoreTest.of(1000, 0.08, 0.05, 0.1, 0);
        ScoreTest.Z sized = ScoreTest.of(1000, 0.08, 0.05, 0.1, 0, 21);
        assertTrue(sized.p() > matched.p(), sized + " vs " + matched);
    }
}
