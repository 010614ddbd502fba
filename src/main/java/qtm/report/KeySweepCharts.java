package qtm.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import qtm.sweep.KeyAxis;
import qtm.sweep.KeySweep.KeyTable;
import qtm.sweep.SweepTable;

/**
 * The figures of a key sweep (issue 26): over one axis, the charted columns as curves on one chart; over two, a map
 * of each charted column with the boundary of its zero region (C = 0 where the concurrence is mapped), drawn as
 * {@link SweepCharts} draws the paper's concurrence map; over more, none (the CSV holds the grid). And the overlay of
 * several one-axis sweeps over the same axis, one curve per sweep and charted column.
 */
public final class KeySweepCharts {
    private KeySweepCharts() {
    }

    /**
     * A chart and the suffix of its file names.
     *
     * @param suffix "" for the first chart, then {@code -COLUMN}
     * @param chart the chart
     */
    public record Figure(String suffix, JFreeChart chart) {
    }

    /**
     * @param t the sweep's result
     * @param title the chart title (the sweep's description; a default when empty)
     * @return the figures: one for one axis, one per charted column for two, none for more
     */
    public static List<Figure> draw(KeyTable t, String title) {
        List<Figure> out = new ArrayList<>();
        if (t.axes().size() == 1) {
            KeyAxis x = t.axes().get(0);
            ChartBuilder b = builder(title.isEmpty() ? "exact steady state against " + x.key() : title, x,
                    label(t.plot()));
            for (String c : t.plot()) {
                b.add(series(t.table(), x.key(), c, c));
            }
            out.add(new Figure("", b.build()));
        } else if (t.axes().size() == 2) {
            KeyAxis x = t.axes().get(0);
            KeyAxis y = t.axes().get(1);
            for (int i = 0; i < t.plot().size(); i++) {
                String c = t.plot().get(i);
                String suffix = i == 0 ? "" : "-" + c;
                String name = title.isEmpty() ? c + " over " + x.key() + " and " + y.key()
                        : i == 0 ? title : title + " (" + c + ")";
                out.add(new Figure(suffix, SweepCharts.draw(t.table(), new SweepTable.Chart(suffix, name, x.key(), c,
                        y.key(), x.log(), y.log(), true, false), name)));
            }
        }
        return out;
    }

    /**
     * Several one-axis sweeps over the same axis on one chart: every charted column of every sweep, labelled
     * {@code NAME: COLUMN}.
     *
     * @param tables the sweeps' results, each over the same single axis
     * @param names their names, for the legend
     * @param title the chart title
     * @return the chart
     * @throws IllegalArgumentException unless every table has one axis, the same as the first's
     */
    public static JFreeChart overlay(List<KeyTable> tables, List<String> names, String title) {
        KeyAxis x = tables.get(0).axes().get(0);
        List<String> columns = new ArrayList<>();
        for (KeyTable t : tables) {
            if (t.axes().size() != 1 || !t.axes().get(0).sameAs(x)) {
                throw new IllegalArgumentException("an overlay needs sweeps over one and the same axis (" + x + ")");
            }
            columns.addAll(t.plot());
        }
        boolean one = columns.stream().distinct().count() == 1;
        String y = label(columns);
        ChartBuilder b = builder(title + ": " + y + " against " + x.key(), x, y);
        for (int i = 0; i < tables.size(); i++) {
            for (String c : tables.get(i).plot()) {
                b.add(series(tables.get(i).table(), x.key(), c, one ? names.get(i) : names.get(i) + ": " + c));
            }
        }
        return b.build();
    }

    /** The y label: the one column, or what several share ({@code pair_concurrence} of its pairs' columns). */
    private static String label(List<String> columns) {
        String first = columns.get(0);
        int n = first.length();
        for (String c : columns) {
            n = Math.min(n, c.length());
            for (int i = 0; i < n; i++) {
                if (c.charAt(i) != first.charAt(i)) {
                    n = i;
                    break;
                }
            }
        }
        String common = first.substring(0, n);
        if (n == first.length() && columns.stream().allMatch(first::equals)) {
            return first;
        }
        int cut = common.lastIndexOf('_');
        return cut > 0 ? common.substring(0, cut) : "value";
    }

    private static ChartBuilder builder(String title, KeyAxis x, String y) {
        ChartBuilder b = new ChartBuilder(title, x.key(), y);
        if (x.log()) {
            b.logX();
        }
        // Markers tell the computed points from the lines between them, where they are few enough to see.
        return x.points() <= 25 ? b.markers() : b;
    }

    private static Series series(SweepTable table, String x, String y, String label) {
        int ix = table.column(x);
        int iy = table.column(y);
        double[] xs = new double[table.rows().size()];
        double[] ys = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = table.rows().get(k)[ix];
            ys[k] = table.rows().get(k)[iy];
        }
        return Series.line(label, xs, ys);
    }
}
