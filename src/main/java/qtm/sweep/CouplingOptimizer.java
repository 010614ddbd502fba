package qtm.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import qtm.model.Model;
import qtm.observe.Observables;

/**
 * Maximises the steady-state signed concurrence over g and the two transition rates (see {@link Couplings}) inside
 * {@link Bounds}, on log-parameters, by BOBYQA from several starts; optionally over T_h too, in log10 over
 * [max(T_c, 1e-2), hotMax]. The starts are the best points of a fixed low-discrepancy screen, plus an optional hint
 * (the optimum of a neighbouring setting), so a result never depends on timing or thread scheduling.
 *
 * <p>Scaling g and both rates together leaves the steady state unchanged: the coupling and the dissipators commute
 * with the free Hamiltonian, so only ratios matter (ScaleInvarianceTest checks this for all three models). The search
 * therefore runs on the two log-ratios log10(g/γ_c) and log10(γ_h/γ_c), each within ±log10(max/min), and every point
 * is scaled so that its largest coupling sits at the ceiling (then floored at min). This removes an exactly flat
 * direction, on which BOBYQA's quadratic model degenerates, and reports the representative the paper does
 * (p_c = 1e-2 for the reset model).
 *
 * @param bounds the box for g, γ_c, γ_h
 * @param starts number of BOBYQA starts from the screen, ≥ 1
 * @param tuneHot whether T_h is optimised as well (keeping T_h ≥ T_c)
 * @param hotMax the largest T_h tried when tuneHot (capped at 1e12)
 */
public record CouplingOptimizer(Bounds bounds, int starts, boolean tuneHot, double hotMax) {
    /** Below this T_h a hot bath is practically at zero temperature; it only floors the T_h search. */
    private static final double HOT_FLOOR = 1e-2;
    private static final double HOT_CAP = 1e12;
    private static final double FIRST_RADIUS = 0.2;
    private static final double STOP_RADIUS = 1e-9;
    private static final int MAX_EVAL = 20_000;
    private static final int MAX_ROUNDS = 5;
    private static final double ROUND_GAIN = 1e-13;
    private static final int SCREEN_POINTS = 128;
    private static final int[] PRIMES = {2, 3, 5};

