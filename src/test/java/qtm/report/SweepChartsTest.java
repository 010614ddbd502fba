package qtm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import qtm.sweep.SweepTable;

class SweepChartsTest {
    @Test
    void aMapShowsZeroInGreyWithItsBoundaryAndLogTicksAsPowers() {
        // Tc = 0, 1, 2 by Th = 1, 10, 100; no entanglement at Tc = 2, a very small concurrence at (1, 1).
        List<double[]> rows = new ArrayList<>();
        for (double tc : new double[] {0, 1, 2}) {
            for (double th : new double[] {1, 10, 100}) {
                double c = tc == 2 ? 0 : tc == 1 && th == 1 ? 1e-4 : 0.05;
                rows.add(new double[] {tc, th, c});
            }
        }
        SweepTable.Chart map = new SweepTable.Chart("", "map", "Tc", "concurrence", "Th", false, true, true, false);
        JFreeChart chart = SweepCharts.draw(new SweepTable(List.of("Tc", "Th", "concurrence"), rows, List.of(map)),
                map, "");
        XYPlot plot = (XYPlot) chart.getPlot();
        assertEquals(3, plot.getAnnotations().size(), "one edge per row between Tc = 1 and Tc = 2");
        assertEquals("10²", ((NumberAxis) plot.getRangeAxis()).getTickUnit().valueToString(2));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(1200, 800, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        assertEquals(0xc8c8c8, pixel(img, plot, area, 2, 1), "C = 0 is grey");
        int small = pixel(img, plot, area, 1, 0);
        assertNotEquals(0xc8c8c8, small, "a small C is not grey");
        assertTrue(((small >> 16) & 0xff) < 0x80, "a small C is dark, far from zero's grey");
    }

    /** Issue 23: fig2d's one curve is drawn as wide as a run chart's data (2.5 px), not 6 px. */
    @Test
    void aLoneCurveIsNotWidenedAndSeveralCurvesStayWithinSixPixels() {
        List<double[]> rows = new ArrayList<>();
        for (double tc : new double[] {0.03, 0.1, 0.2}) {
            for (double u : new double[] {0, 1, 2, 3}) {
                rows.add(new double[] {tc, u, 0.1 + tc + u});
            }
        }
        SweepTable table = new SweepTable(List.of("Tc", "U", "Th_threshold"), rows, List.of());
        SweepTable.Chart one = new SweepTable.Chart("", "fig2d", "Tc", "Th_threshold", null, false, true, false, false);
        XYPlot plot = (XYPlot) SweepCharts.draw(table, one, "").getPlot();
        assertEquals(2.5f, ((BasicStroke) plot.getRenderer().getSeriesStroke(0)).getLineWidth());
        SweepTable.Chart four = new SweepTable.Chart("", "by U", "Tc", "Th_threshold", "U", false, true, false, false);
        XYPlot curves = (XYPlot) SweepCharts.draw(table, four, "").getPlot();
        float previous = Float.POSITIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            float w = ((BasicStroke) curves.getRenderer().getSeriesStroke(i)).getLineWidth();
            assertTrue(w < previous && w <= 6f, "curve " + i + " is " + w + " px");
            previous = w;
        }
        assertEquals(2.5f, previous, "the last curve as wide as a lone one");
    }

    private static int pixel(BufferedImage img, XYPlot plot, Rectangle2D area, double tc, double log10Th) {
        int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(tc, area, RectangleEdge.BOTTOM));
        int y = (int) Math.round(plot.getRangeAxis().valueToJava2D(log10Th, area, RectangleEdge.LEFT));
        return img.getRGB(x + 3, y + 3) & 0xffffff;
    }
}
