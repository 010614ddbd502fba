package qtm.exact;

import java.util.function.DoubleFunction;
import java.util.stream.IntStream;
import qtm.exact.CountingStatistics.Distribution;

/**
 * The one inversion of a count's generating function into its distribution, shared by the master equation's
 * {@link CountingStatistics} and the collision model's {@link CollisionCounting} so that both choose their window of
 * n and sample p(φ) alike: the window is mean ± 12 standard deviations ± 32 (clipped to the count's bound where it
 * has one), p is sampled at φ_q = 2πq/M, and P(n) = (1/M) Σ_q p(φ_q) e^{−inφ_q} ({@link Distribution#invert}).
 */
final class FourierInversion {
    /** The bound of a count that has none (the master equation's: any number of jumps fits in a time). */
    static final long UNBOUNDED = Long.MAX_VALUE;

    private FourierInversion() {
    }

    /**
     * The values of n a distribution is computed over.
     *
     * @param moments E[X] and E[X²]
     * @param bound the largest |n| the count can reach, or {@link #UNBOUNDED}
     * @param when where the count is taken, for the message ("at t = 3.0", "after 7 steps")
     * @return {first, last}
     * @throws IllegalArgumentException if the window holds more than {@link CountingStatistics#MAX_VALUES} values
     */
    static long[] window(double[] moments, long bound, String when) {
        double sd = Math.sqrt(Math.max(0, moments[1] - moments[0] * moments[0]));
        long lo = (long) Math.floor(moments[0] - 12 * sd) - 32;
        long hi = (long) Math.ceil(moments[0] + 12 * sd) + 32;
        if (bound != UNBOUNDED) {
            lo = Math.max(-bound, lo);
            hi = Math.min(bound, hi);
        }
        if (hi - lo + 1 > CountingStatistics.MAX_VALUES) {
            throw new IllegalArgumentException("the count spreads over more than " + CountingStatistics.MAX_VALUES
                    + " values " + when + " (mean " + moments[0] + ", sd " + sd + ")");
        }
        return new long[] {lo, hi};
    }

    /**
     * Samples p(φ) at φ_q = 2πq/M, q = 0 … M − 1, and inverts.
     *
     * @param first the smallest n
     * @param size M, the number of samples and of values of n
     * @param conjugate whether p(−φ) is taken as the conjugate of p(φ) (−φ_q is φ_{M−q}), which halves the samples
     *     where each costs matrix powers; where it is false every φ_q is sampled as it is
     * @param p the generating function: {Re p(φ), Im p(φ)}
     * @return the distribution from n = first on
     */
    static Distribution invert(long first, int size, boolean conjugate, DoubleFunction<double[]> p) {
        return invert(first, size, conjugate, p, false);
    }

    /**
     * As {@link #invert(long, int, boolean, DoubleFunction)}, sampling in parallel where {@code parallel} is true
     * (p must then be safe to call from several threads); each sample is the same number either way.
     *
     * @param first the smallest n
     * @param size M
     * @param conjugate whether p(−φ) is taken as the conjugate of p(φ)
     * @param p the generating function
     * @param parallel whether to sample on the common fork-join pool
     * @return the distribution from n = first on
     */
    static Distribution invert(long first, int size, boolean conjugate, DoubleFunction<double[]> p,
            boolean parallel) {
        double[] re = new double[size];
        double[] im = new double[size];
        int last = conjugate ? size / 2 : size - 1;
        IntStream qs = IntStream.rangeClosed(0, last);
        double[][] z = (parallel ? qs.parallel() : qs).mapToObj(q -> p.apply(2 * Math.PI * q / size))
                .toArray(double[][]::new);
        for (int q = 0; q <= last; q++) {
            re[q] = z[q][0];
            im[q] = z[q][1];
            if (conjugate && q > 0 && q < size - q) {
                re[size - q] = re[q];
                im[size - q] = -im[q];
            }
        }
        return Distribution.invert(first, re, im);
    }
}
