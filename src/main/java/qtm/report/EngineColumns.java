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

    private static final String[] LABELS = {"00", "01", "10", "11"};

    /** @return the columns of rho-&lt;engine&gt;.csv: t, then every Hermitian coordinate of ρ̄ and its SE */
    static String[] rhoHeader() {
        List<String> h = new ArrayList<>(List.of("t"));
        for (String name : coordinateNames()) {
            h.add(name);
            h.add(name + "_se");
        }
        return h.toArray(new String[0]);
    }

    /** Coordinate names in {@link qtm.linalg.HermitianBasis} order: diagonal, then Re and Im above it. */
    private static List<String> coordinateNames() {
        List<String> names = new ArrayList<>();
        for (String l : LABELS) {
            names.add("rho_" + l + "_" + l);
        }
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                names.add("rho_" + LABELS[i] + "_" + LABELS[j] + "_re");
                names.add("rho_" + LABELS[i] + "_" + LABELS[j] + "_im");
            }
        }
        return names;
    }

    static List<double[]> rhoRows(EnsembleResult r) {
        qtm.linalg.HermitianBasis basis = new qtm.linalg.HermitianBasis(4);
        List<double[]> rows = new ArrayList<>();
        double[] coords = new double[basis.size()];
        for (int k = 0; k < r.grid().points(); k++) {
            basis.coordinates(r.rho(k), coords);
            double[] se = r.rhoStandardErrors(k);
            double[] row = new double[1 + 2 * coords.length];
            row[0] = r.grid().time(k);
            for (int m = 0; m < coords.length; m++) {
                row[1 + 2 * m] = coords[m];
                row[2 + 2 * m] = se[m];
            }
            rows.add(row);
        }
        return rows;
    }
}
