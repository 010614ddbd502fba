package qtm.observe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Bipartite;
import qtm.math.Bipartition;
import qtm.math.Hermitian;
import qtm.math.HermitianBasis;
import qtm.model.Machine;
import qtm.model.MachinePresets;
import qtm.model.Model;

/**
 * The observables that a run records, writes and draws per site and per split of the sites (issue 24): the
 * negativity of every bipartition, the concurrence of every pair of qubit sites and the population of every level of
 * every site. Built from the sites' names and dimensions alone, so that the outputs follow the machine instead of
 * assuming two qubits; the values are {@link Entanglement}'s and {@link Bipartite}'s, the names {@link Estimates}'.
 * On the three presets (sites c and h, two qubits) this is {@code negativity_c_vs_h}, {@code pair_concurrence_c_h}
 * and {@code population_c_0} … {@code population_h_1}.
 */
public final class SiteObservables {
    private final List<String> names;
    private final int[] dims;
    private final int dimension;
    private final List<Bipartition> bipartitions;
    /** The qubit pairs {i, j}, i &lt; j, in {@link Entanglement#pairConcurrence(ZMatrixRMaj, List, int[])} order. */
    private final List<int[]> pairs = new ArrayList<>();
    private final HermitianBasis basis;

    /**
     * @param names the site names in order
     * @param dims their dimensions
     * @throws IllegalArgumentException if the lengths differ
     */
    public SiteObservables(List<String> names, int[] dims) {
        if (names.size() != dims.length) {
            throw new IllegalArgumentException(names.size() + " names for " + dims.length + " sites");
        }
        this.names = List.copyOf(names);
        this.dims = dims.clone();
        int d = 1;
        for (int k : dims) {
            d *= k;
        }
        this.dimension = d;
        // A single site has no bipartition: its populations are all there is to observe.
        this.bipartitions = names.size() < 2 ? List.of() : Bipartition.all(this.names);
        for (int i = 0; i < dims.length; i++) {
            for (int j = i + 1; j < dims.length; j++) {
                if (dims[i] == 2 && dims[j] == 2) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        this.basis = new HermitianBasis(d);
    }

    /**
     * @param model one of the three shipped models (every one of them two qubits, c and h, in either approach)
     * @return its sites
     */
    public static SiteObservables of(Model model) {
        return new SiteObservables(MachinePresets.SITES, new int[] {2, 2});
    }

    /**
     * @param machine any machine
     * @return its sites
     */
    public static SiteObservables of(Machine machine) {
        return new SiteObservables(machine.siteNames(), machine.dimensions());
    }

    /** @return the site names in order */
    public List<String> names() {
        return names;
    }

    /** @return the sites' dimensions (a copy) */
    public int[] dims() {
        return dims.clone();
    }

    /** @return d, the product of the dimensions */
    public int dimension() {
        return dimension;
    }

    /** @return every bipartition, in {@link Bipartition#all} order */
    public List<Bipartition> bipartitions() {
        return bipartitions;
    }

    /** @return the negativity columns, one per bipartition */
    public List<String> negativityColumns() {
        List<String> out = new ArrayList<>();
        for (Bipartition p : bipartitions) {
            out.add(Estimates.negativity(p));
        }
        return out;
    }

    /** @return the pair keys as issue 24 spells them ({@code c,h}), one per pair of qubit sites */
    public List<String> pairKeys() {
        List<String> out = new ArrayList<>();
        for (int[] p : pairs) {
            out.add(names.get(p[0]) + "," + names.get(p[1]));
        }
        return out;
    }

    /** @return the pair-concurrence columns, in {@link #pairKeys()} order */
    public List<String> pairColumns() {
        List<String> out = new ArrayList<>();
        for (int[] p : pairs) {
            out.add(Estimates.pairConcurrence(names.get(p[0]), names.get(p[1])));
        }
        return out;
    }

    /** @return the population columns: every level of the first site, then of the next */
    public List<String> populationColumns() {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < dims.length; s++) {
            for (int n = 0; n < dims[s]; n++) {
                out.add(Estimates.sitePopulation(names.get(s), n));
            }
        }
        return out;
    }

    /** @return every column: negativities, pair concurrences, populations */
    public List<String> columns() {
        List<String> out = new ArrayList<>(negativityColumns());
        out.addAll(pairColumns());
        out.addAll(populationColumns());
        return Collections.unmodifiableList(out);
    }

    /**
     * The exact values of a state, for the exact time series.
     *
     * @param rho d×d density matrix
     * @return the value of every {@link #columns()} entry, in order
     */
    public double[] values(ZMatrixRMaj rho) {
        double[] out = new double[columns().size()];
        int i = 0;
        for (Bipartition p : bipartitions) {
            out[i++] = Bipartite.negativity(rho, dims, p.firstSites());
        }
        Map<String, Double> c = Entanglement.pairConcurrence(rho, names, dims);
        for (String key : pairKeys()) {
            out[i++] = c.get(key);
        }
        for (int s = 0; s < dims.length; s++) {
            for (double p : Bipartite.populations(rho, dims, s)) {
                out[i++] = p;
            }
        }
        return out;
    }

    /**
     * The estimates of {@link #columns()} as functions of the mean ρ̄ coordinates ({@link HermitianBasis} order), with
     * the jackknife SE, floored where populations are rare as for the concurrence. The negativity and the pair
     * concurrence are reported clipped at 0, with the SE of a function that keeps its slope across 0.
     *
     * @return the columns, in {@link #columns()} order
     */
    List<Column> estimates() {
        int[] diagonal = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            diagonal[i] = i;
        }
        List<Column> out = new ArrayList<>();
        for (Bipartition p : bipartitions) {
            int[] side = p.firstSites();
            out.add(new Column.OfMean(Estimates.negativity(p), v -> signedNegativity(matrix(v), dims, side),
                    diagonal, true, -1));
        }
        for (int[] pair : pairs) {
            out.add(new Column.OfMean(Estimates.pairConcurrence(names.get(pair[0]), names.get(pair[1])),
                    v -> Observables.signedConcurrence(Bipartite.partialTrace(matrix(v), dims, pair)), diagonal,
                    true, -1));
        }
        for (int s = 0; s < dims.length; s++) {
            int site = s;
            for (int n = 0; n < dims[s]; n++) {
                int level = n;
                out.add(new Column.OfMean(Estimates.sitePopulation(names.get(s), n),
                        v -> Bipartite.populations(matrix(v), dims, site)[level], diagonal, false, -1));
            }
        }
        return out;
    }

    /**
     * The negativity where ρ^{T_A} has a negative eigenvalue, else −λ_min(ρ^{T_A}): continuous, equal to N wherever
     * N &gt; 0, and with a slope on separable states, where every resample of N itself is 0 and its jackknife SE
     * would claim a certainty that the estimate does not have (as {@link Observables#signedConcurrence} for C).
     *
     * @param rho d×d
     * @param dims the sites' dimensions
     * @param sites side A, increasing
     * @return the signed negativity
     */
    public static double signedNegativity(ZMatrixRMaj rho, int[] dims, int... sites) {
        double n = Bipartite.negativity(rho, dims, sites);
        if (n > 0) {
            return n;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double lambda : Hermitian.eigenvalues(Bipartite.partialTranspose(rho, dims, sites))) {
            min = Math.min(min, lambda);
        }
        return -min;
    }

    private ZMatrixRMaj matrix(double[] v) {
        return basis.matrix(v, new ZMatrixRMaj(dimension, dimension));
    }
}
