package qtm.exact;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import qtm.math.HermitianBasis;
import qtm.math.MatrixExp;
import qtm.math.RealVectors;
import qtm.model.Model;
import qtm.model.Side;

/**
 * The exact distribution of the waiting time τ from a jump of one bath to the next jump of a bath (the same or the
 * other): w(τ) = Tr[J e^{(L−J)τ} J′ρ] / Tr[J′ρ], where J′ holds the jump terms γA·A† of the starting bath's channels
 * that move energy (ν ≠ 0), J those of the bath waited for, and L − J keeps every other channel, so jumps of the other
 * bath and energy-free resets may happen in between. In the steady state ρ = ρ∞ this is the Palm distribution of the
 * interval. Because Tr L = 0, the survival is S(τ) = Tr e^{(L−J)τ}J′ρ / Tr J′ρ (what is left is the weight not yet
 * taken by a J jump), so a bin's probability S(a) − S(b) needs no integral and no inverse, and is exact also when
 * L − J is singular (a next jump that may never come, S(∞) &gt; 0). Works on the real d²×d² matrices in
 * {@link HermitianBasis} coordinates, for a two-qubit model (its three {@link Pair}s) and for any machine (any ordered
 * pair of its baths, {@link MachineWaitingTimes}) alike. Immutable.
 */
public final class WaitingTimes {
    /** The three distributions the runs record. */
    public enum Pair {
        /** From a cold jump to the next cold jump. */
        COLD_COLD(Side.COLD, Side.COLD),
        /** From a hot jump to the next hot jump. */
        HOT_HOT(Side.HOT, Side.HOT),
        /** From a cold jump to the next hot jump. */
        COLD_HOT(Side.COLD, Side.HOT);

        private final Side from;
        private final Side to;

        Pair(Side from, Side to) {
            this.from = from;
            this.to = to;
        }

        /** @return the bath whose jump starts the interval */
        public Side from() {
            return from;
        }

        /** @return the bath whose jump ends it */
        public Side to() {
            return to;
        }

        /** @return "cold_cold", "hot_hot" or "cold_hot", as in output files */
        public String key() {
            return from.key() + "_" + to.key();
        }

        /** @return the pair of bath indices (cold 0, hot 1) with {@link #key()} */
        public WaitingPair pair() {
            return new WaitingPair(from.bath(), to.bath(), key());
        }
    }

    private final WaitingPair pair;
    private final HermitianBasis basis;
    private final DMatrixRMaj generator;
    /** L − J. */
    private final DMatrixRMaj free;
    private final DMatrixRMaj end;
    private final DMatrixRMaj start;
    private final double[] trace;
    private final double[] steady;
    /** J′ρ∞ / Tr J′ρ∞. */
    private final double[] after;
    private final double startRate;
    private final boolean certain;
    private final FreeEvolution evolution;

    /**
     * @param model the machine, with a unique steady state
     * @param pair which jumps start and end the interval
     * @throws IllegalArgumentException if the steady state is not unique, or no starting jump ever happens in it
     */
    public WaitingTimes(Model model, Pair pair) {
        this(WaitingSource.of(model), pair.pair());
    }

    /**
     * @param model a two-qubit model, with a unique steady state
     * @param pair which jumps start and end the interval (bath 0 cold, 1 hot)
     * @throws IllegalArgumentException if the steady state is not unique, or no starting jump ever happens in it
     */
    public WaitingTimes(Model model, WaitingPair pair) {
        this(WaitingSource.of(model), pair);
    }

    WaitingTimes(WaitingSource source, WaitingPair pair) {
        this.pair = pair;
        basis = source.basis();
        generator = source.generator();
        end = source.term(pair.to());
        start = source.term(pair.from());
        free = generator.copy();
        CommonOps_DDRM.subtractEquals(free, end);
        trace = basis.traceFunctional();
        steady = source.steady();
        double[] v = RealVectors.mult(start, steady);
        startRate = RealVectors.dot(trace, v);
        if (!(startRate > 0)) {
            throw new IllegalArgumentException("no " + source.bath(pair.from()) + " jump happens in the steady state");
        }
        after = scale(v, 1 / startRate);
        evolution = new FreeEvolution(free, source.spectral());
        certain = evolution.slowest() < 0;
    }

    /** @return which baths' jumps start and end the interval */
    public WaitingPair pair() {
        return pair;
    }

    /** @return Tr J′ρ∞, the stationary rate of the starting jumps */
    public double startRate() {
        return startRate;
    }

    /** @return Tr Jρ∞, the stationary rate of the jumps waited for */
    public double endRate() {
        return RealVectors.dot(trace, RealVectors.mult(end, steady));
    }

