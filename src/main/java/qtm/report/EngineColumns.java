package qtm.report;

import java.util.ArrayList;
import java.util.List;
import qtm.ensemble.EnsembleResult;
import qtm.stats.RareEvents;

/**
 * The columns of timeseries-&lt;engine&gt;.csv: t, then every column of every recorded quantity, each followed by
 * its {@code _se}; and of rho-&lt;engine&gt;.csv: t, then every Hermitian coordinate of ρ̄ with its SE. The values
 * are read from the result, never computed here. Binned columns (counted heat, jumps) refer to the bin ending at t
 * and are NaN on the first row.
 */
final class EngineColumns {
    private EngineColumns() {
    }

    static String[] header(EnsembleResult r) {
        List<String> h = new ArrayList<>(List.of("t"));
        for (String c : r.columns()) {
            h.add(c);
            h.add(c + "_se");
        }
        return h.toArray(new String[0]);
    }

    static List<double[]> rows(EnsembleResult r) {
        List<String> columns = r.columns();
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < r.grid().points(); k++) {
            double[] row = new double[1 + 2 * columns.size()];
            row[0] = r.grid().time(k);
            for (int c = 0; c < columns.size(); c++) {
                RareEvents.Flagged e = r.estimate(columns.get(c), k);
                row[1 + 2 * c] = e.mean();
                row[2 + 2 * c] = e.se();
            }
            rows.add(row);
        }
        return rows;
    }

    private static final String[] LABELS = {"00", "01", "10", "11"};

    /** @return the columns of rho-&lt;engine&gt;.csv: t, then every Hermitian coordinate of ρ̄ and its SE */
    static String[] rhoHeader(EnsembleResult r) {
        List<String> h = new ArrayList<>(List.of("t"));
        for (String name : r.recorded(qtm.observe.RhoElements.class).slots()) {
            h.add(name);
            h.add(name + "_se");
        }
        return h.toArray(new String[0]);
    }

    static List<double[]> rhoRows(EnsembleResult r) {
        int d = r.recorded(qtm.observe.RhoElements.class).size();
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < r.grid().points(); k++) {
            double[] mean = r.rhoMeans(k);
            double[] se = r.rhoStandardErrors(k);
            double[] row = new double[1 + 2 * d];
            row[0] = r.grid().time(k);
            for (int m = 0; m < d; m++) {
                row[1 + 2 * m] = mean[m];
                row[2 + 2 * m] = se[m];
            }
            rows.add(row);
        }
        return rows;
    }
}
