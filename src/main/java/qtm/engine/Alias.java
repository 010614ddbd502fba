package qtm.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Walker's alias method: draws an index with given probabilities from one uniform number in constant time, for the
 * patterns of ancilla starts of {@link CollisionBlocks}. Immutable.
 */
final class Alias {
    private final double[] keep;
    private final int[] alias;

    private Alias(double[] keep, int[] alias) {
        this.keep = keep;
        this.alias = alias;
    }

    /**
     * Vose's construction: each cell keeps its own index with probability keep[i] and otherwise gives alias[i].
     *
     * @param p probabilities, ≥ 0, not all 0 (normalised here)
     * @return the table
     */
    static Alias of(double[] p) {
        int n = p.length;
        double total = 0;
        for (double x : p) {
            total += x;
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = p[i] * n / total;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        double[] keep = new double[n];
        int[] alias = new int[n];
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        // What is left is 1 but for rounding.
        while (nl > 0) {
            int l = large[--nl];
            keep[l] = 1;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            keep[s] = 1;
            alias[s] = s;
        }
        return new Alias(keep, alias);
    }

    /**
     * @param rng the random stream (one number is taken)
     * @return an index, i with probability p[i]
     */
    int draw(UniformRandomProvider rng) {
        if (keep.length == 1) {
            return 0;
        }
        double u = rng.nextDouble() * keep.length;
        int i = (int) u;
        return u - i < keep[i] ? i : alias[i];
    }
}
