package qtm.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.ejml.data.ZMatrixRMaj;

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
        o.allowOnly(Set.of("target", "collision_work"));
        collisionWork(root);
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
