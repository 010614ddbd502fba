package qtm.stats;

import java.util.function.ToDoubleFunction;

/**
 * Delete-one-batch jackknife for a smooth function of a mean vector, such as the concurrence of ρ̄: the statistic is
 * recomputed with each batch left out, and SE² = (B−1)/B · Σ_b (θ₋b − θ̄)².
 */
public final class Jackknife {
    private Jackknife() {
    }

    /**
     * @param batchSums per batch, the sums of the vector over that batch's samples
     * @param batchCounts per batch, its number of samples
     * @param statistic function of the mean vector
     * @return the statistic of the full mean, with its jackknife SE (NaN with fewer than two non-empty batches)
     */
    public static Estimate of(double[][] batchSums, long[] batchCounts, ToDoubleFunction<double[]> statistic) {
        int d = batchSums.length == 0 ? 0 : batchSums[0].length;
        double[] total = new double[d];
        long n = 0;
        int batches = 0;
        for (int b = 0; b < batchSums.length; b++) {
            if (batchCounts[b] == 0) {
                continue;
            }
            batches++;
            n += batchCounts[b];
            for (int i = 0; i < d; i++) {
                total[i] += batchSums[b][i];
            }
        }
        double[] mean = new double[d];
        for (int i = 0; i < d; i++) {
            mean[i] = total[i] / n;
        }
        double full = statistic.applyAsDouble(mean);
        if (batches < 2) {
            return new Estimate(full, Double.NaN);
        }
        double[] leaveOut = new double[batches];
        double avg = 0;
        int q = 0;
        for (int b = 0; b < batchSums.length; b++) {
            if (batchCounts[b] == 0) {
                continue;
            }
            double[] m = new double[d];
            long rest = n - batchCounts[b];
            for (int i = 0; i < d; i++) {
                m[i] = (total[i] - batchSums[b][i]) / rest;
            }
            leaveOut[q] = statistic.applyAsDouble(m);
            avg += leaveOut[q];
            q++;
        }
        avg /= batches;
        double ss = 0;
        for (double x : leaveOut) {
            ss += (x - avg) * (x - avg);
        }
        return new Estimate(full, Math.sqrt((batches - 1.0) / batches * ss));
    }
}
