package qtm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qtm.verify.HomodyneVerdict;
import qtm.verify.HomodyneVerdict.Point;

/**
 * The homodyne charts pick their numbers from the verdict's shown points and nothing else: a hand-made verdict of two
 * baths (one with an underscore in its name), whose second spectrum is unjudged, gives one panel and one interactive
 * plot per bath and kind, with exactly the points' abscissae, means, SEs, exact and stationary values, the floor 1,
 * and "unjudged" in the second bath's legend only.
 */
class HomodyneFigureTest {
    @TempDir
    Path tmp;

    private static HomodyneVerdict verdict() {
        List<Point> shown = new ArrayList<>();
        for (String bath : List.of("cold", "hot_b")) {
            double shift = bath.equals("cold") ? 0 : 10;
            shown.add(new Point("homodyne_" + bath, 2, 0.2 + shift, 0.01, 0.21 + shift));
            shown.add(new Point("homodyne_" + bath, 4, 0.1 + shift, 0.02, 0.11 + shift));
        }
        for (String bath : List.of("cold", "hot_b")) {
            double shift = bath.equals("cold") ? 0 : 10;
            for (int i = 0; i < 3; i++) {
                shown.add(new Point("spectrum_" + bath + "_" + i, 0.5 * i, 1.3 + shift - i, 0.03, 1.25 + shift - i,
                        1.5 + shift - i));
            }
        }
        List<Point> judged = shown.subList(0, 7);
        return HomodyneVerdict.of(judged, List.of("spectrum of hot_b: the transient may move it"), shown);
    }

    @Test
    void pointsNameTheirBathAndKind() {
        HomodyneVerdict v = verdict();
        assertEquals(List.of("cold", "cold", "hot_b", "hot_b", "cold", "cold", "cold", "hot_b", "hot_b", "hot_b"),
                v.shown().stream().map(Point::bath).toList());
        assertEquals(4, v.shown().stream().filter(Point::current).count());
        assertTrue(v.unjudged("hot_b"));
        assertFalse(v.unjudged("cold"));
        assertTrue(Double.isNaN(v.shown().get(0).stationary()), "a current point has no stationary value");
    }

    @Test
    void theInteractivePlotsCarryTheVerdictsNumbers() {
        HomodyneVerdict v = verdict();
        List<InteractivePlot> spectra = HomodyneFigure.spectrumPlots(v);
        assertEquals(2, spectra.size());
        InteractivePlot hot = spectra.get(1);
        assertArrayEquals(new double[] {0, 0.5, 1}, hot.x(), 0);
        assertArrayEquals(new double[] {11.3, 10.3, 9.3}, hot.lines().get(0).y(), 1e-12);
        assertArrayEquals(new double[] {0.03, 0.03, 0.03}, hot.lines().get(0).se(), 0);
        assertTrue(hot.lines().get(0).label().contains("unjudged"), hot.lines().get(0).label());
        assertFalse(spectra.get(0).lines().get(0).label().contains("unjudged"), spectra.get(0).lines().get(0).label());
        assertArrayEquals(new double[] {11.25, 10.25, 9.25}, hot.lines().get(1).y(), 1e-12);
        assertArrayEquals(new double[] {11.5, 10.5, 9.5}, hot.lines().get(2).y(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, hot.lines().get(3).y(), 0);
        List<InteractivePlot> currents = HomodyneFigure.currentPlots(v);
        assertEquals(2, currents.size());
        assertArrayEquals(new double[] {2, 4}, currents.get(0).x(), 0);
        assertArrayEquals(new double[] {0.2, 0.1}, currents.get(0).lines().get(0).y(), 1e-12);
        assertArrayEquals(new double[] {0.01, 0.02}, currents.get(0).lines().get(0).se(), 0);
        assertArrayEquals(new double[] {10.21, 10.11}, currents.get(1).lines().get(1).y(), 1e-12);
        assertTrue(HomodyneFigure.spectrumCaption(v).contains("spectrum of hot_b"), "the caption gives the reason");
    }

    @Test
    void theStaticChartsHaveAPanelPerBathAndAreWritten() throws Exception {
        HomodyneVerdict v = verdict();
        CombinedDomainXYPlot spectrum = (CombinedDomainXYPlot) HomodyneFigure.spectrumChart(v).getPlot();
        assertEquals(2, spectrum.getSubplots().size());
        XYPlot cold = (XYPlot) spectrum.getSubplots().get(0);
        int series = 0;
        for (int i = 0; i < cold.getDatasetCount(); i++) {
            series += cold.getDataset(i).getSeriesCount();
        }
        assertEquals(4, series, "estimate, stationary, floor and exact");
        LegendItemCollection items = spectrum.getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertTrue(labels.contains("shot-noise floor 1") && labels.contains("diffusive ± SE (unjudged: transient)"),
                labels.toString());
        assertEquals(2, ((CombinedDomainXYPlot) HomodyneFigure.currentChart(v).getPlot()).getSubplots().size());
        List<HtmlReport.Figure> figures = HomodyneFigure.write(v, tmp);
        assertEquals(2, figures.size());
        assertEquals(2, figures.get(1).plots().size());
        for (String f : List.of("homodyne", "homodyne-current")) {
            assertTrue(Files.size(tmp.resolve(f + ".png")) > 0, f);
        }
    }
}