    /** @return whether the next jump comes with probability 1 (every eigenvalue of L − J has Re &lt; 0) */
    public boolean certain() {
        return certain;
    }

    /**
     * @param tau the waiting time, ≥ 0
     * @return the density w(τ) in the steady state
     */
    public double density(double tau) {
        return RealVectors.dot(trace, RealVectors.mult(end, propagate(after, tau)));
    }

    /**
     * @param taus waiting times, each ≥ 0
     * @return the density w(τ) at each, in the steady state
     */
    public double[] density(double[] taus) {
        double[] out = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            out[i] = density(taus[i]);
        }
        return out;
    }

    /**
     * w(τ) for placing points on a chart, where a root search evaluates it some 40 times per bin: through the
     * eigendecomposition of L − J when it is well conditioned (two matrix-vector products per τ instead of an
     * exponential, its rounding about cond(V)·ε of the density's scale), else as {@link #density(double)}.
     *
     * @return τ ↦ w(τ), τ finite and ≥ 0
     */
    public java.util.function.DoubleUnaryOperator drawnDensity() {
        FreeEvolution fast = evolution.spectral() ? evolution : new FreeEvolution(free, true);
        return tau -> RealVectors.dot(trace, RealVectors.mult(end, fast.apply(after, tau)));
    }

    /**
     * @param tau the waiting time, ≥ 0 (+∞ allowed)
     * @return S(τ) = P(no jump waited for within τ) in the steady state
     */
    public double survival(double tau) {
        return survival(after, tau);
    }

    private double survival(double[] from, double tau) {
        if (tau == Double.POSITIVE_INFINITY) {
            return certain ? 0.0 : survivalAtInfinity(from);
        }
        return RealVectors.dot(trace, propagate(from, tau));
    }

    /** S(∞) when L − J is singular: the weight left on its null space, by one very long propagation. */
    private double survivalAtInfinity(double[] from) {
        double norm = 0;
        for (double x : free.data) {
            norm = Math.max(norm, Math.abs(x));
        }
        // Every decaying mode is far below rounding after 1e6 / (slowest non-zero rate); the slowest rate is not
        // known here, so the norm scale stands in, with a margin of 1e6 on top of the 1e-12 zero test.
        return RealVectors.dot(trace, evolution.byExponential(from, 1e18 / Math.max(norm, Double.MIN_NORMAL)));
    }

    private double[] propagate(double[] v, double tau) {
        if (!(tau >= 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("waiting time must be finite and >= 0: " + tau);
        }
        return evolution.apply(v, tau);
    }

    /**
     * @return the mean waiting time Tr[(J − L)⁻¹ J′ρ∞] / Tr[J′ρ∞] (= ∫S)
     * @throws IllegalStateException if the next jump is not certain (the mean is infinite)
     */
    public double mean() {
        if (!certain) {
            throw new IllegalStateException("the next jump is not certain: the mean waiting time is infinite");
        }
        int n = basis.size();
        DMatrixRMaj minus = free.copy();
        CommonOps_DDRM.scale(-1, minus);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        solver.setA(minus);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        solver.solve(DMatrixRMaj.wrap(n, 1, after.clone()), x);
        return RealVectors.dot(trace, x.data);
    }

    /**
     * The τ with S(τ) = s in the steady state, by bisection to double resolution.
     *
     * @param s in (S(∞), 1)
     * @return τ
     * @throws IllegalArgumentException if S never falls to s
     */
    public double quantile(double s) {
        if (!(s > 0 && s < 1) || survival(Double.POSITIVE_INFINITY) >= s) {
            throw new IllegalArgumentException("the survival never falls to " + s);
        }
        double hi = 1 / (startRate + endRate());
        while (survival(hi) > s) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > Math.ulp(hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (survival(mid) > s) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * Bin edges of about equal probability in the steady state, found on a march of 4096 steps of e^{(L−J)h} (a
     * matrix-vector product each), so they are cheap and reproducible; their exact probabilities come from
     * {@link #bins(double[])}. τ_max is the first step at which S ≤ {@code floor}, or {@code cap} if S stays above
     * it; the edges below it are the first steps at which S falls to 1 − j(1 − S(τ_max))/bins. Steps that would give
     * a bin no width are dropped, so fewer edges may come back.
     *
     * @param bins the number of bins wanted, ≥ 1
     * @param floor the survival at which τ_max is reached, in (0, 1)
     * @param cap the largest τ_max, &gt; 0 and finite
     * @return increasing edges, the last one τ_max
     */
    public double[] edges(int bins, double floor, double cap) {
        if (bins < 1 || !(floor > 0 && floor < 1) || !(cap > 0) || Double.isInfinite(cap)) {
            throw new IllegalArgumentException("bins >= 1, floor in (0, 1) and a finite cap > 0 needed");
        }
        // A first march finds where S reaches the floor, a second one resolves the edges below it.
        double reach = march(cap, floor, null, 0);
        double[] found = new double[bins];
        march(reach, 0, found, bins);
        double[] out = new double[bins];
        int m = 0;
        for (double e : found) {
            if (e > (m == 0 ? 0 : out[m - 1])) {
                out[m++] = e;
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    /**
     * Steps e^{(L−J)h} with h = span/4096 from J′ρ∞. Without {@code edges}: returns the first step where S ≤ floor
     * (span if none). With them: fills edges[j − 1] with the first step where S ≤ 1 − j(1 − S(span))/bins, and
     * edges[bins − 1] = span.
     */
    private double march(double span, double floor, double[] edges, int bins) {
        int steps = 4096;
        double h = span / steps;
        DMatrixRMaj m = free.copy();
        CommonOps_DDRM.scale(h, m);
        DMatrixRMaj step = MatrixExp.exp(m);
        double[] x = after.clone();
        double last = edges == null ? 0 : survival(span);
        int j = 1;
        for (int i = 1; i <= steps; i++) {
            x = RealVectors.mult(step, x);
            double s = RealVectors.dot(trace, x);
            double t = i == steps ? span : i * h;
            if (edges == null) {
                if (s <= floor) {
                    return t;
                }
                continue;
            }
            while (j < bins && s <= 1 - j * (1 - last) / bins) {
                edges[j - 1] = t;
                j++;
            }
        }
        if (edges != null) {
            while (j <= bins) {
                edges[j - 1] = span;
                j++;
            }
        }
        return span;
    }

    /**
     * The probabilities of bins [e_{i−1}, e_i) with e_{−1} = 0, and of the overflow [e_last, ∞) (including a next
     * jump that never comes), in the steady state.
     *
     * @param edges increasing upper edges, the last one τ_max
     * @return edges.length + 1 probabilities that sum to 1
     */
    public double[] bins(double[] edges) {
        return bins(after, edges);
    }

    /**
     * The same bins for intervals that start at jumps in the window [t1, t2] of a run started in ρ0, weighted as a
     * ratio of means weights them: each start at t counts with the rate Tr J′ρ(t), so the starting state is
     * J′ρ̄ / Tr J′ρ̄ with ρ̄ = ∫_{t1}^{t2} e^{Lt}ρ0 dt. This is the exact limit of the histogram of any run, with or
     * without burn-in; it tends to {@link #bins(double[])} as t1 grows.
     *
     * @param edges increasing upper edges
     * @param rho0 the run's initial state
     * @param t1 window start, ≥ 0
     * @param t2 window end, &gt; t1
     * @return edges.length + 1 probabilities
     */
    public double[] bins(double[] edges, ZMatrixRMaj rho0, double t1, double t2) {
        if (!(t1 >= 0 && t2 > t1) || Double.isInfinite(t2)) {
            throw new IllegalArgumentException("window [" + t1 + ", " + t2 + "] is not a finite interval");
        }
        int n = basis.size();
        DMatrixRMaj l = generator.copy();
        CommonOps_DDRM.scale(t1, l);
        double[] x1 = RealVectors.mult(MatrixExp.exp(l), basis.coordinates(rho0, new double[n]));
        // ∫_0^W e^{Lt}x dt is the last column's top block of exp([[L, x], [0, 0]]·W).
        double w = t2 - t1;
        DMatrixRMaj big = new DMatrixRMaj(n + 1, n + 1);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                big.set(r, c, w * generator.get(r, c));
            }
            big.set(r, n, w * x1[r]);
        }
        DMatrixRMaj e = MatrixExp.exp(big);
        double[] mean = new double[n];
        for (int r = 0; r < n; r++) {
            mean[r] = e.get(r, n);
        }
        double[] v = RealVectors.mult(start, mean);
        double rate = RealVectors.dot(trace, v);
        if (!(rate > 0)) {
            throw new IllegalArgumentException("no starting jump happens in the window");
        }
        return bins(scale(v, 1 / rate), edges);
    }

    private double[] bins(double[] from, double[] edges) {
        double[] p = new double[edges.length + 1];
        double previous = 1.0;
        for (int i = 0; i < edges.length; i++) {
            if (!(edges[i] > (i == 0 ? 0 : edges[i - 1]))) {
                throw new IllegalArgumentException("bin edges must be positive and increasing");
            }
            double s = survival(from, edges[i]);
            p[i] = previous - s;
            previous = s;
        }
        p[edges.length] = previous;
        return p;
    }

    private static double[] scale(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }
}
