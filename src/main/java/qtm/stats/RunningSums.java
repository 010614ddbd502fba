package qtm.stats;

/**
 * Sums and sums of squares of a fixed-length vector over a number of samples. Two instances merge by adding, so
 * shards computed apart combine into the same totals, and merging in a fixed order gives bit-identical results.
 * Mutable; one instance per thread.
 */
public final class RunningSums {
    // Sum and sum of squares of component i sit side by side at 2i and 2i + 1: one cache line per update.
    private final double[] sums;
    private long count;

    /**
     * @param size vector length
     */
    public RunningSums(int size) {
        sums = new double[2 * size];
    }

    /** @return vector length */
    public int size() {
        return sums.length / 2;
    }

    /**
     * Adds one component of the current sample.
     *
     * @param i component
     * @param x value
     */
    public void add(int i, double x) {
        sums[2 * i] += x;
        sums[2 * i + 1] += x * x;
    }

    /**
     * Adds {@code count} consecutive components of the current sample at once.
     *
     * @param first index of the first component
     * @param values their values, from index 0
     * @param count how many
     */
    public void add(int first, double[] values, int count) {
        int base = 2 * first;
        for (int i = 0; i < count; i++) {
            double x = values[i];
            sums[base + 2 * i] += x;
            sums[base + 2 * i + 1] += x * x;
        }
    }

    /** Closes the current sample. */
    public void endSample() {
        count++;
    }

    /**
     * Adds another instance's sums.
     *
     * @param other same size
     * @throws IllegalArgumentException on a size mismatch
     */
    public void merge(RunningSums other) {
        if (other.sums.length != sums.length) {
            throw new IllegalArgumentException("cannot merge sums of sizes " + size() + " and " + other.size());
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        count += other.count;
    }

    /** @return number of samples */
    public long count() {
        return count;
    }

    /**
     * @param i component
     * @return Σx
     */
    public double sum(int i) {
        return sums[2 * i];
    }

    /**
     * @param i component
     * @return the sample mean (NaN with no samples)
     */
    public double mean(int i) {
        return sums[2 * i] / count;
    }

    /**
     * @param i component
     * @return the standard error of the mean, √(s²/n) with the unbiased s² (NaN below two samples)
     */
    public double standardError(int i) {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sums[2 * i] / count;
        double var = (sums[2 * i + 1] - mean * sums[2 * i]) / (count - 1);
        return Math.sqrt(Math.max(0.0, var) / count);
    }

    /** @return a deep copy */
    public RunningSums copy() {
        RunningSums c = new RunningSums(size());
        c.merge(this);
        return c;
    }
}
