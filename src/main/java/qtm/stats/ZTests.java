package qtm.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The z-tests of one verdict, collected one at a time: how many there were, the largest |z|, and the worst of them
 * (the smallest two-sided p-value) with its name and time, judged with a Bonferroni bound, min(1, m·p), that holds
 * under any correlation between the tests.
 *
 * <p>Each test brings its own two-sided p-value, because not every z is compared with the normal distribution: an
 * exact tail ({@link ScoreTest}) or Student's t (a jackknife SE) gives its own. The worst test is therefore the one
 * with the smallest p, which need not be the one with the largest |z|.
 */
public final class ZTests {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private int tests;
    private double maxAbsZ;
    private String element;
    private double time = Double.NaN;
    private double z = Double.NaN;
    private double p = Double.POSITIVE_INFINITY;

    /**
     * The worst test of a verdict.
     *
     * @param element what was tested, as the CSV column spells it
     * @param t the grid time (or, for a waiting time, the bin's upper edge τ)
     * @param z signed, (estimate − exact)/SE, or Φ⁻¹ of the one-sided exact tail with the deviation's sign
     * @param pValue its Bonferroni p-value over the verdict's tests, min(1, m·p)
     */
    public record Worst(String element, double t, double z, double pValue) {
    }

    /**
     * Adds a z compared with the standard normal distribution.
     *
     * @param name the element
     * @param t its time
     * @param signedZ the signed z
     */
    public void normal(String name, double t, double signedZ) {
        add(name, t, signedZ, 2 * NORMAL.cumulativeProbability(-Math.abs(signedZ)));
    }

    /**
     * Adds a test with its own two-sided p-value.
     *
     * @param name the element
     * @param t its time
     * @param signedZ the signed z
     * @param pTwoSided its two-sided p-value
     */
    public void add(String name, double t, double signedZ, double pTwoSided) {
        tests++;
        if (Double.isNaN(pTwoSided)) {
            // A test that could not be computed (a NaN estimate) fails: it must never pass by being skipped.
            pTwoSided = 0;
        }
        if (Math.abs(signedZ) > maxAbsZ || Double.isNaN(signedZ)) {
            maxAbsZ = Double.isNaN(signedZ) ? Double.POSITIVE_INFINITY : Math.abs(signedZ);
        }
        // Ties go to the larger |z|, so that a run of p = 0 (z = ±∞) names its most extreme element.
        if (pTwoSided < p || (pTwoSided == p && Math.abs(signedZ) > Math.abs(z))) {
            p = pTwoSided;
            element = name;
            time = t;
            z = signedZ;
        }
    }

    /** @return the number of tests */
    public int tests() {
        return tests;
    }

    /** @return the largest |z| (0 without tests) */
    public double maxAbsZ() {
        return maxAbsZ;
    }

    /** @return the Bonferroni p-value of the worst test, min(1, m·p); 1 without tests */
    public double bonferroni() {
        return tests == 0 ? 1.0 : Math.min(1.0, tests * p);
    }

    /** @return the worst test, or null without tests */
    public Worst worst() {
        return tests == 0 ? null : new Worst(element, time, z, bonferroni());
    }
}
