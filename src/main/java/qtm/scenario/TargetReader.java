package qtm.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.ChannelWaitingTimes;
import qtm.model.Machine;

/**
 * The {@code observe} mapping (issue 24): an optional target ket whose fidelity F = ⟨t|ρ|t⟩ the commands report,
 * e.g. a Bell or W state. Written as one level digit per site in site order ({@code target: "01"}, the basis state)
 * or as amplitudes {@code target: {re: [d], im: [d]}} in the basis of {@code initial} (the first site most
 * significant); the amplitudes are normalised here, so that 0.7071 is accepted, and a zero vector is refused.
 */
final class TargetReader {
    private TargetReader() {
    }

    /**
     * Whether a machine's collision runs book the heat and switching work of every collision
     * ({@code observe.collision_work}): the bookkeeping needs each collision's state, so it replays the collision
     * engine step by step instead of drawing the steps between flips at once, many times slower (issue 25), and a run
     * asks for it rather than pays for it unasked. The presets' collision runs always book it (their engine has no
     * such shortcut to lose).
     *
     * @param root the scenario's root mapping
     * @return the flag, false without it
     */
    static boolean collisionWork(Node root) {
        if (!root.has("observe") || !root.child("observe").has("collision_work")) {
            return false;
        }
        Node o = root.child("observe");
        JsonNode v = o.raw("collision_work");
        if (!v.isBoolean()) {
            throw o.error("collision_work", "true or false");
        }
        return v.booleanValue();
    }

    /**
     * Whether a machine's runs record the waiting times between ordered pairs of channels rather than of baths
     * ({@code observe.waiting: channels}, issue 25; default baths).
     *
     * @param root the scenario's root mapping
     * @return true for channels
     */
    static boolean waitingByChannel(Node root) {
        if (!root.has("observe") || !root.child("observe").has("waiting")) {
            return false;
        }
        Node o = root.child("observe");
        JsonNode v = o.raw("waiting");
        if (!v.isTextual() || !Set.of("baths", "channels").contains(v.asText())) {
            throw o.error("waiting", "baths or channels");
        }
        return v.asText().equals("channels");
    }

    /**
     * Refuses {@code observe.waiting: channels} where it cannot be served, before anything runs: on a preset (its
     * waiting times are those of its baths cold and hot), or on a machine with more ordered pairs of channels than
     * {@link ChannelWaitingTimes#MAX_PAIRS} (the message names their count and the bound).
     *
     * @param root the scenario's root mapping
     * @param machine the machine, or null for a preset
     */
    static void checkWaiting(Node root, Machine machine) {
        if (!waitingByChannel(root)) {
            return;
        }
        String why = machine == null ? "baths (a preset's waiting times are between its baths cold and hot; "
                + "channels needs model.type: machine)" : ChannelWaitingTimes.refusal(machine);
        if (why != null) {
            throw root.child("observe").error("waiting", machine == null ? why
                    : "baths (channels refused: " + why + ")");
        }
    }

    /**
     * @param root the scenario's root mapping
     * @param names the site names, in order
     * @param dims their numbers of levels
     * @return the normalised target ket as a d×1 column, or null without {@code observe.target}
     */
    static ZMatrixRMaj read(Node root, List<String> names, int[] dims) {
        if (!root.has("observe")) {
            return null;
        }
        Node o = root.child("observe");
        o.allowOnly(Set.of("target", "collision_work", "waiting"));
        collisionWork(root);
        waitingByChannel(root);
        if (!o.has("target")) {
            return null;
        }
        int d = 1;
        for (int k : dims) {
            d *= k;
        }
        JsonNode v = o.raw("target");
        if (v.isValueNode()) {
            ZMatrixRMaj ket = new ZMatrixRMaj(d, 1);
            ket.set(MachineInitial.index(o, "target", v.asText(), names, dims, "amplitudes {re: [" + d + "], im: ["
                    + d + "]}"), 0, 1, 0);
            return ket;
        }
        MachineInitial.Amplitudes a = MachineInitial.amplitudes(o.child("target"), d, "the target ket must not be "
                + "zero (its fidelity F = <t|rho|t> needs a unit vector)");
        double length = Math.sqrt(a.norm());
        ZMatrixRMaj ket = new ZMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
            ket.set(i, 0, a.re()[i] / length, a.im()[i] / length);
        }
        return ket;
    }
}
