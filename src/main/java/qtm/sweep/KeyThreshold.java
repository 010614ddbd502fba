package qtm.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a steady observable reaches zero as one numeric scenario key moves through [min, max] (issue 26): the
 * temperature, coupling or detuning at which the concurrence or a negativity vanishes, or a heat current changes
 * sign. Found by bisection on whether the observable is &gt; 0, on the key's unit interval (so a log-scale key is
 * bisected in its logarithm); the observable must be &gt; 0 at one end and ≤ 0 at the other. That test treats alike an
 * observable that is clipped at 0 (a concurrence, a negativity: 0 on one side) and a signed one (a heat current).
 *
 * <p>With an inner optimiser, the observable at each trial value is its maximum over the optimiser's keys (as
 * {@code qtm threshold} on a preset optimises the couplings at each T_c): the threshold is then the value beyond
 * which no setting of those keys gives a positive observable.
 *
 * @param key the key and its bracket
 * @param observable the result column brought to zero
 * @param inner the keys maximised at each trial value, or null
 * @param tolerance bisection stops when the bracket is this narrow on the unit interval, in (0, 0.5)
 */
public record KeyThreshold(KeyRange key, String observable, KeyOptimizer inner, double tolerance) {
    /** Default tolerance on the unit interval: the bracket ends within 1e-12 of its width. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    private static final int MAX_STEPS = 200;

    /** @throws IllegalArgumentException on a bad tolerance, or an inner optimiser of another observable or key */
    public KeyThreshold {
        if (key == null || observable == null || !(tolerance > 0 && tolerance < 0.5)) {
            throw new IllegalArgumentException("need a key, an observable and 0 < tolerance < 0.5");
        }
        if (inner != null && (!inner.observable().equals(observable)
                || inner.vary().stream().anyMatch(r -> r.key().equals(key.key())))) {
            throw new IllegalArgumentException("the inner optimiser must maximise " + observable
                    + " over keys other than " + key.key());
        }
    }

    /**
     * @param models the validated point at [threshold key, inner keys…]; IllegalArgumentException for a point that
     *     is not a valid scenario
     * @return the threshold
     * @throws IllegalArgumentException if the observable is on the same side of 0 at both ends, or a trial point is
     *     not a valid scenario (then the message names the value)
     */
    public Result solve(Function<double[], PointModel> models) {
        Trial a = at(models, 0.0);
        Trial b = at(models, 1.0);
        if (a.positive() == b.positive()) {
            throw new IllegalArgumentException(observable + " is " + (a.positive() ? "> 0" : "<= 0") + " at both ends "
                    + "of " + key.key() + " in [" + key.min() + ", " + key.max() + "] (" + a.value + " and " + b.value
                    + "): no zero to bracket");
        }
        double lo = 0.0;
        double hi = 1.0;
        boolean loPositive = a.positive();
        Trial last = loPositive ? a : b;
        for (int step = 0; step < MAX_STEPS && hi - lo > tolerance; step++) {
            double mid = 0.5 * (lo + hi);
            double x = key.value(mid);
            if (x == key.value(lo) || x == key.value(hi)) {
                break;
            }
            Trial t = at(models, mid, last.inner);
            if (t.positive()) {
                last = t;
            }
            if (t.positive() == loPositive) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double u = 0.5 * (lo + hi);
        return new Result(key.key(), key.value(u), key.value(lo), key.value(hi), observable,
                key.value(loPositive ? lo : hi), last.inner == null ? Map.of() : last.inner.keys(), last.observables);
    }

    private Trial at(Function<double[], PointModel> models, double u) {
        return at(models, u, null);
    }

    /** The trial at u; with an inner optimiser, also climbing from the last positive optimum's keys. */
    private Trial at(Function<double[], PointModel> models, double u, KeyOptimum hint) {
        double x = key.value(u);
        try {
            if (inner == null) {
                Map<String, Double> o = KeySweep.observables(models.apply(new double[] {x}));
                return new Trial(o.get(observable), o, null);
            }
            KeyOptimum best = inner.maximise(y -> {
                double[] all = new double[y.length + 1];
                all[0] = x;
                System.arraycopy(y, 0, all, 1, y.length);
                return models.apply(all);
            }, hint == null ? null : hint.values());
            return new Trial(best.value(), best.observables(), best);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("at " + key.key() + " = " + KeySweep.text(x) + ": " + e.getMessage(),
                    e);
        }
    }

    /** One trial value: the observable (maximised, with an inner optimiser), all observables, the inner optimum. */
    private record Trial(double value, Map<String, Double> observables, KeyOptimum inner) {
        boolean positive() {
            return value > 0;
        }
    }

    /**
     * A threshold.
     *
     * @param key the key moved
     * @param value the threshold: the middle of the final bracket
     * @param below the bracket's end nearer the key's min
     * @param above the bracket's end nearer its max
     * @param observable the observable brought to zero
     * @param positiveAt the bracket end where the observable is still &gt; 0 (below or above)
     * @param inner the inner optimiser's keys at positiveAt (empty without one): beyond the threshold every setting
     *     gives 0, so an optimum there says nothing
     * @param observables every steady observable at positiveAt (the inner keys at their optimum)
     */
    public record Result(String key, double value, double below, double above, String observable, double positiveAt,
            Map<String, Double> inner, Map<String, Double> observables) {
        /** Copies the maps. */
        public Result {
            inner = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inner));
            observables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(observables));
        }
    }
}
