package qtm.engine;

/**
 * The factors F_k(t) = e^{−iλ_k t} that move a modal trajectory's coordinates through one segment (a grid step, the
 * time to a jump, the rest of a step after it), each up to a global phase, which no state, jump weight or survival
 * sees. Three sources, cheapest first:
 * <ul>
 * <li>the whole step's, computed once;</li>
 * <li>the rest of a span after a jump at τ, F(span − τ) = F(span)/F(τ), one division per mode and no transcendental,
 * where F(span) is known and no |F_k(τ)|² is near underflow;</li>
 * <li>computed: d exponentials (one where every mode decays alike), and one cosine and sine per distinct frequency
 * |Re λ_k − c| ≠ 0, the centre c chosen (the global phase e^{−ict}) so that as many modes as possible share one: a
 * resonant two-qubit spectrum 0, ω − g, ω + g, 2ω about c = ω needs two instead of four.</li>
 * </ul>
 * Frequencies that differ by at most {@value #SAME_FREQUENCY_ULPS} ulps of the largest |Re λ| count as the same (the
 * eigenvalues are not known closer); the phase error that leaves is that difference times t. Mutable workspace for one
 * thread; nothing is allocated per call.
 */
final class SegmentFactors {
    /** |F_k(τ)|² below which F(span)/F(τ) would lose digits to underflow: the rest is then computed. */
    private static final double MIN_DECAY = 1e-200;
    /** How many ulps of the largest |Re λ| two frequencies may differ by and share their cosine and sine. */
    static final int SAME_FREQUENCY_ULPS = 4;

    private final int n;
    private final double[] lamIm;
    /** Γ where every mode decays at Γ/2 (the uniform kind), else NaN. */
    private final double uniformRate;
    /** The distinct frequencies |Re λ_k − c| > 0. */
    private final double[] frequency;
    /** Per mode, the index of its frequency, or −1 where Re λ_k = c. */
    private final int[] source;
    /** Per mode, whether Re λ_k < c (its factor is then the conjugate phase). */
    private final boolean[] below;
    private final double[] cos;
    private final double[] sin;
    private final double[] stepRe;
    private final double[] stepIm;
    private final double[] fRe;
    private final double[] fIm;
    private double rest = Double.NaN;
    private final double[] restRe;
    private final double[] restIm;
    private double[] re;
    private double[] im;

    /**
     * @param lamRe Re λ_k
     * @param lamIm Im λ_k ≤ 0
     * @param uniformRate Γ where every Im λ_k = −Γ/2 is to be taken as exactly that, else NaN
     * @param step the grid step
     */
    SegmentFactors(double[] lamRe, double[] lamIm, double uniformRate, double step) {
        this.n = lamRe.length;
        this.lamIm = lamIm;
        this.uniformRate = uniformRate;
        double tolerance = tolerance(lamRe);
        double centre = centre(lamRe, tolerance);
        this.source = new int[n];
        this.below = new boolean[n];
        double[] distinct = new double[n];
        int count = 0;
        for (int k = 0; k < n; k++) {
            double f = lamRe[k] - centre;
            below[k] = f < 0;
            source[k] = -1;
            if (Math.abs(f) <= tolerance) {
                continue;
            }
            for (int l = 0; l < count && source[k] < 0; l++) {
                source[k] = Math.abs(Math.abs(f) - distinct[l]) <= tolerance ? l : -1;
            }
            if (source[k] < 0) {
                distinct[count] = Math.abs(f);
                source[k] = count++;
            }
        }
        this.frequency = java.util.Arrays.copyOf(distinct, count);
        this.cos = new double[count];
        this.sin = new double[count];
        this.fRe = new double[n];
        this.fIm = new double[n];
        this.restRe = new double[n];
        this.restIm = new double[n];
        this.stepRe = new double[n];
        this.stepIm = new double[n];
        compute(step, stepRe, stepIm);
    }

