package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import qtm.exact.CollisionBranches.Branch;
import qtm.exact.CollisionBranches.Factor;
import qtm.exact.CountingStatistics.Cumulants;
import qtm.exact.CountingStatistics.Distribution;
import qtm.exact.CountingStatistics.Weight;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.model.MachineChannel;
import qtm.model.MachineCollision;
import qtm.model.MachineReset;
import qtm.model.MachineSwap;
import qtm.model.TimeGrid;

/**
 * Full counting statistics of the collision model on a machine (issue 25) at its finite step Δt, for the quanta N_k or
 * the heat Q_k that flow into bath k: the tilted one-step map M(χ) = Σ_b e^{χ w_b} K_b · K_b† over the Kraus branches
 * of one step of {@link MachineCollision} (e^{−iHΔt}, then its collisions in order), handed to the presets'
 * {@link CollisionBranches} and {@link CollisionCumulants}, so that the cumulants, moments and distributions come from
 * the same algebra as {@link CollisionCounting}'s.
 *
 * <p>Branch → weight, exactly as {@code qtm.engine.MachineCollisionEngine} reports jumps (its {@code take} and
 * {@code reset}; the observer counts a jump of channel j as {@link MachineChannel#count()} and
 * {@link MachineChannel#heat()} of bath {@link MachineChannel#bath()}):
 * <ul>
 * <li>partial swap of the pair (A_ω, A_ω†) ({@link MachineSwap}): "ancilla ground, click", √(1−q)·emit, is a jump of
 * the down channel (A_ω: count +1, heat ω or ω − μ); "ancilla excited, click", √q·absorb, a jump of the up channel
 * (A_ω†: count −1, heat the negative); the two no-click branches √(1−q)·cos(θ√(A†A)) and √q·cos(θ√(AA†)) report
 * nothing;</li>
 * <li>reset of a site ({@link MachineReset}): "no reset", √(1−p)·1, reports nothing; "reset from level m to n",
 * √(pτ_n)|n⟩⟨m|, is reported as a jump of the channel first + n·d_site + m and carries its count (the sign of
 * E_m − E_n, 0 for n = m) and heat E_m − E_n.</li>
 * </ul>
 * Branches of other baths' channels count nothing. The shortcuts are the master equation's ({@link MachineCounting}):
 * a bath whose site is alone has bounded counts (every rate 0); at equilibrium (same T and μ for every bath with a
 * positive rate, couplings that commute with H₀) the Gibbs state of H₀ is the fixed point of every collision, at which
 * each collision's up and down branches balance, so the current is 0. Immutable.
 */
public final class MachineCollisionCounting {
    private final MachineCollision collision;
    private final CollisionCounting counting;

    /**
     * @param machine the machine (local approach)
     * @param grid the output grid; Δt is shortened as the engine does so that whole steps fill each interval
     * @param dt the requested step, as for the engine
     * @param bath the index of the counted bath in {@link Machine#baths()}
     * @param weight quanta or heat
     * @throws IllegalArgumentException if the step is unsuitable (see {@link MachineCollision#of}) or the bath index
     *     is out of range
     */
    public MachineCollisionCounting(Machine machine, TimeGrid grid, double dt, int bath, Weight weight) {
        this(MachineCollision.of(machine, grid, dt), grid, bath, weight);
    }

    /**
     * @param collision the machine's collision step
     * @param grid the output grid it was built on
     * @param bath the index of the counted bath
     * @param weight quanta or heat
     * @throws IllegalArgumentException if the bath index is out of range
     */
    public MachineCollisionCounting(MachineCollision collision, TimeGrid grid, int bath, Weight weight) {
        Machine machine = collision.machine();
        if (bath < 0 || bath >= machine.baths().size()) {
            throw new IllegalArgumentException("bath index " + bath + " out of range");
        }
        this.collision = collision;
        HermitianBasis basis = new HermitianBasis(machine.dimension());
        CollisionBranches branches = new CollisionBranches(basis, factors(collision, basis, bath, weight));
        boolean equilibrium = MachineCounting.equilibrium(machine, MachineExact.couplingsCommute(machine));
        CollisionCumulants cumulants = new CollisionCumulants(branches, collision.dt(),
                MachineCounting.bounded(machine, bath, weight), equilibrium, false);
        this.counting = new CollisionCounting(grid, collision.dt(), collision.stepsPerPoint(), weight, branches,
                cumulants);
    }

