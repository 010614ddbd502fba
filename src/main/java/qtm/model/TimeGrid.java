package qtm.model;

/**
 * A uniform output grid t_k = k·end/(points − 1), k = 0 … points − 1.
 *
 * @param end last time, finite and &gt; 0 (in units of 1/E)
 * @param points number of grid points, ≥ 2
 */
public record TimeGrid(double end, int points) {
    /** @throws IllegalArgumentException if end is not finite and positive or points &lt; 2 */
    public TimeGrid {
        if (!(end > 0) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("end must be finite and > 0, got " + end);
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
    }

    /** @return the grid spacing */
    public double step() {
        return end / (points - 1);
    }

    /**
     * @param k index
     * @return t_k
     */
    public double time(int k) {
        return k == points - 1 ? end : k * step();
    }
}
