/**
 * The statistics of Monte Carlo estimates: mergeable running sums and covariances, the delete-one-batch jackknife,
 * the rule for rare events, and the test of an ensemble mean against its exact solution. It knows nothing of the
 * physics and sees only vectors of numbers, so its rules can be checked on their own.
 */
package qtm.stats;
