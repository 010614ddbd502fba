package qtm.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes any chart as a PNG and an SVG side by side (base.png, base.svg), without a display. Each file appears whole
 * or not at all.
 */
public final class ChartFiles {
    static {
        // Charts are drawn off-screen; a server or CI has no display.
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /**
     * @param chart the chart
     * @param base the output path without extension, e.g. output/fig2a/fig2a
     * @param width width in pixels (SVG user units)
     * @param height height in pixels
     * @throws IOException on write failure
     */
    public static void write(JFreeChart chart, Path base, int width, int height) throws IOException {
        Path png = sibling(base, ".png");
        Path tmp = Files.createTempFile(png.toAbsolutePath().getParent(), "." + png.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtils.writeChartAsPNG(out, chart, width, height);
            }
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        String svg = g2.getSVGDocument();
        AtomicFile.write(sibling(base, ".svg"), w -> w.write(svg));
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }
}