    private static double tolerance(double[] lamRe) {
        double largest = 0;
        for (double x : lamRe) {
            largest = Math.max(largest, Math.abs(x));
        }
        return SAME_FREQUENCY_ULPS * Math.ulp(largest);
    }

    /** The midpoint (λ_i + λ_j)/2 (a mode where i = j) that leaves the fewest distinct non-zero frequencies. */
    private static double centre(double[] lamRe, double tolerance) {
        int n = lamRe.length;
        double best = lamRe[0];
        int fewest = Integer.MAX_VALUE;
        double[] seen = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double c = 0.5 * (lamRe[i] + lamRe[j]);
                int count = 0;
                for (double x : lamRe) {
                    double f = Math.abs(x - c);
                    boolean known = f <= tolerance;
                    for (int l = 0; l < count && !known; l++) {
                        known = Math.abs(f - seen[l]) <= tolerance;
                    }
                    if (!known) {
                        seen[count++] = f;
                    }
                }
                if (count < fewest) {
                    fewest = count;
                    best = c;
                }
            }
        }
        return best;
    }

    /** out_k = e^{−i(Re λ_k − c)t} e^{Im λ_k t}. */
    private void compute(double t, double[] outRe, double[] outIm) {
        for (int l = 0; l < frequency.length; l++) {
            cos[l] = Math.cos(frequency[l] * t);
            sin[l] = Math.sin(frequency[l] * t);
        }
        // Every mode of the uniform kind decays alike: one exponential.
        double common = Double.isNaN(uniformRate) ? Double.NaN : Math.exp(-0.5 * uniformRate * t);
        for (int k = 0; k < n; k++) {
            double m = Double.isNaN(uniformRate) ? Math.exp(lamIm[k] * t) : common;
            int s = source[k];
            if (s < 0) {
                outRe[k] = m;
                outIm[k] = 0;
            } else {
                outRe[k] = m * cos[s];
                outIm[k] = below[k] ? m * sin[s] : -m * sin[s];
            }
        }
    }

    /**
     * Selects F(t): the step's where {@code whole}, the rest's where t is exactly the rest kept by
     * {@link #keepRest}, else computed.
     */
    void select(double t, boolean whole) {
        if (whole) {
            re = stepRe;
            im = stepIm;
        } else if (t == rest) {
            re = restRe;
            im = restIm;
        } else {
            compute(t, fRe, fIm);
            re = fRe;
            im = fIm;
        }
    }

    /** @return whether F(t) is known without a transcendental (the whole step, or the rest after a jump) */
    boolean known(double t, boolean whole) {
        return whole || t == rest;
    }

    /** @return the selected factors' real parts */
    double[] re() {
        return re;
    }

    /** @return the selected factors' imaginary parts */
    double[] im() {
        return im;
    }

    /**
     * After a jump at τ within span, with F(τ) selected: keeps F(span − τ) = F(span)·conj F(τ)/|F(τ)|² where F(span)
     * is known and no |F(τ)|² is near underflow; otherwise the rest stays unknown.
     *
     * @param span the segment the jump fell in
     * @param whole whether that was the whole step
     * @param tau the jump's time within it
     */
    void keepRest(double span, boolean whole, double tau) {
        if (!known(span, whole)) {
            rest = Double.NaN;
            return;
        }
        double[] sRe = whole ? stepRe : restRe;
        double[] sIm = whole ? stepIm : restIm;
        rest = Double.NaN;
        for (int k = 0; k < n; k++) {
            double xRe = re[k];
            double xIm = im[k];
            double m2 = xRe * xRe + xIm * xIm;
            if (!(m2 > MIN_DECAY)) {
                return;
            }
            // Element by element, so sRe may be restRe itself.
            double r = 1 / m2;
            double a = (sRe[k] * xRe + sIm[k] * xIm) * r;
            double b = (sIm[k] * xRe - sRe[k] * xIm) * r;
            restRe[k] = a;
            restIm[k] = b;
        }
        rest = span - tau;
    }

    /** @return how many cosine–sine pairs a computed F(t) takes */
    int frequencies() {
        return frequency.length;
    }
}
