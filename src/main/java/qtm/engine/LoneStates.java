package qtm.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Where ψ is one basis state s alone in its connected component of H's graph (|000⟩ of a chain with exchange
 * couplings), U only turns its phase and every kept branch of a swap only scales it, so each collision flips its
 * ancilla with a probability that does not depend on the past: f_i = (1 − q_i)(1 − C_g[s]²) + q_i(1 − C_e[s]²). The
 * steps up to the one of the first flip are then geometric, with S = Π(1 − f_i) the chance that a step flips none,
 * and that step's first flip is swap i with start a with probability Π_{j&lt;i}(1 − f_j)·f_{i,a}/(1 − S): the same
 * law as {@link BlockTrajectory}'s draw step by step, with two uniform numbers per flip instead of one per run.
 * Immutable.
 */
final class LoneStates {
    /** Per basis state, ln S where it is alone in its component, NaN where not. */
    private final double[] logStay;
    /** Per basis state, U's diagonal entry (its phase over one step). */
    private final double[] phaseRe;
    private final double[] phaseIm;
    /**
     * Per lone basis state, the cumulative weights of the first flip of a step: entry 2i + a is swap i with start a
     * (1 excited), summed over every earlier (swap, start), so that the last entry is 1 − S.
     */
    private final double[][] flips;

    private LoneStates(double[] logStay, double[] phaseRe, double[] phaseIm, double[][] flips) {
        this.logStay = logStay;
        this.phaseRe = phaseRe;
        this.phaseIm = phaseIm;
        this.flips = flips;
    }

    /**
     * @param swaps per event of a step, its swap, or null for a reset
     * @param q per event, the swap's probability that its ancilla starts excited (0 or 1 where it is not random)
     * @param component each basis state's component of H's graph
     * @param u U, row-major {re, im}, without entries between components
     * @return the lone states' draws
     */
    static LoneStates of(CollisionBlocks.Swap[] swaps, double[] q, int[] component, double[][] u) {
        int d = component.length;
        int[] size = new int[d];
        for (int c : component) {
            size[c]++;
        }
        double[] logStay = new double[d];
        double[] phaseRe = new double[d];
        double[] phaseIm = new double[d];
        double[][] flips = new double[d][];
        for (int s = 0; s < d; s++) {
            phaseRe[s] = u[0][s * d + s];
            phaseIm[s] = u[1][s * d + s];
            if (size[component[s]] != 1) {
                logStay[s] = Double.NaN;
                continue;
            }
            flips[s] = new double[2 * swaps.length];
            double stay = 1;
            double below = 0;
            for (int i = 0; i < swaps.length; i++) {
                CollisionBlocks.Swap w = swaps[i];
                double ground = w == null ? 0 : (1 - q[i]) * flip(w.keepGround()[s]);
                double excited = w == null ? 0 : q[i] * flip(w.keepExcited()[s]);
                below += stay * ground;
                flips[s][2 * i] = below;
                below += stay * excited;
                flips[s][2 * i + 1] = below;
                stay *= 1 - ground - excited;
            }
            logStay[s] = Math.log(stay);
        }
        return new LoneStates(logStay, phaseRe, phaseIm, flips);
    }

    /** 1 − c², the chance that a collision whose kept branch scales s by c flips it. */
    private static double flip(double c) {
        return Math.max(0, 1 - c * c);
    }

    /**
     * @param s a basis state
     * @return whether it is alone in its component of H's graph
     */
    boolean alone(int s) {
        return !Double.isNaN(logStay[s]);
    }

    /**
     * @param s a lone basis state
     * @return S, the probability that a step from s flips no ancilla
     */
    double stay(int s) {
        return Math.exp(logStay[s]);
    }

    /**
     * @param s a lone basis state
     * @param k 2i + a: the swap of event i with start a (1 excited)
     * @return the probability that a step from s flips an ancilla first at k (they add up to 1 − S)
     */
    double firstFlipWeight(int s, int k) {
        return flips[s][k] - (k == 0 ? 0 : flips[s][k - 1]);
    }

    /**
     * @param s a lone basis state
     * @param rng the random stream (one number is taken unless no collision can flip s)
     * @return the steps up to and with the one of the first flip (≥ 1, geometric), Long.MAX_VALUE if none can
     */
    long stepsToFlip(int s, UniformRandomProvider rng) {
        double log = logStay[s];
        if (log == 0) {
            return Long.MAX_VALUE;
        }
        // u in (0, 1], so ln u is finite; S = 0 gives ln u / −∞ = 0, the first step.
        double m = Math.floor(Math.log(1.0 - rng.nextDouble()) / log) + 1;
        return m >= 9e18 ? Long.MAX_VALUE : (long) m;
    }

    /**
     * @param s a lone basis state
     * @param rng the random stream (one number is taken)
     * @return the first flip of a step that has one: 2i + a for the swap of event i with start a (1 excited)
     */
    int firstFlip(int s, UniformRandomProvider rng) {
        double[] c = flips[s];
        double u = rng.nextDouble() * c[c.length - 1];
        int last = -1;
        for (int k = 0; k < c.length; k++) {
            if (c[k] > (k == 0 ? 0 : c[k - 1])) {
                last = k;
                if (u < c[k]) {
                    return k;
                }
            }
        }
        // The weights' sum is the last entry but for rounding: what is left goes to the last flip that can happen.
        return last;
    }

    /**
     * ψ_s ← (U_ss)^steps·ψ_s, by squaring: the phase a lone state gains over steps without a flip. The kept branches'
     * factors are left out: they are real and positive (θ√x ≤ π/2 is the longest step allowed), so the normalised
     * state is the same.
     *
     * @param s a lone basis state
     * @param steps the steps
     */
    void turn(int s, long steps, double[] re, double[] im) {
        double bRe = phaseRe[s];
        double bIm = phaseIm[s];
        double xRe = re[s];
        double xIm = im[s];
        for (long k = steps; k != 0; k >>= 1) {
            if ((k & 1) == 1) {
                double t = xRe * bRe - xIm * bIm;
                xIm = xRe * bIm + xIm * bRe;
                xRe = t;
            }
            double t = bRe * bRe - bIm * bIm;
            bIm = 2 * bRe * bIm;
            bRe = t;
        }
        re[s] = xRe;
        im[s] = xIm;
    }
}
