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
 * <p>{@link #of} is for values of one sign (a population, a squared deviation, the count of a bath that quanta only
 * enter): it matches them under the null to a two-point law, 0 or r, a "visit" of size r with chance π = μ₀/r. The sum
 * of n values is r times a Binomial(n, π) count, the observed sum n·x̄ is x = n·x̄/r visits, and its tail is the
 * mid-p value, P(X beyond x) + ½P(X = x), continued to non-integer x through the regularised incomplete Beta
 * function, so that the p-values are uniform on average and not piled at 1 by discreteness. For an indicator (r = 1)
 * this is the exact binomial test. Matching the second moment, r = m₂/μ₀, gives the two-point law the smallest third
 * moment of all non-negative laws with those two moments (Cauchy–Schwarz): its upper tail would be too light. So r is
 * matched to the third moment, r = √(m₃/μ₀), wherever m₃ is known (or bounded, as m₃ ≤ m₂ for values in [0, 1]):
 * the skewness is then exact and the variance μ₀r − μ₀² at least the true one. Where a visit is not rare (π &gt; ½)
 * the sum is close to normal and the z uses the exact null variance.
 *
 * <p>{@link #skewed} is for values of either sign (a net count, a heat that flows both ways): a normal z with the
 * exact variance, turned into a normal quantile by the first Cornish–Fisher term of the exact third cumulant.
 */
public final class ScoreTest {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** Expected visits beyond which the binomial's skewness (1/√λ ≤ 0.003) is no longer worth its tail. */
    static final double NORMAL_VISITS = 1e5;
    /** A null variance below this fraction of the second moment is rounding: the values are deterministic. */
    private static final double DEGENERATE = 1e-12;

    private ScoreTest() {
    }

    /**
     * A signed z and its two-sided p-value.
     *
     * @param z signed: negative when the estimate lies below the exact value
     * @param p two-sided p-value, min(1, 2 × the one-sided tail); NaN when the estimate is NaN
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
     * The test of a mean of values of one sign, matched to the second moment only.
     *
     * @param n number of values
     * @param mean their mean x̄
     * @param mean0 the exact mean μ₀
     * @param second0 the exact second moment m₀ = E x² ≥ μ₀²
     * @param floor the smallest SE used on the normal branch (the resolution of the mean; 0 for none)
     * @return the signed z and its two-sided p-value
     */
    public static Z of(long n, double mean, double mean0, double second0, double floor) {
        return of(n, mean, mean0, second0, Double.NaN, floor);
    }

    /**
     * The test of a mean of values of one sign (the sign of μ₀: for a negative μ₀ the values are turned).
     *
     * @param n number of values
     * @param mean their mean x̄
     * @param mean0 the exact mean μ₀
     * @param second0 the exact second moment E x²
     * @param third0 the exact third moment E |x|³, or an upper bound of it (NaN: unknown, the second moment alone)
     * @param floor the smallest SE on the normal branch
     * @return the signed z and its two-sided p-value (NaN when the mean is NaN)
     */
    public static Z of(long n, double mean, double mean0, double second0, double third0, double floor) {
        if (Double.isNaN(mean)) {
            return new Z(Double.NaN, Double.NaN);
        }
        if (mean0 < 0) {
            Z z = of(n, -mean, -mean0, second0, third0, floor);
            return new Z(-z.z(), z.p());
        }
        double var0 = second0 - mean0 * mean0;
        if (!(var0 > DEGENERATE * second0)) {
            return degenerate(mean - mean0, mean0, floor);
        }
        if (mean0 * mean0 / second0 > 0.5) {
            return normal(mean - mean0, Math.max(Math.sqrt(var0 / n), floor));
        }
        double r = second0 / mean0;
        if (third0 > 0) {
            r = Math.max(r, Math.sqrt(third0 / mean0));
        }
        double pi = mean0 / r;
        double lambda = n * pi;
        Z normal = normal(mean - mean0, Math.max(Math.sqrt(Math.max(var0, r * mean0 - mean0 * mean0) / n), floor));
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

    /**
     * The test of a mean of values of either sign: z = (x̄ − μ₀)/√(σ₀²/n), mapped to the normal quantile u that the
     * first Cornish–Fisher term puts there, z = u + (γ/6)(u² − 1), with γ = κ₃/(σ₀³√n) the skewness of the mean.
     * Beyond the turning point of that parabola (far out in the light tail) u is taken at the turning point, −3/γ.
     *
     * @param n number of values
     * @param mean their mean x̄
     * @param mean0 the exact mean μ₀
     * @param var0 the exact variance σ₀²
     * @param central3 the exact third central moment κ₃ (NaN or 0: no correction)
     * @param floor the smallest SE
     * @return the signed z and its two-sided p-value (NaN when the mean is NaN)
     */
    public static Z skewed(long n, double mean, double mean0, double var0, double central3, double floor) {
        if (Double.isNaN(mean)) {
            return new Z(Double.NaN, Double.NaN);
        }
        if (!(var0 > DEGENERATE * (var0 + mean0 * mean0))) {
            return degenerate(mean - mean0, mean0, floor);
        }
        double se = Math.max(Math.sqrt(var0 / n), floor);
        double z = (mean - mean0) / se;
        double a = central3 / Math.pow(var0, 1.5) / Math.sqrt(n) / 6;
        if (!(Math.abs(a) > 1e-9) || Double.isInfinite(z)) {
            return normal(mean - mean0, se);
        }
        double disc = 1 + 4 * a * (a + z);
        double u = disc < 0 ? -1 / (2 * a) : (-1 + Math.sqrt(disc)) / (2 * a);
        return new Z(u, Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(u))));
    }

    /** Values with no variance: any difference beyond rounding (or the floor) is a certain rejection. */
    private static Z degenerate(double diff, double mean0, double floor) {
        if (floor > 0) {
            return normal(diff, floor);
        }
        if (Math.abs(diff) <= 1e-12 * Math.max(1, Math.abs(mean0))) {
            return new Z(0, 1);
        }
        return new Z(Math.copySign(Double.POSITIVE_INFINITY, diff), 0);
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
