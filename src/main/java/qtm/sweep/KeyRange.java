package qtm.sweep;

/**
 * A numeric scenario key that a search varies (issue 26), spelled as {@code --set} spells it, and the interval it is
 * searched in. The search itself runs on the unit interval: u ∈ [0, 1] maps to x = min + (max − min)·u, or on a log
 * scale to x = min·(max/min)^u, so that every key weighs the same whatever its units and decades.
 *
 * @param key the scenario key
 * @param min the smallest value, finite (&gt; 0 on a log scale)
 * @param max the largest value, finite, &gt; min
 * @param log whether the key is searched on a log scale
 */
public record KeyRange(String key, double min, double max, boolean log) {
    /** @throws IllegalArgumentException unless min &lt; max, both finite, and min &gt; 0 on a log scale */
    public KeyRange {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a key range needs a key");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("key " + key + ": expected finite min < max, got [" + min + ", "
                    + max + "]");
        }
        if (log && !(min > 0)) {
            throw new IllegalArgumentException("key " + key + ": a log scale needs min > 0, got " + min);
        }
    }

    /**
     * @param u a point of the unit interval (clamped to it)
     * @return the key's value there; min and max exactly at the ends, free of pow rounding
     */
    public double value(double u) {
        if (!(u > 0)) {
            return min;
        }
        if (u >= 1) {
            return max;
        }
        double x = log ? min * Math.pow(max / min, u) : min + (max - min) * u;
        return Math.min(max, Math.max(min, x));
    }

    /**
     * @param x a value of the key
     * @return where it lies on the unit interval, clamped to [0, 1]; the inverse of {@link #value}
     */
    public double unit(double x) {
        double u = log ? Math.log(x / min) / Math.log(max / min) : (x - min) / (max - min);
        return Double.isNaN(u) ? 0.0 : Math.min(1.0, Math.max(0.0, u));
    }
}
