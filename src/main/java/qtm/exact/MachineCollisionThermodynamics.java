package qtm.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;
import qtm.model.Machine;
import qtm.model.MachineCollision;
import qtm.model.TimeGrid;

/**
 * The exact thermodynamics of the collision model on a machine (issue 25), as {@link CollisionThermodynamics} books
 * the paper's machines: every collision of {@link MachineCollision} written as a unitary V on the system and a fresh
 * ancilla ({@link MachineCollisionJoint}), applied to ρ_S⊗ρ_A, and booked from the states before and after it. The
 * heat into bath k is the ancilla's energy change (ε per excitation of a swap's ancilla, ω or ω − μ; E_x − E_0 per
 * level of a reset's copy), ΔE_S the change of ⟨H⟩ under the machine's full Hamiltonian, the switching work
 * W_k = ΔE_S + Q_k, and the entropy production Σ_k = ΔS_S + Q_k/T_k, with Q/T = 0 at T = ∞ and ±∞ at T = 0 for
 * Q ≠ 0.
 *
 * <p>A swap's V conserves H₀ + H_A up to the chemical potential (it moves ω out of H₀ and books ω − μ), so its W_k
 * is the change of the coupling energy ⟨H − H₀⟩ during the collision, less μ per electron the lead takes; a reset's V
 * conserves only the site's own levels and the copy's, so its W_k also carries the change of the density couplings'
 * energy U n_a n_b that resetting the site moves. The ancilla is
 * thermal for the energies it books (the coin's populations are conserved), so
 * Σ_k = I(S′:A′) + D(ρ_A′‖ρ_A) ≥ 0 (Esposito, Lindenberg and Van den Broeck, New J. Phys. 12, 013013, 2010);
 * {@link Ledger#correlationForm()} computes that side from the joint state. Immutable.
 */
public final class MachineCollisionThermodynamics {
    private final Machine machine;
    private final TimeGrid grid;
    private final double requestedDt;
    private final MachineCollision collision;
    private final ZMatrixRMaj hamiltonian;
    private final ZMatrixRMaj step;
    private final ZMatrixRMaj stepDagger;
    private final List<MachineCollisionJoint> joints = new ArrayList<>();

    /**
     * The bookkeeping of one collision.
     *
     * @param bath the bath's index
     * @param before the system's state before it
     * @param after the system's state after it
     * @param heat Q_k, the ancilla's energy change
     * @param systemEnergy ΔE_S, the change of Tr[Hρ_S]
     * @param work W_k = ΔE_S + Q_k
     * @param entropyChange ΔS_S, the change of the system's von Neumann entropy
     * @param entropyProduction Σ_k = ΔS_S + Q_k/T_k
     * @param joint the joint state of S⊗A after it (index s·d_A + a)
     * @param logAncilla the logarithms of the ancilla's initial populations (its state is diagonal)
     */
    public record Ledger(int bath, ZMatrixRMaj before, ZMatrixRMaj after, double heat, double systemEnergy,
            double work, double entropyChange, double entropyProduction, ZMatrixRMaj joint, double[] logAncilla) {
        /**
         * The entropy production from the joint state alone, I(S′:A′) + D(ρ_A′‖ρ_A), which equals
         * {@link #entropyProduction()} for an ancilla thermal for the energies it books.
         *
         * @return the sum, +∞ when ρ_A′ has weight outside the support of ρ_A
         */
        public double correlationForm() {
            return CollisionThermodynamics.correlationForm(after, joint, logAncilla);
        }
    }

    /**
     * Cumulative quantities on the output grid, per bath: index [bath][grid point].
     *
     * @param states ρ(t_k), the states of {@link MachineCollisionMap#evolve}
     * @param heat Q_k(t): energy moved into bath k during [0, t]
     * @param work W_k(t): switching work of bath k's collisions during [0, t]
     * @param entropy Σ_k(t): entropy production of bath k's collisions during [0, t]
     */
    public record Series(List<ZMatrixRMaj> states, double[][] heat, double[][] work, double[][] entropy) {
    }

