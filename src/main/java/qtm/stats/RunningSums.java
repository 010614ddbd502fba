package qtm.stats;

/**
 * Sums and sums of squares of a fixed-length vector over a number of samples. Two instances merge by adding, so
 * shards computed apart combine into the same totals, and merging in a fixed order gives bit-identical results.
 * Mutable; one instance per thread.
 */
public final class RunningSums {
    private final double[] sum;
    private final double[] sumSq;
    private long count;

    /**
     * @param size vector length
     */
    public RunningSums(int size) {
        sum = new double[size];
        sumSq = new double[size];
    }

    /** @return vector length */
    public int size() {
        return sum.length;
    }

    /**
     * Adds one component of the current sample.
     *
     * @param i component
     * @param x value
     */
    public void add(int i, double x) {
        sum[i] += x;
        sumSq[i] += x * x;
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
        if (other.sum.length != sum.length) {
            throw new IllegalArgumentException("cannot merge sums of sizes " + sum.length + " and " + other.sum.length);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.sum[i];
            sumSq[i] += other.sumSq[i];
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
        return sum[i];
    }

    /**
     * @param i component
     * @return the sample mean (NaN with no samples)
     */
    public double mean(int i) {
        return sum[i] / count;
    }

    /**
     * @param i component
     * @return the standard error of the mean, √(s²/n) with the unbiased s² (NaN below two samples)
     */
    public double standardError(int i) {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum[i] / count;
        double var = (sumSq[i] - mean * sum[i]) / (count - 1);
        return Math.sqrt(Math.max(0.0, var) / count);
    }

    /** @return a deep copy */
    public RunningSums copy() {
        RunningSums c = new RunningSums(sum.length);
        c.merge(this);
        return c;
    }
}
