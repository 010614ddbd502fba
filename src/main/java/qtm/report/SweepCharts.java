package qtm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import qtm.sweep.SweepTable;

/** Draws the charts a {@link SweepTable} asks for: curves grouped by a series column, or a heat map. */
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
            c.getLegend().setItemFont(TICK);
            c.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        return c;
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
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
            renderer.setSeriesPaint(i, ChartBuilder.color(i));
        }
        XYPlot plot = new XYPlot(data, axis(c.x(), c.logX()), axis(c.y(), c.logY()), renderer);
        style(plot);
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
            xyz[0][k] = c.logX() ? Math.log10(r[ix]) : r[ix];
            xyz[1][k] = c.logY() ? Math.log10(r[iy]) : r[iy];
            xyz[2][k] = r[iz];
            max = Math.max(max, r[iz]);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(c.y(), xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(step(xyz[0]));
        renderer.setBlockHeight(step(xyz[1]));
        BlueScale scale = new BlueScale(max > 0 ? max : 1.0);
        renderer.setPaintScale(scale);
        NumberAxis xAxis = new NumberAxis(c.logX() ? "log10 " + label(c.x()) : label(c.x()));
        NumberAxis yAxis = new NumberAxis(c.logY() ? "log10 " + label(c.series()) : label(c.series()));
        font(xAxis);
        font(yAxis);
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        style(plot);
        JFreeChart chart = new JFreeChart(c.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis zAxis = new NumberAxis(label(c.y()));
        font(zAxis);
        zAxis.setRange(0, scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, zAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        return chart;
    }

    /** The grid spacing of a regular grid's coordinates: the smallest positive gap. */
    private static double step(double[] v) {
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
            LogAxis a = new LogAxis(label(column));
            a.setBase(10);
            a.setSmallestValue(1e-300);
            // One tick per decade, written 10^k: fractional exponents are unreadable.
            a.setTickUnit(new NumberTickUnit(1.0));
            a.setMinorTickCount(9);
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
            default -> column;
        };
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    private static String format(double v) {
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    /** White at zero to dark blue at the largest value. */
    private static final class BlueScale implements PaintScale {
        private final double upper;

        BlueScale(double upper) {
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
            double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value / upper));
            return new Color((int) (255 * (1 - 0.9 * t)), (int) (255 * (1 - 0.75 * t)), (int) (255 * (1 - 0.4 * t)));
        }
    }
}
