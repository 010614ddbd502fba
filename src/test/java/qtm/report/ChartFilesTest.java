package qtm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFilesTest {
    private static JFreeChart chart() {
        double[] t = {0, 1, 2, 3, 4, 5};
        return new ChartBuilder("Concurrence ρ̄, τ², ⟨N⟩", "t (1/E)", "C")
                .add(new Series("trajectories ± SE", t, new double[] {0, 0.02, 0.03, 0.035, 0.04, 0.041},
                        new double[] {0, 2e-3, 2e-3, 3e-3, 3e-3, 3e-3}))
                .add(Series.line("exact", t, new double[] {0, 0.021, 0.031, 0.036, 0.039, 0.04}))
                .build();
    }

    @Test
    void theSameChartWrittenTwiceHasTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        ChartFiles.write(chart(), a, "c");
        // OrsonPDF's dates have a resolution of one second: a second apart, a stamped date would differ.
        Thread.sleep(1100);
        ChartFiles.write(chart(), b, "c");
        byte[] pdf = Files.readAllBytes(a.resolve("c.pdf"));
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "a PDF");
        assertArrayEquals(pdf, Files.readAllBytes(b.resolve("c.pdf")), "same PDF bytes");
        assertArrayEquals(Files.readAllBytes(a.resolve("c.svg")), Files.readAllBytes(b.resolve("c.svg")),
                "same SVG bytes");
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("CreationDate") || text.contains("ModDate"), "no date in the PDF");
        assertFalse(text.contains("/ID"), "no file id in the PDF");
        assertTrue(Files.size(a.resolve("c.png")) > 10_000, "the PNG is still written");
    }

    @Test
    void pdftoppmRendersThePdfWithItsAxes(@TempDir Path dir) throws Exception {
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        if (!Files.isExecutable(pdftoppm)) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI must install pdftoppm (.ci/run installs poppler-utils)");
            }
            Assumptions.abort("pdftoppm is not installed (Debian package poppler-utils)");
        }
        JFreeChart chart = chart();
        Files.write(dir.resolve("c.pdf"), ChartFiles.pdf(chart, 1200, 800));
        // 144 dpi on the 600×400 pt page gives back the 1200×800 pixels of the PNG layout.
        Process p = new ProcessBuilder(List.of(pdftoppm.toString(), "-png", "-r", "144", "-singlefile",
                dir.resolve("c.pdf").toString(), dir.resolve("r").toString())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdftoppm finished");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        BufferedImage img = ImageIO.read(dir.resolve("r.png").toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(800, img.getHeight());
        int inked = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    inked++;
                }
            }
        }
        assertTrue(inked > img.getWidth() * img.getHeight() / 50, "not blank: " + inked + " non-white pixels");
        // Where JFreeChart lays out the plot at 1200×800, independently of the PDF.
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(1200, 800, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        int left = 0;
        for (int y = (int) area.getMinY() + 2; y < area.getMaxY() - 2; y++) {
            left += dark(img, (int) area.getMinX() - 5, (int) area.getMinX() + 2, y, y) ? 1 : 0;
        }
        int bottom = 0;
        for (int x = (int) area.getMinX() + 2; x < area.getMaxX() - 2; x++) {
            bottom += dark(img, x, x, (int) area.getMaxY() - 2, (int) area.getMaxY() + 5) ? 1 : 0;
        }
        assertTrue(left > 0.9 * (area.getHeight() - 4), "the y axis is drawn: " + left + " rows");
        assertTrue(bottom > 0.9 * (area.getWidth() - 4), "the x axis is drawn: " + bottom + " columns");
    }

    /** Whether a pixel of the box is dark: the axis lines are grey, the background white. */
    private static boolean dark(BufferedImage img, int x0, int x1, int y0, int y1) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 170 && ((rgb >> 8) & 0xff) < 170 && (rgb & 0xff) < 170) {
                    return true;
                }
            }
        }
        return false;
    }
}
