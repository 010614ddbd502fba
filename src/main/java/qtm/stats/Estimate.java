package qtm.stats;

/**
 * A value with its standard error.
 *
 * @param mean the estimate
 * @param se its standard error (NaN if unknown)
 */
public record Estimate(double mean, double se) {
}
