package qtm.sweep;

import java.util.List;

/**
 * The result of a sweep: a tidy table (one row per computed point) and the charts that show it.
 *
 * @param columns column names
 * @param rows the rows, each as long as columns
 * @param charts what to draw from the table
 * @param comparisons figures of several approaches against a reference, in stacked panels
 */
public record SweepTable(List<String> columns, List<double[]> rows, List<Chart> charts,
        List<Comparison> comparisons) {
    /** @throws IllegalArgumentException if a row's length differs from the header's */
    public SweepTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        charts = List.copyOf(charts);
        comparisons = List.copyOf(comparisons);
        for (double[] r : rows) {
            if (r.length != columns.size()) {
                throw new IllegalArgumentException("row of " + r.length + " values for " + columns.size() + " columns");
            }
        }
    }

    /**
     * A table with single charts only.
     *
     * @param columns column names
     * @param rows the rows
     * @param charts what to draw
     */
    public SweepTable(List<String> columns, List<double[]> rows, List<Chart> charts) {
        this(columns, rows, charts, List.of());
    }

    /**
     * @param name a column name
     * @return its index
     * @throws IllegalArgumentException if there is no such column
     */
    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        return i;
    }

    /**
     * A chart to draw from the table's columns.
     *
     * @param suffix file-name suffix ("" for the main chart)
     * @param title chart title
     * @param x column on the horizontal axis
     * @param y column on the vertical axis (the colour, for a map)
     * @param series column whose distinct values make separate curves, or null for one curve (or, for a map,
     *     the vertical-axis column)
     * @param logX logarithmic horizontal axis
     * @param logY logarithmic vertical axis
     * @param map a heat map of y over (x, series) instead of curves
     * @param entangledOnly draw only rows with concurrence &gt; 0: where nothing is entangled the "optimal"
     *     couplings are degenerate (every choice gives C = 0), so quantities evaluated there mean nothing
     */
    public record Chart(String suffix, String title, String x, String y, String series, boolean logX, boolean logY,
            boolean map, boolean entangledOnly) {
    }

    /**
     * Stacked panels over one x column, each with curves of several approaches and a reference drawn last.
     *
     * @param suffix file-name suffix ("" for the main chart)
     * @param title chart title
     * @param x column on the shared horizontal axis, drawn on a log scale
     * @param panels the panels, top first
     */
    public record Comparison(String suffix, String title, String x, List<Panel> panels) {
        /** Copies the list. */
        public Comparison {
            panels = List.copyOf(panels);
        }
    }

    /**
     * One panel of a {@link Comparison}.
     *
     * @param quantity what it shows (its axis label: concurrence, heat_cold, ...)
     * @param logY logarithmic vertical axis
     * @param curves the curves; the one without a flag column is the reference, drawn black and last
     */
    public record Panel(String quantity, boolean logY, List<Curve> curves) {
        /** Copies the list. */
        public Panel {
            curves = List.copyOf(curves);
        }
    }

    /**
     * One curve of a {@link Panel}.
     *
     * @param label legend name
     * @param y column
     * @param flag 0/1 column marking the points where this curve is off the reference, or null for the reference
     */
    public record Curve(String label, String y, String flag) {
    }
}
