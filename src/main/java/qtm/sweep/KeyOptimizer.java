package qtm.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Maximises one steady observable ({@link KeySweep#resultColumns}: concurrence, negativity_…, pair_concurrence_…,
 * heat_…, purity) over any numeric scenario keys, each within its {@link KeyRange}, for a preset or any machine
 * (issue 26). As {@link CouplingOptimizer} does: a fixed screen first (one key: an even grid of
 * {@value #GRID} points; several: {@value #HALTON} Halton points), then a local climb from each of the best
 * {@code starts} screen points, all on the unit cube the ranges map to; nothing depends on timing.
 *
 * <p>One key climbs by Brent's method on the two grid cells around its start (Commons Math's BOBYQA needs two
 * dimensions or more); several keys by BOBYQA with restarts. A point is <em>infeasible</em> when its scenario is not
 * valid (the model reader refuses it) or its steady state is not unique: it is never reported, no start is taken
 * there, and the climbs see it as {@link #penalty} below every feasible screen value, so they turn back.
 *
 * @param vary the keys, 1 to {@value #MAX_KEYS}, all different
 * @param observable the result column maximised
 * @param starts number of climbs, ≥ 1
 */
public record KeyOptimizer(List<KeyRange> vary, String observable, int starts) {
    /** Most keys a search varies (one Halton prime each). */
    public static final int MAX_KEYS = 10;
    /** Screen of one key: even grid points of the unit interval. */
    public static final int GRID = 65;
    /** Screen of several keys: Halton points of the unit cube. */
    public static final int HALTON = 128;
    /** Brent's relative and absolute accuracy on the unit interval. */
    public static final double UNIT_ACCURACY = 1e-10;
    private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};
    private static final double FIRST_RADIUS = 0.05;
    private static final double STOP_RADIUS = 1e-10;
    private static final int MAX_EVAL = 2_000;
    private static final int MAX_ROUNDS = 5;
    private static final double ROUND_GAIN = 1e-14;

    /** @throws IllegalArgumentException without keys, with too many, a key twice, or starts &lt; 1 */
    public KeyOptimizer {
        vary = List.copyOf(vary);
        if (vary.isEmpty() || vary.size() > MAX_KEYS) {
            throw new IllegalArgumentException("expected 1 to " + MAX_KEYS + " keys to vary, got " + vary.size());
        }
        if (vary.stream().map(KeyRange::key).distinct().count() != vary.size()) {
            throw new IllegalArgumentException("a key is varied twice");
        }
        if (observable == null || observable.isEmpty() || starts < 1) {
            throw new IllegalArgumentException("need an observable and starts >= 1");
        }
    }

    /**
     * @return the screen on the unit cube, in the order it is evaluated: an even grid for one key, Halton points
     *     (bases 2, 3, 5, …) for several
     */
    public List<double[]> screen() {
        int n = vary.size();
        List<double[]> out = new ArrayList<>();
        if (n == 1) {
            for (int k = 0; k < GRID; k++) {
                out.add(new double[] {(double) k / (GRID - 1)});
            }
            return out;
        }
        for (int k = 0; k < HALTON; k++) {
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = BestPoint.halton(k + 1, PRIMES[i]);
            }
            out.add(u);
        }
        return out;
    }

    /**
     * @param u a point of the unit cube
     * @return the keys' values there
     */
    public double[] values(double[] u) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = vary.get(i).value(u[i]);
        }
        return x;
    }

    /**
     * @param models the validated point at the keys' values (in {@link #vary} order); IllegalArgumentException for a
     *     point that is not a valid scenario
     * @return the best feasible point over all starts
     * @throws IllegalArgumentException if no screen point is feasible
     */
    public KeyOptimum maximise(Function<double[], PointModel> models) {
        return maximise(models, null);
    }

    /**
     * As {@link #maximise(Function)}, with one more climb from a hint (the optimum of a neighbouring setting), run
     * first: a threshold follows a ridge that moves continuously with its key and that a fresh screen can miss.
     *
     * @param models as for {@link #maximise(Function)}
     * @param hint the keys' values to climb from too, or null
     * @return the best feasible point over all starts, the hint's climb first among the start values
     * @throws IllegalArgumentException if no screen point is feasible
     */
    public KeyOptimum maximise(Function<double[], PointModel> models, double[] hint) {
        Objective f = new Objective(models);
        List<double[]> screen = screen();
        double[] values = new double[screen.size()];
        Integer[] order = new Integer[screen.size()];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < screen.size(); k++) {
            values[k] = f.feasible(screen.get(k));
            order[k] = k;
            if (!Double.isNaN(values[k])) {
                lo = Math.min(lo, values[k]);
                hi = Math.max(hi, values[k]);
            }
        }
        if (Double.isInfinite(lo)) {
            throw new IllegalArgumentException("no point of the search screen (" + screen.size() + " points) is a "
                    + "valid scenario with a unique steady state");
        }
        f.penalty = penalty(lo, hi);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> Double.isNaN(values[k])
                ? Double.NEGATIVE_INFINITY : values[k]).reversed());
        int climbs = (int) Math.min(starts, Arrays.stream(values).filter(v -> !Double.isNaN(v)).count());
        List<Double> reached = new ArrayList<>();
        if (hint != null) {
            double[] u = new double[hint.length];
            for (int i = 0; i < u.length; i++) {
                u[i] = vary.get(i).unit(hint[i]);
            }
            double v = f.feasible(u);
            if (!Double.isNaN(v)) {
                BestPoint run = vary.size() == 1 ? brent(f, u[0], v) : bobyqa(f, u, v);
                reached.add(run.value);
                f.best.offer(run.point, run.value);
            }
        }
        for (int s = 0; s < climbs; s++) {
            int k = order[s];
            BestPoint run = vary.size() == 1 ? brent(f, screen.get(k)[0], values[k]) : bobyqa(f, screen.get(k), values[k]);
            reached.add(run.value);
            f.best.offer(run.point, run.value);
        }
        double[] x = values(f.best.point);
        Map<String, Double> at = KeySweep.observables(models.apply(x));
        return new KeyOptimum(vary, x, observable, at, reached.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * What the climbs see at an infeasible point: below the lowest feasible screen value by the screen's spread
     * (or by the value's own size when the screen is flat), so that it is a cliff on the observable's own scale.
     */
    static double penalty(double lo, double hi) {
        return lo - Math.max(hi - lo, Math.max(Math.abs(lo), Double.MIN_NORMAL));
    }

    /** Brent's method on the grid cells either side of the start u0 (one grid step each way, within [0, 1]). */
    private BestPoint brent(Objective f, double u0, double start) {
        double step = 1.0 / (GRID - 1);
        double a = Math.max(0.0, u0 - step);
        double b = Math.min(1.0, u0 + step);
        BestPoint run = new BestPoint();
        run.offer(new double[] {u0}, start);
        new BrentOptimizer(UNIT_ACCURACY, UNIT_ACCURACY * 1e-4).optimize(new MaxEval(MAX_EVAL),
                new UnivariateObjectiveFunction(u -> f.climb(new double[] {u}, run)), GoalType.MAXIMIZE,
                new SearchInterval(a, b, u0));
        return run;
    }

    private BestPoint bobyqa(Objective f, double[] start, double value) {
        int n = start.length;
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, 1.0);
        BestPoint run = new BestPoint();
        run.offer(start, value);
        f.cliff = false;
        // As in CouplingOptimizer: BOBYQA may stop early on a nearly flat slope; a fresh start from its best point
        // finishes the climb.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double before = run.value;
            try {
                new BOBYQAOptimizer(2 * n + 1, FIRST_RADIUS, STOP_RADIUS).optimize(new MaxEval(MAX_EVAL),
                        new ObjectiveFunction(u -> f.climb(u, run)), GoalType.MAXIMIZE,
                        new InitialGuess(run.point), new SimpleBounds(lo, hi));
            } catch (MathIllegalStateException e) {
                // A plateau or the evaluation limit: the best point visited is still this start's result.
            }
            if (run.value - before <= ROUND_GAIN) {
                break;
            }
        }
        if (f.cliff) {
            polish(f, run);
        }
        return run;
    }

    /**
     * After a climb that met an infeasible point, a compass search from its best point, on feasible points only: BOBYQA's quadratic model cannot follow
     * a maximum that lies against the edge of an infeasible region (the penalty is a cliff), and steps along each
     * key, halved when none improves, walk along that edge.
     */
    private static void polish(Objective f, BestPoint run) {
        int n = run.point.length;
        int evaluations = 0;
        for (double h = FIRST_RADIUS; h > STOP_RADIUS && evaluations < MAX_EVAL; ) {
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    double[] u = run.point.clone();
                    u[i] = Math.min(1.0, Math.max(0.0, u[i] + sign * h));
                    double before = run.value;
                    f.climb(u, run);
                    evaluations++;
                    moved |= run.value > before;
                }
            }
            if (!moved) {
                h *= 0.5;
            }
        }
    }

    /** The observable at a point of the unit cube, with what is infeasible told apart. */
    private final class Objective {
        private final Function<double[], PointModel> models;
        private final BestPoint best = new BestPoint();
        private double penalty;
        /** Whether the current climb has met an infeasible point. */
        private boolean cliff;

        Objective(Function<double[], PointModel> models) {
            this.models = models;
        }

        /** @return the observable, or NaN where the point is infeasible */
        double feasible(double[] u) {
            Map<String, Double> o;
            try {
                o = KeySweep.observables(models.apply(values(u)));
            } catch (IllegalArgumentException e) {
                return Double.NaN;
            }
            Double v = o.get(observable);
            if (v == null) {
                throw new IllegalStateException("no observable " + observable + " among " + o.keySet());
            }
            return v;
        }

        /** What a climb sees: the value, or the penalty; only feasible values are offered to the run. */
        double climb(double[] u, BestPoint run) {
            double v = feasible(u);
            if (Double.isNaN(v)) {
                cliff = true;
                return penalty;
            }
            run.offer(u, v);
            return v;
        }
    }
}
