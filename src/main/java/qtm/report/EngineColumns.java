package qtm.report;

import java.util.ArrayList;
import java.util.List;
import qtm.ensemble.EnsembleResult;
import qtm.model.Model;
import qtm.model.Side;
import qtm.observe.Snapshot;
import qtm.stats.Estimate;

/**
 * The columns of timeseries-&lt;engine&gt;.csv: the {@code evolve} columns (values from ρ̄), their {@code _se}
 * columns, then the engine-only series with their SEs. Heat by counting and jump counts refer to the bin ending at t
 * and are NaN on the first row.
 */
final class EngineColumns {
    private static final String[] EXTRA = {"heat_cold_count", "heat_hot_count", "pure_concurrence", "jumps_cold",
        "jumps_hot"};

    private EngineColumns() {
    }

    static String[] header() {
        List<String> h = new ArrayList<>(List.of(Snapshot.COLUMNS));
        for (int i = 1; i < Snapshot.COLUMNS.length; i++) {
            h.add(Snapshot.COLUMNS[i] + "_se");
        }
        for (String e : EXTRA) {
            h.add(e);
            h.add(e + "_se");
        }
        return h.toArray(new String[0]);
    }

    static List<double[]> rows(Model model, EnsembleResult r) {
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < r.grid().points(); k++) {
            Snapshot s = Snapshot.of(model, r.grid().time(k), r.rho(k));
            double[] v = s.values();
            Estimate c = r.concurrence(k);
            Estimate p = r.purity(k);
            double[] rhoSe = r.rhoStandardErrors(k);
            // Standard errors in the order of Snapshot.COLUMNS after t.
            double[] se = {rhoSe[0], rhoSe[1], rhoSe[2], rhoSe[3], rhoSe[10], rhoSe[11], c.se(), p.se(),
                r.heatFormula(k, Side.COLD).se(), r.heatFormula(k, Side.HOT).se()};
            Estimate[] extra = {r.heatCount(k, Side.COLD), r.heatCount(k, Side.HOT), r.pureConcurrence(k),
                r.jumps(k, Side.COLD), r.jumps(k, Side.HOT)};
            double[] row = new double[v.length + se.length + 2 * extra.length];
            System.arraycopy(v, 0, row, 0, v.length);
            System.arraycopy(se, 0, row, v.length, se.length);
            for (int i = 0; i < extra.length; i++) {
                row[v.length + se.length + 2 * i] = extra[i].mean();
                row[v.length + se.length + 2 * i + 1] = extra[i].se();
            }
            rows.add(row);
        }
        return rows;
    }
}
