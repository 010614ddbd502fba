package qtm.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyOptimizer} and {@link KeyThreshold} on objectives written in the test: a one-site "model" whose only
 * observable, the purity, is a function of the searched keys with a known maximum or zero. This holds the search
 * itself (screen, climbs, infeasible points, bisection) to closed forms, apart from any physics.
 */
class KeySearchTest {
    private static final String P = "purity";

    /** A point whose purity is f(x); IllegalArgumentException where feasible(x) is false, as a bad scenario. */
    private static Function<double[], PointModel> model(ToDoubleFunction<double[]> f,
            java.util.function.Predicate<double[]> feasible) {
        return x -> {
            if (!feasible.test(x)) {
                throw new IllegalArgumentException("infeasible at " + java.util.Arrays.toString(x));
            }
            double v = f.applyAsDouble(x);
            return new PointModel(List.of("a"), new int[] {3}, List.of(), () -> new SteadyOutcome(List.of("a"),
                    new int[] {3}, null, v, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), true, 0.0, 0.0, null));
        };
    }

    @Test
    void rangesMapTheUnitIntervalWithExactEnds() {
        KeyRange log = new KeyRange("k", 1e-5, 1e-2, true);
        assertEquals(1e-5, log.value(0.0), 0.0);
        assertEquals(1e-2, log.value(1.0), 0.0);
        assertEquals(Math.sqrt(1e-5 * 1e-2), log.value(0.5), 1e-18);
        assertEquals(0.25, new KeyRange("k", -1, 1, false).unit(-0.5), 1e-16);
        assertEquals(0.7, log.unit(log.value(0.7)), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> new KeyRange("k", 0, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new KeyRange("k", 1, 1, false));
    }

    /** A log-scale key with a maximum at x* = 3e-4: found to Brent's accuracy on the unit interval. */
    @Test
    void oneKeyFindsAnInteriorMaximum() {
        double star = 3e-4;
        KeyOptimizer o = new KeyOptimizer(List.of(new KeyRange("k", 1e-6, 1e-1, true)), P, 3);
        KeyOptimum best = o.maximise(model(x -> 1 - Math.pow(Math.log(x[0] / star), 2), x -> true));
        assertEquals(1.0, best.value(), 1e-15);
        assertEquals(Math.log(star), Math.log(best.values()[0]), 1e-7);
        assertEquals(3, best.startValues().length);
    }

    /** Two keys, one linear and one log, with the maximum near the edge of a region that is not valid. */
    @Test
    void twoKeysFindTheMaximumAndNeverReportAnInfeasiblePoint() {
        KeyOptimizer o = new KeyOptimizer(List.of(new KeyRange("a", -1, 1, false),
                new KeyRange("b", 1e-3, 1e3, true)), P, 4);
        // Maximum at a = 0.3, b = 10; everything with a > 0.5 is infeasible.
        KeyOptimum best = o.maximise(model(x -> -Math.pow(x[0] - 0.3, 2) - Math.pow(Math.log10(x[1]) - 1, 2),
                x -> x[0] <= 0.5));
        assertEquals(0.3, best.values()[0], 1e-6);
        assertEquals(10, best.values()[1], 1e-4);
        assertTrue(best.value() > -1e-11, "value " + best.value());
        // Now the unconstrained maximum lies in the infeasible region: the best is on its edge, a = 0.5.
        KeyOptimum edge = o.maximise(model(x -> -Math.pow(x[0] - 0.8, 2) - Math.pow(Math.log10(x[1]) - 1, 2),
                x -> x[0] <= 0.5));
        assertTrue(edge.values()[0] <= 0.5, "feasible: " + edge.values()[0]);
        assertEquals(0.5, edge.values()[0], 1e-4);
        assertEquals(-0.09, edge.value(), 1e-7);
    }

    @Test
    void noFeasibleScreenPointIsAnError() {
        KeyOptimizer o = new KeyOptimizer(List.of(new KeyRange("k", 0, 1, false)), P, 2);
        assertThrows(IllegalArgumentException.class, () -> o.maximise(model(x -> 1, x -> false)));
    }

    /** A signed observable with its zero at a known value, on a linear and a log key. */
    @Test
    void thresholdBisectsToTheZero() {
        double root = 0.123456789012345;
        KeyThreshold lin = new KeyThreshold(new KeyRange("k", 0, 1, false), P, null, 1e-14);
        KeyThreshold.Result r = lin.solve(model(x -> root - x[0], x -> true));
        assertEquals(root, r.value(), 1e-13);
        assertTrue(r.below() <= root && root <= r.above());
        assertEquals(r.below(), r.positiveAt(), 0.0);
        KeyThreshold log = new KeyThreshold(new KeyRange("k", 1e-6, 1e2, true), P, null, 1e-14);
        // Clipped: > 0 above the root, exactly 0 below it (as a concurrence that appears with the key).
        KeyThreshold.Result c = log.solve(model(x -> Math.max(0, Math.log(x[0] / root)), x -> true));
        assertEquals(root, c.value(), 1e-12 * root);
        assertEquals(c.above(), c.positiveAt(), 0.0);
    }

    @Test
    void thresholdWithoutASignChangeIsAnError() {
        KeyThreshold t = new KeyThreshold(new KeyRange("k", 0, 1, false), P, null, 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.solve(model(x -> 1 + x[0], x -> true)));
        assertTrue(e.getMessage().contains("both ends"), e.getMessage());
    }

    /** With an inner optimiser the threshold is where the maximum over the inner key reaches 0. */
    @Test
    void thresholdOfTheMaximumOverAnInnerKey() {
        KeyOptimizer inner = new KeyOptimizer(List.of(new KeyRange("y", -1, 1, false)), P, 2);
        KeyThreshold t = new KeyThreshold(new KeyRange("x", 0, 1, false), P, inner, 1e-12);
        // max over y of 0.4 − x − (y − 0.2)² is 0.4 − x: zero at x = 0.4, reached at y = 0.2.
        KeyThreshold.Result r = t.solve(model(v -> 0.4 - v[0] - Math.pow(v[1] - 0.2, 2), v -> true));
        assertEquals(0.4, r.value(), 1e-11);
        assertEquals(0.2, r.inner().get("y"), 1e-6);
    }
}
