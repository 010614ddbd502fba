package qtm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.text.TextUtils;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
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

    /** The PDF rendered by poppler at 144 dpi, which gives back the 1200×800 pixels of the PNG layout. */
    private static BufferedImage rendered(byte[] pdf, Path dir) throws Exception {
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        if (!Files.isExecutable(pdftoppm)) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI must install pdftoppm (.ci/run installs poppler-utils)");
            }
            Assumptions.abort("pdftoppm is not installed (Debian package poppler-utils)");
        }
        Files.write(dir.resolve("c.pdf"), pdf);
        Process p = new ProcessBuilder(List.of(pdftoppm.toString(), "-png", "-r", "144", "-singlefile",
                dir.resolve("c.pdf").toString(), dir.resolve("r").toString())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdftoppm finished");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return ImageIO.read(dir.resolve("r.png").toFile());
    }

    @Test
    void pdftoppmRendersThePdfWithItsAxes(@TempDir Path dir) throws Exception {
        JFreeChart chart = chart();
        BufferedImage img = rendered(ChartFiles.pdf(chart, 1200, 800), dir);
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

    /** A legend of five long entries in one row and a second, as the concurrence chart has. */
    private static JFreeChart legendChart() {
        double[] t = {0, 1, 2, 3};
        ChartBuilder b = new ChartBuilder("Concurrence of the mean state", "t (units of 1/E)", "C");
        for (String label : new String[] {"C(ρ̄) trajectories ± SE", "C(ρ̄) collision ± SE",
            "mean trajectory C trajectories", "mean trajectory C collision", "exact C(ρ(t))",
            "steady state C = 0.05410"}) {
            b.add(Series.line(label, t, new double[] {0, 0.02, 0.03, 0.035}));
        }
        return b.build();
    }

    /** The legend entries' boxes as laid out, in reading order. */
    private static List<Rectangle2D> legendBoxes(ChartRenderingInfo info) {
        List<Rectangle2D> boxes = new ArrayList<>();
        EntityCollection entities = info.getEntityCollection();
        for (int i = 0; i < entities.getEntityCount(); i++) {
            if (entities.getEntity(i) instanceof LegendItemEntity e) {
                boxes.add(e.getArea().getBounds2D());
            }
        }
        boxes.sort(Comparator.comparingDouble(Rectangle2D::getY).thenComparingDouble(Rectangle2D::getX));
        return boxes;
    }

    /**
     * Issue 23: no two legend entries overlap, and each label's ink ends before the gap that closes its entry. The
     * gap is checked in the picture itself, so that a label drawn wider than it was laid out (OrsonPDF's fractional
     * glyph advances against JFreeChart's whole-pixel ones) fails even though the boxes themselves never overlap.
     */
    private static void assertLegendEntriesApart(BufferedImage img, ChartRenderingInfo info, String what) {
        List<Rectangle2D> boxes = legendBoxes(info);
        assertEquals(6, boxes.size(), what + ": one entity per legend entry");
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Rectangle2D overlap = boxes.get(i).createIntersection(boxes.get(j));
                assertFalse(overlap.getWidth() > 0.5 && overlap.getHeight() > 0.5,
                        what + ": legend entries " + i + " and " + j + " overlap: " + boxes);
            }
        }
        for (Rectangle2D box : boxes) {
            int x0 = (int) Math.ceil(box.getMaxX() - ChartStyle.LEGEND_GAP) + 2;
            int x1 = (int) Math.floor(box.getMaxX()) - 1;
            assertTrue(x1 - x0 >= 10, what + ": a gap of " + (x1 - x0) + " px");
            assertFalse(dark(img, x0, x1, (int) box.getMinY() + 1, (int) box.getMaxY() - 1),
                    what + ": a label runs into the gap after it, x " + x0 + "…" + x1 + " of " + box);
        }
    }

    @Test
    void legendEntriesStayApartInThePng() {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartFiles.image(legendChart(), 1200, 800, info);
        assertLegendEntriesApart(img, info, "PNG");
    }

    @Test
    void legendEntriesStayApartInThePdf(@TempDir Path dir) throws Exception {
        ChartRenderingInfo info = new ChartRenderingInfo();
        byte[] pdf = ChartFiles.pdf(legendChart(), 1200, 800, info);
        assertLegendEntriesApart(rendered(pdf, dir), info, "PDF");
    }

    /** The cause of issue 23's overlap: text laid out as wide as OrsonPDF draws it. */
    @Test
    void textIsLaidOutAsWideAsThePdfDrawsIt() {
        // Every chart file is written through ChartFiles, whose loading sets how JFreeChart measures text.
        ChartFiles.pdf(legendChart(), 1200, 800);
        PDFGraphics2D g = new PDFDocument().createPage(new Rectangle(0, 0, 600, 400)).getGraphics2D();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        for (String s : List.of("mean trajectory C trajectories", "C(ρ̄) trajectories ± SE")) {
            double laidOut = TextUtils.getTextBounds(s, g, g.getFontMetrics(font)).getWidth();
            double drawn = new TextLayout(s, font, g.getFontRenderContext()).getAdvance();
            assertEquals(drawn, laidOut, 0.5, s);
        }
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
