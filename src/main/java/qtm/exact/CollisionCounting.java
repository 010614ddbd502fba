package qtm.exact;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.RealVectors;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;

/**
 * Full counting statistics of the collision model at its finite step Δt, for the quanta or the heat that flow into
 * one bath: the tilted one-step map M(χ) = Σ_b e^{χ w_b} K_b · K_b†, summed over the Kraus branches of one step of
 * {@link Collision} (the same sequence as {@link CollisionMap}: e^{−iHΔt}, then the resets, then the partial swaps,
 * in list order). Its leading eigenvalue λ(χ) gives the stationary cumulants per unit time,
 * c_n = (1/Δt) dⁿ ln λ/dχⁿ at 0; the powers of M(χ) give the finite-time moments and, at χ = iφ, the distribution.
 *
 * <p>Branch → weight, exactly as {@code qtm.engine.CollisionEngine} reports jumps to its observer (a collision counts
 * like the jump it causes, {@code observer.jump(j, side(j), energy(j), t)} in {@code CollisionEngine.jumpBy}):
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
 * Everything is exact linear algebra on the real 16×16 matrices in {@link qtm.math.HermitianBasis} coordinates: the
 * branches and the tilted step are built by {@link CollisionBranches}, the stationary cumulants by
 * {@link CollisionCumulants}; here are the finite-time moments and the distribution. Immutable.
 */
public final class CollisionCounting {
    private static final int ORDER = CollisionBranches.ORDER;
    /** The preset's step; null for a machine's ({@link MachineCollisionCounting}). */
    private final Collision collision;
    private final TimeGrid grid;
    private final double dt;
    private final int stepsPerPoint;
    private final Weight weight;
    private final CollisionBranches branches;
    private final CollisionCumulants cumulants;

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
        this.dt = collision.dt();
        this.stepsPerPoint = collision.stepsPerPoint();
        this.weight = weight;
        this.branches = new CollisionBranches(model, collision, side, weight);
        this.cumulants = new CollisionCumulants(model, weight, branches, collision.dt());
    }

    /**
     * Any collision model's counting statistics, from its tilted step and its cumulants.
     *
     * @param grid the output grid
     * @param dt the step in use
     * @param stepsPerPoint whole steps per grid interval
     * @param weight quanta or heat
     * @param branches the tilted step
     * @param cumulants its stationary cumulants
     */
    CollisionCounting(TimeGrid grid, double dt, int stepsPerPoint, Weight weight, CollisionBranches branches,
            CollisionCumulants cumulants) {
        this.grid = grid;
        this.collision = null;
        this.dt = dt;
        this.stepsPerPoint = stepsPerPoint;
        this.weight = weight;
        this.branches = branches;
        this.cumulants = cumulants;
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

    /** @return the preset's collision step in use (Δt after fitting the grid); null for a machine's */
    public Collision collision() {
        return collision;
    }

    /** @return Δt in use */
    public double dt() {
        return dt;
    }

    /**
     * @return the largest |N| one step can add: one quantum per collision of the counted bath (a collision has at
     *     most one branch that fires)
     */
    public int maxQuantaPerStep() {
        return branches.perStep();
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
        return cumulants.stationary();
    }

    /**
     * The raw moments of the count after a number of steps from ρ0, from the Taylor coefficients of M(χ)^s ρ0:
     * E[Xᵐ] = m! Tr (coefficient m).
     *
     * @param rho0 the initial state
     * @param steps s ≥ 0
     * @param order 1 to 6
     * @return E[X], E[X²], … up to the order
     */
    public double[] moments(ZMatrixRMaj rho0, long steps, int order) {
        if (order < 1 || order > ORDER) {
            throw new IllegalArgumentException("order 1 to " + ORDER);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        double[][] v = apply(branches.power(steps), initial(rho0));
        return CountingStatistics.rawMoments(branches.trace(), order, m -> v[m]);
    }

    private double[][] initial(ZMatrixRMaj rho0) {
        double[][] v = new double[ORDER + 1][branches.basis().size()];
        branches.basis().coordinates(rho0, v[0]);
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
     * @return per t_k, {@link CountingStatistics#central(double[])} of the first six moments
     */
    public double[][] onGrid(ZMatrixRMaj rho0) {
        DMatrixRMaj[] g = branches.power(stepsPerPoint);
        double[][] v = initial(rho0);
        double[][] out = new double[grid.points()][];
        for (int k = 0; k < grid.points(); k++) {
            if (k > 0) {
                v = apply(g, v);
            }
            double[][] w = v;
            out[k] = CountingStatistics.central(CountingStatistics.rawMoments(branches.trace(), ORDER, m -> w[m]));
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
        long[] window = FourierInversion.window(moments(rho0, steps, 2), steps * branches.perStep(),
                "after " + steps + " steps");
        int size = (int) (window[1] - window[0] + 1);
        int n = branches.basis().size();
        double[] x0 = branches.basis().coordinates(rho0, new double[n]);
        double[] trace = branches.trace();
        return FourierInversion.invert(window[0], size, true, phi -> {
            double[] v = new double[2 * n];
            System.arraycopy(x0, 0, v, 0, n);
            DMatrixRMaj a = branches.embedded(phi);
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
            double[] z = new double[2];
            for (int r = 0; r < n; r++) {
                z[0] += trace[r] * v[r];
                z[1] += trace[r] * v[n + r];
            }
            return z;
        });
    }

    /**
     * What the collision engine's counts converge to, for the run verdict: on the output grid from ρ0, the mean and
     * variance of N_k and of Q_k for both baths, at the engine's Δt.
     *
     * @param model the machine
     * @param rho0 the initial state
     * @param grid the output grid
     * @param dt the requested step, as for the engine
     * @return [q][k][0] mean, [q][k][1] variance and [q][k][2] fourth central moment at t_k, q = 0 N_cold,
     *     1 Q_cold, 2 N_hot, 3 Q_hot (the order of {@link Side#values()} × {@link Weight#values()}, as
     *     {@code qtm fcs --series} prints them)
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
