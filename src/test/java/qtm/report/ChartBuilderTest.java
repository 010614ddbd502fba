package qtm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import qtm.run.RunCurves;

class ChartBuilderTest {
    private static final double[] T = {0, 1, 2, 3, 4};

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.05, ChartStyle.niceStep(0.26 / 7), 1e-15);
        assertEquals(1000, ChartStyle.niceStep(5000.0 / 7), 1e-9);
        assertEquals(2, ChartStyle.niceStep(2), 1e-15);
        assertEquals(0.001, ChartStyle.niceStep(0.001), 1e-18);
    }

    @Test
    void aPlainAxisCarriesAtMostEightTicks() {
        // The concurrence chart's case: bands from −0.06 to 0.2 gave JFreeChart's own choice 27 ticks.
        XYPlot plot = (XYPlot) new ChartBuilder("C", "t", "C")
                .add(new Series("data", T, new double[] {0, 0.05, 0.1, 0.1, 0.1},
                        new double[] {0, 0.1, 0.1, 0.1, 0.1}))
                .build().getPlot();
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        double ticks = Math.floor(y.getRange().getLength() / y.getTickUnit().getSize()) + 1;
        assertTrue(ticks <= 8 && ticks >= 4, ticks + " ticks over " + y.getRange());
    }

    @Test
    void aLogAxisEndsOnLabelledPowers() {
        XYPlot plot = (XYPlot) new ChartBuilder("dt", "dt", "bias").logX(2).logY()
                .add(Series.line("map", new double[] {1.5625, 3.125, 6.25, 12.5},
                        new double[] {8.7e-4, 1.7e-3, 3.5e-3, 7e-3}))
                .build().getPlot();
        LogAxis x = (LogAxis) plot.getDomainAxis();
        LogAxis y = (LogAxis) plot.getRangeAxis();
        assertEquals(1, x.getLowerBound(), 1e-6);
        assertEquals(16, x.getUpperBound(), 1e-6);
        assertEquals(1e-4, y.getLowerBound(), 1e-12);
        assertEquals(1e-2, y.getUpperBound(), 1e-10);
    }

    /** The labels of an axis's major ticks as laid out on a 1200×800 chart. */
    static List<String> majorTickLabels(JFreeChart chart, LogAxis axis, RectangleEdge edge) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartFiles.image(chart, 1200, 800, info);
        Graphics2D g = img.createGraphics();
        List<String> labels = new ArrayList<>();
        for (Object o : axis.refreshTicks(g, new AxisState(), info.getPlotInfo().getDataArea(), edge)) {
            if (o instanceof LogTick t && t.getTickType() == TickType.MAJOR) {
                AttributedCharacterIterator it = t.getAttributedLabel().getIterator();
                StringBuilder text = new StringBuilder();
                for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) {
                    text.append(c);
                }
                labels.add(text.toString());
            }
        }
        g.dispose();
        return labels;
    }

    /** Issue 23: a run chart's log axis reads 10⁻⁷, as the sweep charts' do, not 0.0000001. */
    @Test
    void logAxisTicksArePowersOfTen() {
        JFreeChart chart = new ChartBuilder("D", "t", "D").logY()
                .add(Series.line("relaxation", T, new double[] {0.5, 3e-3, 2e-5, 4e-7, 1e-7})).build();
        LogAxis y = (LogAxis) ((XYPlot) chart.getPlot()).getRangeAxis();
        assertEquals(List.of("10⁻⁷", "10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"),
                majorTickLabels(chart, y, RectangleEdge.LEFT));
        NumberFormat f = y.getNumberFormatOverride();
        assertEquals("10²", f.format(100.0));
        assertEquals("10⁻¹⁴", f.format(1e-14));
        assertEquals("0.002", f.format(2e-3), "a tick between decades in plain notation");
        // The Δt axis ticks at halvings, in plain numbers.
        JFreeChart dt = new ChartBuilder("dt", "dt", "bias").logX(2).logY()
                .add(Series.line("map", new double[] {1.5625, 3.125, 6.25, 12.5}, new double[] {1e-4, 1e-3, 2e-3,
                    1e-2})).build();
        assertEquals(List.of("1", "2", "4", "8", "16"), majorTickLabels(dt,
                (LogAxis) ((XYPlot) dt.getPlot()).getDomainAxis(), RectangleEdge.BOTTOM));
    }

    private static RunCurves.Curves counts(String name, double[] n, double[] p, double[] se) {
        return new RunCurves.Curves(name, null, null, null, null, null, null, null, null, null,
                new RunCurves.Counts(n, new RunCurves.Curve(p, se)));
    }

    /**
     * Issue 23: the count distribution is each engine's histogram as points with ±SE error bars (no line joining
     * them) against the exact distribution as black steps, not connected lines.
     */
    @Test
    void theCountDistributionHasPointsWithErrorBarsOverExactSteps() {
        double[] n = {-1, 0, 1, 2};
        double[] p = {0.05, 0.5, 0.4, 0.05};
        double[] se = {0.007, 0.016, 0.015, 0.007};
        RunCurves in = new RunCurves(new double[] {0, 1},
                List.of(new RunCurves.EngineCurves("trajectories", counts("trajectories", n, p, se)),
                        new RunCurves.EngineCurves("collision", counts("collision", n, p, se))),
                counts("exact", n, new double[] {0.04, 0.51, 0.4, 0.05}, null), Double.NaN, Double.NaN, null);
        XYPlot plot = (XYPlot) new CountDistributionFigure().chart(in).getPlot();
        XYErrorRenderer bars = assertInstanceOf(XYErrorRenderer.class, plot.getRenderer(1));
        assertTrue(bars.getDrawYError() && !bars.getDrawXError(), "vertical error bars");
        assertFalse(bars.getDefaultLinesVisible(), "points, not a line");
        IntervalXYDataset points = assertInstanceOf(IntervalXYDataset.class, plot.getDataset(1));
        assertEquals(2, points.getSeriesCount(), "one set of points per engine");
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < n.length; i++) {
                assertEquals(p[i], points.getYValue(s, i), 1e-15);
                assertEquals(p[i] - se[i], points.getStartYValue(s, i), 1e-15);
                assertEquals(p[i] + se[i], points.getEndYValue(s, i), 1e-15);
                assertEquals(n[i], points.getXValue(s, i), 0.1, "drawn at its count, set a little apart");
            }
        }
        assertNotEquals(points.getXValue(0, 1), points.getXValue(1, 1), "neither engine hides the other");
        XYDataset exact = plot.getDataset(0);
        assertEquals(1, exact.getSeriesCount());
        assertEquals(2 * n.length + 2, exact.getItemCount(0), "a step per integer, closed at both ends");
        assertEquals(0, exact.getYValue(0, 0), 1e-15);
        assertEquals(-1.5, exact.getXValue(0, 1), 1e-15);
        assertEquals(-0.5, exact.getXValue(0, 2), 1e-15);
        assertEquals(0.04, exact.getYValue(0, 2), 1e-15);
        assertEquals(2.5, exact.getXValue(0, 2 * n.length + 1), 1e-15);
        assertEquals(0, exact.getYValue(0, 2 * n.length + 1), 1e-15);
        assertEquals(Color.BLACK, plot.getRenderer(0).getSeriesPaint(0));
        LegendItemCollection items = plot.getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertEquals(List.of("trajectories histogram ± SE", "collision histogram ± SE", "exact P(N_c = n)"), labels);
    }

    @Test
    void theReferenceLineIsDrawnOverTheDataItCoincidesWith() {
        double[] y = {0, 1, 2, 3, 4};
        JFreeChart chart = new ChartBuilder("ref", "t", "y")
                .add(Series.line("data", T, y), ChartBuilder.color(0), false)
                .addReference(Series.line("exact", T, y), false, true).build();
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(1200, 800, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = (XYPlot) chart.getPlot();
        int px = (int) Math.round(plot.getDomainAxis().valueToJava2D(2.5, area, RectangleEdge.BOTTOM));
        int py = (int) Math.round(plot.getRangeAxis().valueToJava2D(2.5, area, RectangleEdge.LEFT));
        int rgb = img.getRGB(px, py);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        assertTrue(r < 60 && g < 60 && b < 60, String.format("the line's centre is black, not #%06x", rgb & 0xffffff));
    }

    @Test
    void stackedPanelsShareOneAxisAndListEachLabelOnce() {
        ChartBuilder cold = new ChartBuilder("", "t", "Q_c").add(Series.line("engine", T, T))
                .addReference(Series.line("exact", T, T), false, true);
        ChartBuilder hot = new ChartBuilder("", "t", "Q_h").add(Series.line("engine", T, T))
                .add(Series.line("other", T, T)).addReference(Series.line("exact", T, T), false, true)
                .addReference(Series.line("exact, unlisted", T, T), true, false);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) ChartBuilder.stacked("heat", cold, hot).getPlot();
        assertEquals(2, plot.getSubplots().size());
        LegendItemCollection items = plot.getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertEquals(List.of("engine", "exact", "other"), labels);
    }
}
