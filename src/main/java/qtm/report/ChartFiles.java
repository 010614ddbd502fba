package qtm.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as PNG (JFreeChart) and SVG (JFreeSVG), headless. */
public final class ChartFiles {
    /** Default size, at which legends and ticks are readable. */
    public static final int WIDTH = 1200;
    /** Default height. */
    public static final int HEIGHT = 800;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /**
     * The chart as an SVG document.
     *
     * @param chart the chart
     * @param width width in pixels
     * @param height height in pixels
     * @param idPrefix prefix of the element ids: JFreeSVG's default is time-based, which would make the same chart
     *     differ byte for byte between runs, and two charts inlined in one page need distinct ids
     * @return the SVG text
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    /**
     * Writes {@code base.png} and {@code base.svg}.
     *
     * @param chart the chart
     * @param dir directory
     * @param base file name without extension
     * @return the SVG text, for embedding in a report
     * @throws IOException on write failure
     */
    public static String write(JFreeChart chart, Path dir, String base) throws IOException {
        ChartUtils.saveChartAsPNG(dir.resolve(base + ".png").toFile(), chart, WIDTH, HEIGHT);
        String svg = svg(chart, WIDTH, HEIGHT, base + "-");
        Files.writeString(dir.resolve(base + ".svg"), svg, StandardCharsets.UTF_8);
        return svg;
    }
}
