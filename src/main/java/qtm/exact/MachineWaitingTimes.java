package qtm.exact;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact waiting-time distributions ({@link WaitingTimes}) of any machine (issue 25): between the counted jumps
 * (N_k ≠ 0, the jumps that move energy) of any ordered pair of its baths. A bath's counted jumps are those of every
 * channel of it whose {@link qtm.model.MachineChannel#count()} is nonzero, as the presets count a jump that moves
 * energy; a reset |n⟩⟨n| moves none, and like the other baths' jumps it is free evolution within an interval.
 */
public final class MachineWaitingTimes {
    private MachineWaitingTimes() {
    }

    /**
     * A machine's distribution for one ordered pair of its baths.
     *
     * @param exact the machine's exact layer
     * @param pair which baths' counted jumps start and end the interval
     * @return the distribution
     * @throws IllegalArgumentException if no starting jump happens in the steady state
     */
    public static WaitingTimes of(MachineExact exact, WaitingPair pair) {
        return of(exact, List.of(pair)).get(0);
    }

    /**
     * A machine's distributions for several pairs, sharing one generator, steady state and set of jump terms.
     *
     * @param exact the machine's exact layer
     * @param pairs the pairs
     * @return one distribution per pair, in order
     * @throws IllegalArgumentException if no starting jump of some pair happens in the steady state
     */
    public static List<WaitingTimes> of(MachineExact exact, List<WaitingPair> pairs) {
        WaitingSource source = WaitingSource.of(exact);
        List<WaitingTimes> out = new ArrayList<>();
        for (WaitingPair p : pairs) {
            out.add(new WaitingTimes(source, p));
        }
        return List.copyOf(out);
    }

    /**
     * Every ordered pair of a machine's baths whose starting bath has counted jumps in the steady state (a bath
     * whose jumps never happen starts no interval, so it has no distribution); bath order, the starting bath the
     * outer loop.
     *
     * @param exact the machine's exact layer
     * @return the pairs
     */
    public static List<WaitingPair> pairs(MachineExact exact) {
        WaitingSource source = WaitingSource.of(exact);
        List<String> names = exact.machine().bathNames();
        List<WaitingPair> out = new ArrayList<>();
        for (WaitingPair p : WaitingPair.all(names)) {
            if (source.rate(p.from()) > 0) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