    /** @throws IllegalArgumentException on invalid settings */
    public CouplingOptimizer {
        if (bounds == null) {
            throw new IllegalArgumentException("bounds are required");
        }
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be >= 1, got " + starts);
        }
        if (tuneHot && !(hotMax > HOT_FLOOR)) {
            throw new IllegalArgumentException("hotMax must be > " + HOT_FLOOR + " (and may be inf), got " + hotMax);
        }
    }

    /**
     * The paper's setting: couplings in (0, 1e-2], T_h as given.
     *
     * @param starts number of starts
     * @return an optimiser
     */
    public static CouplingOptimizer paper(int starts) {
        return new CouplingOptimizer(Bounds.PAPER, starts, false, Double.POSITIVE_INFINITY);
    }

    /**
     * @param tune whether to optimise T_h
     * @param max the largest T_h
     * @return this optimiser with T_h tuning switched
     */
    public CouplingOptimizer tuningHot(boolean tune, double max) {
        return new CouplingOptimizer(bounds, starts, tune, max);
    }

    /**
     * Maximises at the template's temperatures (with tuneHot, T_h is searched instead and the template's ignored).
     *
     * @param template the machine: its kind, E, U and temperatures; its couplings are ignored
     * @return the best optimum over all starts
     */
    public Optimum maximise(Model template) {
        return maximise(template, template.cold().temperature(), template.hot().temperature(), null);
    }

    /**
     * Maximises at given temperatures.
     *
     * @param template the machine's kind, E and U
     * @param coldTemperature T_c
     * @param hotTemperature T_h (ignored when tuneHot)
     * @param hint an optimum of a nearby setting to start from as well, or null
     * @return the best optimum over all starts
     * @throws IllegalArgumentException if T_h is tuned and T_c leaves no room below hotMax
     */
    public Optimum maximise(Model template, double coldTemperature, double hotTemperature, Optimum hint) {
        Box box = new Box(coldTemperature);
        SteadyStateFamily family = new SteadyStateFamily(template);
        MultivariateFunction objective = y -> Observables.signedConcurrenceX(
                family.steadyState(modelAt(template, box, y, coldTemperature, hotTemperature)));
        List<double[]> from = new ArrayList<>(startingPoints(objective, box));
        if (hint != null) {
            from.add(0, box.variables(hint));
        }
        double[] values = new double[from.size()];
        BestPoint best = new BestPoint();
        for (int s = 0; s < from.size(); s++) {
            BestPoint run = climb(objective, box, from.get(s));
            values[s] = run.value;
            best.offer(run.point, run.value);
        }
        return Optimum.at(modelAt(template, box, best.point, coldTemperature, hotTemperature), values);
    }

    private static BestPoint climb(MultivariateFunction objective, Box box, double[] start) {
        BestPoint run = new BestPoint();
        run.offer(start, objective.value(start));
        // BOBYQA sometimes stops early on a nearly flat slope; restarting from where it stopped, with a fresh
        // quadratic model, finishes the climb.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double before = run.value;
            try {
                new BOBYQAOptimizer(2 * box.lo.length + 1, box.radius(), STOP_RADIUS).optimize(
                        new MaxEval(MAX_EVAL), new ObjectiveFunction(y -> run.offer(y, objective.value(y))),
                        GoalType.MAXIMIZE, new InitialGuess(run.point), new SimpleBounds(box.lo, box.hi));
            } catch (MathIllegalStateException e) {
                // BOBYQA gives up on a plateau ("trust region step has failed to reduce Q") or runs out of
                // evaluations; the best point it had visited is still a valid result of this start.
            }
            if (run.value - before <= ROUND_GAIN) {
                break;
            }
        }
        return run;
    }

    /** The search variables: log10(g/γ_c), log10(γ_h/γ_c) and, when tuned, log10 T_h. */
    private final class Box {
        final double[] lo;
        final double[] hi;

        Box(double coldTemperature) {
            int n = tuneHot ? 3 : 2;
            lo = new double[n];
            hi = new double[n];
            double width = bounds.logMax() - bounds.logMin();
            for (int i = 0; i < 2; i++) {
                lo[i] = -width;
                hi[i] = width;
            }
            if (tuneHot) {
                lo[2] = Math.log10(Math.max(coldTemperature, HOT_FLOOR));
                hi[2] = Math.log10(Math.min(hotMax, HOT_CAP));
                if (!(hi[2] > lo[2])) {
                    throw new IllegalArgumentException("no room to optimise T_h above T_c = " + coldTemperature
                            + " (largest T_h " + hotMax + ")");
                }
            }
        }

        /** The couplings of a point: the ratios, scaled so that the largest sits at the ceiling, floored at min. */
        Couplings couplings(double[] y) {
            double top = Math.max(0.0, Math.max(y[0], y[1]));
            double[] logs = {y[0] - top, -top, y[1] - top};
            double[] c = new double[3];
            for (int i = 0; i < 3; i++) {
                c[i] = Math.pow(10, Math.max(bounds.logMin(), bounds.logMax() + logs[i]));
            }
            return new Couplings(c[0], c[1], c[2]);
        }

        double[] variables(Optimum o) {
            Couplings c = o.couplings();
            double[] y = new double[lo.length];
            y[0] = Math.log10(c.g() / c.coldRate());
            y[1] = Math.log10(c.hotRate() / c.coldRate());
            if (tuneHot) {
                y[2] = Math.log10(o.hotTemperature());
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.min(hi[i], Math.max(lo[i], y[i]));
            }
            return y;
        }

        /**
         * BOBYQA's first trust region: small enough to resolve a ridge a decade wide near a threshold (the screen
         * already put the start close), and inside the box as BOBYQA requires.
         */
        double radius() {
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < lo.length; i++) {
                m = Math.min(m, hi[i] - lo[i]);
            }
            return Math.min(FIRST_RADIUS, 0.25 * m);
        }
    }

    /**
     * Far from the optimum the objective is flat in log-parameters (−2√(ρ_00 ρ_11) barely moves), and close to a
     * threshold the positive region is a narrow ridge, so a local search needs good starts: screen a Halton set and
     * start from its best points.
     */
    private List<double[]> startingPoints(MultivariateFunction objective, Box box) {
        int count = Math.max(starts, SCREEN_POINTS);
        double[][] points = new double[count][];
        double[] values = new double[count];
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            double[] y = new double[box.lo.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = box.lo[i] + BestPoint.halton(k + 1, PRIMES[i]) * (box.hi[i] - box.lo[i]);
            }
            points[k] = y;
            values[k] = objective.value(y);
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> values[k]).reversed());
        List<double[]> best = new ArrayList<>(starts);
        for (int s = 0; s < starts; s++) {
            best.add(points[order[s]]);
        }
        return best;
    }

    private Model modelAt(Model template, Box box, double[] y, double coldTemperature, double hotTemperature) {
        double th = tuneHot ? Math.pow(10, y[2]) : hotTemperature;
        return box.couplings(y).applyTo(template, coldTemperature, th);
    }
}
