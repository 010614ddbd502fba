package qtm.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * z-tests of a mean of n independent values against its exact value, with the variance taken under the null
 * hypothesis rather than from the sample.
 *
 * <p>Why: where the values are rare-event-like (a population visited by a few percent of the trajectories, a count of
 * jumps that are still rare), the sample variance moves with the sample mean. When the mean falls low by chance the
 * plug-in SE shrinks with it and the Wald z explodes; when it rises, the normal tail understates how often a skewed
 * sum lands there. Both make a correct engine look wrong.
 *
 * <p>The test {@link #of} matches the per-value distribution under the null to a two-point one, 0 or r, with the same
 * mean μ₀ and second moment m₀: r = m₀/μ₀ is the size of one visit and π = μ₀²/m₀ the chance of a visit. The sum of
 * n values is then r times a Binomial(n, π) count, and the observed sum n·x̄ is x = n·x̄/r visits. For an indicator
 * (r = 1) this is the exact binomial test; for counts with the exact mean and variance it is exact in the first two
 * moments and has a tail at least as heavy as the truth where the count can run both ways. The tail is the mid-p
 * value, P(X beyond x) + ½P(X = x), continued to non-integer x through the regularised incomplete Beta function, so
 * that the p-values are uniform on average and not piled at 1 by discreteness. Where a visit is not rare (π &gt; ½)
 * the sum is close to normal and the z uses the null variance m₀ − μ₀² directly.
 */
public final class ScoreTest {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** Expected visits beyond which the binomial's skewness (1/√λ ≤ 0.003) is no longer worth its tail. */
    static final double NORMAL_VISITS = 1e5;

    private ScoreTest() {
    }

    /**
     * A signed z and its two-sided p-value.
     *
     * @param z signed: negative when the estimate lies below the exact value
     * @param p two-sided p-value, min(1, 2 × the one-sided tail)
     */
    public record Z(double z, double p) {
    }

    /**
     * @param diff estimate − exact
     * @param se the standard error under the null hypothesis
     * @return z = diff/se against the normal distribution (0 when both are 0)
     */
    public static Z normal(double diff, double se) {
        if (diff == 0) {
            return new Z(0, 1);
        }
        double z = diff / se;
        return new Z(z, Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(z))));
    }

    /**
     * @param n number of values
     * @param mean their mean x̄
     * @param mean0 the exact mean μ₀
     * @param second0 the exact second moment m₀ = E x² ≥ μ₀² (for a negative μ₀ the values' sign is turned)
     * @param floor the smallest SE used on the normal branch (the resolution of the mean; 0 for none)
     * @return the signed z and its two-sided p-value
     */
    public static Z of(long n, double mean, double mean0, double second0, double floor) {
        return of(n, mean, mean0, second0, floor, 0);
    }

    /**
     * As {@link #of(long, double, double, double, double)}, for values made of events of different sizes: a visit
     * is at least one event of the largest size, r ≥ quantum. Where events of several sizes mix (heat carried by
     * quanta E and E + U) the moment-matched r lies between them and the two-point law would make the rare large
     * events too common and their tail too light; at the largest size the tail is at least as heavy as the truth.
     *
     * @param n number of values
     * @param mean their mean x̄
     * @param mean0 the exact mean μ₀
     * @param second0 the exact second moment
     * @param floor the smallest SE on the normal branch
     * @param quantum the size of the largest single event (0 when it is not known)
     * @return the signed z and its two-sided p-value
     */
    public static Z of(long n, double mean, double mean0, double second0, double floor, double quantum) {
        double var0 = second0 - mean0 * mean0;
        if (mean0 < 0) {
            Z z = of(n, -mean, -mean0, second0, floor, quantum);
            return new Z(-z.z(), z.p());
        }
        double pi = mean0 > 0 && var0 > 0 ? mean0 * mean0 / second0 : 0;
        if (!(pi > 0) || pi > 0.5) {
            return normal(mean - mean0, Math.max(Math.sqrt(Math.max(0, var0) / n), floor));
        }
        double r = Math.max(second0 / mean0, quantum);
        pi = mean0 / r;
        double lambda = n * pi;
        Z normal = normal(mean - mean0, Math.max(Math.sqrt(Math.max(0, r * mean0 - mean0 * mean0) / n), floor));
        if (lambda > NORMAL_VISITS) {
            return normal;
        }
        double x = Math.min(n, Math.max(0, n * mean / r));
        boolean below = x < lambda;
        double tail;
        try {
            tail = Math.min(0.5, below ? lowerMid(x, n, pi) : upperMid(x, n, pi));
        } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
            // The continued fraction of the incomplete Beta function can fail far out in a tail: take the normal.
            return normal;
        }
        if (Double.isNaN(tail)) {
            return normal;
        }
        double z = -NORMAL.inverseCumulativeProbability(tail);
        if (Double.isNaN(z)) {
            z = Double.POSITIVE_INFINITY;
        }
        return new Z(below ? -z : z, Math.min(1, 2 * tail));
    }

    /** ½[P(X ≤ x − 1) + P(X ≤ x)] for X ~ Binomial(n, π), continued to real x. */
    static double lowerMid(double x, long n, double pi) {
        return 0.5 * (atMost(x - 1, n, pi) + atMost(x, n, pi));
    }

    /** ½[P(X ≥ x) + P(X ≥ x + 1)] for X ~ Binomial(n, π), continued to real x. */
    static double upperMid(double x, long n, double pi) {
        return 0.5 * (atLeast(x, n, pi) + atLeast(x + 1, n, pi));
    }

    /** P(X ≤ y) = I_{1−π}(n − y, y + 1). */
    static double atMost(double y, long n, double pi) {
        if (y <= -1) {
            return 0;
        }
        if (y >= n) {
            return 1;
        }
        return Beta.regularizedBeta(1 - pi, n - y, y + 1);
    }

    /** P(X ≥ y) = I_π(y, n − y + 1). */
    static double atLeast(double y, long n, double pi) {
        if (y <= 0) {
            return 1;
        }
        if (y >= n + 1) {
            return 0;
        }
        return Beta.regularizedBeta(pi, y, n - y + 1);
    }
}
