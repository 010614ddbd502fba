package qtm.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The best point a {@link KeyOptimizer} found: the varied keys' values and every steady observable there.
 *
 * @param vary the keys varied, in order
 * @param values their values at the optimum, in the same order; each is a double that {@code --set KEY=VALUE} with
 *     {@link KeySweep#text} reproduces bit for bit
 * @param observable the observable maximised
 * @param observables every steady observable at the optimum, by column name (the maximised one among them)
 * @param startValues the best value reached from each start, in start order: when the largest few agree, the optimum
 *     is not an accident of one start
 */
public record KeyOptimum(List<KeyRange> vary, double[] values, String observable, Map<String, Double> observables,
        double[] startValues) {
    /** Copies everything. */
    public KeyOptimum {
        vary = List.copyOf(vary);
        values = values.clone();
        observables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(observables));
        startValues = startValues.clone();
    }

    /** @return the maximised observable's value */
    public double value() {
        return observables.get(observable);
    }

    /** @return a copy of the key values */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return a copy of the per-start values */
    @Override
    public double[] startValues() {
        return startValues.clone();
    }

    /** @return the keys and their values, in order */
    public Map<String, Double> keys() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < vary.size(); i++) {
            out.put(vary.get(i).key(), values[i]);
        }
        return out;
    }
}
