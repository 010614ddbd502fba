package qtm.observe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Bipartite;
import qtm.math.Bipartition;

/**
 * The entanglement of any machine's state, keyed as issue 24's outputs key it: the negativity and log-negativity of
 * every bipartition of the sites ({@code c|m,h}), and the concurrence of every pair of qubit sites ({@code c,h}) by
 * Wootters' formula on their reduced state ({@link Observables#concurrence}). Pure functions of ρ, the site names and
 * their dimensions; on the two-qubit presets the pair concurrence is the scalar C that exists today.
 */
public final class Entanglement {
    private Entanglement() {
    }

    /**
     * @param rho d×d density matrix
     * @param names site names in order
     * @param dims their dimensions
     * @return N of every bipartition, by label, in {@link Bipartition#all} order
     */
    public static Map<String, Double> negativity(ZMatrixRMaj rho, List<String> names, int[] dims) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Bipartition p : Bipartition.all(names)) {
            out.put(p.label(), Bipartite.negativity(rho, dims, p.firstSites()));
        }
        return out;
    }

    /**
     * @param rho d×d density matrix
     * @param names site names in order
     * @param dims their dimensions
     * @return log₂(2N + 1) of every bipartition, by label, in {@link Bipartition#all} order
     */
    public static Map<String, Double> logNegativity(ZMatrixRMaj rho, List<String> names, int[] dims) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Bipartition p : Bipartition.all(names)) {
            out.put(p.label(), Bipartite.logNegativity(rho, dims, p.firstSites()));
        }
        return out;
    }

    /**
     * @param rho d×d density matrix
     * @param names site names in order
     * @param dims their dimensions
     * @return the concurrence of every pair of qubit sites, keyed by their names in site order joined by a comma
     *     ({@code c,h}); empty when fewer than two sites are qubits
     */
    public static Map<String, Double> pairConcurrence(ZMatrixRMaj rho, List<String> names, int[] dims) {
        if (names.size() != dims.length) {
            throw new IllegalArgumentException(names.size() + " names for " + dims.length + " sites");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < dims.length; i++) {
            for (int j = i + 1; j < dims.length; j++) {
                if (dims[i] == 2 && dims[j] == 2) {
                    out.put(names.get(i) + "," + names.get(j), pairConcurrence(rho, dims, i, j));
                }
            }
        }
        return out;
    }

    /**
     * Wootters' concurrence of two qubit sites' reduced state.
     *
     * @param rho d×d density matrix
     * @param dims the sites' dimensions
     * @param i first site
     * @param j second site, after i
     * @return C in [0, 1]
     * @throws IllegalArgumentException if a site is not a qubit
     */
    public static double pairConcurrence(ZMatrixRMaj rho, int[] dims, int i, int j) {
        if (dims[i] != 2 || dims[j] != 2) {
            throw new IllegalArgumentException("the concurrence is for two qubit sites; sites " + i + " and " + j
                    + " have " + dims[i] + " and " + dims[j] + " levels");
        }
        return Observables.concurrence(Bipartite.partialTrace(rho, dims, i, j));
    }
}
