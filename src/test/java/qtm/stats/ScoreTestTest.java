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

    /**
     * Poisson(0.9) values, n = 100: the sum is Poisson(90). Matched to the second moment alone, the two-point law is
     * the least skewed of its family and its upper tail too light (found in review: 4× the nominal size at 1e-5);
     * matched to the third moment it is at least as heavy as the exact one, here summed term by term.
     */
    @Test
    void theThirdMomentKeepsTheUpperTailAtLeastAsHeavyAsTheTruth() {
        double mu = 0.9;
        double m2 = mu + mu * mu;
        double m3 = mu + 3 * mu * mu + mu * mu * mu;
        int observed = 135;
        double exact = 0;
        for (int s = observed; s < 400; s++) {
            double log = -90 + s * Math.log(90);
            for (int i = 2; i <= s; i++) {
                log -= Math.log(i);
            }
            exact += (s == observed ? 0.5 : 1) * Math.exp(log);
        }
        double light = ScoreTest.of(100, observed / 100.0, mu, m2, 0).p() / 2;
        double matched = ScoreTest.of(100, observed / 100.0, mu, m2, m3, 0).p() / 2;
        assertTrue(light < exact, "second moment alone is too light: " + light + " vs exact " + exact);
        assertTrue(matched >= exact, "third moment matched: " + matched + " vs exact " + exact);
        assertTrue(matched < 100 * exact, "and not absurdly heavy: " + matched + " vs exact " + exact);
    }

    @Test
    void aNaNEstimateIsANaNTestAndFailsTheVerdict() {
        assertTrue(Double.isNaN(ScoreTest.of(100, Double.NaN, 0.05, 0.05, 0).p()));
        ZTests z = new ZTests();
        z.normal("p00", 1, 0.5);
        z.add("count_cold", 2, Double.NaN, Double.NaN);
        assertEquals(0, z.bonferroni(), 0, "a test that could not be computed fails");
        assertEquals("count_cold", z.worst().element());
    }

    @Test
    void aSignedCountIsJudgedBothWays() {
        // Review: near a zero mean the visit model saw nothing below. The skewed normal sees 5 SE either way.
        double var = 10;
        long n = 40_000;
        double se = Math.sqrt(var / n);
        ScoreTest.Z up = ScoreTest.skewed(n, 1e-3 + 5 * se, 1e-3, var, 0.1, 0);
        ScoreTest.Z down = ScoreTest.skewed(n, 1e-3 - 5 * se, 1e-3, var, 0.1, 0);
        assertTrue(up.p() < 1e-5 && down.p() < 1e-5, up + " " + down);
        assertTrue(up.z() > 0 && down.z() < 0);
    }
}
