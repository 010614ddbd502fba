package qtm.observe;

import java.util.ArrayList;
import java.util.List;
import qtm.exact.ChannelWaitingTimes;
import qtm.exact.MachineExact;
import qtm.exact.MachineWaitingTimes;
import qtm.exact.WaitingTimes;
import qtm.model.Machine;
import qtm.model.MachineChannel;
import qtm.model.Model;

/**
 * What a {@link WaitingHistogram} is planned from: a two-qubit model's three laws, or a machine's laws of its ordered
 * pairs of baths, or of channels on request (issue 25, {@code observe.waiting: channels}), and per channel the index a
 * jump of it counts as. Both kinds share one recorder and one verdict because they share one law (from a jump of a to the next jump
 * of b, others free in between); only what a jump counts as differs: a bath's counted jumps (N_k ≠ 0), or each
 * channel of positive rate as itself.
 */
final class WaitingLaws {
    private WaitingLaws() {
    }

    /**
     * @param model a two-qubit model
     * @return its three exact distributions ({@link WaitingTimes.Pair}), or the reason they do not exist
     */
    static Object presets(Model model) {
        if (!model.hasUniqueSteadyState()) {
            return "no unique steady state";
        }
        List<WaitingTimes> out = new ArrayList<>();
        for (WaitingTimes.Pair pair : WaitingTimes.Pair.values()) {
            try {
                out.add(new WaitingTimes(model, pair));
            } catch (IllegalArgumentException e) {
                return pair.key() + ": " + e.getMessage();
            }
        }
        return out;
    }

    /**
     * The laws, the relaxation gap that sets the burn-in, and per engine channel the index of the bath or channel its
     * jumps count for (−1: not counted).
     */
    record Laws(List<WaitingTimes> exact, double gap, int[] counted) {
    }

    /**
     * @param machine a machine with a unique steady state
     * @param byChannel between channels rather than baths
     * @return null if the waiting times can be recorded, else why not
     */
    static String absence(Machine machine, boolean byChannel) {
        String bound = bound(machine, byChannel);
        if (bound != null) {
            return bound;
        }
        MachineExact exact = new MachineExact(machine);
        if (byChannel) {
            return ChannelWaitingTimes.pairs(exact).isEmpty() ? "no channel jumps in the steady state" : null;
        }
        return MachineWaitingTimes.pairs(exact).isEmpty() ? "no bath's counted jumps happen in the steady state"
                : null;
    }

    /** The refusals that need no steady state: too many states, or with channels too many pairs. */
    private static String bound(Machine machine, boolean byChannel) {
        if (machine.dimension() > WaitingHistogram.MAX_DIMENSION) {
            return "a machine of " + machine.dimension() + " states: waiting times are recorded up to "
                    + WaitingHistogram.MAX_DIMENSION
                    + " (their exact law takes an eigendecomposition of the d²×d² generator per pair)";
        }
        return byChannel ? ChannelWaitingTimes.refusal(machine) : null;
    }

    /**
     * @param machine a machine with a unique steady state
     * @param channels its channels, in the engine's order ({@code machine.channels()}, as the laws index them)
     * @param byChannel between channels rather than baths
     * @return the laws, or null when {@link #absence} gives a reason
     */
    static Laws laws(Machine machine, List<MachineChannel> channels, boolean byChannel) {
        if (bound(machine, byChannel) != null) {
            return null;
        }
        MachineExact exact = new MachineExact(machine);
        List<WaitingTimes> laws = byChannel ? ChannelWaitingTimes.all(exact)
                : MachineWaitingTimes.of(exact, MachineWaitingTimes.pairs(exact));
        if (laws.isEmpty()) {
            return null;
        }
        int[] counted = new int[channels.size()];
        for (int c = 0; c < counted.length; c++) {
            MachineChannel ch = channels.get(c);
            counted[c] = byChannel ? ch.rate() > 0 ? c : -1 : ch.count() != 0 ? ch.bath() : -1;
        }
        return new Laws(laws, exact.gap(), counted);
    }
}
