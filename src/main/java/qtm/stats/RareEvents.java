package qtm.stats;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.special.Gamma;

/**
 * The one rule for estimates whose error rests on rare events: a population seen in a handful of trajectories, a
 * jump count of a bin where jumps are still rare, and the concurrence of ρ̄, which contains √(p₀₀p₁₁).
 *
 * <p>An event is rare when fewer than {@link #COUNT} occurrences are expected among all trajectories. With the exact
 * probability known (the verdict) that is a plain comparison. From the data alone the expected count is itself
 * uncertain, so it is called rare only when the observed count x is 2σ below 20: x + 2 + 2√(x + 1) &lt; 20, the upper end
 * of the Wilson (z = 2) interval of a small proportion, which holds for x ≤ 10. A population with 20 expected visits is
 * then called rare in about 1 % of runs, and one with 1 expected visit practically always.
 */
public final class RareEvents {
    /** Fewer expected occurrences than this make an event rare. */
    public static final double COUNT = 20;
    /** z of the interval that decides from data whether an event is rare. */
    private static final double Z = 2;

    private RareEvents() {
    }

    /**
     * @param p exact probability of the event per trajectory
     * @param n trajectories
     * @return whether fewer than {@link #COUNT} trajectories are expected on its rarer side
     */
    public static boolean rareExpected(double p, long n) {
        double q = Math.min(1, Math.max(0, p));
        return n * Math.min(q, 1 - q) < COUNT;
    }

    /**
     * @param count occurrences observed (may be fractional: a population is a sum of |ψ_i|²)
     * @return whether even the upper end of its 2σ interval, x + z²/2 + z√(x + z²/4), is below {@link #COUNT}
     */
    public static boolean rareCount(double count) {
        double x = Math.max(0, count);
        return x + Z * Z / 2 + Z * Math.sqrt(x + Z * Z / 4) < COUNT;
    }

    /**
     * @param mean observed proportion p̂
     * @param n trajectories
     * @return whether its rarer side, n·min(p̂, 1 − p̂), is a rare count ({@link #rareCount(double)})
     */
    public static boolean rareObserved(double mean, long n) {
        double q = Math.min(1, Math.max(0, mean));
        return rareCount(n * Math.min(q, 1 - q));
    }

    /**
     * The root-mean-square error of √p̂ as an estimate of √p, under the Jeffreys posterior Beta(x + ½, n − x + ½) of p
     * given x = n·p̂ occurrences: E(√p − √p̂)² = E p − 2√p̂ E√p + p̂. For many occurrences it is the delta-method
     * SE √((1 − p)/4n); for none it is √(1/(2n)), not 0. It contains the bias of the concave √ as well as its noise,
     * which is what an interval around a plug-in √p̂ has to cover.
     *
     * @param mean observed proportion p̂ in [0, 1]
     * @param n trajectories, ≥ 1
     * @return the RMS error of √p̂
     */
    public static double sqrtRmsError(double mean, long n) {
        double p = Math.min(1, Math.max(0, mean));
        double a = n * p + 0.5;
        double b = n * (1 - p) + 0.5;
        double meanP = a / (a + b);
        double meanSqrt = Math.exp(Gamma.logGamma(a + 0.5) - Gamma.logGamma(a) + Gamma.logGamma(a + b)
                - Gamma.logGamma(a + b + 0.5));
        return Math.sqrt(Math.max(0, meanP - 2 * Math.sqrt(p) * meanSqrt + p));
    }

    /**
     * A statistic of a mean vector whose error rests partly on rare populations, such as the concurrence of ρ̄, with
     * its delete-one-batch jackknife SE made honest where populations are rare. The jackknife cannot see a population
     * that no batch, or one batch, has visited, and the plug-in √p̂ is biased low there. So each population seen fewer
     * than {@link #COUNT} times on its rarer side is held at its mean in the jackknife, and its own share of the error
     * is taken instead from its posterior: the statistic is re-evaluated with √p̂ moved by its RMS error
     * {@link #sqrtRmsError(double, long)} towards the middle, p' = (√p̂ + r)², and the change δ enters the variance,
     * SE² = SE²_jackknife(others) + Σ δ². The result is unreliable when the populations that are rare by
     * {@link #rareObserved(double, long)} carry more than {@link #RARE_SHARE} of that variance: its error bar then
     * rests on a handful of events.
     *
     * @param batchSums per batch, the sums of the vector over that batch's samples
     * @param batchCounts per batch, its number of samples
     * @param populations indices in the vector that are probabilities
     * @param statistic the function of the mean vector
     * @return the statistic of the full mean with the SE above and the reliability flag
     */
    public static Flagged floor(double[][] batchSums, long[] batchCounts, int[] populations,
            ToDoubleFunction<double[]> statistic) {
        int d = batchSums.length == 0 ? 0 : batchSums[0].length;
        double[] mean = new double[d];
        long n = 0;
        for (int b = 0; b < batchSums.length; b++) {
            n += batchCounts[b];
            for (int i = 0; i < d; i++) {
                mean[i] += batchSums[b][i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= n;
        }
        boolean[] held = new boolean[d];
        for (int i : populations) {
            double p = Math.min(1, Math.max(0, mean[i]));
            held[i] = n * Math.min(p, 1 - p) < COUNT;
        }
        Estimate jack = Jackknife.of(batchSums, batchCounts, v -> {
            double[] w = v.clone();
            for (int i = 0; i < d; i++) {
                if (held[i]) {
                    w[i] = mean[i];
                }
            }
            return statistic.applyAsDouble(w);
        });
        double floor = 0;
        double rare = 0;
        for (int i : populations) {
            if (!held[i]) {
                continue;
            }
            double p = Math.min(1, Math.max(0, mean[i]));
            double[] moved = mean.clone();
            if (p <= 0.5) {
                double r = Math.sqrt(p) + sqrtRmsError(p, n);
                moved[i] = r * r;
            } else {
                double r = Math.sqrt(1 - p) + sqrtRmsError(1 - p, n);
                moved[i] = 1 - r * r;
            }
            double dev = statistic.applyAsDouble(moved) - jack.mean();
            floor += dev * dev;
            if (rareObserved(p, n)) {
                rare += dev * dev;
            }
        }
        if (Double.isNaN(jack.se())) {
            return new Flagged(jack.mean(), Double.NaN, false);
        }
        double total = jack.se() * jack.se() + floor;
        return new Flagged(jack.mean(), Math.sqrt(total), rare <= RARE_SHARE * total);
    }

    /** The share of the variance that rare populations may carry before an estimate is called unreliable. */
    public static final double RARE_SHARE = 0.1;

    /**
     * An estimate with a flag telling whether its error bar can be trusted.
     *
     * @param mean the estimate
     * @param se its standard error (NaN if unknown)
     * @param reliable false when the error bar rests on rare events
     */
    public record Flagged(double mean, double se, boolean reliable) {
        /** @return mean and SE without the flag */
        public Estimate estimate() {
            return new Estimate(mean, se);
        }
    }
}
