package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;
import qtm.math.HermitianBasis;
import qtm.math.Ops;
import qtm.model.Channels;
import qtm.model.Collision;
import qtm.model.Model;
import qtm.model.Side;
import qtm.model.TimeGrid;
import qtm.model.TwoQubits;

/**
 * The exact thermodynamics of the collision model: every collision of {@link Collision} written as a unitary V on the
 * system and a fresh ancilla A, applied to ρ_S⊗ρ_A, and booked from the joint state before and after it. The heat
 * into bath k is the ancilla's energy change, ΔE_S the change of ⟨H⟩ under the system's full Hamiltonian, the
 * switching work W_k = ΔE_S + Q_k, and the entropy production Σ_k = ΔS_S + Q_k/T_k.
 *
 * <p>A partial swap meets an ancilla qubit of quantum ω (the channel's energy: E, or E + U for a double-dot channel
 * conditioned on the other dot) through V = e^{−iθ(L⊗a† + L†⊗a)}, the ancilla thermal at T_k for ω. A reset is the
 * controlled SWAP of qubit k with an ancilla qubit in τ_k, controlled by a zero-energy coin in diag(1 − p_kΔt, p_kΔt),
 * so that it too is one unitary on S⊗A with A = coin⊗qubit. V conserves H₀ + H_A (H₀ the local energies with U n_c n_h),
 * so W_k is the change of the coupling energy ⟨g(|01⟩⟨10| + h.c.)⟩ during the collision: the price of switching the
 * system–ancilla interaction on and off, which does not commute with g. Because ρ_A is thermal (the coin's populations
 * are conserved), Σ_k = I(S′:A′) + D(ρ_A′‖ρ_A) ≥ 0 (Esposito, Lindenberg and Van den Broeck, New J. Phys. 12, 013013,
 * 2010); {@link Ledger#correlationForm()} computes that side from the joint state.
 *
 * <p>The joint unitaries are built from the generators ({@link CollisionUnitary}), independently of the Kraus
 * operators that {@link CollisionMap} and the collision engine apply, so that the reduced states also check those.
 * Immutable.
 */
public final class CollisionThermodynamics {
    private static final HermitianBasis BASIS = new HermitianBasis(TwoQubits.DIM);
    private final TimeGrid grid;
    private final Collision collision;
    private final ZMatrixRMaj hamiltonian;
    private final ZMatrixRMaj coupling;
    private final ZMatrixRMaj step;
    private final ZMatrixRMaj stepDagger;
    private final List<CollisionUnitary> joints = new ArrayList<>();

    /**
     * The bookkeeping of one collision.
     *
     * @param side the bath
     * @param before the system's state before it
     * @param after the system's state after it
     * @param heat Q_k, the ancilla's energy change
     * @param systemEnergy ΔE_S, the change of Tr[Hρ_S]
     * @param work W_k = ΔE_S + Q_k
     * @param entropyChange ΔS_S, the change of the system's von Neumann entropy
     * @param entropyProduction Σ_k = ΔS_S + Q_k/T_k (+∞ at T_k = 0 when Q_k &gt; 0; Q/T = 0 at T = ∞)
     * @param joint the joint state of S⊗A after it (index s·d + a)
     * @param logAncilla the logarithms of the ancilla's initial populations (its state is diagonal), −∞ for an
     *     empty level; computed from the Gibbs form, so that a population that underflows (e^{−(E+U)/T} at small
     *     T) keeps its finite logarithm
     */
    public record Ledger(Side side, ZMatrixRMaj before, ZMatrixRMaj after, double heat, double systemEnergy,
            double work, double entropyChange, double entropyProduction, ZMatrixRMaj joint, double[] logAncilla) {
        /**
         * The entropy production from the joint state alone, I(S′:A′) + D(ρ_A′‖ρ_A) with
         * I(S′:A′) = S(ρ_S′) + S(ρ_A′) − S(ρ_S′A′), which equals {@link #entropyProduction()} for a thermal ancilla.
         *
         * @return the sum, +∞ when ρ_A′ has weight outside the support of ρ_A
         */
        public double correlationForm() {
            return CollisionThermodynamics.correlationForm(after, joint, logAncilla);
        }
    }

