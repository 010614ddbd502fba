package qtm.api;

import java.util.List;

/**
 * Numbers in named columns, one row per point: the transient of {@link Scenario#evolve} (the columns of
 * {@code qtm evolve}'s CSV) and the exact sweep of {@link Sweeps#table} (those of {@code qtm sweep}'s sweep.csv).
 * Immutable: the rows are copied in and out.
 *
 * @param columns the column names, in order
 * @param rows one row per point, in column order
 */
public record Table(List<String> columns, List<double[]> rows) {
    /** Copies the columns and every row, so that the table cannot change under its reader. */
    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(double[]::clone).toList();
    }

    /**
     * @return a copy of every row, in column order
     */
    @Override
    public List<double[]> rows() {
        return rows.stream().map(double[]::clone).toList();
    }

    /**
     * @param name a column name, one of {@link #columns()}
     * @return its values, one per row
     * @throws IllegalArgumentException for a name not among the columns (the message lists them)
     */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name + "; the columns are " + columns);
        }
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = rows.get(k)[c];
        }
        return out;
    }
}
