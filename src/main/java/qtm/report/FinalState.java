package qtm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import qtm.math.Bipartition;
import qtm.math.HermitianBasis;
import qtm.observe.Entanglement;
import qtm.observe.Estimates;
import qtm.observe.SiteObservables;
import qtm.output.Json;
import qtm.run.EnsembleSummary;
import qtm.stats.RareEvents;

/**
 * The final state of an engine in summary.json as issue 24 keys it for any machine: {@code final.rho} (d × d arrays
 * of the mean ρ̄ and its SEs, with the exact reference's ρ), and {@code final.negativity} and
 * {@code final.pair_concurrence} ({@code {label: {mean, se, reliable, exact}}}). The estimates are the run's own
 * columns, read by their names; the exact values are the engine's own reference (the master equation for
 * trajectories, the collision map for the collision engine). It computes no estimate, only lays them out.
 */
final class FinalState {
    private FinalState() {
    }

    /**
     * @param f the engine's {@code final} object, which gets {@code rho}, {@code negativity} and
     *     {@code pair_concurrence}
     * @param r the engine's summary
     * @param exact the engine's exact reference at the final time
     * @param sites the machine's sites
     */
    static void write(ObjectNode f, EnsembleSummary r, ZMatrixRMaj exact, SiteObservables sites) {
        rho(f.putObject("rho"), r, exact, sites.dimension());
        ObjectNode n = f.putObject("negativity");
        Map<String, Double> nExact = Entanglement.negativity(exact, sites.names(), sites.dims());
        for (Bipartition p : sites.bipartitions()) {
            estimate(n.putObject(p.label()), r.last(Estimates.negativity(p)), nExact.get(p.label()));
        }
        ObjectNode c = f.putObject("pair_concurrence");
        Map<String, Double> cExact = Entanglement.pairConcurrence(exact, sites.names(), sites.dims());
        List<String> keys = sites.pairKeys();
        List<String> columns = sites.pairColumns();
        for (int i = 0; i < keys.size(); i++) {
            estimate(c.putObject(keys.get(i)), r.last(columns.get(i)), cExact.get(keys.get(i)));
        }
    }

    private static void estimate(ObjectNode o, RareEvents.Flagged x, double exact) {
        o.set("mean", Json.number(x.mean()));
        o.set("se", Json.number(x.se()));
        o.put("reliable", x.reliable());
        o.set("exact", Json.number(exact));
    }

    /** ρ̄ and its SEs as d × d arrays from the Hermitian coordinates; the SE of Im on the diagonal is 0. */
    private static void rho(ObjectNode o, EnsembleSummary r, ZMatrixRMaj exact, int d) {
        HermitianBasis basis = new HermitianBasis(d);
        double[] mean = r.finalRho();
        double[] se = r.finalRhoSe();
        ZMatrixRMaj m = basis.matrix(mean, new ZMatrixRMaj(d, d));
        double[][] reSe = new double[d][d];
        double[][] imSe = new double[d][d];
        for (int k = 0; k < se.length; k++) {
            int[] ij = basis.levels(k);
            boolean imaginary = k >= d && (k - d) % 2 == 1;
            double[][] target = imaginary ? imSe : reSe;
            target[ij[0]][ij[1]] = se[k];
            target[ij[1]][ij[0]] = se[k];
        }
        matrix(o.putArray("re"), d, (i, j) -> m.getReal(i, j));
        matrix(o.putArray("im"), d, (i, j) -> m.getImag(i, j));
        matrix(o.putArray("re_se"), d, (i, j) -> reSe[i][j]);
        matrix(o.putArray("im_se"), d, (i, j) -> imSe[i][j]);
        ObjectNode x = o.putObject("exact");
        matrix(x.putArray("re"), d, (i, j) -> exact.getReal(i, j));
        matrix(x.putArray("im"), d, (i, j) -> exact.getImag(i, j));
    }

    /** An entry of a d × d array. */
    private interface Entry {
        double at(int i, int j);
    }

    private static void matrix(ArrayNode a, int d, Entry e) {
        for (int i = 0; i < d; i++) {
            ArrayNode row = a.addArray();
            for (int j = 0; j < d; j++) {
                row.add(Json.number(e.at(i, j)));
            }
        }
    }
}