    /**
     * Cumulative quantities on the output grid, per bath: index [side ordinal][grid point].
     *
     * @param states ρ(t_k), the same states as {@link CollisionMap#evolve}
     * @param heat Q_k(t): energy moved into bath k during [0, t]
     * @param work W_k(t): switching work of bath k's collisions during [0, t]
     * @param entropy Σ_k(t): entropy production of bath k's collisions during [0, t]
     */
    public record Series(List<ZMatrixRMaj> states, double[][] heat, double[][] work, double[][] entropy) {
        /**
         * @param k grid index
         * @return Σ_c(t_k) + Σ_h(t_k), which also equals S(ρ(t_k)) − S(ρ(0)) + Σ_k Q_k(t_k)/T_k
         */
        public double totalEntropy(int k) {
            return entropy[0][k] + entropy[1][k];
        }
    }

    /**
     * Per-time rates in the steady state of the one-step map: per bath, what one step's collisions give, ÷ Δt.
     *
     * @param state the map's fixed point (the state after a step's collisions)
     * @param heat Q_k per unit time
     * @param work W_k per unit time (W_c + W_h = 0: the free step conserves ⟨H_int⟩, so the collisions' changes
     *     of it cancel over a step of the steady state)
     * @param entropy Σ_k per unit time
     */
    public record Rates(ZMatrixRMaj state, double[] heat, double[] work, double[] entropy) {
    }

    /**
     * @param model the machine
     * @param grid output grid
     * @param dt requested step, as for the engine and the map
     * @throws IllegalArgumentException if the step is unsuitable (see {@link Collision#of})
     */
    public CollisionThermodynamics(Model model, TimeGrid grid, double dt) {
        this.grid = grid;
        this.collision = Collision.of(model, grid, dt);
        this.hamiltonian = model.hamiltonian();
        this.coupling = TwoQubits.hamiltonian(0, model.g(), 0);
        this.step = CollisionMap.propagator(model, collision.dt());
        this.stepDagger = Ops.dagger(step);
        for (Collision.Reset r : collision.resets()) {
            joints.add(CollisionUnitary.reset(model, r));
        }
        Channels ch = collision.channels();
        for (Collision.Swap w : collision.swaps()) {
            joints.add(CollisionUnitary.swap(model, ch, w));
        }
    }

    /** @return the collision step in use */
    public Collision collision() {
        return collision;
    }

    /** @return the collisions of one step, in the order they are applied */
    public int collisions() {
        return joints.size();
    }

    /**
     * @param i collision index, 0 … {@link #collisions()} − 1
     * @return its bath
     */
    public Side side(int i) {
        return joints.get(i).side();
    }

    /**
     * The free part of a step, e^{−iHΔt}ρe^{iHΔt}: it conserves ⟨H⟩, ⟨H_int⟩ and S, so it books nothing.
     *
     * @param rho the state
     * @return a new matrix
     */
    public ZMatrixRMaj free(ZMatrixRMaj rho) {
        return Ops.mult(Ops.mult(step, rho), stepDagger);
    }

    /**
     * Applies collision i to the system state ρ_S and books it.
     *
     * @param i collision index, 0 … {@link #collisions()} − 1
     * @param rho the system's state before it
     * @return the bookkeeping, with the state after it
     */
    public Ledger collide(int i, ZMatrixRMaj rho) {
        CollisionUnitary j = joints.get(i);
        ZMatrixRMaj after = new ZMatrixRMaj(1, 1);
        ZMatrixRMaj joint = j.apply(rho, after);
        double heat = j.heat(joint, Ops.traceRe(rho));
        double de = Ops.traceProductRe(hamiltonian, after) - Ops.traceProductRe(hamiltonian, rho);
        double ds = entropy(after) - entropy(rho);
        return new Ledger(j.side(), rho, after, heat, de, de + heat, ds, ds + overT(heat, j.temperature()), joint,
                j.logAncilla().clone());
    }

    /**
     * @param rho a system state
     * @return ⟨H_int⟩ = Tr[g(|01⟩⟨10| + |10⟩⟨01|)ρ], computed from ρ alone
     */
    public double couplingEnergy(ZMatrixRMaj rho) {
        return Ops.traceProductRe(coupling, rho);
    }

