package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.math.RealVectors;
import qtm.model.Channels;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * Full counting statistics of the collision model at its finite step Δt, for the quanta or the heat that flow into
 * one bath: the tilted one-step map M(χ) = Σ_b e^{χ w_b} K_b · K_b†, summed over the Kraus branches of one step of
 * {@link Collision} (the same sequence as {@link CollisionMap}: e^{−iHΔt}, then the resets, then the partial swaps,
 * in list order). Its leading eigenvalue λ(χ) gives the stationary cumulants per unit time,
 * c_n = (1/Δt) dⁿ ln λ/dχⁿ at 0; the powers of M(χ) give the finite-time moments and, at χ = iφ, the distribution.
 *
 * <p>Branch → weight, exactly as {@code qtm.engine.CollisionEngine} reports jumps to its observer (a collision counts like the
 * jump it causes, {@code observer.jump(j, side(j), energy(j), t)} in {@code CollisionEngine.jumpBy}):
 * <ul>
 * <li>reset of qubit k (CollisionEngine.reset): the branch "no reset", 1 − p_kΔt, counts nothing; the branch "reset
 * through channel j = |i⟩⟨j'|", Kraus √(γ_jΔt)·A_j, is reported as a jump of channel j and carries its weight, also
 * when its energy is 0 (ν = 0 then, so it counts nothing);</li>
 * <li>partial swap of the pair (L, L†) (CollisionEngine.swap): "ancilla ground, click", √((1−q) sin²θ)·L, is a jump
 * of the down channel (weight of its energy, &gt; 0); "ancilla excited, click", √(q sin²θ)·L†, a jump of the up
 * channel (weight of its energy, &lt; 0); the two no-click branches √(1−q)(1 − (1 − cos θ)L†L) and
 * √q(1 − (1 − cos θ)LL†) report nothing (CollisionEngine.quiet).</li>
 * </ul>
 * A weight is ν = sign(energy) for {@link Weight#QUANTA} and the energy for {@link Weight#HEAT}, as in
 * {@link CountingStatistics} and the observers' counts; branches of the other bath's channels count nothing.
 * Everything is exact linear algebra on the real 16×16 matrices in {@link HermitianBasis} coordinates. Immutable.
 */
public final class CollisionCounting {
    /** Moments carried: up to the fourth, which the verdict's null variance of a sample variance needs. */
    private static final int ORDER = 4;
    private final HermitianBasis basis = new HermitianBasis(TwoQubits.DIM);
    private final double[] trace = basis.traceFunctional();
    private final Collision collision;
    private final TimeGrid grid;
    private final Weight weight;
    private final boolean uncoupled;
    private final boolean equilibrium;
    /** Whether the collisions of the two baths commute (all but the double dot with U ≠ 0). */
    private final boolean oddFree;
    /** The collisions of one step, in the order they act, e^{−iHΔt} first. */
    private final List<Factor> factors = new ArrayList<>();
    /** Taylor coefficients M_0 … M_3 of M(χ) = Σ_n χⁿ M_n. */
    private final DMatrixRMaj[] step;
    /** The largest |count| one step can add (quanta): one per collision of the counted bath. */
    private final int perStep;
    private final double[] steady;

    /** A counted Kraus branch: its weight and the superoperator ρ ↦ K ρ K†. */
    private record Branch(double w, DMatrixRMaj term) {
    }

    /** One collision: the part that counts nothing, and the counted branches. */
    private record Factor(DMatrixRMaj quiet, List<Branch> counted) {
    }

    /**
     * @param model the machine (with a unique steady state for {@link #stationary()})
     * @param grid the output grid; Δt is shortened as the engine does so that whole steps fill each interval
     * @param dt the requested step, as for the collision engine
     * @param side the bath whose inflow is counted
     * @param weight quanta or heat
     * @throws IllegalArgumentException if the step is unsuitable (see {@link Collision#of})
     */
    public CollisionCounting(Model model, TimeGrid grid, double dt, Side side, Weight weight) {
        this.grid = grid;
        this.collision = Collision.of(model, grid, dt);
        this.weight = weight;
        double h = collision.dt();
        Channels ch = collision.channels();
        ZMatrixRMaj u = CollisionMap.propagator(model, h);
        ZMatrixRMaj ud = Ops.dagger(u);
        factors.add(new Factor(superoperator(r -> Ops.mult(u, r, ud)), List.of()));
        int counted = 0;
        for (Collision.Reset r : collision.resets()) {
            DMatrixRMaj quiet = CommonOps_DDRM.identity(basis.size());
            CommonOps_DDRM.scale(1 - r.probability(), quiet);
            List<Branch> branches = new ArrayList<>();
            for (int j : r.channels()) {
                ZMatrixRMaj a = ch.jump(j).operator();
                DMatrixRMaj term = superoperator(x -> Ops.scale(ch.rate(j) * h, 0, Ops.mult(a, x, Ops.dagger(a))));
                add(quiet, branches, term, ch.side(j) == side ? weight(ch.energy(j)) : 0);
            }
            counted += branches.isEmpty() ? 0 : 1;
            factors.add(new Factor(quiet, branches));
        }
        for (Collision.Swap w : collision.swaps()) {
            double q = w.excited();
            ZMatrixRMaj l = ch.jump(w.down()).operator();
            ZMatrixRMaj ld = Ops.dagger(l);
            ZMatrixRMaj m0 = CollisionMap.quiet(ld, l, w.cos());
            ZMatrixRMaj m1 = CollisionMap.quiet(l, ld, w.cos());
            DMatrixRMaj quiet = superoperator(x -> Ops.add(1 - q, Ops.mult(m0, x, m0), q, Ops.mult(m1, x, m1)));
            List<Branch> branches = new ArrayList<>();
            boolean mine = ch.side(w.down()) == side;
            add(quiet, branches, superoperator(x -> Ops.scale((1 - q) * w.sin2(), 0, Ops.mult(l, x, ld))),
                    mine ? weight(ch.energy(w.down())) : 0);
            if (w.up() >= 0) {
                add(quiet, branches, superoperator(x -> Ops.scale(q * w.sin2(), 0, Ops.mult(ld, x, l))),
                        mine ? weight(ch.energy(w.up())) : 0);
            }
            counted += branches.isEmpty() ? 0 : 1;
            factors.add(new Factor(quiet, branches));
        }
        perStep = counted;
        DMatrixRMaj[] jet = identityJet();
        for (Factor f : factors) {
            jet = compose(jet(f), jet);
        }
        step = jet;
        steady = fixedPoint();
        uncoupled = model.g() == 0 && (weight == Weight.QUANTA || model.coulomb() == 0);
        equilibrium = model.cold().temperature() == model.hot().temperature();
        oddFree = model.coulomb() == 0;
    }

    /**
     * The collision model without an output grid: Δt is used as given.
     *
     * @param model the machine
     * @param dt the step
     * @param side the bath whose inflow is counted
     * @param weight quanta or heat
     * @throws IllegalArgumentException if the step is unsuitable (see {@link Collision#of})
     */
    public CollisionCounting(Model model, double dt, Side side, Weight weight) {
        this(model, new TimeGrid(checked(dt), 2), dt, side, weight);
    }

    private static double checked(double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("collision dt must be finite and > 0, got " + dt);
        }
        return dt;
    }

    private double weight(double energy) {
        return weight == Weight.QUANTA ? Math.signum(energy) : energy;
    }

    private static void add(DMatrixRMaj quiet, List<Branch> branches, DMatrixRMaj term, double w) {
        if (w == 0) {
            CommonOps_DDRM.addEquals(quiet, term);
        } else {
            branches.add(new Branch(w, term));
        }
    }

    private DMatrixRMaj superoperator(UnaryOperator<ZMatrixRMaj> map) {
        int n = basis.size();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            basis.coordinates(map.apply(basis.element(c)), column);
            for (int r = 0; r < n; r++) {
                m.set(r, c, column[r]);
            }
        }
        return m;
    }

    /** Taylor coefficients of quiet + Σ_b e^{χ w_b} term_b. */
    private DMatrixRMaj[] jet(Factor f) {
        DMatrixRMaj[] j = new DMatrixRMaj[ORDER + 1];
        j[0] = f.quiet().copy();
        for (int p = 1; p <= ORDER; p++) {
            j[p] = new DMatrixRMaj(basis.size(), basis.size());
        }
        for (Branch b : f.counted()) {
            double c = 1;
            for (int p = 0; p <= ORDER; p++) {
                CommonOps_DDRM.addEquals(j[p], c, b.term());
                c *= b.w() / (p + 1);
            }
        }
        return j;
    }

    private DMatrixRMaj[] identityJet() {
        DMatrixRMaj[] j = new DMatrixRMaj[ORDER + 1];
        j[0] = CommonOps_DDRM.identity(basis.size());
        for (int p = 1; p <= ORDER; p++) {
            j[p] = new DMatrixRMaj(basis.size(), basis.size());
        }
        return j;
    }

    /** The Taylor coefficients of A(χ)B(χ). */
    private static DMatrixRMaj[] compose(DMatrixRMaj[] a, DMatrixRMaj[] b) {
        DMatrixRMaj[] c = new DMatrixRMaj[a.length];
        DMatrixRMaj tmp = new DMatrixRMaj(a[0].numRows, b[0].numCols);
        for (int n = 0; n < a.length; n++) {
            c[n] = new DMatrixRMaj(a[0].numRows, b[0].numCols);
            for (int i = 0; i <= n; i++) {
                CommonOps_DDRM.mult(a[i], b[n - i], tmp);
                CommonOps_DDRM.addEquals(c[n], tmp);
            }
        }
        return c;
    }

    /** The Taylor coefficients of M(χ)^s, by squaring. */
    private DMatrixRMaj[] power(long s) {
        DMatrixRMaj[] result = identityJet();
        DMatrixRMaj[] base = step;
        while (s > 0) {
            if ((s & 1) == 1) {
                result = compose(base, result);
            }
            s >>= 1;
            if (s > 0) {
                base = compose(base, base);
            }
        }
        return result;
    }

    /** ρ∞ of M_0: the solution of (1 − M_0 + |x⟩⟨1|)ρ = x for any x of unit trace. */
    private double[] fixedPoint() {
        int n = basis.size();
        double[] x = basis.coordinates(Ops.scale(1.0 / TwoQubits.DIM, 0,
                Ops.of(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, null)), new double[n]);
        DMatrixRMaj k = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.subtractEquals(k, step[0]);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                k.add(r, c, x[r] * trace[c]);
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        if (!solver.setA(k)) {
            return null;
        }
        DMatrixRMaj rho = new DMatrixRMaj(n, 1);
        solver.solve(DMatrixRMaj.wrap(n, 1, x.clone()), rho);
        return rho.data;
    }

    /** @return the collision step in use (Δt after fitting the grid) */
    public Collision collision() {
        return collision;
    }

    /** @return Δt in use */
    public double dt() {
        return collision.dt();
    }

    /**
     * @return the largest |N| one step can add: one quantum per collision of the counted bath (a collision has at
     *     most one branch that fires)
     */
    public int maxQuantaPerStep() {
        return perStep;
    }

    /**
     * The stationary cumulants per unit time, from discrete-time Rayleigh–Schrödinger perturbation theory of the
     * eigenvalue λ(χ) = 1 + λ1χ + λ2χ² + λ3χ³ + … of M(χ) = Σ χⁿ M_n. With ⟨X⟩ = Tr X ρ∞ (ρ∞ = M_0 ρ∞) and R the
     * Drazin inverse of 1 − M_0, R = (1 − M_0 + |ρ∞⟩⟨1|)⁻¹ − |ρ∞⟩⟨1| (the reduced resolvent at λ = 1):
     * λ1 = ⟨M_1⟩, λ2 = ⟨M_2⟩ + ⟨M_1RM_1⟩, λ3 = ⟨M_3⟩ + ⟨M_1RM_2⟩ + ⟨M_2RM_1⟩ + ⟨M_1RM_1RM_1⟩ − λ1⟨M_1R²M_1⟩; and
     * ln λ gives c1 = λ1/Δt, c2 = (2λ2 − λ1²)/Δt, c3 = (6λ3 − 6λ1λ2 + 2λ1³)/Δt.
     *
     * @return c1, c2, c3 per unit time; each that is smaller than {@link CountingStatistics#RESOLUTION} of the sum of
     *     the |terms| it is made of is NaN (unresolved in double precision: g far below the bath rates); without
     *     coupling all three are 0 (the count is bounded); at equal temperatures c1 is 0 (the Gibbs state
     *     e^{−βH₀} is the fixed point of every collision, at which each collision's up and down branches balance),
     *     and c3 is 0 where the two baths' collisions commute (reset, flux, double dot with U = 0: then λ(χ) =
     *     λ(−χ)). In the double dot with U ≠ 0 a dot's collision is conditioned on the other dot, the order of the
     *     collisions within a step breaks time reversal, and c3 ≠ 0 at equal temperatures, of order Δt (about
     *     3.7e-5·Δt for E = 1, U = 2, g = 0.07, T = 0.5, Γ = 0.05, 0.08), computed like any other
     * @throws IllegalArgumentException if the map has no unique fixed point
     */
    public Cumulants stationary() {
        if (steady == null) {
            throw new IllegalArgumentException("the collision map has no unique fixed point");
        }
        if (uncoupled) {
            // Each qubit alone with its bath: the count changes by at most one quantum net, so every rate is 0.
            return new Cumulants(0.0, 0.0, 0.0);
        }
        int n = basis.size();
        double[] rho = steady;
        DMatrixRMaj k = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.subtractEquals(k, step[0]);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                k.add(r, c, rho[r] * trace[c]);
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        if (!solver.setA(k)) {
            throw new IllegalArgumentException("the collision map has no unique fixed point");
        }
        UnaryOperator<double[]> drazin = b -> {
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            solver.solve(DMatrixRMaj.wrap(n, 1, b.clone()), x);
            double tb = RealVectors.dot(trace, b);
            double[] out = x.data.clone();
            for (int i = 0; i < n; i++) {
                out[i] -= rho[i] * tb;
            }
            return out;
        };
        DMatrixRMaj m1 = step[1];
        DMatrixRMaj m2 = step[2];
        DMatrixRMaj m3 = step[3];
        double l1 = RealVectors.dot(trace, RealVectors.mult(m1, rho));
        double gross = grossFlow();
        double[] rm1 = drazin.apply(RealVectors.mult(m1, rho));
        double a2 = RealVectors.dot(trace, RealVectors.mult(m2, rho));
        double b2 = RealVectors.dot(trace, RealVectors.mult(m1, rm1));
        double l2 = a2 + b2;
        double[] rm2 = drazin.apply(RealVectors.mult(m2, rho));
        double[] rrm1 = drazin.apply(rm1);
        double[] rm1rm1 = drazin.apply(RealVectors.mult(m1, rm1));
        double[] t3 = {6 * RealVectors.dot(trace, RealVectors.mult(m3, rho)), 6 * RealVectors.dot(trace, RealVectors.mult(m1, rm2)), 6 * RealVectors.dot(trace, RealVectors.mult(m2, rm1)),
            6 * RealVectors.dot(trace, RealVectors.mult(m1, rm1rm1)), -6 * l1 * RealVectors.dot(trace, RealVectors.mult(m1, rrm1)), -6 * l1 * l2, 2 * l1 * l1 * l1};
        double k3 = 0;
        double scale3 = 0;
        for (double x : t3) {
            k3 += x;
            scale3 += Math.abs(x);
        }
        double k2 = 2 * l2 - l1 * l1;
        double scale2 = 2 * Math.abs(a2) + 2 * Math.abs(b2) + l1 * l1;
        double h = collision.dt();
        double c1 = l1 / h;
        double c2 = k2 / h;
        double c3 = k3 / h;
        // Each is a difference of terms of the size of the gross flow; where it is far smaller it is rounding, not
        // physics: reported as NaN (unresolved), never as a number that could be of either sign.
        if (!(Math.abs(k2) >= CountingStatistics.RESOLUTION * scale2)) {
            c2 = Double.NaN;
        }
        if (equilibrium) {
            // The product of the thermal states is the fixed point of each collision, at which every collision's up
            // and down branches carry equal weight.
            c1 = 0.0;
        } else if (!(Math.abs(l1) >= CountingStatistics.RESOLUTION * gross)) {
            c1 = Double.NaN;
        }
        if (equilibrium && oddFree) {
            // λ(χ) = λ(−χ): the collisions of the two baths commute, so the step reversed is a cyclic permutation.
            c3 = 0.0;
        } else if (!(Math.abs(k3) >= CountingStatistics.RESOLUTION * scale3)) {
            c3 = Double.NaN;
        }
        return new Cumulants(c1, c2, c3);
    }

    /** Σ_b |w_b| Tr K_b ρ K_b† over one stationary step: what λ1 is the signed sum of. */
    private double grossFlow() {
        double[] v = steady;
        double gross = 0;
        for (Factor f : factors) {
            DMatrixRMaj all = f.quiet().copy();
            for (Branch b : f.counted()) {
                gross += Math.abs(b.w()) * RealVectors.dot(trace, RealVectors.mult(b.term(), v));
                CommonOps_DDRM.addEquals(all, b.term());
            }
            v = RealVectors.mult(all, v);
        }
        return gross;
    }

    /**
     * The raw moments of the count after a number of steps from ρ0, from the Taylor coefficients of M(χ)^s ρ0:
     * E[Xᵐ] = m! Tr (coefficient m).
     *
     * @param rho0 the initial state
     * @param steps s ≥ 0
     * @param order 1 to 4
     * @return E[X], E[X²], … up to the order
     */
    public double[] moments(ZMatrixRMaj rho0, long steps, int order) {
        if (order < 1 || order > ORDER) {
            throw new IllegalArgumentException("order 1 to " + ORDER);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        double[][] v = apply(power(steps), initial(rho0));
        double[] out = new double[order];
        double factorial = 1;
        for (int m = 1; m <= order; m++) {
            factorial *= m;
            out[m - 1] = factorial * RealVectors.dot(trace, v[m]);
        }
        return out;
    }

    private double[][] initial(ZMatrixRMaj rho0) {
        int n = basis.size();
        double[][] v = new double[ORDER + 1][n];
        basis.coordinates(rho0, v[0]);
        return v;
    }

    private static double[][] apply(DMatrixRMaj[] jet, double[][] v) {
        double[][] out = new double[v.length][v[0].length];
        for (int p = 0; p < v.length; p++) {
            for (int i = 0; i <= p; i++) {
                double[] x = RealVectors.mult(jet[i], v[p - i]);
                for (int r = 0; r < x.length; r++) {
                    out[p][r] += x[r];
                }
            }
        }
        return out;
    }

    /**
     * The mean, variance and fourth central moment of the count on every point of the output grid from ρ0:
     * (ρ, ∂ρ, …, ∂⁴ρ) advanced by the Taylor coefficients of M(χ)^{steps per interval}.
     *
     * @param rho0 the initial state
     * @return [k][0] the mean, [k][1] the variance, [k][2] E(X − EX)⁴ at t_k
     */
    public double[][] onGrid(ZMatrixRMaj rho0) {
        DMatrixRMaj[] g = power(collision.stepsPerPoint());
        double[][] v = initial(rho0);
        double[][] out = new double[grid.points()][];
        for (int k = 0; k < grid.points(); k++) {
            if (k > 0) {
                v = apply(g, v);
            }
            out[k] = CountingStatistics.central(RealVectors.dot(trace, v[1]), 2 * RealVectors.dot(trace, v[2]),
                    6 * RealVectors.dot(trace, v[3]), 24 * RealVectors.dot(trace, v[4]));
        }
        return out;
    }

    /**
     * The distribution P(N = n) of the net number of quanta (weight {@link Weight#QUANTA}) after a number of steps
     * from ρ0, by Fourier inversion: p(φ) = Tr M(iφ)^s ρ0 at M equally spaced φ, P(n) = (1/M) Σ_m p(φ_m) e^{−inφ_m}.
     * The count is bounded, |N| ≤ s·{@link #maxQuantaPerStep()}; where that range is at most mean ± 12 standard
     * deviations ± 32 it is covered whole and the inversion is exact, else that window is (the tails aliased into it
     * are far below double rounding).
     *
     * @param rho0 the initial state
     * @param steps s ≥ 0
     * @return the distribution from n = {@code first} on
     * @throws IllegalStateException if the weight is not quanta
     * @throws IllegalArgumentException if the window exceeds {@link CountingStatistics#MAX_VALUES} values
     */
    public Distribution distribution(ZMatrixRMaj rho0, long steps) {
        if (weight != Weight.QUANTA) {
            throw new IllegalStateException("the distribution is of the net number of quanta");
        }
        double[] m = moments(rho0, steps, 2);
        double sd = Math.sqrt(Math.max(0, m[1] - m[0] * m[0]));
        long bound = steps * perStep;
        long lo = Math.max(-bound, (long) Math.floor(m[0] - 12 * sd) - 32);
        long hi = Math.min(bound, (long) Math.ceil(m[0] + 12 * sd) + 32);
        if (hi - lo + 1 > CountingStatistics.MAX_VALUES) {
            throw new IllegalArgumentException("the count spreads over more than " + CountingStatistics.MAX_VALUES
                    + " values after " + steps + " steps (mean " + m[0] + ", sd " + sd + ")");
        }
        int size = (int) (hi - lo + 1);
        int n = basis.size();
        double[] x0 = basis.coordinates(rho0, new double[n]);
        double[] re = new double[size];
        double[] im = new double[size];
        for (int q = 0; q <= size / 2; q++) {
            double phi = 2 * Math.PI * q / size;
            DMatrixRMaj a = embedded(phi);
            double[] v = new double[2 * n];
            System.arraycopy(x0, 0, v, 0, n);
            for (long s = steps; s > 0;) {
                if ((s & 1) == 1) {
                    v = RealVectors.mult(a, v);
                }
                s >>= 1;
                if (s > 0) {
                    DMatrixRMaj sq = new DMatrixRMaj(2 * n, 2 * n);
                    CommonOps_DDRM.mult(a, a, sq);
                    a = sq;
                }
            }
            for (int r = 0; r < n; r++) {
                re[q] += trace[r] * v[r];
                im[q] += trace[r] * v[n + r];
            }
            // p(−φ) is the conjugate of p(φ), and −φ_q is φ_{size−q}.
            if (q > 0 && q < size - q) {
                re[size - q] = re[q];
                im[size - q] = -im[q];
            }
        }
        return Distribution.invert(lo, re, im);
    }

    /** M(iφ) as the real matrix [[Re, −Im], [Im, Re]]. */
    private DMatrixRMaj embedded(double phi) {
        int n = basis.size();
        DMatrixRMaj total = null;
        for (Factor f : factors) {
            DMatrixRMaj e = new DMatrixRMaj(2 * n, 2 * n);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double a = f.quiet().get(r, c);
                    double b = 0;
                    for (Branch br : f.counted()) {
                        a += Math.cos(phi * br.w()) * br.term().get(r, c);
                        b += Math.sin(phi * br.w()) * br.term().get(r, c);
                    }
                    e.set(r, c, a);
                    e.set(n + r, n + c, a);
                    e.set(r, n + c, -b);
                    e.set(n + r, c, b);
                }
            }
            if (total == null) {
                total = e;
            } else {
                DMatrixRMaj next = new DMatrixRMaj(2 * n, 2 * n);
                CommonOps_DDRM.mult(e, total, next);
                total = next;
            }
        }
        return total;
    }

    /**
     * What the collision engine's counts converge to, for the run verdict: on the output grid from ρ0, the mean and
     * variance of N_k and of Q_k for both baths, at the engine's Δt.
     *
     * @param model the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param dt the requested step, as for the engine
     * @return [q][k][0] mean, [q][k][1] variance and [q][k][2] fourth central moment at t_k, q = 0 N_cold, 1 Q_cold, 2 N_hot, 3 Q_hot (the order of
     *     {@link Side#values()} × {@link Weight#values()}, as {@code qtm fcs --series} prints them)
     * @throws IllegalArgumentException if the step is unsuitable
     */
    public static double[][][] onGrid(Model model, ZMatrixRMaj rho0, TimeGrid grid, double dt) {
        double[][][] x = new double[Side.values().length * Weight.values().length][][];
        int c = 0;
        for (Side side : Side.values()) {
            for (Weight w : Weight.values()) {
                x[c++] = new CollisionCounting(model, grid, dt, side, w).onGrid(rho0);
            }
        }
        return x;
    }

    /**
     * The stationary fluctuations of the collision model at Δt, in the layout of {@link Fluctuations#of(Model)}.
     *
     * @param model the machine
     * @param grid the output grid (it fixes Δt as for the engine), or null to use dt as given
     * @param dt the requested step
     * @return per bath the cumulants of N_k and Q_k, σ and the TUR ratio
     * @throws IllegalArgumentException if the step is unsuitable or the map has no unique fixed point
     */
    public static Fluctuations fluctuations(Model model, TimeGrid grid, double dt) {
        return Fluctuations.of(model, (side, w) -> (grid == null ? new CollisionCounting(model, dt, side, w)
                : new CollisionCounting(model, grid, dt, side, w)).stationary());
    }
}