    /** The unitary and then every collision, each split into its quiet part and its counted branches. */
    private static List<Factor> factors(MachineCollision c, HermitianBasis basis, int bath, Weight weight) {
        List<MachineChannel> channels = c.machine().channels();
        List<Factor> out = new ArrayList<>();
        ZMatrixRMaj u = c.unitary();
        ZMatrixRMaj ud = Ops.dagger(u);
        out.add(new Factor(CollisionBranches.superoperator(basis, r -> Ops.mult(u, r, ud)), List.of()));
        for (MachineCollision.Event e : c.events()) {
            DMatrixRMaj quiet;
            List<Branch> counted = new ArrayList<>();
            if (e instanceof MachineSwap w) {
                double g = 1 - w.excited();
                double q = w.excited();
                ZMatrixRMaj sg = w.stayGround();
                ZMatrixRMaj se = w.stayExcited();
                quiet = CollisionBranches.superoperator(basis,
                        x -> Ops.add(g, Ops.mult(sg, x, Ops.dagger(sg)), q, Ops.mult(se, x, Ops.dagger(se))));
                CollisionBranches.add(quiet, counted, sandwich(basis, g, w.emit()),
                        weight(channels.get(w.down()), bath, weight));
                CollisionBranches.add(quiet, counted, sandwich(basis, q, w.absorb()),
                        weight(channels.get(w.up()), bath, weight));
            } else {
                MachineReset r = (MachineReset) e;
                quiet = CommonOps_DDRM.identity(basis.size());
                CommonOps_DDRM.scale(1 - r.probability(), quiet);
                double[] tau = r.tau();
                int ds = r.levels();
                for (int n = 0; n < ds; n++) {
                    for (int m = 0; m < ds; m++) {
                        if (tau[n] > 0 && r.probability() > 0) {
                            ZMatrixRMaj k = r.space().embed(r.site(), Ops.unit(ds, n, m));
                            CollisionBranches.add(quiet, counted, sandwich(basis, r.probability() * tau[n], k),
                                    weight(channels.get(r.first() + n * ds + m), bath, weight));
                        }
                    }
                }
            }
            out.add(new Factor(quiet, counted));
        }
        return out;
    }

    /** ρ ↦ p·K ρ K† in the basis. */
    private static DMatrixRMaj sandwich(HermitianBasis basis, double p, ZMatrixRMaj k) {
        ZMatrixRMaj kd = Ops.dagger(k);
        return CollisionBranches.superoperator(basis, x -> Ops.scale(p, 0, Ops.mult(k, x, kd)));
    }

    private static double weight(MachineChannel c, int bath, Weight weight) {
        if (c.bath() != bath) {
            return 0;
        }
        return weight == Weight.QUANTA ? c.count() : c.heat();
    }

    /** @return the collision step in use (Δt after fitting the grid) */
    public MachineCollision collision() {
        return collision;
    }

    /** @return Δt in use */
    public double dt() {
        return collision.dt();
    }

    /** @return the largest |N| one step can add: one quantum per collision of the counted bath */
    public int maxQuantaPerStep() {
        return counting.maxQuantaPerStep();
    }

    /**
     * The stationary cumulants per unit time, c_n = (1/Δt) dⁿ ln λ/dχⁿ at 0, by the perturbation theory of
     * {@link CollisionCounting#stationary()}; one that is lost in rounding is NaN.
     *
     * @return c1, c2, c3 per unit time
     * @throws IllegalArgumentException if the map has no unique fixed point
     */
    public Cumulants stationary() {
        return counting.stationary();
    }