    /**
     * The exact cumulative heat, work and entropy production of each bath on the grid, by propagating ρ one step
     * at a time through every collision.
     *
     * @param rho0 initial density matrix
     * @return the series
     */
    public Series evolve(ZMatrixRMaj rho0) {
        int points = grid.points();
        double[][] heat = new double[2][points];
        double[][] work = new double[2][points];
        double[][] sigma = new double[2][points];
        double[] q = new double[2];
        double[] w = new double[2];
        double[] s = new double[2];
        List<ZMatrixRMaj> states = new ArrayList<>(points);
        ZMatrixRMaj rho = rho0.copy();
        states.add(rho.copy());
        double entropy = entropy(rho);
        ZMatrixRMaj after = new ZMatrixRMaj(1, 1);
        for (int k = 1; k < points; k++) {
            for (int n = 0; n < collision.stepsPerPoint(); n++) {
                rho = free(rho);
                for (CollisionUnitary j : joints) {
                    ZMatrixRMaj joint = j.apply(rho, after);
                    double dq = j.heat(joint, Ops.traceRe(rho));
                    double next = entropy(after);
                    int b = j.side().ordinal();
                    double de = Ops.traceProductRe(hamiltonian, after) - Ops.traceProductRe(hamiltonian, rho);
                    q[b] += dq;
                    w[b] += de + dq;
                    s[b] += next - entropy + overT(dq, j.temperature());
                    entropy = next;
                    ZMatrixRMaj t = rho;
                    rho = after;
                    after = t;
                }
            }
            states.add(rho.copy());
            for (int b = 0; b < 2; b++) {
                heat[b][k] = q[b];
                work[b][k] = w[b];
                sigma[b][k] = s[b];
            }
        }
        return new Series(List.copyOf(states), heat, work, sigma);
    }

    /**
     * The per-time heat, work and entropy production of each bath in the steady state of the one-step map, whose
     * fixed point is found as the null vector of (step − 1) in Hermitian coordinates.
     *
     * @return the rates
     * @throws IllegalArgumentException if the fixed point is not unique
     */
    public Rates steady() {
        int size = BASIS.size();
        DMatrixRMaj m = new DMatrixRMaj(size, size);
        double[] column = new double[size];
        ZMatrixRMaj after = new ZMatrixRMaj(1, 1);
        for (int c = 0; c < size; c++) {
            ZMatrixRMaj rho = free(BASIS.element(c));
            for (CollisionUnitary j : joints) {
                j.apply(rho, after);
                rho = after.copy();
            }
            BASIS.coordinates(rho, column);
            for (int r = 0; r < size; r++) {
                m.set(r, c, column[r] - (r == c ? 1 : 0));
            }
        }
        ZMatrixRMaj fixed = SteadyState.solve(m, BASIS);
        double[] heat = new double[2];
        double[] work = new double[2];
        double[] sigma = new double[2];
        ZMatrixRMaj rho = free(fixed);
        for (int i = 0; i < joints.size(); i++) {
            Ledger l = collide(i, rho);
            int b = l.side().ordinal();
            heat[b] += l.heat() / collision.dt();
            work[b] += l.work() / collision.dt();
            sigma[b] += l.entropyProduction() / collision.dt();
            rho = l.after();
        }
        return new Rates(fixed, heat, work, sigma);
    }

    /** Q/T with the limits T = ∞ (0) and T = 0 (+∞ for heat into the bath, which only an excited ancilla gives). */
    static double overT(double heat, double t) {
        if (Double.isInfinite(t) || heat == 0) {
            return 0;
        }
        if (t == 0) {
            return heat > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return heat / t;
    }

    /**
     * The von Neumann entropy −Tr ρ ln ρ (eigenvalues below 0 by rounding count as 0).
     *
     * @param rho a density matrix of any size
     * @return S(ρ) in nats
     */
    public static double entropy(ZMatrixRMaj rho) {
        double s = 0;
        for (double l : Hermitian.eigenvalues(rho)) {
            if (l > 0) {
                s -= l * Math.log(l);
            }
        }
        return s;
    }

    /**
     * I(S′:A′) + D(ρ_A′‖ρ_A) of a collision's joint state, the ancilla's initial state diagonal with the given
     * logarithms of its populations: the entropy production from the joint state alone, for presets and machines.
     *
     * @param after the system's state after the collision
     * @param joint the joint state of S⊗A after it (index s·d_A + a)
     * @param logAncilla the logarithms of the ancilla's initial populations, −∞ for an empty level
     * @return the sum, +∞ when ρ_A′ has weight outside the support of ρ_A
     */
    static double correlationForm(ZMatrixRMaj after, ZMatrixRMaj joint, double[] logAncilla) {
        int d = logAncilla.length;
        ZMatrixRMaj a = CollisionUnitary.partialTrace(joint, d, false, new ZMatrixRMaj(d, d));
        double mutual = entropy(after) + entropy(a) - entropy(joint);
        double cross = 0;
        for (int i = 0; i < d; i++) {
            double w = a.getReal(i, i);
            if (w > 0) {
                if (logAncilla[i] == Double.NEGATIVE_INFINITY) {
                    return Double.POSITIVE_INFINITY;
                }
                cross -= w * logAncilla[i];
            }
        }
        return mutual + (cross - entropy(a));
    }
}
