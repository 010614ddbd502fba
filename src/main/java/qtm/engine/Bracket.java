package qtm.engine;

/**
 * The safeguard of the engines' jump-time searches: Newton steps on ln‖ψ̃(τ)‖² − ln u, a function that decreases
 * through 0 somewhere in (lo, hi). Each evaluation narrows the bracket, and a step that would leave it is replaced
 * by bisection, so the search converges whatever the slope does. Mutable and reused by one engine instance, so that
 * a search allocates nothing.
 */
final class Bracket {
    private double lo;
    private double hi;

    /**
     * Starts a search.
     *
     * @param lo where the function is known above 0
     * @param hi where it is known at or below 0
     */
    void reset(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * @param x a first guess
     * @return x if it lies inside the bracket, else its midpoint
     */
    double inside(double x) {
        return x > lo && x < hi ? x : 0.5 * (lo + hi);
    }

    /**
     * Narrows the bracket by the function's value at x.
     *
     * @param x where it was evaluated
     * @param f its value there
     */
    void narrow(double x, double f) {
        if (f > 0) {
            lo = x;
        } else {
            hi = x;
        }
    }

    /** @return the bracket's width */
    double width() {
        return hi - lo;
    }

    /**
     * @param x the current point
     * @param step the Newton step from it
     * @return x + step if inside the bracket, else its midpoint
     */
    double next(double x, double step) {
        return inside(x + step);
    }
}
