package qtm.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Hermitian;
import qtm.math.Ops;

/**
 * A machine's {@code initial} state (issue 24): one level digit per site in site order ({@code "00"}, the default
 * being every site in its lowest level), or the two-qubit forms generalised to d states: a ket
 * {@code {ket: {re: [d], im: [d]}}} (normalised here, so that 0.7071 is accepted) or a density matrix
 * {@code {re: d×d, im: d×d}} (Hermitian, trace 1 and positive semidefinite to 1e-9). The basis is the product of the
 * sites' levels, the first site most significant, as for the presets.
 */
final class MachineInitial {
    private static final double TOLERANCE = 1e-9;

    private MachineInitial() {
    }

    /**
     * @param root the scenario's root mapping
     * @param names the site names, in order
     * @param dims their numbers of levels
     * @return the initial d×d density matrix
     */
    static ZMatrixRMaj read(Node root, List<String> names, int[] dims) {
        int d = 1;
        for (int k : dims) {
            d *= k;
        }
        if (!root.has("initial")) {
            return basis(d, 0);
        }
        JsonNode v = root.raw("initial");
        if (v.isValueNode()) {
            return label(root, v.asText(), names, dims, d);
        }
        Node n = root.child("initial");
        if (n.has("ket")) {
            n.allowOnly(Set.of("ket"));
            return ket(n.child("ket"), d);
        }
        n.allowOnly(Set.of("re", "im"));
        double[][] re = n.matrix("re", d, d);
        double[][] im = n.has("im") ? n.matrix("im", d, d) : null;
        ZMatrixRMaj rho = Ops.of(re, im);
        if (Ops.maxAbsDiff(rho, Ops.dagger(rho)) > TOLERANCE) {
            throw root.error("initial", "a density matrix must be Hermitian (re symmetric, im antisymmetric)");
        }
        if (Math.abs(Ops.traceRe(rho) - 1) > TOLERANCE) {
            throw root.error("initial", "a density matrix must have trace 1 (got " + Ops.traceRe(rho) + ")");
        }
        double[] eig = Hermitian.eigenvalues(rho);
        if (eig[d - 1] < -TOLERANCE) {
            throw root.error("initial", "a density matrix must be positive semidefinite (smallest eigenvalue "
                    + eig[d - 1] + ")");
        }
        return rho;
    }

    private static ZMatrixRMaj label(Node root, String label, List<String> names, int[] dims, int d) {
        return basis(d, index(root, "initial", label, names, dims, "a mapping {re: " + d + "x" + d + ", im: " + d
                + "x" + d + "} or {ket: {re: [" + d + "], im: [" + d + "]}}"));
    }

    /**
     * A basis state written as one level digit per site, in site order.
     *
     * @param n the mapping holding the key
     * @param key the key ({@code initial}, {@code target})
     * @param label the digits
     * @param names the site names, in order
     * @param dims their numbers of levels
     * @param otherForms what else the key takes, for the message
     * @return the state's index in the product basis, the first site most significant
     * @throws qtm.input.InputException if the digits do not name a basis state
     */
    static int index(Node n, String key, String label, List<String> names, int[] dims, String otherForms) {
        StringBuilder digits = new StringBuilder();
        for (int k = 0; k < dims.length; k++) {
            digits.append(k == 0 ? "" : ", ").append(names.get(k)).append(" 0-").append(dims[k] - 1);
        }
        String allowed = "expected one level digit per site in site order (" + dims.length + " digits: "
                + digits + "), e.g. \"" + "0".repeat(dims.length) + "\", or " + otherForms;
        if (label.length() != dims.length) {
            throw n.error(key, allowed);
        }
        int index = 0;
        for (int k = 0; k < dims.length; k++) {
            int level = label.charAt(k) - '0';
            if (level < 0 || level >= dims[k]) {
                throw n.error(key, allowed);
            }
            index = index * dims[k] + level;
        }
        return index;
    }

    private static ZMatrixRMaj basis(int d, int index) {
        return Ops.unit(d, index, index);
    }

    private static ZMatrixRMaj ket(Node k, int d) {
        Amplitudes a = amplitudes(k, d, "the ket must not be zero");
        ZMatrixRMaj rho = new ZMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rho.set(i, j, (a.re[i] * a.re[j] + a.im[i] * a.im[j]) / a.norm,
                        (a.im[i] * a.re[j] - a.re[i] * a.im[j]) / a.norm);
            }
        }
        return rho;
    }

    /**
     * Amplitudes divided by the largest magnitude, and their squared norm after that scaling.
     *
     * @param re real parts
     * @param im imaginary parts
     * @param norm Σ |amplitude|², at least 1
     */
    record Amplitudes(double[] re, double[] im, double norm) {
    }

    /**
     * Amplitudes {@code {re: [d], im: [d]}} (im 0 where absent), scaled by the largest magnitude first, so that
     * amplitudes like 1e200 neither overflow nor underflow when squared; the caller normalises them (so that 0.7071
     * is accepted).
     *
     * @param k the mapping of re and im
     * @param d the number of basis states
     * @param zero the message for a zero vector
     * @return the scaled amplitudes and their squared norm
     * @throws qtm.input.InputException for a wrong length or a zero vector
     */
    static Amplitudes amplitudes(Node k, int d, String zero) {
        k.allowOnly(Set.of("re", "im"));
        double[] re = k.numbers("re");
        double[] im = k.has("im") ? k.numbers("im") : new double[d];
        if (re.length != d || im.length != d) {
            throw k.error(re.length != d ? "re" : "im", "expected " + d + " amplitudes, one per basis state (the "
                    + "first site most significant), got " + (re.length != d ? re.length : im.length));
        }
        double big = 0;
        for (int i = 0; i < d; i++) {
            big = Math.max(big, Math.max(Math.abs(re[i]), Math.abs(im[i])));
        }
        if (!(big > 0)) {
            throw k.error("re", zero);
        }
        double norm = 0;
        double[] r = new double[d];
        double[] m = new double[d];
        for (int i = 0; i < d; i++) {
            r[i] = re[i] / big;
            m[i] = im[i] / big;
            norm += r[i] * r[i] + m[i] * m[i];
        }
        return new Amplitudes(r, m, norm);
    }
}
