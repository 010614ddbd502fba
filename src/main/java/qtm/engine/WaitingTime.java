package qtm.engine;

/**
 * Advances a state without jumps, in the Schur coordinates v of a {@link SchurPropagator}, until a span has passed or
 * its squared norm ‖e^{−iTt}v‖² (the survival probability, in closed form) falls to a threshold u, whichever comes
 * first; the time at which it falls is the waiting time of a quantum jump.
 *
 * <p>The norm is non-increasing (its derivative is −⟨v|Q†ΓQ|v⟩ ≤ 0), so the crossing is bracketed by halving: the
 * ladder's e^{−iT h_k} either keeps the norm above u (advance) or not (the crossing lies within h_k), one triangular
 * product per level. The last bracket, of length h_K with h_K‖T‖₁ ≤ 1/16, is solved by Newton's method on
 * ln‖v(x)‖² − ln u, with v(x) = Σ_m (−iTLx)^m v/m! a Taylor polynomial exact to rounding there, and the derivative
 * −L⟨v(x)|Q†ΓQ|v(x)⟩/‖v(x)‖²; a Newton step leaving the bracket is replaced by bisection, and the time is found to
 * 1e-12.
 *
 * <p>Mutable workspace for one thread; nothing is allocated per call.
 */
final class WaitingTime implements NoJumpPath {
    /** Taylor terms below the ladder: (1/16)^10/10! &lt; 3e-19. */
    private static final int TERMS = 9;
    private static final double TIME_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;

    /** The bracket of the jump-time search, reused so that no search allocates. */
    private final Bracket bracket = new Bracket();
    private final SchurPropagator propagator;
    private final int n;
    private final double[] candRe;
    private final double[] candIm;
    private final double[][] termRe;
    private final double[][] termIm;

    /** @param propagator the closed-form no-jump evolution */
    WaitingTime(SchurPropagator propagator) {
        this.propagator = propagator;
        this.n = propagator.dimension();
        this.candRe = new double[n];
        this.candIm = new double[n];
        this.termRe = new double[TERMS + 1][n];
        this.termIm = new double[TERMS + 1][n];
    }

    /**
     * Advances v by span or to the crossing of u.
     *
     * @param vRe real parts of v, advanced in place (not renormalised)
     * @param vIm imaginary parts
     * @param span the time to advance by, ≥ 0 and at most the grid step
     * @param u the threshold, in (0, ‖v‖²)
     * @return the time of the crossing in (0, span], with v advanced to it; or −1 if there is none, with v advanced
     *     by the span
     */
    @Override
    public double advance(double[] vRe, double[] vIm, double span, double u) {
        double done = 0;
        double left = span;
        for (int k = 0; k <= propagator.finest(); k++) {
            double h = propagator.span(k);
            if (left >= h) {
                if (propagator.step(k, vRe, vIm, candRe, candIm) > u) {
                    accept(vRe, vIm);
                    done += h;
                    left -= h;
                } else {
                    return done + descend(k + 1, vRe, vIm, u);
                }
            }
        }
        if (left <= 0) {
            return -1;
        }
        double x = root(vRe, vIm, left, u);
        return x < 0 ? -1 : done + x * left;
    }

    /** The crossing lies within h_{from−1} of v: halve down the ladder, then solve in the last h_K. */
    private double descend(int from, double[] vRe, double[] vIm, double u) {
        double done = 0;
        for (int k = from; k <= propagator.finest(); k++) {
            if (propagator.step(k, vRe, vIm, candRe, candIm) > u) {
                accept(vRe, vIm);
                done += propagator.span(k);
            }
        }
        double last = propagator.span(propagator.finest());
        double x = root(vRe, vIm, last, u);
        // The ladder said the norm falls to u within this bracket; if the polynomial disagrees by rounding, the
        // crossing is its end.
        return done + (x < 0 ? 1.0 : x) * last;
    }

    private void accept(double[] vRe, double[] vIm) {
        System.arraycopy(candRe, 0, vRe, 0, n);
        System.arraycopy(candIm, 0, vIm, 0, n);
    }

    /**
     * Solves ‖v(xL)‖² = u for x in (0, 1], L·‖T‖₁ ≤ 1/16.
     *
     * @return x with v set to v(xL), or −1 if the norm stays above u, with v set to v(L)
     */
    private double root(double[] vRe, double[] vIm, double length, double u) {
        double n0 = norm2(vRe, vIm);
        double target = Math.log(u);
        double slope0 = -length * propagator.decay(vRe, vIm) / n0;
        taylor(vRe, vIm, length);
        double n1 = evaluate(1.0);
        if (n1 > u) {
            accept(vRe, vIm);
            return -1;
        }
        bracket.reset(0, 1);
        double g0 = Math.log(n0) - target;
        double x = bracket.inside(slope0 < 0 ? -g0 / slope0 : 0.5);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double nx = evaluate(x);
            double g = Math.log(nx) - target;
            bracket.narrow(x, g);
            double slope = -length * propagator.decay(candRe, candIm) / nx;
            double step = slope < 0 ? -g / slope : Double.NaN;
            if (Math.abs(step) * length <= TIME_TOLERANCE || bracket.width() * length <= TIME_TOLERANCE) {
                accept(vRe, vIm);
                return x;
            }
            x = bracket.next(x, step);
        }
        throw new IllegalStateException("jump-time search did not converge");
    }

    /** Terms (−iTL)^m v/m!, m = 0 … TERMS. */
    private void taylor(double[] vRe, double[] vIm, double length) {
        System.arraycopy(vRe, 0, termRe[0], 0, n);
        System.arraycopy(vIm, 0, termIm[0], 0, n);
        for (int m = 1; m <= TERMS; m++) {
            propagator.generator(length / m, termRe[m - 1], termIm[m - 1], termRe[m], termIm[m]);
        }
    }

    /** cand = Σ_m terms_m x^m by Horner's rule. @return ‖cand‖² */
    private double evaluate(double x) {
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            double re = termRe[TERMS][i];
            double im = termIm[TERMS][i];
            for (int m = TERMS - 1; m >= 0; m--) {
                re = re * x + termRe[m][i];
                im = im * x + termIm[m][i];
            }
            candRe[i] = re;
            candIm[i] = im;
            norm2 += re * re + im * im;
        }
        return norm2;
    }

    @Override
    public void toInternal(double[] psiRe, double[] psiIm, double[] vRe, double[] vIm) {
        propagator.toSchur(psiRe, psiIm, vRe, vIm);
    }

    @Override
    public void toBasis(double[] vRe, double[] vIm, double[] psiRe, double[] psiIm) {
        propagator.toBasis(vRe, vIm, psiRe, psiIm);
    }

    /** ‖v‖², the survival probability: Q is unitary. */
    @Override
    public double norm2(double[] re, double[] im) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += re[i] * re[i] + im[i] * im[i];
        }
        return s;
    }
}