    /**
     * @param rho0 the initial state
     * @param steps s ≥ 0
     * @param order 1 to 6
     * @return E[X], E[X²], … after s steps from ρ0, as {@link CollisionCounting#moments}
     */
    public double[] moments(ZMatrixRMaj rho0, long steps, int order) {
        return counting.moments(rho0, steps, order);
    }

    /**
     * @param rho0 the initial state
     * @return per grid point the mean, variance and fourth central moment, as {@link CollisionCounting#onGrid}
     */
    public double[][] onGrid(ZMatrixRMaj rho0) {
        return counting.onGrid(rho0);
    }

    /**
     * @param rho0 the initial state
     * @param steps s ≥ 0
     * @return P(N_k = n) after s steps from ρ0, by Fourier inversion as {@link CollisionCounting#distribution}
     * @throws IllegalStateException if the weight is not quanta
     * @throws IllegalArgumentException if the window exceeds {@link CountingStatistics#MAX_VALUES} values
     */
    public Distribution distribution(ZMatrixRMaj rho0, long steps) {
        return counting.distribution(rho0, steps);
    }

    /**
     * @param rho0 the initial state
     * @param steps s ≥ 0
     * @return how many values of n {@link #distribution} computes over: the whole bounded range or mean ± 12 sd ± 32
     * @throws IllegalArgumentException if that exceeds {@link CountingStatistics#MAX_VALUES} values
     */
    public long window(ZMatrixRMaj rho0, long steps) {
        long[] w = FourierInversion.window(moments(rho0, steps, 2), steps * maxQuantaPerStep(),
                "after " + steps + " steps");
        return w[1] - w[0] + 1;
    }

    /**
     * The stationary fluctuations of every bath of the machine's collision model, in the layout of
     * {@link MachineCounting#fluctuations()}.
     *
     * @param collision the machine's collision step
     * @param grid the grid it was built on
     * @return per bath the cumulants of N_k and Q_k, σ and the TUR ratio of the first bath
     * @throws IllegalArgumentException if the map has no unique fixed point
     */
    public static MachineFluctuations fluctuations(MachineCollision collision, TimeGrid grid) {
        Machine m = collision.machine();
        List<Fluctuations.Bath> baths = new ArrayList<>();
        for (int k = 0; k < m.baths().size(); k++) {
            baths.add(new Fluctuations.Bath(new MachineCollisionCounting(collision, grid, k, Weight.QUANTA)
                    .stationary(), new MachineCollisionCounting(collision, grid, k, Weight.HEAT).stationary()));
        }
        return MachineFluctuations.of(m.bathNames(), baths,
                m.baths().stream().mapToDouble(MachineBath::temperature).toArray());
    }

    /**
     * Floating-point work of building one tilted step (its Taylor coefficients up to order 6, composed collision by
     * collision), so that a caller can refuse before it starts.
     *
     * @param collision the step
     * @return the estimated operations of one {@link MachineCollisionCounting}
     */
    public static double work(MachineCollision collision) {
        double n = (double) collision.machine().dimension() * collision.machine().dimension();
        int order = CollisionBranches.ORDER;
        return (collision.events().size() + 1) * ((order + 1) * (order + 2) / 2.0) * 2 * n * n * n;
    }

    /**
     * Floating-point work of the powers behind {@link #moments} or {@link #onGrid} (squarings of the Taylor
     * coefficients), or of one Fourier point of {@link #distribution} (the 2d²×2d² map at χ = iφ raised to s).
     *
     * @param collision the step
     * @param steps s, the power taken
     * @param fourier whether it is one Fourier point (else the Taylor powers)
     * @return the estimated operations
     */
    public static double work(MachineCollision collision, long steps, boolean fourier) {
        double n = (double) collision.machine().dimension() * collision.machine().dimension();
        int squarings = 2 * (64 - Long.numberOfLeadingZeros(Math.max(1, steps)));
        if (fourier) {
            return (collision.events().size() + squarings) * 2 * 8 * n * n * n;
        }
        int order = CollisionBranches.ORDER;
        return squarings * ((order + 1) * (order + 2) / 2.0) * 2 * n * n * n;
    }
}
