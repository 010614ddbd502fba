package qtm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * How every chart of a run looks, whatever it shows: the fonts (sized to be read at 1200×800), the axes and their
 * ticks, the legend, the renderers' strokes and markers, and the frame. Apart from {@link ChartBuilder}, which decides
 * what is drawn, so that {@link SweepCharts} shares the same look without building through it.
 */
final class ChartStyle {
    /** Tick labels and legend items. */
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    /** Axis labels. */
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 18);

    private ChartStyle() {
    }

    /** The renderer of points with ±SE error bars (a histogram's bins): no lines, vertical bars with caps. */
    static XYErrorRenderer pointRenderer() {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setCapLength(10);
        r.setErrorStroke(new BasicStroke(2f));
        return r;
    }

    /** Styles series k of {@link #pointRenderer}: a filled circle in its colour. */
    static void points(XYErrorRenderer r, int k, Paint paint, boolean listed) {
        r.setSeriesPaint(k, paint);
        r.setSeriesShape(k, new Ellipse2D.Double(-5, -5, 10, 10));
        r.setSeriesVisibleInLegend(k, listed);
    }

    /** Styles series i of a line renderer: its colour for the line and the ±SE band, solid or dashed. */
    static void line(DeviationRenderer r, int i, Paint paint, boolean dashed, float width, boolean listed) {
        r.setSeriesPaint(i, paint);
        r.setSeriesFillPaint(i, paint);
        r.setSeriesVisibleInLegend(i, listed);
        float[] dash = dashed ? new float[] {10f, 6f} : null;
        r.setSeriesStroke(i, new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }

    /** A white plot with light grey grid lines. */
    static void background(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
    }

    /**
     * @param title chart title
     * @param plot the plot
     * @return the chart: white, its title bold, its legend below
     */
    static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 22), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        // Room on the right for the last x tick's label, which is centred on the plot's edge.
        chart.setPadding(new RectangleInsets(4, 4, 4, 20));
        legend(chart.getLegend(), TICK);
        return chart;
    }

    /** Space after each legend label, so that its entry ends well before the next entry's swatch. */
    static final double LEGEND_GAP = 18;

    /**
     * Styles a chart's legend, below the plot, each label followed by {@link #LEGEND_GAP}: measured as drawn (see
     * {@link ChartFiles}), entries would otherwise touch, and an SVG viewer whose sans-serif font is a little wider
     * than Java's would run them together.
     *
     * @param legend the legend
     * @param font its items' font
     */
    static void legend(LegendTitle legend, Font font) {
        legend.setItemFont(font);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, LEGEND_GAP));
    }

    /**
     * Fixes the ticks once the axis has its data range: a plain axis gets at most eight ({@link #limitTicks}), a log
     * axis is widened to whole powers of its ratio so both ends carry a label.
     */
    static void tidy(ValueAxis axis, double ratio, double floor) {
        if (axis instanceof LogAxis log) {
            double lo = Math.max(floor, log.getLowerBound());
            double hi = log.getUpperBound();
            double step = Math.log(ratio);
            if (lo > 0 && hi > lo) {
                // The inner epsilons keep a bound that is a power already (1, 0.01) from moving out by a whole step;
                // the outer ones keep the end ticks inside the range despite rounding.
                log.setRange(Math.exp(Math.floor(Math.log(lo) / step + 1e-9) * step) * (1 - 1e-9),
                        Math.exp(Math.ceil(Math.log(hi) / step - 1e-9) * step) * (1 + 1e-9));
            }
        } else if (axis instanceof NumberAxis plain) {
            limitTicks(plain);
        }
    }

    /**
     * The colour scale of a map figure, on its right: 0 to the scale's top, exact zeros grey as the scale paints them.
     *
     * @param chart the map's chart
     * @param scale its paint scale
     * @param label what the colours are
     * @param labelFont the axis label's font
     * @param tickFont the tick labels' font
     */
    static void colourLegend(JFreeChart chart, org.jfree.chart.renderer.PaintScale scale, String label,
            Font labelFont, Font tickFont) {
        NumberAxis z = new NumberAxis(label);
        z.setLabelFont(labelFont);
        z.setTickLabelFont(tickFont);
        z.setRange(0, scale.getUpperBound());
        limitTicks(z);
        org.jfree.chart.title.PaintScaleLegend legend = new org.jfree.chart.title.PaintScaleLegend(scale, z);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
    }

    /**
     * Gives a plain axis that has its data range the 1-2-5 step of at most eight ticks: JFreeChart's own choice
     * fills the axis with as many labels as fit.
     *
     * @param axis the axis, already in a plot
     */
    static void limitTicks(NumberAxis axis) {
        if (axis.getRange().getLength() > 0) {
            axis.setTickUnit(new NumberTickUnit(niceStep(axis.getRange().getLength() / 7)), false, true);
        }
    }

    /** The smallest of 1, 2, 5 × 10^k not below {@code x}. */
    static double niceStep(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        double m = x / p;
        return (m <= 1 + 1e-9 ? 1 : m <= 2 + 1e-9 ? 2 : m <= 5 + 1e-9 ? 5 : 10) * p;
    }

    /** An axis in plain decimal notation, in the chart fonts. */
    static NumberAxis plainAxis(NumberAxis axis) {
        axis.setNumberFormatOverride(new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setTickLabelFont(TICK);
        axis.setLabelFont(LABEL);
        return axis;
    }

    /**
     * @param label the axis label with unit
     * @param ratio the factor between neighbouring ticks: 10 for decades labelled 10ᵏ, else plain notation
     * @return a log axis with no margins, in the chart fonts
     */
    static LogAxis logAxis(String label, double ratio) {
        LogAxis axis = new LogAxis(label);
        if (ratio == 10) {
            // A tick per decade labelled 10ᵏ, as the sweep charts' log axes are.
            PowersOfTen.decades(axis);
        } else {
            // One tick per power of the ratio (halvings of a step), labelled in plain notation: 0.5, 1, 2, 4.
            axis.setTickUnit(new NumberTickUnit(Math.log10(ratio)));
            axis.setNumberFormatOverride(new DecimalFormat("0.##############",
                    DecimalFormatSymbols.getInstance(Locale.ROOT)));
            axis.setMinorTickCount(0);
            axis.setMinorTickMarksVisible(false);
        }
        axis.setTickLabelFont(TICK);
        axis.setLabelFont(LABEL);
        axis.setSmallestValue(1e-14);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }
}
