package qtm.sweep;

/**
 * One swept parameter: a key (Tc, Th or U) and an evenly spaced grid, linear or logarithmic.
 *
 * @param key Tc, Th or U
 * @param from first value
 * @param to last value
 * @param points number of values, ≥ 1
 * @param log whether the grid is evenly spaced in log10 (then from, to &gt; 0)
 */
public record Axis(Knob key, double from, double to, int points, boolean log) {
    /** @throws IllegalArgumentException on an empty grid or a non-positive end of a log grid */
    public Axis {
        if (key == null || points < 1 || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("an axis needs a key, finite ends and at least one point");
        }
        if (log && !(from > 0 && to > 0)) {
            throw new IllegalArgumentException("a log axis needs from, to > 0");
        }
    }

    /** @return the grid values, from first to last */
    public double[] values() {
        double[] v = new double[points];
        for (int k = 0; k < points; k++) {
            double u = points == 1 ? 0.0 : (double) k / (points - 1);
            v[k] = log ? Math.pow(10, Math.log10(from) + u * (Math.log10(to) - Math.log10(from)))
                    : from + u * (to - from);
        }
        // End points exactly as written, free of pow/log rounding.
        v[0] = from;
        if (points > 1) {
            v[points - 1] = to;
        }
        return v;
    }
}
