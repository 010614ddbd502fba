package qtm.sweep;

/**
 * The best point one climb of an optimiser has seen (BOBYQA and Brent do not hand it back when they stop early), and
 * the Halton points the optimisers screen with. Mutable; one per climb.
 */
final class BestPoint {
    double[] point;
    double value = Double.NEGATIVE_INFINITY;

    /**
     * @param x a point
     * @param v its value
     * @return v, so that an objective can report through it
     */
    double offer(double[] x, double v) {
        if (v > value) {
            value = v;
            point = x.clone();
        }
        return v;
    }

    /**
     * @param index the point's index, ≥ 1
     * @param base a prime, one per coordinate
     * @return the radical inverse of index in base, in [0, 1)
     */
    static double halton(int index, int base) {
        double f = 1;
        double r = 0;
        for (int i = index; i > 0; i /= base) {
            f /= base;
            r += f * (i % base);
        }
        return r;
    }
}
