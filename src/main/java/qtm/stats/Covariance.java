package qtm.stats;

/**
 * Sums and sums of products of a vector, for its full sample covariance. Mergeable like {@link RunningSums}.
 * Mutable; one instance per thread.
 */
public final class Covariance {
    private final int d;
    private final double[] sum;
    private final double[] products;
    private long count;

    /**
     * @param d vector length
     */
    public Covariance(int d) {
        this.d = d;
        sum = new double[d];
        products = new double[d * d];
    }

    /**
     * Adds one sample.
     *
     * @param x vector of length d
     */
    public void add(double[] x) {
        for (int i = 0; i < d; i++) {
            sum[i] += x[i];
            for (int j = 0; j <= i; j++) {
                products[i * d + j] += x[i] * x[j];
            }
        }
        count++;
    }

    /**
     * @param other same length
     */
    public void merge(Covariance other) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.sum[i];
        }
        for (int i = 0; i < products.length; i++) {
            products[i] += other.products[i];
        }
        count += other.count;
    }

    /** @return number of samples */
    public long count() {
        return count;
    }

    /** @return the mean vector (new array) */
    public double[] mean() {
        double[] m = new double[d];
        for (int i = 0; i < d; i++) {
            m[i] = sum[i] / count;
        }
        return m;
    }

    /** @return the unbiased sample covariance of the mean, Σ̂/n (new d×d array) */
    public double[][] covarianceOfMean() {
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double v = (products[i * d + j] - sum[i] * sum[j] / count) / (count - 1) / count;
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }
}
