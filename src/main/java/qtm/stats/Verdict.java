package qtm.stats;

/**
 * How an ensemble compares with its exact solution.
 *
 * @param maxAbsZ the largest |z| over every ρ coordinate and grid time
 * @param tests number of z-scores that entered the maximum
 * @param maxZPValue Bonferroni p-value of maxAbsZ, min(1, tests·P(|N(0,1)| ≥ maxAbsZ)); valid under any correlation
 * @param chiSquare χ² of the final-time deviation with the full sample covariance
 * @param dof its degrees of freedom (the covariance's numerical rank)
 * @param pValue P(χ²_dof ≥ chiSquare)
 * @param converged true when both p-values are at least the significance level
 * @param worst the z-test with the smallest p-value, named (null when nothing was judged)
 */
public record Verdict(double maxAbsZ, int tests, double maxZPValue, double chiSquare, int dof, double pValue,
        boolean converged, ZTests.Worst worst) {
}
