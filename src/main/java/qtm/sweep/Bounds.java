package qtm.sweep;

/**
 * The box each coupling is searched in: g and both transition rates lie in [min, max]. The paper asks for
 * g, p_c, p_h ≤ 1e-2 (weak coupling, "(0, 1e-2]"); the search runs on log-parameters, so the open end at 0 becomes a
 * small positive floor.
 *
 * @param min smallest value, &gt; 0
 * @param max largest value, &gt; min
 */
public record Bounds(double min, double max) {
    /** The paper's weak-coupling box: (0, 1e-2], with the floor eight decades below the ceiling. */
    public static final Bounds PAPER = new Bounds(1e-10, 1e-2);

    /** @throws IllegalArgumentException unless 0 &lt; min &lt; max &lt; ∞ */
    public Bounds {
        if (!(min > 0) || !(max > min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("bounds need 0 < min < max < inf, got [" + min + ", " + max + "]");
        }
    }

    /** @return log10(min) */
    double logMin() {
        return Math.log10(min);
    }

    /** @return log10(max) */
    double logMax() {
        return Math.log10(max);
    }
}
