package qtm.model;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Ops;

/**
 * One step of the discrete collision model, described here in the model so that the stochastic collision engine and
 * the exact collision map, its counting and its thermodynamics all read the same description and apply exactly the
 * same sequence: e^{−iHΔt}, then every collision in list order.
 *
 * <p>The reset model collides strongly and rarely: with probability p_kΔt qubit k is measured and re-prepared from
 * τ_k. The flux and double-dot models collide weakly every step: each channel pair (L, L†) meets a fresh ancilla
 * through the partial swap e^{−iθ(L⊗a† + L†⊗a)}, θ² = (γ↓+γ↑)Δt, the ancilla excited with probability
 * γ↑/(γ↓+γ↑). Immutable.
 */
public final class Collision {
    /**
     * A partial-swap collision for one channel pair.
     *
     * @param down index of L (the channel moving energy into the bath)
     * @param up index of L†, or −1 if that channel has rate 0 and is absent
     * @param cos cos θ
     * @param sin2 sin²θ
     * @param excited probability that the ancilla starts excited, γ↑/(γ↓+γ↑)
     */
    public record Swap(int down, int up, double cos, double sin2, double excited) {
    }

    /**
     * A reset collision for one qubit.
     *
     * @param side the qubit
     * @param probability p_kΔt
     * @param channels indices of that qubit's reset channels √(p r_i)|i⟩⟨j|
     */
    public record Reset(Side side, double probability, int[] channels) {
    }

    private final Channels channels;
    private final List<Swap> swaps;
    private final List<Reset> resets;
    private final double dt;
    private final double requestedDt;
    private final int steps;

    private Collision(Channels channels, List<Swap> swaps, List<Reset> resets, double dt, double requestedDt,
            int steps) {
        this.channels = channels;
        this.swaps = List.copyOf(swaps);
        this.resets = List.copyOf(resets);
        this.dt = dt;
        this.requestedDt = requestedDt;
        this.steps = steps;
    }

    /**
     * Builds the collision step. Δt is shortened, if needed, so that a whole number of steps fills each grid interval.
     *
     * @param model the machine
     * @param grid the output grid
     * @param requestedDt the step asked for, &gt; 0
     * @return the step
     * @throws IllegalArgumentException if Δt is not positive, p_kΔt &gt; 1, or θ &gt; π/2, or the model's channels are
     *     global
     */
    public static Collision of(Model model, TimeGrid grid, double requestedDt) {
        if (model.approach() == Approach.GLOBAL) {
            throw new IllegalArgumentException(Approach.COLLISION_REFUSAL);
        }
        if (!(requestedDt > 0) || !Double.isFinite(requestedDt)) {
            throw new IllegalArgumentException("collision dt must be finite and > 0, got " + requestedDt);
        }
        int steps = (int) Math.max(1, Math.ceil(grid.step() / requestedDt - 1e-9));
        double dt = grid.step() / steps;
        List<Jump> jumps = model.jumps();
        Channels channels = Channels.of(jumps);
        List<Swap> swaps = new ArrayList<>();
        List<Reset> resets = new ArrayList<>();
        if (model instanceof ResetModel) {
            for (Side side : Side.values()) {
                double p = model.bath(side).rate() * dt;
                if (p > 1) {
                    throw new IllegalArgumentException("collision dt " + dt + " makes the reset probability p*dt = "
                            + p + " exceed 1 on the " + side.key() + " side; use dt <= " + 1 / model.bath(side).rate());
                }
                int[] own = new int[4];
                int m = 0;
                for (int j = 0; j < jumps.size(); j++) {
                    if (jumps.get(j).side() == side) {
                        own[m++] = j;
                    }
                }
                resets.add(new Reset(side, p, java.util.Arrays.copyOf(own, m)));
            }
        } else {
            for (int j = 0; j < jumps.size(); j++) {
                Jump down = jumps.get(j);
                if (!(down.energy() > 0)) {
                    continue;
                }
                int up = partner(jumps, j);
                double gDown = down.rate();
                double gUp = up < 0 ? 0 : jumps.get(up).rate();
                double sum = gDown + gUp;
                if (sum == 0) {
                    continue;
                }
                double theta = Math.sqrt(sum * dt);
                if (theta > Math.PI / 2) {
                    throw new IllegalArgumentException("collision dt " + dt + " makes the swap angle theta = " + theta
                            + " exceed pi/2 for channel " + down.label() + "; use dt <= " + (Math.PI * Math.PI / 4 / sum));
                }
                double s = Math.sin(theta);
                swaps.add(new Swap(j, up, Math.cos(theta), s * s, gUp / sum));
            }
        }
        return new Collision(channels, swaps, resets, dt, requestedDt, steps);
    }

    private static int partner(List<Jump> jumps, int j) {
        Jump down = jumps.get(j);
        ZMatrixRMaj adjoint = Ops.dagger(down.operator());
        for (int k = 0; k < jumps.size(); k++) {
            Jump up = jumps.get(k);
            if (k != j && up.side() == down.side() && Ops.maxAbsDiff(up.operator(), adjoint) == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("channel " + down.label() + " has no adjoint partner for a partial swap");
    }

    /** @return the channel table the indices refer to */
    public Channels channels() {
        return channels;
    }

    /** @return partial swaps, in the order they are applied */
    public List<Swap> swaps() {
        return swaps;
    }

    /** @return reset collisions, in the order they are applied */
    public List<Reset> resets() {
        return resets;
    }

    /** @return the step actually used */
    public double dt() {
        return dt;
    }

    /** @return the step asked for */
    public double requestedDt() {
        return requestedDt;
    }

    /**
     * @return whether Δt had to be shortened to fit the grid (beyond the rounding of grid step ÷ steps), so that the
     *     user is told: the collision model's O(Δt) bias depends on it
     */
    public boolean shortened() {
        return dt < requestedDt * (1 - 1e-9);
    }

    /** @return steps per grid interval */
    public int stepsPerPoint() {
        return steps;
    }
}
