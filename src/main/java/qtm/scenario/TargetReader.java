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
        o.allowOnly(Set.of("target"));
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
            ket.set(index(o, v.asText(), names, dims, d), 0, 1, 0);
            return ket;
        }
        return amplitudes(o.child("target"), d);
    }

    private static int index(Node o, String label, List<String> names, int[] dims, int d) {
        StringBuilder digits = new StringBuilder();
        for (int k = 0; k < dims.length; k++) {
            digits.append(k == 0 ? "" : ", ").append(names.get(k)).append(" 0-").append(dims[k] - 1);
        }
        String allowed = "expected one level digit per site in site order (" + dims.length + " digits: " + digits
                + "), e.g. \"" + "0".repeat(dims.length) + "\", or amplitudes {re: [" + d + "], im: [" + d + "]}";
        if (label.length() != dims.length) {
            throw o.error("target", allowed);
        }
        int index = 0;
        for (int k = 0; k < dims.length; k++) {
            int n = label.charAt(k) - '0';
            if (n < 0 || n >= dims[k]) {
                throw o.error("target", allowed);
            }
            index = index * dims[k] + n;
        }
        return index;
    }

    private static ZMatrixRMaj amplitudes(Node t, int d) {
        t.allowOnly(Set.of("re", "im"));
        double[] re = t.numbers("re");
        double[] im = t.has("im") ? t.numbers("im") : new double[d];
        if (re.length != d || im.length != d) {
            throw t.error(re.length != d ? "re" : "im", "expected " + d + " amplitudes, one per basis state of the "
                    + "machine (the first site most significant), got " + (re.length != d ? re.length : im.length));
        }
        // Scaled by the largest magnitude first, so that amplitudes like 1e200 neither overflow nor underflow.
        double big = 0;
        for (int i = 0; i < d; i++) {
            big = Math.max(big, Math.max(Math.abs(re[i]), Math.abs(im[i])));
        }
        if (!(big > 0)) {
            throw t.error("re", "the target ket must not be zero (its fidelity F = <t|rho|t> needs a unit vector)");
        }
        double norm = 0;
        for (int i = 0; i < d; i++) {
            norm += (re[i] / big) * (re[i] / big) + (im[i] / big) * (im[i] / big);
        }
        double root = Math.sqrt(norm);
        ZMatrixRMaj ket = new ZMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
            ket.set(i, 0, re[i] / big / root, im[i] / big / root);
        }
        return ket;
    }
}