    /**
     * Per-time rates in the steady state of the one-step map: per bath, what one step's collisions give, ÷ Δt.
     *
     * @param state the map's fixed point (the state after a step's collisions)
     * @param heat Q_k per unit time
     * @param work W_k per unit time
     * @param entropy Σ_k per unit time
     */
    public record Rates(ZMatrixRMaj state, double[] heat, double[] work, double[] entropy) {
    }

    /**
     * @param machine the machine
     * @param grid output grid
     * @param dt requested step, as for the map
     * @throws IllegalArgumentException if the step is unsuitable (see {@link MachineCollision#of})
     */
    public MachineCollisionThermodynamics(Machine machine, TimeGrid grid, double dt) {
        this.machine = machine;
        this.grid = grid;
        this.requestedDt = dt;
        this.collision = MachineCollision.of(machine, grid, dt);
        this.hamiltonian = machine.hamiltonian();
        this.step = collision.unitary();
        this.stepDagger = Ops.dagger(step);
        for (MachineCollision.Event e : collision.events()) {
            joints.add(MachineCollisionJoint.of(machine, e));
        }
    }

    /** @return the collision step in use */
    public MachineCollision collision() {
        return collision;
    }

    /** @return the collisions of one step, in the order they are applied */
    public int collisions() {
        return joints.size();
    }

    /**
     * The free part of a step, e^{−iHΔt}ρe^{iHΔt}: it conserves ⟨H⟩ and S, so it books nothing.
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
        MachineCollisionJoint j = joints.get(i);
        ZMatrixRMaj after = new ZMatrixRMaj(1, 1);
        ZMatrixRMaj joint = j.apply(rho, after);
        double heat = j.heat(joint, Ops.traceRe(rho));
        double de = Ops.traceProductRe(hamiltonian, after) - Ops.traceProductRe(hamiltonian, rho);
        double ds = entropy(after) - entropy(rho);
        return new Ledger(j.bath(), rho, after, heat, de, de + heat, ds,
                ds + CollisionThermodynamics.overT(heat, j.temperature()), joint, j.logAncilla().clone());
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
        int baths = machine.baths().size();
        double[][] heat = new double[baths][points];
        double[][] work = new double[baths][points];
        double[][] sigma = new double[baths][points];
        double[] q = new double[baths];
        double[] w = new double[baths];
        double[] s = new double[baths];
        List<ZMatrixRMaj> states = new ArrayList<>(points);
        ZMatrixRMaj rho = rho0.copy();
        states.add(rho.copy());
        for (int k = 1; k < points; k++) {
            for (int n = 0; n < collision.stepsPerPoint(); n++) {
                rho = free(rho);
                for (int i = 0; i < joints.size(); i++) {
                    Ledger l = collide(i, rho);
                    q[l.bath()] += l.heat();
                    w[l.bath()] += l.work();
                    s[l.bath()] += l.entropyProduction();
                    rho = l.after();
                }
            }
            states.add(rho.copy());
            for (int b = 0; b < baths; b++) {
                heat[b][k] = q[b];
                work[b][k] = w[b];
                sigma[b][k] = s[b];
            }
        }
        return new Series(List.copyOf(states), heat, work, sigma);
    }

    /**
     * The per-time heat, work and entropy production of each bath in the steady state of the one-step map.
     *
     * @return the rates
     * @throws IllegalArgumentException if the fixed point is not unique
     */
    public Rates steady() {
        ZMatrixRMaj fixed = new MachineCollisionMap(machine, grid, requestedDt).steadyState();
        int baths = machine.baths().size();
        double[] heat = new double[baths];
        double[] work = new double[baths];
        double[] sigma = new double[baths];
        ZMatrixRMaj rho = free(fixed);
        for (int i = 0; i < joints.size(); i++) {
            Ledger l = collide(i, rho);
            heat[l.bath()] += l.heat() / collision.dt();
            work[l.bath()] += l.work() / collision.dt();
            sigma[l.bath()] += l.entropyProduction() / collision.dt();
            rho = l.after();
        }
        return new Rates(fixed, heat, work, sigma);
    }

    /**
     * The von Neumann entropy, as {@link CollisionThermodynamics#entropy}.
     *
     * @param rho a density matrix of any size
     * @return S(ρ) in nats
     */
    static double entropy(ZMatrixRMaj rho) {
        return CollisionThermodynamics.entropy(rho);
    }
}
