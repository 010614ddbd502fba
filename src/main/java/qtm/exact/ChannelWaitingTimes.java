package qtm.exact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import qtm.model.Machine;
import qtm.model.MachineChannel;

/**
 * The exact waiting times between the jumps of ordered pairs of a machine's channels (issue 25, "of channels on
 * request"), defined as the baths' law is ({@link MachineWaitingTimes}) with one channel in place of each bath: from
 * a jump of channel a to the next jump of channel b, jumps of every other channel free to come in between,
 * w_ab(τ) = Tr[J_b e^{(L−J_b)τ} J_a ρ∞] / Tr[J_a ρ∞]. So a channel pair is what a detector that hears channel b alone
 * sees after a click of a, each w_ab is a density of its own (∫ w_ab = 1 when the next b jump is certain; for a = b
 * its mean is Kac's 1/Tr J_a ρ∞), and the one recorder and verdict of the baths serve it unchanged. The exclusive law
 * "the next jump of any channel, when it is b" (sub-densities that share the next jump) answers another question and
 * is not the one recorded. Every channel of positive rate is its own detector, energy-free resets |n⟩⟨n| included (a
 * jump record lists them too). A channel is named as the jump records name it ({@link MachineChannel#label()}), a pair
 * by the two labels joined by "_" (labels hold no "_": they are a bath name and numbers).
 */
public final class ChannelWaitingTimes {
    /**
     * Most ordered pairs of channels: each costs an eigendecomposition of the d²×d² L − J_b for its law and a
     * histogram of about 150 numbers per trajectory, and 256 pairs are 16 channels that jump, more than any shipped
     * machine has.
     */
    public static final int MAX_PAIRS = 256;

    private ChannelWaitingTimes() {
    }

    /**
     * Why a machine's channel pairs are not computed, before anything is built: more than {@link #MAX_PAIRS} ordered
     * pairs of its channels of positive rate (whether or not each jumps in the steady state, which only the steady
     * state would tell), or two channels of one label (their pairs' keys would not tell them apart).
     *
     * @param machine the machine
     * @return the reason, naming the count and the bound, or null
     */
    public static String refusal(Machine machine) {
        long n = machine.channels().stream().filter(c -> c.rate() > 0).count();
        if (n * n > MAX_PAIRS) {
            return n + " channels of positive rate make " + n * n + " ordered pairs, more than the " + MAX_PAIRS
                    + " allowed";
        }
        Set<String> seen = new HashSet<>();
        for (MachineChannel c : machine.channels()) {
            if (!seen.add(c.label())) {
                return "two channels share the label " + c.label();
            }
        }
        return null;
    }

    /**
     * Every ordered pair (a, b) of channels of positive rate whose channel a jumps in the steady state, a the outer
     * loop, in channel order; indices are into {@code Machine.channels()}.
     *
     * @param exact the machine's exact layer
     * @return the pairs
     * @throws IllegalArgumentException if {@link #refusal} refuses the machine
     */
    public static List<WaitingPair> pairs(MachineExact exact) {
        return pairs(exact, WaitingSource.channels(exact));
    }

    private static List<WaitingPair> pairs(MachineExact exact, WaitingSource source) {
        String refused = refusal(exact.machine());
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        List<MachineChannel> all = exact.machine().channels();
        List<WaitingPair> out = new ArrayList<>();
        for (int a = 0; a < all.size(); a++) {
            if (all.get(a).rate() > 0 && source.rate(a) > 0) {
                for (int b = 0; b < all.size(); b++) {
                    if (all.get(b).rate() > 0) {
                        out.add(new WaitingPair(a, b, all.get(a).label() + "_" + all.get(b).label()));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * A machine's distributions for several channel pairs, sharing one generator, steady state and set of jump terms.
     *
     * @param exact the machine's exact layer
     * @param pairs the pairs, channel indices into {@code Machine.channels()}
     * @return one distribution per pair, in order
     * @throws IllegalArgumentException if no starting jump of some pair happens in the steady state
     */
    public static List<WaitingTimes> of(MachineExact exact, List<WaitingPair> pairs) {
        WaitingSource source = WaitingSource.channels(exact);
        List<WaitingTimes> out = new ArrayList<>();
        for (WaitingPair p : pairs) {
            out.add(new WaitingTimes(source, p));
        }
        return List.copyOf(out);
    }

    /**
     * Every pair of {@link #pairs(MachineExact)} with its distribution.
     *
     * @param exact the machine's exact layer
     * @return one distribution per pair, in the pairs' order
     * @throws IllegalArgumentException if {@link #refusal} refuses the machine
     */
    public static List<WaitingTimes> all(MachineExact exact) {
        WaitingSource source = WaitingSource.channels(exact);
        List<WaitingTimes> out = new ArrayList<>();
        for (WaitingPair p : pairs(exact, source)) {
            out.add(new WaitingTimes(source, p));
        }
        return List.copyOf(out);
    }
}
