package qtm.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import qtm.run.PointRun;
import qtm.sweep.KeyAxis;

/**
 * The transient map of a one-axis Monte Carlo sweep (issue 26): one quantity (the concurrence, or a machine's first
 * negativity) over the axis value and t, one panel per engine and the exact transient last, side by side on one t
 * axis and one colour scale, so that Monte Carlo and exact are compared cell by cell.
 */
public final class TransientMapFigure {
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private TransientMapFigure() {
    }

    /**
     * @param axis the sweep's one axis
     * @param points each point's run, in the axis's order
     * @param title the chart title (a default when empty)
     * @return the chart
     */
    public static JFreeChart draw(KeyAxis axis, List<PointRun> points, String title) {
        PointRun.Transient first = points.get(0).transient_();
        List<String> panels = new ArrayList<>(first.engines().keySet());
        panels.add("exact");
        double max = 0;
        List<double[][]> cells = new ArrayList<>();
        for (String p : panels) {
            double[][] xyz = cells(axis, points, p);
            cells.add(xyz);
            for (double z : xyz[2]) {
                max = Double.isFinite(z) ? Math.max(max, z) : max;
            }
        }
        SweepCharts.ZeroAndViridis scale = new SweepCharts.ZeroAndViridis(max > 0 ? max : 1.0);
        NumberAxis t = new NumberAxis("t (units of 1/E)");
        font(t);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(t);
        plot.setGap(16);
        for (int i = 0; i < panels.size(); i++) {
            double[][] xyz = cells.get(i);
            DefaultXYZDataset data = new DefaultXYZDataset();
            data.addSeries(panels.get(i), xyz);
            XYBlockRenderer r = new XYBlockRenderer();
            r.setBlockWidth(SweepCharts.step(xyz[0]));
            r.setBlockHeight(SweepCharts.step(xyz[1]));
            r.setPaintScale(scale);
            NumberAxis x = new NumberAxis(panels.get(i) + ": " + axis.key());
            font(x);
            x.setAutoRangeIncludesZero(false);
            if (axis.log()) {
                x.setTickUnit(new NumberTickUnit(1.0, PowersOfTen.ofExponents()));
            }
            XYPlot panel = new XYPlot(data, x, null, r);
            panel.setBackgroundPaint(Color.WHITE);
            plot.add(panel, 1);
        }
        String name = title.isEmpty() ? first.quantity() + "(t) over " + axis.key() + ": Monte Carlo beside exact"
                : title;
        JFreeChart chart = new JFreeChart(name, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setTitle(new TextTitle(name, new Font(Font.SANS_SERIF, Font.BOLD, 20)));
        chart.setBackgroundPaint(Color.WHITE);
        ChartStyle.colourLegend(chart, scale, first.quantity() + " (grey: exactly 0)", LABEL, TICK);
        return chart;
    }

    /** One panel's cells: the axis value (log10 on a log axis) and t of each, and the quantity there. */
    private static double[][] cells(KeyAxis axis, List<PointRun> points, String panel) {
        int nt = points.get(0).transient_().t().length;
        double[][] xyz = new double[3][points.size() * nt];
        int k = 0;
        for (int i = 0; i < points.size(); i++) {
            PointRun.Transient p = points.get(i).transient_();
            double[] y = panel.equals("exact") ? p.exact() : p.engines().get(panel);
            double x = axis.log() ? Math.log10(axis.value(i)) : axis.value(i);
            for (int j = 0; j < nt; j++) {
                xyz[0][k] = x;
                xyz[1][k] = p.t()[j];
                xyz[2][k] = y == null ? Double.NaN : y[j];
                k++;
            }
        }
        return xyz;
    }

    private static void font(NumberAxis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
    }
}
