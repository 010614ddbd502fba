package qtm.exact;

/** Central moments of a count from its raw moments, for the master equation's and the collision map's statistics. */
final class CountMoments {
    private CountMoments() {
    }

    /**
     * @param m1 E X
     * @param m2 E X²
     * @param m3 E X³
     * @param m4 E X⁴
     * @return {mean, variance, fourth central moment (never below 0), third central moment}
     */
    static double[] central(double m1, double m2, double m3, double m4) {
        double var = m2 - m1 * m1;
        double c3 = m3 - 3 * m1 * m2 + 2 * m1 * m1 * m1;
        double c4 = m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1;
        return new double[] {m1, var, Math.max(0, c4), c3};
    }

    /**
     * @param raw E X … E X⁶, in that order
     * @return {mean, variance, E(X − EX)⁴, E(X − EX)³, E(X − EX)⁶}, the even ones never below 0
     */
    static double[] central(double[] raw) {
        double[] c = central(raw[0], raw[1], raw[2], raw[3]);
        double mu = raw[0];
        // E(X − μ)⁶ = Σ_k C(6, k) E X^k (−μ)^(6−k), with E X⁰ = 1.
        double[] binomial = {1, 6, 15, 20, 15, 6, 1};
        double c6 = 0;
        for (int k = 0; k <= 6; k++) {
            c6 += binomial[k] * (k == 0 ? 1 : raw[k - 1]) * Math.pow(-mu, 6 - k);
        }
        return new double[] {c[0], c[1], c[2], c[3], Math.max(0, c6)};
    }
}
