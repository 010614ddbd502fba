package qtm.sweep;

import java.util.Arrays;

/**
 * One axis of a key sweep (issue 26): a numeric scenario key, spelled as {@code --set} spells it
 * ({@code model.g}, {@code model.couplings[0].g}, {@code model.baths[cold].T}), and the values it takes, in order.
 *
 * @param key the scenario key
 * @param values its values, at least one, all finite
 * @param log whether the values are log-spaced (their charts then use a log axis)
 */
public record KeyAxis(String key, double[] values, boolean log) {
    /** @throws IllegalArgumentException on a missing key, no values or a value that is not finite */
    public KeyAxis {
        values = values.clone();
        if (key == null || key.isEmpty() || values.length == 0) {
            throw new IllegalArgumentException("an axis needs a key and at least one value");
        }
        for (double v : values) {
            if (!Double.isFinite(v) || log && !(v > 0)) {
                throw new IllegalArgumentException("axis " + key + ": every value must be finite"
                        + (log ? " and > 0 on a log scale" : "") + ", got " + v);
            }
        }
    }

    /**
     * An evenly spaced axis: x_i = from + (to − from)·i/(points − 1), or on a log scale issue 26's
     * x_i = from·(to/from)^(i/(points − 1)); the ends are from and to exactly, free of pow rounding.
     *
     * @param key the scenario key
     * @param from first value
     * @param to last value
     * @param points number of values, ≥ 1
     * @param log log spacing (then from, to &gt; 0)
     * @return the axis
     * @throws IllegalArgumentException if points &lt; 1 or the ends are not finite (or not positive on a log scale)
     */
    public static KeyAxis range(String key, double from, double to, int points, boolean log) {
        if (points < 1) {
            throw new IllegalArgumentException("an axis needs at least one point");
        }
        double[] v = new double[points];
        for (int i = 0; i < points; i++) {
            double u = points == 1 ? 0.0 : (double) i / (points - 1);
            v[i] = log ? from * Math.pow(to / from, u) : from + (to - from) * u;
        }
        v[0] = from;
        if (points > 1) {
            v[points - 1] = to;
        }
        return new KeyAxis(key, v, log);
    }

    /** @return a copy of the values */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return the number of values */
    public int points() {
        return values.length;
    }

    /**
     * @param i an index
     * @return the i-th value
     */
    public double value(int i) {
        return values[i];
    }

    /**
     * @param other another axis
     * @return whether both have the same key and the same values, bit for bit
     */
    public boolean sameAs(KeyAxis other) {
        return key.equals(other.key) && Arrays.equals(values, other.values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyAxis a && sameAs(a) && log == a.log;
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return key + " " + Arrays.toString(values) + (log ? " (log)" : "");
    }
}
