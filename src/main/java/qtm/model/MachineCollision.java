package qtm.model;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;

/**
 * One step of the discrete collision model on any machine (issue 25), described here in the model so that the exact
 * collision map, its thermodynamics and a collision engine all apply the same step: e^{−iHΔt} with the machine's full
 * H, then the baths in file order, each bath's collisions in the order {@link MachineChannels} lists its channels
 * (rising ω). The order changes the map at O(Δt), so it is part of the definition.
 *
 * <ul>
 * <li>A reset bath collides as the paper's machine does ({@link MachineReset}): its site is replaced by its Gibbs
 * state with probability p = rate·Δt.</li>
 * <li>A bosonic or fermionic bath collides once per channel pair (A_ω, A_ω†) through a partial swap with a fresh
 * ancilla qubit ({@link MachineSwap}); a pair whose rates are both 0 is skipped, as the presets skip it.</li>
 * </ul>
 *
 * <p>The rules are the presets' ({@link Collision}): Δt is shortened so that whole steps fill each grid interval,
 * p ≤ 1, and the largest rotation angle of every swap at most π/2 (θ·‖A_ω‖, which is θ where ‖A_ω‖ = 1), and the
 * global approach has no collision picture. Immutable.
 */
public final class MachineCollision {
    /** One collision of a step. */
    public sealed interface Event permits MachineReset, MachineSwap {
        /** @return the index of the bath it belongs to */
        int bath();

        /** @return its Kraus operators on the system, Σ K†K = 1 */
        List<ZMatrixRMaj> kraus();
    }

    private final Machine machine;
    private final List<Event> events;
    private final ZMatrixRMaj unitary;
    private final double dt;
    private final double requestedDt;
    private final int steps;

    private MachineCollision(Machine machine, List<Event> events, double dt, double requestedDt, int steps) {
        this.machine = machine;
        this.events = List.copyOf(events);
        this.dt = dt;
        this.requestedDt = requestedDt;
        this.steps = steps;
        this.unitary = propagator(machine.hamiltonian(), dt);
    }

    /**
     * Builds the step. Δt is shortened, if needed, so that a whole number of steps fills each grid interval.
     *
     * @param machine the machine
     * @param grid the output grid
     * @param requestedDt the step asked for, &gt; 0
     * @return the step
     * @throws IllegalArgumentException if Δt is not finite and positive, a reset probability rate·Δt exceeds 1, a
     *     swap's angle θ·‖A_ω‖ exceeds π/2, or the machine is in the global approach
     */
    public static MachineCollision of(Machine machine, TimeGrid grid, double requestedDt) {
        if (machine.approach() == Approach.GLOBAL) {
            throw new IllegalArgumentException(Approach.COLLISION_REFUSAL);
        }
        if (!(requestedDt > 0) || !Double.isFinite(requestedDt)) {
            throw new IllegalArgumentException("collision dt must be finite and > 0, got " + requestedDt);
        }
        int steps = (int) Math.max(1, Math.ceil(grid.step() / requestedDt - 1e-9));
        double dt = grid.step() / steps;
        List<Event> events = new ArrayList<>();
        int offset = 0;
        for (int k = 0; k < machine.baths().size(); k++) {
            MachineBath bath = machine.baths().get(k);
            List<MachineChannel> own = MachineChannels.of(machine, k);
            if (bath.kind() == BathKind.RESET) {
                events.add(reset(machine, k, offset, dt));
            } else {
                for (int j = 0; j < own.size(); j += 2) {
                    MachineChannel lower = own.get(j);
                    MachineChannel raise = own.get(j + 1);
                    if (lower.rate() + raise.rate() > 0) {
                        events.add(MachineSwap.of(k, offset + j, lower, raise, dt));
                    }
                }
            }
            offset += own.size();
        }
        return new MachineCollision(machine, events, dt, requestedDt, steps);
    }

    private static MachineReset reset(Machine machine, int k, int first, double dt) {
        MachineBath bath = machine.baths().get(k);
        double p = bath.rate() * dt;
        if (p > 1) {
            throw new IllegalArgumentException("collision dt " + dt + " makes the reset probability rate*dt = " + p
                    + " exceed 1 for bath " + bath.name() + "; use dt <= " + 1 / bath.rate());
        }
        Site site = machine.site(bath);
        return new MachineReset(k, machine.siteIndex(bath.site()), p,
                MachineChannels.gibbs(site, bath.temperature()), first, machine.space());
    }

    /**
     * e^{−iHΔt} = cos(HΔt) − i sin(HΔt), on H's eigenvalues.
     *
     * @param h a Hermitian matrix
     * @param dt the step
     * @return a new unitary
     */
    static ZMatrixRMaj propagator(ZMatrixRMaj h, double dt) {
        ZMatrixRMaj cos = Hermitian.apply(h, x -> Math.cos(x * dt));
        ZMatrixRMaj sin = Hermitian.apply(h, x -> Math.sin(x * dt));
        ZMatrixRMaj u = cos.copy();
        for (int k = 0; k < u.data.length; k += 2) {
            u.data[k] += sin.data[k + 1];
            u.data[k + 1] -= sin.data[k];
        }
        return u;
    }

    /** @return the machine */
    public Machine machine() {
        return machine;
    }

    /** @return the collisions of one step, in the order they are applied after the unitary */
    public List<Event> events() {
        return events;
    }

    /** @return a copy of e^{−iHΔt}, the first part of every step */
    public ZMatrixRMaj unitary() {
        return unitary.copy();
    }

    /** @return the step actually used */
    public double dt() {
        return dt;
    }

    /** @return the step asked for */
    public double requestedDt() {
        return requestedDt;
    }

    /** @return whether Δt had to be shortened to fit the grid (beyond the rounding of grid step ÷ steps) */
    public boolean shortened() {
        return dt < requestedDt * (1 - 1e-9);
    }

    /** @return steps per grid interval */
    public int stepsPerPoint() {
        return steps;
    }
}
