package qtm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import qtm.sweep.SweepTable;

/**
 * Draws the charts a {@link SweepTable} asks for: curves grouped by a series column, a heat map, or stacked panels
 * comparing approaches with a reference.
 */
public final class SweepCharts {
    private SweepCharts() {
    }

    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);

    /**
     * @param table the data
     * @param chart what to draw
     * @param title the chart's title (the chart's own when empty)
     * @return the chart
     */
    public static JFreeChart draw(SweepTable table, SweepTable.Chart chart, String title) {
        JFreeChart c = chart.map() ? map(table, chart) : curves(table, chart);
        c.setTitle(new TextTitle(title.isEmpty() ? chart.title() : title, TITLE));
        c.setBackgroundPaint(Color.WHITE);
        if (c.getLegend() != null) {
            ChartStyle.legend(c.getLegend(), TICK);
        }
        return c;
    }

    /**
     * Stacked panels on one log x axis: each approach in its palette colour with a filled marker at every point
     * where it is off the reference, the reference black, wider and drawn last so that it lies on top.
     *
     * @param table the data
     * @param figure what to draw
     * @param title the chart's title (the figure's own when empty)
     * @return the chart
     */
    public static JFreeChart draw(SweepTable table, SweepTable.Comparison figure, String title) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(axis(figure.x(), true));
        plot.setGap(24);
        int ix = table.column(figure.x());
        Map<String, org.jfree.chart.LegendItem> legend = new LinkedHashMap<>();
        for (SweepTable.Panel p : figure.panels()) {
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            int k = 0;
            int colour = 0;
            // The flagged markers first, then the approaches' lines, then the reference: the reference is on top.
            List<SweepTable.Curve> approaches = p.curves().stream().filter(c -> c.flag() != null).toList();
            List<SweepTable.Curve> references = p.curves().stream().filter(c -> c.flag() == null).toList();
            for (SweepTable.Curve c : approaches) {
                XYSeries off = new XYSeries(c.label() + " off Bloch-Redfield", false, true);
                int iy = table.column(c.y());
                int flag = table.column(c.flag());
                for (double[] r : table.rows()) {
                    if (r[flag] != 0 && drawable(r[ix], true) && drawable(r[iy], p.logY())) {
                        off.add(r[ix], r[iy]);
                    }
                }
                data.addSeries(off);
                renderer.setSeriesLinesVisible(k, false);
                renderer.setSeriesShapesVisible(k, true);
                renderer.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
                renderer.setSeriesPaint(k, ChartBuilder.color(colour++));
                renderer.setSeriesVisibleInLegend(k, !off.isEmpty());
                k++;
            }
            colour = 0;
            for (SweepTable.Curve c : approaches) {
                data.addSeries(line(table, ix, c, p.logY()));
                renderer.setSeriesPaint(k, ChartBuilder.color(colour));
                // Wider than the reference, so that an approach lying on it shows as a coloured edge.
                renderer.setSeriesStroke(k, stroke(colour));
                colour++;
                k++;
            }
            for (SweepTable.Curve c : references) {
                data.addSeries(line(table, ix, c, p.logY()));
                renderer.setSeriesPaint(k, Color.BLACK);
                renderer.setSeriesStroke(k, new BasicStroke(2.5f));
                k++;
            }
            XYPlot panel = new XYPlot(data, null, axis(p.quantity(), p.logY()), renderer);
            panel.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            style(panel);
            if (!p.logY()) {
                ChartStyle.limitTicks((NumberAxis) panel.getRangeAxis());
            }
            plot.add(panel, 1);
            org.jfree.chart.LegendItemCollection own = panel.getLegendItems();
            for (int i = 0; i < own.getItemCount(); i++) {
                legend.putIfAbsent(own.get(i).getLabel(), own.get(i));
            }
        }
        // One legend for both panels: the same curve in each is listed once.
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        legend.values().forEach(items::add);
        plot.setFixedLegendItems(items);
        JFreeChart c = new JFreeChart(figure.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        c.setTitle(new TextTitle(title.isEmpty() ? figure.title() : title, TITLE));
        c.setBackgroundPaint(Color.WHITE);
        ChartStyle.legend(c.getLegend(), TICK);
        return c;
    }

    private static XYSeries line(SweepTable table, int ix, SweepTable.Curve c, boolean logY) {
        XYSeries s = new XYSeries(c.label(), false, true);
        int iy = table.column(c.y());
        for (double[] r : table.rows()) {
            if (drawable(r[ix], true) && drawable(r[iy], logY)) {
                s.add(r[ix], r[iy]);
            }
        }
        return s;
    }

    private static JFreeChart curves(SweepTable table, SweepTable.Chart c) {
        int ix = table.column(c.x());
        int iy = table.column(c.y());
        int is = c.series() == null ? -1 : table.column(c.series());
        int ic = c.entangledOnly() ? table.column("concurrence") : -1;
        Map<Double, XYSeries> groups = new LinkedHashMap<>();
        for (double[] r : table.rows()) {
            double key = is < 0 ? 0.0 : r[is];
            XYSeries s = groups.computeIfAbsent(key, k -> new XYSeries(
                    is < 0 ? c.y() : c.series() + " = " + format(k), false, true));
            // Log axes cannot show zero or infinity (e.g. a threshold T_h that is infinite).
            if (drawable(r[ix], c.logX()) && drawable(r[iy], c.logY()) && (ic < 0 || r[ic] > 0)) {
                s.add(r[ix], r[iy]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        groups.values().forEach(data::addSeries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, stroke(i, data.getSeriesCount()));
            renderer.setSeriesPaint(i, ChartBuilder.color(i));
        }
        XYPlot plot = new XYPlot(data, axis(c.x(), c.logX()), axis(c.y(), c.logY()), renderer);
        // Widest first: a curve that lies on an earlier one shows as a thinner dashed line inside it.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        style(plot);
        limitTicks(plot, c);
        return new JFreeChart(c.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, is >= 0);
    }

    private static JFreeChart map(SweepTable table, SweepTable.Chart c) {
        int ix = table.column(c.x());
        int iy = table.column(c.series());
        int iz = table.column(c.y());
        int n = table.rows().size();
        double[][] xyz = new double[3][n];
        double max = 0;
        for (int k = 0; k < n; k++) {
            double[] r = table.rows().get(k);
            // Cells are uniform in log10 of a log-scaled key; its ticks are labelled back in the key's own values.
            xyz[0][k] = c.logX() ? Math.log10(r[ix]) : r[ix];
            xyz[1][k] = c.logY() ? Math.log10(r[iy]) : r[iy];
            xyz[2][k] = r[iz];
            max = Math.max(max, r[iz]);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(c.y(), xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        double w = step(xyz[0]);
        double h = step(xyz[1]);
        renderer.setBlockWidth(w);
        renderer.setBlockHeight(h);
        ZeroAndViridis scale = new ZeroAndViridis(max > 0 ? max : 1.0);
        renderer.setPaintScale(scale);
        NumberAxis xAxis = mapAxis(c.x(), c.logX());
        NumberAxis yAxis = mapAxis(c.series(), c.logY());
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        style(plot);
        limitTicks(plot, c);
        zeroBoundary(plot, xyz, w, h);
        JFreeChart chart = new JFreeChart(c.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.colourLegend(chart, scale, label(c.y()) + " (grey: exactly 0; black line: its boundary)", LABEL,
                TICK);
        return chart;
    }

    /** A map axis; a log-scaled key is drawn in log10 units with a tick at each power of ten labelled 10ᵏ. */
    private static NumberAxis mapAxis(String column, boolean log) {
        NumberAxis a = new NumberAxis(label(column));
        font(a);
        a.setAutoRangeIncludesZero(false);
        if (log) {
            a.setTickUnit(new NumberTickUnit(1.0, PowersOfTen.ofExponents()));
        }
        return a;
    }

    /**
     * Draws the edges between grid neighbours of which exactly one has value 0: on the map, the staircase line
     * where the value (the concurrence) starts to be positive. JFreeChart 1.5 has no contour plot.
     */
    private static void zeroBoundary(XYPlot plot, double[][] xyz, double w, double h) {
        // Cells by their grid index; the index is only for finding neighbours, lines go through the coordinates.
        double x0 = java.util.Arrays.stream(xyz[0]).min().orElse(0);
        double y0 = java.util.Arrays.stream(xyz[1]).min().orElse(0);
        Map<List<Long>, Integer> cell = new HashMap<>();
        for (int k = 0; k < xyz[0].length; k++) {
            cell.put(List.of(Math.round((xyz[0][k] - x0) / w), Math.round((xyz[1][k] - y0) / h)), k);
        }
        BasicStroke line = new BasicStroke(2.5f);
        for (Map.Entry<List<Long>, Integer> e : cell.entrySet()) {
            int k = e.getValue();
            double x = xyz[0][k];
            double y = xyz[1][k];
            boolean zero = xyz[2][k] == 0;
            Integer right = cell.get(List.of(e.getKey().get(0) + 1, e.getKey().get(1)));
            Integer up = cell.get(List.of(e.getKey().get(0), e.getKey().get(1) + 1));
            if (right != null && zero != (xyz[2][right] == 0)) {
                double xm = (x + xyz[0][right]) / 2;
                plot.addAnnotation(new XYLineAnnotation(xm, y - h / 2, xm, y + h / 2, line, Color.BLACK), false);
            }
            if (up != null && zero != (xyz[2][up] == 0)) {
                double ym = (y + xyz[1][up]) / 2;
                plot.addAnnotation(new XYLineAnnotation(x - w / 2, ym, x + w / 2, ym, line, Color.BLACK), false);
            }
        }
    }

    /** The grid spacing of a regular grid's coordinates: the smallest positive gap (1 for a single coordinate). */
    static double step(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        double d = Double.POSITIVE_INFINITY;
        for (int i = 1; i < s.length; i++) {
            if (s[i] > s[i - 1]) {
                d = Math.min(d, s[i] - s[i - 1]);
            }
        }
        return Double.isFinite(d) ? d : 1.0;
    }

    private static boolean drawable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static ValueAxis axis(String column, boolean log) {
        ValueAxis axis;
        if (log) {
            LogAxis a = PowersOfTen.decades(new LogAxis(label(column)));
            a.setSmallestValue(1e-300);
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(label(column));
            a.setAutoRangeIncludesZero(false);
            axis = a;
        }
        font(axis);
        return axis;
    }

    private static void font(ValueAxis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
    }

    /** Axis labels with their meaning and units (energies and temperatures in units of E, ħ = k_B = 1). */
    private static String label(String column) {
        return switch (column) {
            case "Tc" -> "Tc (cold bath temperature, units of E)";
            case "Th" -> "Th (hot bath temperature, units of E)";
            case "U" -> "U (Coulomb energy, units of E)";
            case "Th_threshold" -> "threshold Th for entanglement (units of E)";
            case "concurrence" -> "concurrence C";
            case "heat_cold" -> "heat current Q_c into the cold bath (units of E^2)";
            case "heat_hot" -> "heat current Q_h into the hot bath (units of E^2)";
            case "purity" -> "purity Tr rho^2";
            case "g_over_rate" -> "g / Gamma (coupling over the larger transition rate)";
            default -> column;
        };
    }

    /** At most about eight ticks on the plot's plain axes; a log axis keeps its tick at each power of ten. */
    private static void limitTicks(XYPlot plot, SweepTable.Chart c) {
        if (!c.logX()) {
            ChartStyle.limitTicks((NumberAxis) plot.getDomainAxis());
        }
        if (!c.logY()) {
            ChartStyle.limitTicks((NumberAxis) plot.getRangeAxis());
        }
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    /** Approach i of a comparison: 1.5 px thinner than the one before, from 6 px, wider than the 2.5 px reference. */
    private static BasicStroke stroke(int i) {
        return stroke(i, Math.max(1.5f, 6f - 1.5f * i));
    }

    /**
     * Curve i of n: the last as wide as ChartBuilder's data lines (2.5 px), each earlier one wider by up to 1.5 px
     * and at most 6 px, and dashed differently, so that coinciding curves both show. A lone curve (fig2d) is a plain
     * 2.5 px line: the widths only serve to tell curves apart.
     */
    private static BasicStroke stroke(int i, int n) {
        float step = n > 1 ? Math.min(1.5f, 3.5f / (n - 1)) : 0f;
        return stroke(i, 2.5f + step * (n - 1 - i));
    }

    private static BasicStroke stroke(int i, float width) {
        float[][] dashes = {null, {14f, 6f}, {3f, 4f}, {14f, 5f, 3f, 5f}, {7f, 4f}};
        float[] dash = dashes[i % dashes.length];
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static String format(double v) {
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    /**
     * Grey for exactly 0 (no entanglement), and for values above 0 the viridis map, dark violet to yellow: a small
     * positive value is then as far from zero's grey as a large one. NaN (no value) is white.
     */
    static final class ZeroAndViridis implements PaintScale {
        private static final Color ZERO = new Color(0xc8c8c8);
        private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
            new Color(0x5ec962), new Color(0xfde725)};
        private final double upper;

        ZeroAndViridis(double upper) {
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return Color.WHITE;
            }
            if (value <= 0) {
                return ZERO;
            }
            double t = Math.min(1, value / upper) * (VIRIDIS.length - 1);
            int k = Math.min((int) t, VIRIDIS.length - 2);
            double f = t - k;
            Color a = VIRIDIS[k];
            Color b = VIRIDIS[k + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
