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
import qtm.model.Thermal;
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
 * <p>The joint unitaries are built here from the generators, independently of the Kraus operators that
 * {@link CollisionMap} and the collision engine apply, so that the reduced states also check those. Immutable.
 */
public final class CollisionThermodynamics {
    private static final HermitianBasis BASIS = new HermitianBasis(TwoQubits.DIM);
    private final TimeGrid grid;
    private final Collision collision;
    private final ZMatrixRMaj hamiltonian;
    private final ZMatrixRMaj coupling;
    private final ZMatrixRMaj step;
    private final ZMatrixRMaj stepDagger;
    private final List<Joint> joints = new ArrayList<>();

    /** One collision as a unitary on S⊗A (index s·d + a), with A's initial populations (A starts diagonal). */
    private record Joint(Side side, int d, ZMatrixRMaj unitary, ZMatrixRMaj unitaryDagger, double[] ancilla,
            double[] logAncilla, double[] energies, double temperature) {
    }

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
            int d = logAncilla.length;
            ZMatrixRMaj a = traceSystem(joint, d);
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
            joints.add(reset(model, r));
        }
        Channels ch = collision.channels();
        for (Collision.Swap w : collision.swaps()) {
            joints.add(swap(model, ch, w));
        }
    }

    /** The controlled SWAP of qubit k with a qubit ancilla, controlled by the coin: a permutation of S⊗coin⊗qubit. */
    private static Joint reset(Model model, Collision.Reset r) {
        Side side = r.side();
        double p = r.probability();
        // τ_k's populations each to full relative precision (not r and 1 − r): ln ρ_A enters the relative entropy,
        // and 1 − r by subtraction loses its digits where E/T_k is large.
        double t = model.bath(side).temperature();
        double g = Thermal.fermiHole(model.energy(), t);
        double x = Thermal.fermi(model.energy(), t);
        int n = TwoQubits.DIM * 4;
        ZMatrixRMaj v = new ZMatrixRMaj(n, n);
        int bit = side == Side.COLD ? 2 : 1;
        for (int s = 0; s < TwoQubits.DIM; s++) {
            for (int coin = 0; coin < 2; coin++) {
                for (int q = 0; q < 2; q++) {
                    int from = 4 * s + 2 * coin + q;
                    int to = from;
                    if (coin == 1) {
                        int own = (s & bit) != 0 ? 1 : 0;
                        int swapped = (s & ~bit) | (q == 1 ? bit : 0);
                        to = 4 * swapped + 2 + own;
                    }
                    v.set(to, from, 1, 0);
                }
            }
        }
        double[] ancilla = {(1 - p) * g, (1 - p) * x, p * g, p * x};
        double e = model.energy();
        double[] thermal = logThermal(e, t);
        double stay = Math.log1p(-p);
        double coin = Math.log(p);
        double[] logs = {stay + thermal[0], stay + thermal[1], coin + thermal[0], coin + thermal[1]};
        return new Joint(side, 4, v, Ops.dagger(v), ancilla, logs, new double[] {0, e, 0, e}, t);
    }

    /**
     * e^{−iθG} for the generator G = L⊗a† + L†⊗a. G² = LL†⊗a†a + L†L⊗aa† is a projector Π (L is a partial
     * permutation, so LL† and L†L are projectors, and the two terms live on orthogonal ancilla states), hence G³ = G
     * and e^{−iθG} = 1 − Π + cos θ Π − i sin θ G exactly: a unitary to rounding, whose bookkeeping of ΔE_S + Q_k does
     * not drift over 10⁴ steps the way a numerical spectral decomposition's 1e-13 non-unitarity does.
     */
    private static Joint swap(Model model, Channels ch, Collision.Swap w) {
        ZMatrixRMaj l = ch.jump(w.down()).operator();
        ZMatrixRMaj raise = Ops.unit(2, 1, 0);
        ZMatrixRMaj gen = Ops.add(1.0, Ops.kron(l, raise), 1.0, Ops.kron(Ops.dagger(l), Ops.dagger(raise)));
        ZMatrixRMaj projector = Ops.mult(gen, gen);
        if (Ops.maxAbsDiff(Ops.mult(projector, gen), gen) != 0) {
            throw new IllegalArgumentException("channel " + ch.jump(w.down()).label() + ": G^3 != G");
        }
        double cos = w.cos();
        double sin = Math.sqrt(w.sin2());
        int n = gen.numRows;
        ZMatrixRMaj v = new ZMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double pi = projector.getReal(r, c);
                v.set(r, c, (r == c ? 1 : 0) - (1 - cos) * pi, -sin * gen.getReal(r, c));
            }
        }
        double q = w.excited();
        Side side = ch.side(w.down());
        double omega = ch.energy(w.down());
        double t = model.bath(side).temperature();
        return new Joint(side, 2, v, Ops.dagger(v), new double[] {1 - q, q}, logThermal(omega, t),
                new double[] {0, omega}, t);
    }

    /**
     * ln of the populations of a qubit of quantum ω thermal at T, (−ln(1 + e^{−ω/T}), −ω/T − ln(1 + e^{−ω/T})):
     * the excited one stays finite where e^{−ω/T} itself underflows; −∞ at T = 0, ln ½ at T = ∞.
     */
    private static double[] logThermal(double omega, double t) {
        if (Double.isInfinite(t)) {
            return new double[] {-Math.log(2), -Math.log(2)};
        }
        if (t == 0) {
            return new double[] {0, Double.NEGATIVE_INFINITY};
        }
        double x = omega / t;
        double z = Math.log1p(Math.exp(-x));
        return new double[] {-z, -x - z};
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
        Joint j = joints.get(i);
        ZMatrixRMaj after = new ZMatrixRMaj(1, 1);
        ZMatrixRMaj joint = jointAfter(j, rho, after, true);
        double heat = heat(j, joint, Ops.traceRe(rho));
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
                for (Joint j : joints) {
                    ZMatrixRMaj joint = jointAfter(j, rho, after, false);
                    double dq = heat(j, joint, Ops.traceRe(rho));
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
            for (Joint j : joints) {
                jointAfter(j, rho, after, false);
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

    /**
     * V(ρ_S⊗ρ_A)V†, its system part written into {@code system}; the joint state is returned only when asked for
     * (the propagation needs the ancilla's diagonal and the system's block sums only).
     */
    private static ZMatrixRMaj jointAfter(Joint j, ZMatrixRMaj rho, ZMatrixRMaj system, boolean keep) {
        int d = j.d();
        ZMatrixRMaj a = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            a.set(i, i, j.ancilla()[i], 0);
        }
        ZMatrixRMaj joint = Ops.mult(Ops.mult(j.unitary(), Ops.kron(rho, a)), j.unitaryDagger());
        system.reshape(TwoQubits.DIM, TwoQubits.DIM);
        for (int r = 0; r < TwoQubits.DIM; r++) {
            for (int c = 0; c < TwoQubits.DIM; c++) {
                double re = 0;
                double im = 0;
                for (int x = 0; x < d; x++) {
                    re += joint.getReal(r * d + x, c * d + x);
                    im += joint.getImag(r * d + x, c * d + x);
                }
                system.set(r, c, re, im);
            }
        }
        return joint;
    }

    /**
     * The ancilla's energy change: its energies are diagonal, so only ρ_A′'s diagonal enters. Its initial
     * populations are weighted by Tr ρ_S, which rounding moves off 1 by ~1e-13 over 10⁴ steps: without that, ω q
     * times the drift would enter every collision's heat and the work ΔE_S + Q_k would drift by as much.
     */
    private static double heat(Joint j, ZMatrixRMaj joint, double trace) {
        int d = j.d();
        double q = 0;
        for (int x = 0; x < d; x++) {
            double p = 0;
            for (int s = 0; s < TwoQubits.DIM; s++) {
                p += joint.getReal(s * d + x, s * d + x);
            }
            q += j.energies()[x] * (p - trace * j.ancilla()[x]);
        }
        return q;
    }

    /** Q/T with the limits T = ∞ (0) and T = 0 (+∞ for heat into the bath, which only an excited ancilla gives). */
    private static double overT(double heat, double t) {
        if (Double.isInfinite(t) || heat == 0) {
            return 0;
        }
        if (t == 0) {
            return heat > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return heat / t;
    }

    /** Tr_S of a joint state. */
    static ZMatrixRMaj traceSystem(ZMatrixRMaj joint, int d) {
        int s = joint.numRows / d;
        ZMatrixRMaj a = new ZMatrixRMaj(d, d);
        for (int x = 0; x < d; x++) {
            for (int y = 0; y < d; y++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < s; k++) {
                    re += joint.getReal(k * d + x, k * d + y);
                    im += joint.getImag(k * d + x, k * d + y);
                }
                a.set(x, y, re, im);
            }
        }
        return a;
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
}
