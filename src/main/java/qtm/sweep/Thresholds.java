package qtm.sweep;

import java.util.function.BiFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import qtm.model.Model;

/**
 * Temperature thresholds for entanglement: where the optimised signed concurrence crosses zero, found by Brent's
 * method. Optimising the signed quantity rather than the clipped concurrence is what gives the root finder a sign
 * change to bracket.
 *
 * @param optimizer how the couplings (and T_h, if it tunes it) are optimised at each trial temperature
 * @param relativeAccuracy relative accuracy of the returned temperature
 */
public record Thresholds(CouplingOptimizer optimizer, double relativeAccuracy) {
    private static final int MAX_EVAL = 200;
    private static final double ABSOLUTE_ACCURACY = 1e-14;
    private static final double FIRST_GUESS = 0.5;
    private static final double GIVE_UP = 1e9;

    /** @throws IllegalArgumentException on invalid settings */
    public Thresholds {
        if (optimizer == null || !(relativeAccuracy > 0)) {
            throw new IllegalArgumentException("need an optimizer and a relative accuracy > 0");
        }
    }

    /**
     * The cold-bath temperature above which no entanglement can be generated, at the template's T_h (or with T_h
     * optimised, if the optimiser tunes it).
     *
     * @param template the machine: kind, E, U and T_h
     * @return T_c at which the optimised signed concurrence is zero; 0 if there is no entanglement even at T_c = 0
     * @throws IllegalStateException if entanglement persists up to T_c = 1e9
     */
    public double cold(Model template) {
        double th = template.hot().temperature();
        UnivariateFunction f = following((tc, hint) -> optimizer.maximise(template, tc, th, hint));
        if (f.value(0.0) <= 0) {
            return 0.0;
        }
        double lo = 0.0;
        double hi;
        if (!optimizer.tuneHot() && Double.isFinite(th)) {
            // At T_c = T_h the steady state is a Gibbs product state, separable, so T_h brackets the root.
            hi = th;
        } else {
            hi = FIRST_GUESS;
            while (f.value(hi) > 0) {
                lo = hi;
                hi *= 2;
                if (hi > GIVE_UP) {
                    throw new IllegalStateException("entanglement persists up to T_c = " + GIVE_UP);
                }
            }
        }
        return solver().solve(MAX_EVAL, f, lo, hi);
    }

    /**
     * The hot-bath temperature above which entanglement appears at the template's T_c (Fig. 2(d)). Brent runs on
     * β_h = 1/T_h between 1/hotMax and 1/T_c, so that T_h = ∞ is an ordinary end point.
     *
     * @param template the machine: kind, E, U and T_c
     * @param hotMax the largest T_h considered (inf where the model allows it)
     * @return the threshold T_h; 0 when T_c = 0 (any heat current entangles), +∞ when even hotMax does not
     */
    public double hot(Model template, double hotMax) {
        double tc = template.cold().temperature();
        if (tc == 0) {
            return 0.0;
        }
        UnivariateFunction f = following((beta, hint) -> optimizer.maximise(template, tc, 1.0 / beta, hint));
        double betaMin = 1.0 / hotMax;
        if (f.value(betaMin) <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 1.0 / solver().solve(MAX_EVAL, f, betaMin, 1.0 / tc);
    }

    /**
     * The optimised signed concurrence as a function of one temperature, each optimisation also started from the
     * last entangled optimum seen: near the root the entangled region is a narrow ridge that a fresh screen can miss,
     * and it moves continuously with the temperature.
     */
    private static UnivariateFunction following(BiFunction<Double, Optimum, Optimum> optimiseAt) {
        Optimum[] last = {null};
        return t -> {
            Optimum o = optimiseAt.apply(t, last[0]);
            if (o.signed() > 0) {
                last[0] = o;
            }
            return o.signed();
        };
    }

    private BrentSolver solver() {
        return new BrentSolver(relativeAccuracy, ABSOLUTE_ACCURACY);
    }
}
