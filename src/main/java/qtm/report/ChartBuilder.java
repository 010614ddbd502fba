package qtm.report;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Builds an XY chart from {@link Series}: each series with an SE is drawn as a mean line inside a translucent ±SE
 * band, each without as a plain (optionally dashed) line. Axis labels carry units, tick labels use plain decimal
 * notation except on decade axes, which read 10ᵏ ({@link PowersOfTen}), and fonts are sized to be read at 1200×800
 * ({@link ChartStyle} holds that look). Series are drawn in the order they are added, so a reference line added last
 * lies on top. Plain axes carry at most about eight ticks; log axes end on a labelled tick.
 */
public final class ChartBuilder {
    /** Colours in the order series are added: distinguishable, and readable in greyscale. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f)};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private double logXTicks = 10;
    private boolean logY;
    private double yFloor;
    private boolean markers;
    private final List<Entry> entries = new ArrayList<>();

    /**
     * One series as drawn.
     *
     * @param points drawn as markers with ±SE error bars and no line, rather than a line in a ±SE band
     */
    private record Entry(Series series, Paint paint, boolean dashed, float width, boolean listed, boolean points) {
        Entry(Series series, Paint paint, boolean dashed, float width, boolean listed) {
            this(series, paint, dashed, width, listed, false);
        }
    }

    /** Width of the reference (exact) lines: wider than the data, so they read on top of it. */
    private static final float REFERENCE_WIDTH = 3f;

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
     * Draws y on a logarithmic axis that reaches no lower than {@code floor}, for curves that start from zero and
     * would otherwise stretch the axis over decades of nothing.
     *
     * @param floor the lowest value shown, &gt; 0
     * @return this
     */
    public ChartBuilder logY(double floor) {
        logY = true;
        yFloor = floor;
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
     * Marks every point of every series with a shape, for curves of few points.
     *
     * @return this
     */
    public ChartBuilder markers() {
        markers = true;
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
        entries.add(new Entry(s, paint, dashed, 2.5f, true));
        return this;
    }

    /**
     * Adds a reference line (the exact solution): black, wider than the data, drawn over what was added before.
     *
     * @param s the series
     * @param dashed whether the line is dashed
     * @param listed whether it has its own legend entry (several references of one kind need only one)
     * @return this
     */
    public ChartBuilder addReference(Series s, boolean dashed, boolean listed) {
        entries.add(new Entry(s, Color.BLACK, dashed, REFERENCE_WIDTH, listed));
        return this;
    }

    /**
     * Adds an estimate of separate values (a histogram's bins): a marker at each point with its ±SE error bar, no
     * line between points, drawn over the lines and bands.
     *
     * @param s the series, its SEs the error bars (none drawn where it has none)
     * @param paint its colour
     * @return this
     */
    public ChartBuilder addPoints(Series s, Paint paint) {
        entries.add(new Entry(s, paint, false, 1.5f, true, true));
        return this;
    }

    /**
     * Adds a reference distribution over the integers (the exact P(N = n)) as black steps: P(n) held over
     * [n − ½, n + ½], the outline of a histogram of unit bins, closed down to 0 at both ends.
     *
     * @param s the distribution at consecutive integers
     * @param listed whether it has its own legend entry
     * @return this
     */
    public ChartBuilder addReferenceSteps(Series s, boolean listed) {
        int n = s.x().length;
        // From 0 up at the first integer's left edge and down to 0 at the last one's right edge.
        double[] x = new double[2 * n + 2];
        double[] y = new double[2 * n + 2];
        for (int i = 0; i < n; i++) {
            x[2 * i + 1] = s.x()[i] - 0.5;
            x[2 * i + 2] = s.x()[i] + 0.5;
            y[2 * i + 1] = s.y()[i];
            y[2 * i + 2] = s.y()[i];
        }
        if (n > 0) {
            x[0] = x[1];
            x[2 * n + 1] = x[2 * n];
        }
        entries.add(new Entry(Series.line(s.label(), x, y), Color.BLACK, false, 2f, listed));
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
        entries.add(new Entry(s, new Color(color.getRed(), color.getGreen(), color.getBlue(), 130), false, 1.5f,
                true));
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
        return ChartStyle.chart(title, plot());
    }

    /**
     * Panels one above the other over a shared x axis (the first panel's x label and scale), one legend for all:
     * series of the same label in several panels are listed once.
     *
     * @param title chart title
     * @param panels the panels, top first; their titles are not drawn
     * @return the chart
     */
    public static JFreeChart stacked(String title, ChartBuilder... panels) {
        ChartBuilder first = panels[0];
        ValueAxis x = first.logX ? ChartStyle.logAxis(first.xLabel, first.logXTicks)
                : ChartStyle.plainAxis(new NumberAxis(first.xLabel));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(28);
        Map<String, LegendItem> legend = new LinkedHashMap<>();
        for (ChartBuilder b : panels) {
            XYPlot p = b.plot();
            plot.add(p, 1);
            LegendItemCollection own = p.getLegendItems();
            for (int i = 0; i < own.getItemCount(); i++) {
                legend.putIfAbsent(own.get(i).getLabel(), own.get(i));
            }
        }
        LegendItemCollection items = new LegendItemCollection();
        legend.values().forEach(items::add);
        plot.setFixedLegendItems(items);
        ChartStyle.tidy(plot.getDomainAxis(), first.logXTicks, 0);
        return ChartStyle.chart(title, plot);
    }

    /** @return the plot alone, for a panel of a larger figure */
    XYPlot plot() {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, markers);
        YIntervalSeriesCollection pointData = new YIntervalSeriesCollection();
        XYErrorRenderer pointRenderer = ChartStyle.pointRenderer();
        // The dataset and series index of each entry, for the legend in the order the entries were added.
        List<int[]> where = new ArrayList<>();
        for (Entry e : entries) {
            YIntervalSeries ys = series(e);
            if (e.points()) {
                int k = pointData.getSeriesCount();
                pointData.addSeries(ys);
                ChartStyle.points(pointRenderer, k, e.paint(), e.listed());
                where.add(new int[] {1, k});
                continue;
            }
            int i = data.getSeriesCount();
            data.addSeries(ys);
            ChartStyle.line(renderer, i, e.paint(), e.dashed(), e.width(), e.listed());
            where.add(new int[] {0, i});
        }
        renderer.setAlpha(0.25f);
        ValueAxis x = logX ? ChartStyle.logAxis(xLabel, logXTicks) : ChartStyle.plainAxis(new NumberAxis(xLabel));
        ValueAxis y = logY ? ChartStyle.logAxis(yLabel, 10) : ChartStyle.plainAxis(new NumberAxis(yLabel));
        if (!logY) {
            ((NumberAxis) y).setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (pointData.getSeriesCount() > 0) {
            plot.setDataset(1, pointData);
            plot.setRenderer(1, pointRenderer);
            // The points and their error bars over the lines (the exact distribution) they are compared with.
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            LegendItemCollection items = new LegendItemCollection();
            for (int[] w : where) {
                LegendItem item = plot.getRenderer(w[0]).getLegendItem(w[0], w[1]);
                if (item != null) {
                    items.add(item);
                }
            }
            plot.setFixedLegendItems(items);
        }
        // JFreeChart draws the last series first by default, which would bury the reference lines.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        ChartStyle.background(plot);
        ChartStyle.tidy(x, logXTicks, 0);
        ChartStyle.tidy(y, 10, yFloor);
        return plot;
    }

    /** An entry's points that the axes can show, each with its ±SE interval (none below zero on a log axis). */
    private YIntervalSeries series(Entry e) {
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
        return ys;
    }
}
