package qtm.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.exact.MachineExact;
import qtm.exact.Transient;
import qtm.input.InputException;
import qtm.math.Bipartite;
import qtm.math.Bipartition;
import qtm.model.Machine;
import qtm.model.MachineBath;
import qtm.observe.Entanglement;
import qtm.observe.Observables;
import qtm.observe.SiteObservables;
import qtm.observe.Snapshot;
import qtm.scenario.Scenario;

/**
 * What {@code qtm evolve} writes for a machine (issue 24): the exact transient ρ(t_k) = e^{L t_k} ρ0 of
 * {@link MachineExact} on the scenario's grid, observed per site and per split of the sites, with the column names
 * that {@link SiteObservables} gives the run CSVs. Columns: {@code t}; every site's level populations
 * ({@code population_c_0} …); the negativity of every bipartition ({@code negativity_c_vs_m_h} …); the concurrence of
 * every pair of qubit sites ({@code pair_concurrence_c_h} …); {@code purity}; the heat current into every bath by
 * the formula ({@code heat_<bath>}); and {@code fidelity} where the scenario gives {@code observe.target}.
 *
 * @param header the column names
 * @param rows one row per grid point, in header order
 * @param sites the machine's sites, which name the per-site columns
 */
public record MachineEvolution(String[] header, List<double[]> rows, SiteObservables sites) {
    /**
     * @param s a machine's scenario, with its time grid
     * @return the transient and its observables
     * @throws InputException (exit 2) if the machine's steady state is not unique (the transient's propagator shifts
     *     it out)
     */
    public static MachineEvolution of(Scenario s) {
        Machine m = s.machine();
        MachineExact exact;
        try {
            exact = new MachineExact(m);
        } catch (IllegalArgumentException e) {
            // The reader refuses a site that no bath reaches; this is what is left: a singular system.
            throw new InputException(s.file(), "model.sites", String.join(", ", m.siteNames()), e.getMessage());
        }
        SiteObservables sites = SiteObservables.of(m);
        List<String> header = new ArrayList<>(List.of("t"));
        header.addAll(sites.populationColumns());
        header.addAll(sites.negativityColumns());
        header.addAll(sites.pairColumns());
        header.add("purity");
        for (MachineBath b : m.baths()) {
            header.add("heat_" + b.name());
        }
        if (s.target() != null) {
            header.add("fidelity");
        }
        List<double[]> rows = new ArrayList<>(s.time().points());
        // Each state is observed as it is made: a grid of 100,001 states of d = 32 would take 1.6 GB kept whole.
        exact.evolve(s.initial(), s.time(), (rho, k) -> rows.add(row(s, exact, sites, s.time().time(k), rho,
                header.size())));
        return new MachineEvolution(header.toArray(new String[0]), rows, sites);
    }

    /**
     * What {@code qtm evolve} writes for any scenario: a machine's as {@link #of}, a preset's its own exact transient
     * ({@link Transient}, so its numbers are the presets' own): the columns of {@link Snapshot#COLUMNS}, then the
     * observables per site and bipartition ({@link SiteObservables#columns()}), then {@code fidelity} with a target.
     *
     * @param s a scenario of any model, with its time grid
     * @return the transient and its observables, in the layout {@code qtm evolve} prints
     * @throws InputException (exit 2) as {@link #of}
     */
    public static MachineEvolution ofAny(Scenario s) {
        if (s.isMachine()) {
            return of(s);
        }
        List<ZMatrixRMaj> states = new Transient(s.model(), s.time()).evolve(s.initial());
        SiteObservables sites = SiteObservables.of(s.model());
        List<double[]> rows = new ArrayList<>(states.size());
        for (int k = 0; k < states.size(); k++) {
            rows.add(presetRow(s, sites, k, states.get(k)));
        }
        return new MachineEvolution(presetHeader(sites, s.target() != null), rows, sites);
    }

    /**
     * @param sites the machine's sites
     * @param fidelity whether the scenario gives a target
     * @return a preset's evolve columns: {@link Snapshot#COLUMNS}, then the observables per site and bipartition
     *     (issue 24), then {@code fidelity} with a target
     */
    private static String[] presetHeader(SiteObservables sites, boolean fidelity) {
        List<String> h = new ArrayList<>(List.of(Snapshot.COLUMNS));
        h.addAll(sites.columns());
        if (fidelity) {
            h.add("fidelity");
        }
        return h.toArray(new String[0]);
    }

    private static double[] presetRow(Scenario s, SiteObservables sites, int k, ZMatrixRMaj rho) {
        double[] a = Snapshot.of(s.model(), s.time().time(k), rho).values();
        double[] b = sites.values(rho);
        int n = a.length + b.length;
        double[] row = java.util.Arrays.copyOf(a, n + (s.target() != null ? 1 : 0));
        System.arraycopy(b, 0, row, a.length, b.length);
        if (s.target() != null) {
            row[n] = Observables.fidelity(rho, s.target());
        }
        return row;
    }

    private static double[] row(Scenario s, MachineExact exact, SiteObservables sites, double t, ZMatrixRMaj rho,
            int columns) {
        Machine m = s.machine();
        int[] dims = m.dimensions();
        double[] row = new double[columns];
        int i = 0;
        row[i++] = t;
        for (int site = 0; site < dims.length; site++) {
            for (double p : Bipartite.populations(rho, dims, site)) {
                row[i++] = p;
            }
        }
        for (Bipartition p : sites.bipartitions()) {
            row[i++] = Bipartite.negativity(rho, dims, p.firstSites());
        }
        Map<String, Double> pairs = Entanglement.pairConcurrence(rho, m.siteNames(), dims);
        for (String key : sites.pairKeys()) {
            row[i++] = pairs.get(key);
        }
        row[i++] = Observables.purity(rho);
        for (double q : exact.heat(rho).values()) {
            row[i++] = q;
        }
        if (s.target() != null) {
            row[i++] = Observables.fidelity(rho, s.target());
        }
        return row;
    }

    /**
     * @param column a column name of {@link #header()}
     * @return its values over time
     * @throws IllegalArgumentException for a name not in the header
     */
    public double[] column(String column) {
        int c = List.of(header).indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rows.get(k)[c];
        }
        return out;
    }
}
