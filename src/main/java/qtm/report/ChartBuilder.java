package qtm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Builds an XY chart from {@link Series}: each series with an SE is drawn as a mean line inside a translucent ±SE
 * band, each without as a plain (optionally dashed) line. Axis labels carry units, tick labels use plain decimal
 * notation, and fonts are sized to be read at 1200×800.
 */
public final class ChartBuilder {
    /** Colours in the order series are added: distinguishable, and readable in greyscale. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f)};
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 18);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private double logXTicks = 10;
    private boolean logY;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(Series series, Paint paint, boolean dashed, float width) {
    }

    /**
     * @param title chart title
     * @param xLabel x-axis label with unit
     * @param yLabel y-axis label with unit
     */
    public ChartBuilder(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * Draws y on a logarithmic axis; non-positive values are left out.
     *
     * @return this
     */
    public ChartBuilder logY() {
        logY = true;
        return this;
    }

    /**
     * Draws x on a logarithmic axis; non-positive values are left out.
     *
     * @return this
     */
    public ChartBuilder logX() {
        return logX(10);
    }

    /**
     * Draws x on a logarithmic axis with a tick at every power of {@code ratio} (2 for halvings of a step).
     *
     * @param ratio the factor between neighbouring ticks, &gt; 1
     * @return this
     */
    public ChartBuilder logX(double ratio) {
        logX = true;
        logXTicks = ratio;
        return this;
    }

    /**
     * Adds a series in the next palette colour.
     *
     * @param s the series
     * @return this
     */
    public ChartBuilder add(Series s) {
        return add(s, PALETTE[entries.size() % PALETTE.length], false);
    }

    /**
     * Adds a series.
     *
     * @param s the series
     * @param paint its colour
     * @param dashed whether the line is dashed
     * @return this
     */
    public ChartBuilder add(Series s, Paint paint, boolean dashed) {
        entries.add(new Entry(s, paint, dashed, 2.5f));
        return this;
    }

    /**
     * Adds a series drawn thin and translucent, for context rather than comparison.
     *
     * @param s the series
     * @param color its colour (made translucent)
     * @return this
     */
    public ChartBuilder addLight(Series s, Color color) {
        entries.add(new Entry(s, new Color(color.getRed(), color.getGreen(), color.getBlue(), 130), false, 1.5f));
        return this;
    }

    /**
     * @param i index
     * @return the i-th palette colour
     */
    public static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** @return the chart */
    public JFreeChart build() {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            YIntervalSeries ys = new YIntervalSeries(e.series().label(), false, true);
            Series s = e.series();
            for (int k = 0; k < s.x().length; k++) {
                double y = s.y()[k];
                double se = s.se() == null ? 0 : s.se()[k];
                if (!Double.isFinite(y) || (logY && y <= 0) || (logX && s.x()[k] <= 0)) {
                    continue;
                }
                double lo = y - se;
                if (logY && lo <= 0) {
                    lo = y;
                }
                ys.add(s.x()[k], y, lo, y + se);
            }
            data.addSeries(ys);
            renderer.setSeriesPaint(i, e.paint());
            renderer.setSeriesFillPaint(i, e.paint());
            float[] dash = e.dashed() ? new float[] {10f, 6f} : null;
            renderer.setSeriesStroke(i, new BasicStroke(e.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    dash, 0f));
        }
        renderer.setAlpha(0.25f);
        ValueAxis x = logX ? logAxis(xLabel, logXTicks) : plainAxis(new NumberAxis(xLabel));
        ValueAxis y = logY ? logAxis(yLabel, 10) : plainAxis(new NumberAxis(yLabel));
        if (!logY) {
            ((NumberAxis) y).setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 22), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(TICK);
        legend.setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    private static NumberAxis plainAxis(NumberAxis axis) {
        axis.setNumberFormatOverride(new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setTickLabelFont(TICK);
        axis.setLabelFont(LABEL);
        return axis;
    }

    private static LogAxis logAxis(String label, double ratio) {
        LogAxis axis = new LogAxis(label);
        // One tick per power of the ratio, labelled in plain notation (0.001, not 1E-3).
        axis.setTickUnit(new NumberTickUnit(Math.log10(ratio)));
        axis.setNumberFormatOverride(new DecimalFormat("0.##############", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setTickLabelFont(TICK);
        axis.setLabelFont(LABEL);
        axis.setSmallestValue(1e-14);
        return axis;
    }
}
